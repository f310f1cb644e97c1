import { describe, expect, it } from "vitest";
import { SPEC_ENDPOINTS } from "../../src/spec/endpoints.generated.js";
import { requestBodySchema, resolveSchema, type SchemaNode } from "../../src/spec/schemas.generated.js";
import { FIELD_EQUIVALENTS, STATED_RULES } from "../../src/vipps/body-facts.js";

/** The schema at a dotted path of a body, through `oneOf`/`anyOf`/`allOf` branches; undefined where none has it. */
function schemaAt(root: SchemaNode | undefined, path: string): SchemaNode | undefined {
  let current: SchemaNode[] = root ? [root] : [];
  for (const key of path.split(".")) {
    const next: SchemaNode[] = [];
    for (const node of current) {
      const schema = resolveSchema(node);
      if (!schema) continue;
      for (const branch of [schema, ...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])]) {
        const resolved = resolveSchema(branch);
        const child = resolved?.properties?.[key];
        if (child) next.push(child);
      }
    }
    current = next;
  }
  return current[0];
}

describe("body facts agree with the generated schemas", () => {
  it.each(FIELD_EQUIVALENTS.flatMap((entry) => entry.endpoints.map((endpoint) => [endpoint, entry.path, entry] as const)))(
    "%s: %s is not a field there, and its replacement is",
    (endpoint, path, entry) => {
      const schema = requestBodySchema(endpoint);
      expect(schema).toBeDefined();
      expect(schemaAt(schema, path)).toBeUndefined();
      if (entry.replacement) expect(schemaAt(schema, entry.replacement)).toBeDefined();
      // A rename keeps the parent object: only the last key differs.
      if (entry.rename) expect(entry.replacement?.split(".").slice(0, -1)).toEqual(path.split(".").slice(0, -1));
      expect(entry.source).not.toBe("");
    },
  );

  it.each(STATED_RULES.map((rule) => [rule.id, rule] as const))("%s names endpoints with a request schema and a source", (_id, rule) => {
    for (const endpoint of rule.endpoints) {
      expect(SPEC_ENDPOINTS.some((spec) => spec.id === endpoint)).toBe(true);
      expect(requestBodySchema(endpoint)).toBeDefined();
    }
    expect(rule.source).toMatch(/vipps-api-facts\.md/);
  });

  it("knows the paths the stated rules read, except processingMode (newer than recurring-v3.yaml 2.6.17)", () => {
    const unknown = STATED_RULES.flatMap((rule) =>
      [...rule.when, rule.require].flatMap((condition) =>
        "path" in condition && rule.endpoints.some((endpoint) => !schemaAt(requestBodySchema(endpoint), condition.path)) ? [`${rule.id}: ${condition.path}`] : [],
      ),
    );
    expect(unknown).toEqual(["singleAttemptNoRetry: processingMode"]);
  });
});
