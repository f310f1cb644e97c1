// Rule metadata and configs, for every rule the plugin registers: what users see in docs, editors, SARIF logs and
// `--print-config` must be complete and true.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import packageJson from "../package.json" with { type: "json" };
import { rules } from "../rules/index.js";
import { REPOSITORY_URL } from "../src/rule-kit.js";
import plugin from "../src/index.js";

const ROOT = join(import.meta.dirname, "..");
const ruleNames = Object.keys(rules);

/** JSON Schema as the rules write it: the parts this test walks. */
interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode | SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
}

/** Every place in a schema where an object property lacks a description or an object accepts unknown keys. */
function schemaProblems(node: SchemaNode, path: string): string[] {
  const problems: string[] = [];
  if (node.properties) {
    if (node.additionalProperties !== false) problems.push(`${path}: additionalProperties is not false`);
    for (const [key, property] of Object.entries(node.properties)) {
      if (typeof property.description !== "string" || property.description.trim() === "") {
        problems.push(`${path}.${key}: no description`);
      }
      problems.push(...schemaProblems(property, `${path}.${key}`));
    }
  }
  const children = [
    ...(Array.isArray(node.items) ? node.items : node.items ? [node.items] : []),
    ...(node.anyOf ?? []),
    ...(node.oneOf ?? []),
  ];
  children.forEach((child, index) => problems.push(...schemaProblems(child, `${path}[${index}]`)));
  return problems;
}

const schemaOf = (name: string): SchemaNode[] => {
  const schema = rules[name as keyof typeof rules].meta.schema as SchemaNode | SchemaNode[] | undefined;
  return schema === undefined ? [] : Array.isArray(schema) ? schema : [schema];
};

describe("plugin", () => {
  it("is named after the package, with its version and namespace", () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: "vipps" });
  });

  it("registers every rule file in rules/, and every rule has a test file", () => {
    const files = readdirSync(join(ROOT, "rules"))
      .filter((file) => file.endsWith(".ts") && file !== "index.ts")
      .map((file) => file.replace(/\.ts$/, ""));
    expect(ruleNames.toSorted()).toEqual(files.toSorted());
    expect(Object.keys(plugin.rules).toSorted()).toEqual(files.toSorted());
    for (const name of ruleNames) expect(existsSync(join(ROOT, "tests/rules", `${name}.test.ts`)), name).toBe(true);
  });
});

describe.each(ruleNames)("rule %s", (name) => {
  const { meta } = rules[name as keyof typeof rules];
  // createRule's types make docs optional; every rule of this plugin states them (checked first).
  const docs = meta.docs ?? { description: "", recommended: false, url: undefined };

  it("states meta.docs", () => {
    expect(meta.docs).toBeDefined();
  });

  it("has a doc page, and docs.url points at it", () => {
    expect(existsSync(join(ROOT, "docs/rules", `${name}.md`))).toBe(true);
    expect(docs.url).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);
  });

  it("has a description that says what the rule asks for", () => {
    expect(docs.description).toMatch(/^(Enforce|Require|Disallow) \S.*[^.\s]$/);
    expect(typeof docs.recommended).toBe("boolean");
    expect(["problem", "suggestion", "layout"]).toContain(meta.type);
  });

  it("has messages", () => {
    const messages = Object.entries(meta.messages);
    expect(messages.length).toBeGreaterThan(0);
    for (const [id, text] of messages) expect(text.trim(), id).not.toBe("");
  });

  it("has a schema with a description on every property and no unknown keys", () => {
    expect(meta.schema).toBeDefined();
    expect(schemaOf(name).flatMap((entry, index) => schemaProblems(entry, `schema[${index}]`))).toEqual([]);
  });

  it("states default options that its own schema accepts", () => {
    const defaults = (meta as { defaultOptions?: unknown[] }).defaultOptions;
    if (schemaOf(name).length === 0) return;
    expect(defaults).toBeDefined();
    // meta.defaultOptions is the only place a default is written: the top-level copy older tooling reads is the same
    // object, and ESLint merges it into the options create() sees.
    expect(rules[name as keyof typeof rules].defaultOptions).toBe(defaults);
    const linter = new Linter({ configType: "flat" });
    // ESLint validates options against the schema and throws on a mismatch.
    expect(() =>
      linter.verify("", [{ plugins: { vipps: plugin }, rules: { [`vipps/${name}`]: ["error", ...(defaults ?? [])] } }]),
    ).not.toThrow();
  });

  it("is in exactly the configs its recommended flag says", () => {
    const id = `vipps/${name}`;
    // `all` turns on the groups a rule keeps off by default (`meta.docs.allConfigOptions`), and the schema takes them.
    const inAll = docs.allConfigOptions ? ["error", docs.allConfigOptions] : "error";
    expect(plugin.configs.all.rules?.[id]).toEqual(inAll);
    expect(plugin.configs["legacy-all"].rules?.[id]).toEqual(inAll);
    expect(() => new Linter({ configType: "flat" }).verify("", [plugin.configs.all])).not.toThrow();
    const expected = docs.recommended ? "error" : undefined;
    expect(plugin.configs.recommended.rules?.[id]).toBe(expected);
    expect(plugin.configs["legacy-recommended"].rules?.[id]).toBe(expected);
  });

  it("is listed in the README", () => {
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain(`[${name}](docs/rules/${name}.md)`);
  });
});

describe("configs", () => {
  it.each(["recommended", "all"] as const)("%s is named and refers to the plugin itself", (config) => {
    expect(plugin.configs[config].name).toBe(`vipps/${config}`);
    expect(plugin.configs[config].plugins?.vipps).toBe(plugin);
    expect(Object.keys(plugin.configs[config]).toSorted()).toEqual(["files", "name", "plugins", "rules"]);
  });

  it.each(["recommended", "all"] as const)("%s applies to JavaScript and TypeScript files, and to nothing else", (config) => {
    expect(plugin.configs[config].files).toEqual([
      "**/*.js",
      "**/*.mjs",
      "**/*.cjs",
      "**/*.jsx",
      "**/*.ts",
      "**/*.tsx",
      "**/*.mts",
      "**/*.cts",
    ]);
  });

  it("leave require-explicit-checkout-flow, whose flag Vipps has ignored since March 2023, out of recommended", () => {
    expect(plugin.configs.recommended.rules).not.toHaveProperty(["vipps/require-explicit-checkout-flow"]);
    expect(plugin.configs["legacy-recommended"].rules).not.toHaveProperty(["vipps/require-explicit-checkout-flow"]);
    expect(plugin.configs.all.rules?.["vipps/require-explicit-checkout-flow"]).toBe("error");
    expect(plugin.configs["legacy-all"].rules?.["vipps/require-explicit-checkout-flow"]).toBe("error");
  });

  it.each([
    ["legacy-recommended", "recommended"],
    ["legacy-all", "all"],
  ] as const)("%s has the eslintrc shape and the rules of %s", (legacy, flat) => {
    expect(plugin.configs[legacy]).toEqual({ plugins: ["vipps"], rules: plugin.configs[flat].rules });
  });

  it("only name rules of this plugin", () => {
    for (const config of Object.values(plugin.configs)) {
      for (const id of Object.keys(config.rules ?? {})) expect(ruleNames).toContain(id.replace(/^vipps\//, ""));
    }
  });

  it("work in ESLint as given", () => {
    const linter = new Linter({ configType: "flat" });
    const code = 'fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify({}) });';
    for (const config of [plugin.configs.recommended, plugin.configs.all]) {
      expect(linter.verify(code, [config], "checkout.js").filter((message) => message.fatal)).toEqual([]);
    }
  });
});
