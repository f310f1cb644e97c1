import { unwrap } from "../core/ast.js";
import { AST_NODE_TYPES, type TSESTree } from "../core/eslint-api.js";
import { MAX_DEPTH, MAX_LOOKUP_STEPS } from "../core/limits.js";
import { memoised } from "../core/memo.js";
import { declaresName } from "../core/scope.js";
import { findField, findProperty, mayHideProperties, resolveObjectLiteral } from "../core/objects.js";
import { getPropertyKey, getStaticValue, resolveExpression } from "../core/static.js";
import type { SourceCode } from "../core/types.js";
import type { RequestBody, VippsRequest } from "../detect/index.js";
import { SPEC_ENDPOINTS, SPEC_SOURCES, type EndpointId } from "../spec/endpoints.generated.js";
import { requestBodySchema, resolveSchema, type SchemaNode } from "../spec/schemas.generated.js";
import { fieldsMissingFromSpec } from "../vipps/request-bodies.js";
import { FIELD_EQUIVALENTS, STATED_RULES, type FieldCondition, type FieldEquivalent, type StatedRule } from "../vipps/body-facts.js";

/**
 * Request-body checks beside the per-field schema checks of `vipps/valid-request-body`: a body a client would send
 * as "[object Object]", fields written in the wrong place (another object of the same body, another API, an older
 * version), and the rules the specs and the facts sheet state in words (src/vipps/body-facts.ts). Which field
 * exists where is read from the generated schemas; nothing here judges a value the code does not show. Repairs are
 * plans (fixes sit a layer above): `bodyRepairFix` in src/fix/body-repairs.ts turns one into a fix.
 */

export const BODY_RULE_MESSAGES = {
  unserialisedBody:
    '{{target}}: the body is a plain object, which {{client}} sends as the text "[object Object]"; send JSON.stringify(...) of it, with a Content-Type: application/json header.',
  objectAsRawBody:
    "{{target}}: {{client}} does not serialise a plain object given as `body` (it takes a string, buffer or stream there); pass it as `json`, which sends JSON with its Content-Type.",
  misplacedField: "{{target}}: {{path}} is not a field of {{parent}}; the spec ({{spec}}) has {{key}} {{expected}}.",
  otherApiField: "{{target}}: {{path}} is a field of the {{origin}}, not of this body; {{advice}}.",
  statedRule: "{{target}}: {{problem}}, but {{says}}.",
  renameMisplacedField: "Rename {{from}} to {{to}}.",
  setValue: "Set {{path}} to {{value}}.",
  removeOtherFields: "Remove every field but {{kept}}.",
} as const;

export type BodyRuleMessageId = keyof typeof BODY_RULE_MESSAGES;

/** The messages that are only ever suggestions (a person decides: they change what a payment does). */
export const BODY_RULE_SUGGESTION_ONLY = ["renameMisplacedField", "setValue", "removeOtherFields"] as const satisfies readonly BodyRuleMessageId[];
export type BodyRuleSuggestionId = (typeof BODY_RULE_SUGGESTION_ONLY)[number];

/** Which group of checks a problem belongs to, so that the rule's options can turn a group off. */
export type BodyRuleGroup = "serialisation" | "fieldPlace" | "statedRules";

export interface BodyRuleProblem {
  readonly at: TSESTree.Node;
  readonly messageId: BodyRuleMessageId;
  readonly data: Readonly<Record<string, string>>;
  readonly group: BodyRuleGroup;
  /** The body field reported, for a rule that must not report it again as unknown. */
  readonly field?: TSESTree.Property;
  /** `messageId` undefined: a plain fix; otherwise a suggestion with that message. */
  readonly repair?: {
    readonly messageId: BodyRuleSuggestionId | undefined;
    readonly plan: BodyRepairPlan;
    readonly data?: Readonly<Record<string, string>>;
  };
}

/** What a repair changes; src/fix/body-repairs.ts writes it in the file's style. */
export type BodyRepairPlan =
  /** `JSON.stringify(...)` around the property's value; a JSON Content-Type added to `headers`, or a `headers` property to `options`. */
  | { readonly kind: "serialise"; readonly property: TSESTree.Property; readonly headers?: TSESTree.ObjectExpression; readonly options?: TSESTree.ObjectExpression }
  | { readonly kind: "renameKey"; readonly property: TSESTree.Property; readonly key: string }
  | { readonly kind: "move"; readonly property: TSESTree.Property; readonly destination: TSESTree.ObjectExpression }
  | { readonly kind: "setValue"; readonly node: TSESTree.Literal; readonly value: string | number | boolean }
  | { readonly kind: "removeProperties"; readonly properties: readonly TSESTree.Property[] };

/** A body and the requests that send it (the rule kit's `SharedBody`, by shape: analysis sits below the kit). */
export interface BodyAndRequests {
  readonly body: RequestBody;
  readonly requests: readonly VippsRequest[];
}

/** Fields already reported in a file: a constant object sent in two bodies is reported once. */
const claimedFields = new WeakMap<TSESTree.Program, WeakSet<TSESTree.Node>>();

/**
 * Every problem of these checks in one body. Kept nowhere: its one caller asks once per body (the rule kit hands each
 * body once).
 */
export function findBodyRuleProblems(shared: BodyAndRequests, sourceCode: SourceCode): readonly BodyRuleProblem[] {
  const problems: BodyRuleProblem[] = [];
  for (const request of shared.requests) {
    const problem = unserialisedBody(sourceCode, request);
    if (problem) problems.push(problem);
  }
  const object = shared.body.object;
  const request = object && singleEndpointRequest(shared.requests);
  const endpoint = request?.endpoint?.id as EndpointId | undefined;
  if (object && request && endpoint) {
    const context: BodyContext = {
      sourceCode,
      endpoint,
      request,
      target: undefined,
      root: object,
      problems,
      claimed: memoised(claimedFields, sourceCode.ast, () => new WeakSet<TSESTree.Node>()),
      visited: new Set(),
    };
    const schema = requestBodySchema(endpoint);
    if (schema) walkObject(context, object, schema, "", 0);
    checkStatedRules(context);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------------
// A body the client does not serialise
// ---------------------------------------------------------------------------------------------------------------------

const CLIENT_NAMES: Readonly<Record<string, string>> = { fetch: "fetch", got: "got", ky: "ky", request: "request" };

function unserialisedBody(sourceCode: SourceCode, request: VippsRequest): BodyRuleProblem | undefined {
  const client = CLIENT_NAMES[request.transport];
  const node = request.body?.node;
  const property = node?.parent;
  if (!client || !node || property?.type !== AST_NODE_TYPES.Property || property.value !== node) return undefined;
  if (getPropertyKey(sourceCode, property) !== "body" || request.method === "GET" || request.method === "HEAD") return undefined;
  if (resolveExpression(sourceCode, node).type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const options = property.parent.type === AST_NODE_TYPES.ObjectExpression ? property.parent : undefined;
  const data = { target: targetLabel(request), client };
  if (request.transport === "got" || request.transport === "ky") {
    // got and ky serialise what they are given as `json` (the detection reads `json` first: there is none here).
    return {
      at: node,
      messageId: "objectAsRawBody",
      data,
      group: "serialisation",
      repair: { messageId: undefined, plan: { kind: "renameKey", property, key: "json" } },
    };
  }
  if (request.transport === "request" && options) {
    // request serialises `body` itself under `json: true`.
    const json = findProperty(sourceCode, options, "json");
    if (json && getStaticValue(sourceCode, json.value)?.value !== false) return undefined;
  }
  const canWrap = !declaresName(sourceCode, node, "JSON");
  return {
    at: node,
    messageId: "unserialisedBody",
    data,
    group: "serialisation",
    ...(canWrap && { repair: { messageId: undefined, plan: serialisePlan(sourceCode, request, property) } }),
  };
}

/** `JSON.stringify(...)` around the body, and a JSON Content-Type where the headers are a literal without one. */
function serialisePlan(sourceCode: SourceCode, request: VippsRequest, property: TSESTree.Property): BodyRepairPlan {
  const plan = { kind: "serialise", property } as const;
  if (request.headers?.entries.has("content-type")) return plan;
  const options = request.options;
  const headersProperty = options && findProperty(sourceCode, options, "headers");
  if (headersProperty) {
    const headers = resolveObjectLiteral(sourceCode, headersProperty.value);
    return headers && !mayHideProperties(sourceCode, headers) ? { ...plan, headers } : plan;
  }
  // No headers at all: the fix adds them to the options literal the body is written in.
  return options && property.parent === options && request.headers?.complete && !mayHideProperties(sourceCode, options) ? { ...plan, options } : plan;
}

// ---------------------------------------------------------------------------------------------------------------------
// Fields in the wrong place
// ---------------------------------------------------------------------------------------------------------------------

interface BodyContext {
  readonly sourceCode: SourceCode;
  readonly endpoint: EndpointId;
  /** The first request that sends the body, which names it in messages. */
  readonly request: VippsRequest;
  /** Its label, made for the first problem found: most bodies have none. */
  target: string | undefined;
  /** The body's object literal. */
  readonly root: TSESTree.ObjectExpression;
  readonly problems: BodyRuleProblem[];
  readonly claimed: WeakSet<TSESTree.Node>;
  readonly visited: Set<TSESTree.ObjectExpression>;
}

const joinPath = (parent: string, key: string): string => (parent ? `${parent}.${key}` : key);

/** The first request that sends the body, when every request that sends it goes to the same endpoint of a spec. */
function singleEndpointRequest(requests: readonly VippsRequest[]): VippsRequest | undefined {
  const first = requests[0];
  const id = first?.endpoint?.id;
  if (!first || !id || !SPEC_IDS.has(id)) return undefined;
  for (const request of requests) if (request.endpoint?.id !== id) return undefined;
  return first;
}
const SPEC_IDS: ReadonlySet<string> = new Set(SPEC_ENDPOINTS.map((endpoint) => endpoint.id));

function targetLabel(request: VippsRequest): string {
  const api = request.api?.label ?? "Vipps API";
  return request.endpoint ? `${api} "${request.endpoint.label}"` : `a ${api} request`;
}

const targetOf = (context: BodyContext): string => (context.target ??= targetLabel(context.request));

function specLabel(endpoint: EndpointId): string {
  const api = SPEC_ENDPOINTS.find((spec) => spec.id === endpoint)?.api;
  const source = api && SPEC_SOURCES[api];
  return source ? `${source.file} ${source.version}` : "the spec";
}

/**
 * The properties an object schema names, its `oneOf`/`anyOf`/`allOf` branches merged; undefined where any key is
 * allowed (`additionalProperties`) or the schema names none: nothing is judged there.
 */
function propertiesOf(node: SchemaNode | undefined): ReadonlyMap<string, SchemaNode> | undefined {
  if (!node) return undefined;
  // Asked for every object of every body: kept per schema node, which is the parsed spec's own and never changes.
  let properties = schemaProperties.get(node);
  if (properties === undefined) {
    properties = mergedProperties(node, 0) ?? null;
    schemaProperties.set(node, properties);
  }
  return properties ?? undefined;
}

const schemaProperties = new WeakMap<SchemaNode, ReadonlyMap<string, SchemaNode> | null>();

function mergedProperties(node: SchemaNode | undefined, depth: number): ReadonlyMap<string, SchemaNode> | undefined {
  const schema = node && resolveSchema(node);
  if (!schema || depth > MAX_DEPTH) return undefined;
  if (schema.additionalProperties === true || typeof schema.additionalProperties === "object") return undefined;
  const properties = new Map(Object.entries(schema.properties ?? {}));
  for (const branch of [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])]) {
    const inner = mergedProperties(branch, depth + 1);
    if (!inner) return undefined;
    for (const [key, value] of inner) if (!properties.has(key)) properties.set(key, value);
  }
  return properties.size > 0 ? properties : undefined;
}

const itemsOf = (node: SchemaNode): SchemaNode | undefined => resolveSchema(node)?.items;

/** The deepest body path a place index looks at: every Vipps body nests far less. */
const MAX_SCHEMA_DEPTH = 6;

const placeIndexes = new Map<EndpointId, ReadonlyMap<string, readonly string[]>>();

/** For each key of the endpoint's body schema, the parent paths it appears under (`[]` marks array items). */
function placesOf(endpoint: EndpointId): ReadonlyMap<string, readonly string[]> {
  let index = placeIndexes.get(endpoint);
  if (!index) {
    const places = new Map<string, string[]>();
    const visit = (node: SchemaNode, path: string, depth: number, seen: ReadonlySet<SchemaNode>): void => {
      const properties = propertiesOf(node);
      if (!properties || depth > MAX_SCHEMA_DEPTH) return;
      for (const [key, child] of properties) {
        const list = places.get(key) ?? [];
        if (!list.includes(path)) list.push(path);
        places.set(key, list);
        const resolved = resolveSchema(child);
        if (!resolved || seen.has(resolved)) continue;
        const next = new Set(seen).add(resolved);
        const items = itemsOf(resolved);
        if (items) visit(items, `${joinPath(path, key)}[]`, depth + 1, next);
        else visit(resolved, joinPath(path, key), depth + 1, next);
      }
    };
    const schema = requestBodySchema(endpoint);
    if (schema) visit(schema, "", 0, new Set());
    index = places;
    placeIndexes.set(endpoint, index);
  }
  return index;
}

/** The entries of a table about request bodies that apply to an endpoint, in the table's order: filtered once per endpoint. */
function entriesFor<Entry extends { readonly endpoints: readonly EndpointId[] }>(table: readonly Entry[]): (endpoint: EndpointId) => readonly Entry[] {
  const byEndpoint = new Map<EndpointId, readonly Entry[]>();
  return (endpoint) => {
    let entries = byEndpoint.get(endpoint);
    if (!entries) byEndpoint.set(endpoint, (entries = table.filter((entry) => entry.endpoints.includes(endpoint))));
    return entries;
  };
}

const equivalentsOf = entriesFor(FIELD_EQUIVALENTS);

interface ObjectsOfValue {
  readonly objects: readonly TSESTree.ObjectExpression[];
  readonly array: boolean;
}

/** Most fields hold neither an object nor an array: one shared answer for them. */
const NO_OBJECTS: ObjectsOfValue = { objects: [], array: false };

/** The object literal a value is, or its array literal's object literals. */
function objectsOf(sourceCode: SourceCode, value: TSESTree.Node): ObjectsOfValue {
  const expression = resolveExpression(sourceCode, value);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) return { objects: [expression], array: false };
  // Only a call or `new` (`JSON.stringify(x)`, `new URLSearchParams(x)`) leads resolveObjectLiteral on from here.
  if (expression.type === AST_NODE_TYPES.CallExpression || expression.type === AST_NODE_TYPES.NewExpression) {
    const object = resolveObjectLiteral(sourceCode, value);
    return object ? { objects: [object], array: false } : NO_OBJECTS;
  }
  if (expression.type !== AST_NODE_TYPES.ArrayExpression) return NO_OBJECTS;
  const objects: TSESTree.ObjectExpression[] = [];
  for (const element of expression.elements.slice(0, MAX_LOOKUP_STEPS)) {
    const item = element && element.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectLiteral(sourceCode, element) : undefined;
    if (item) objects.push(item);
  }
  return { objects, array: true };
}

function walkObject(context: BodyContext, object: TSESTree.ObjectExpression, schema: SchemaNode, path: string, depth: number): void {
  const properties = propertiesOf(schema);
  if (!properties || depth > MAX_DEPTH || context.visited.has(object)) return;
  context.visited.add(object);
  const count = Math.min(object.properties.length, MAX_LOOKUP_STEPS);
  for (let index = 0; index < count; index++) {
    const property = object.properties[index];
    if (property?.type !== AST_NODE_TYPES.Property || property.kind !== "init" || property.method) continue;
    const key = getPropertyKey(context.sourceCode, property);
    if (key === null) continue;
    const fieldSchema = properties.get(key);
    if (!fieldSchema) {
      checkUnknownField(context, property, key, path, depth);
      continue;
    }
    const { objects, array } = objectsOf(context.sourceCode, property.value);
    // The item schema matters only for an array of objects; most fields hold neither.
    if (objects.length === 0) continue;
    const fieldPath = joinPath(path, key);
    const items = array ? itemsOf(fieldSchema) : undefined;
    for (const child of objects) {
      if (array && items) walkObject(context, child, items, `${fieldPath}[]`, depth + 1);
      else if (!array) walkObject(context, child, fieldSchema, fieldPath, depth + 1);
    }
  }
}

/** A key the schema does not have where it is written: another API's or version's field, or one of another place. */
function checkUnknownField(context: BodyContext, property: TSESTree.Property, key: string, parentPath: string, depth: number): void {
  // A field the live API takes where the spec lacks it (src/vipps/request-bodies.ts) is in its place.
  if (fieldsMissingFromSpec(context.endpoint, parentPath)?.[key]) return;
  const fieldPath = joinPath(parentPath, key);
  const equivalents = equivalentsOf(context.endpoint);
  const equivalent = equivalents.find((entry) => entry.path === fieldPath);
  if (equivalent) {
    reportEquivalent(context, property, equivalent);
    return;
  }
  if (equivalents.some((entry) => entry.path.startsWith(`${fieldPath}.`))) {
    // `merchantInfo` in an ePayment body: what is inside says what the ePayment body takes instead.
    for (const child of objectsOf(context.sourceCode, property.value).objects) walkEquivalents(context, child, fieldPath, depth + 1);
    return;
  }
  // Places inside array items are left out (a field is rarely meant for every item), and so are places whose schema
  // cannot take the value written: `pricing.type: "LEGACY"` is not a misplaced `interval.type` (enum "RECURRING").
  const places = (placesOf(context.endpoint).get(key) ?? []).filter(
    (place) => place !== parentPath && !place.includes("[]") && fits(context.sourceCode, property.value, schemaAtPlace(context.endpoint, place, key)),
  );
  // A key found at many places says little about which one was meant: the unknown-field check reports it.
  if (places.length === 0 || places.length > 3 || context.claimed.has(property)) return;
  context.claimed.add(property);
  const expected = places.length === 1 ? `at ${places[0] || "the top level"}` : `at one of ${places.map((place) => place || "the top level").join(", ")}`;
  // The fix moves the field to the one place whose object the body already writes inline without it.
  const destinations = places.flatMap((place) => {
    const object = inlineObjectAt(context, place);
    return object && !findProperty(context.sourceCode, object, key) ? [object] : [];
  });
  const destination = destinations.length === 1 ? destinations[0] : undefined;
  const movable = destination && within(property, context.root);
  context.problems.push({
    at: property.key,
    messageId: "misplacedField",
    data: { target: targetOf(context), path: fieldPath, parent: parentPath || "the body", spec: specLabel(context.endpoint), key, expected },
    group: "fieldPlace",
    field: property,
    ...(movable && {
      repair: {
        messageId: undefined,
        plan: { kind: "move", property, destination },
      },
    }),
  });
}

/** The schema of `key` in the object at `place` (a path without array items). */
function schemaAtPlace(endpoint: EndpointId, place: string, key: string): SchemaNode | undefined {
  let current: SchemaNode | undefined = requestBodySchema(endpoint);
  for (const segment of place ? place.split(".") : []) current = current && propertiesOf(current)?.get(segment);
  return current && propertiesOf(current)?.get(key);
}

/** Whether a value could be meant for a field of this schema, as far as the code shows the value. */
function fits(sourceCode: SourceCode, value: TSESTree.Node, fieldSchema: SchemaNode | undefined): boolean {
  const schema = fieldSchema && resolveSchema(fieldSchema);
  if (!schema) return false;
  const expression = resolveExpression(sourceCode, value);
  const composite = expression.type === AST_NODE_TYPES.ObjectExpression || expression.type === AST_NODE_TYPES.ArrayExpression;
  const wantsComposite = schema.type === "object" || schema.type === "array" || schema.properties !== undefined;
  if (schema.type !== undefined && composite !== wantsComposite) return false;
  if (composite || !schema.enum) return true;
  const known = getStaticValue(sourceCode, value);
  return !known || schema.enum.some((allowed) => allowed === known.value);
}

function walkEquivalents(context: BodyContext, object: TSESTree.ObjectExpression, path: string, depth: number): void {
  if (depth > MAX_DEPTH || context.visited.has(object)) return;
  context.visited.add(object);
  const equivalents = equivalentsOf(context.endpoint);
  for (const property of object.properties.slice(0, MAX_LOOKUP_STEPS)) {
    if (property.type !== AST_NODE_TYPES.Property || property.kind !== "init") continue;
    const key = getPropertyKey(context.sourceCode, property);
    if (key === null) continue;
    const fieldPath = joinPath(path, key);
    const equivalent = equivalents.find((entry) => entry.path === fieldPath);
    if (equivalent) reportEquivalent(context, property, equivalent);
    else if (equivalents.some((entry) => entry.path.startsWith(`${fieldPath}.`))) {
      for (const child of objectsOf(context.sourceCode, property.value).objects) walkEquivalents(context, child, fieldPath, depth + 1);
    }
  }
}

function reportEquivalent(context: BodyContext, property: TSESTree.Property, equivalent: FieldEquivalent): void {
  if (context.claimed.has(property)) return;
  context.claimed.add(property);
  const { sourceCode } = context;
  const replacement = equivalent.replacement;
  const advice = replacement
    ? `this body takes ${replacement}${equivalent.note ? ` (${equivalent.note})` : ""}`
    : (equivalent.note ?? "this body has no such field");
  const newKey = replacement?.slice(replacement.lastIndexOf(".") + 1);
  const sameParent = replacement !== undefined && parentOf(replacement) === parentOf(equivalent.path);
  const object = property.parent.type === AST_NODE_TYPES.ObjectExpression ? property.parent : undefined;
  const renamable = equivalent.rename && sameParent && newKey && object && !findProperty(sourceCode, object, newKey);
  const plan: BodyRepairPlan | undefined = renamable ? { kind: "renameKey", property, key: newKey } : undefined;
  context.problems.push({
    at: property.key,
    messageId: "otherApiField",
    data: { target: targetOf(context), path: equivalent.path, origin: equivalent.origin, advice, source: equivalent.source },
    group: "fieldPlace",
    field: property,
    ...(plan && {
      repair:
        equivalent.rename === "fix"
          ? { messageId: undefined, plan }
          : { messageId: "renameMisplacedField" as const, plan, data: { from: equivalent.path, to: replacement ?? "" } },
    }),
  });
}

const parentOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf(".")));

const within = (node: TSESTree.Node, outer: TSESTree.Node): boolean => outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1];

/** The object literal written inline at `path` of the body (`merchantInfo`), where a fix can add to it in place. */
function inlineObjectAt(context: BodyContext, path: string): TSESTree.ObjectExpression | undefined {
  let current: TSESTree.ObjectExpression | undefined = context.root;
  for (const key of path ? path.split(".") : []) {
    const property: TSESTree.Property | undefined = current && findProperty(context.sourceCode, current, key);
    const value: TSESTree.Node | undefined = property && property.parent === current ? unwrap(property.value) : undefined;
    current = value?.type === AST_NODE_TYPES.ObjectExpression ? value : undefined;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------------------------------
// Rules stated in words
// ---------------------------------------------------------------------------------------------------------------------

/** What the code shows about a condition: holds, fails (with where and why), or unknown. */
type Verdict = { readonly holds: true } | { readonly holds: false; readonly at: TSESTree.Node | undefined; readonly problem: string; readonly fields?: readonly TSESTree.Property[] } | undefined;

/** The stated rules about the endpoint's bodies, in their order. */
const statedRulesOf = entriesFor(STATED_RULES);

function checkStatedRules(context: BodyContext): void {
  for (const rule of statedRulesOf(context.endpoint)) {
    let trigger: TSESTree.Node | undefined;
    let applies = true;
    for (const condition of rule.when) {
      const verdict = judge(context, condition);
      if (verdict?.holds !== true) applies = false;
      trigger ??= "path" in condition ? findField(context.sourceCode, context.root, condition.path)?.key : undefined;
    }
    if (!applies) continue;
    const verdict = judge(context, rule.require);
    if (!verdict || verdict.holds) continue;
    const at = verdict.at ?? trigger ?? context.root;
    context.problems.push({
      at,
      messageId: "statedRule",
      data: { target: targetOf(context), problem: verdict.problem, says: rule.says, source: rule.source },
      group: "statedRules",
      ...statedRuleRepair(context, rule, verdict.fields),
    });
  }
}

function statedRuleRepair(context: BodyContext, rule: StatedRule, extraFields: readonly TSESTree.Property[] | undefined): Pick<BodyRuleProblem, "repair"> {
  const { sourceCode } = context;
  const condition = rule.require;
  if ("onlyFields" in condition && extraFields && extraFields.length > 0) {
    return { repair: { messageId: "removeOtherFields", plan: { kind: "removeProperties", properties: extraFields }, data: { kept: condition.onlyFields.join(", ") } } };
  }
  if ("is" in condition) {
    const property = findField(sourceCode, context.root, condition.path);
    const value = property && unwrap(property.value);
    if (!property || value?.type !== AST_NODE_TYPES.Literal || !within(property, context.root)) return {};
    return { repair: { messageId: "setValue", plan: { kind: "setValue", node: value, value: condition.is }, data: { path: condition.path, value: describe(condition.is) } } };
  }
  return {};
}

/** Whether nothing hidden (a spread or computed key out of reach) could write `path` in the body. */
function isWhollyKnown(context: BodyContext, path: string): boolean {
  let current: TSESTree.ObjectExpression | undefined = context.root;
  for (const key of path.split(".")) {
    if (!current || mayHideProperties(context.sourceCode, current)) return false;
    const property: TSESTree.Property | undefined = findProperty(context.sourceCode, current, key);
    if (!property) return true;
    current = resolveObjectLiteral(context.sourceCode, property.value);
  }
  return true;
}

const describe = (value: unknown): string => (typeof value === "string" ? `"${value}"` : String(value));

function judge(context: BodyContext, condition: FieldCondition): Verdict {
  const { sourceCode, root } = context;
  if ("onlyFields" in condition) {
    const extra = root.properties.filter(
      (property): property is TSESTree.Property =>
        property.type === AST_NODE_TYPES.Property && !condition.onlyFields.includes(getPropertyKey(sourceCode, property) ?? ""),
    );
    if (extra.length > 0) {
      const names = extra.map((property) => getPropertyKey(sourceCode, property) ?? sourceCode.getText(property.key)).join(", ");
      return { holds: false, at: extra[0]?.key, problem: `the body also carries ${names}`, fields: extra };
    }
    return mayHideProperties(sourceCode, root) ? undefined : { holds: true };
  }
  const property = findField(sourceCode, root, condition.path);
  if ("present" in condition || "absent" in condition) {
    const present = property ? true : isWhollyKnown(context, condition.path) ? false : undefined;
    if (present === undefined) return undefined;
    const wanted = "present" in condition;
    if (present === wanted) return { holds: true };
    return { holds: false, at: property?.key, problem: present ? `${condition.path} is set too` : `${condition.path} is missing` };
  }
  if (!property) {
    // An absent field with a known-complete body fails a word rule; an absent value for `is` is left to the spec's default.
    return "containsWords" in condition && isWhollyKnown(context, condition.path) ? { holds: false, at: undefined, problem: `${condition.path} is missing` } : undefined;
  }
  const result = getStaticValue(sourceCode, property.value);
  if (!result) return undefined;
  const value = result.value;
  if ("is" in condition) return value === condition.is ? { holds: true } : { holds: false, at: property.value, problem: `${condition.path} is ${describe(value)}` };
  if (typeof value !== "string") return undefined;
  const words = new Set(value.split(" ").filter(Boolean));
  const missing = condition.containsWords.filter((word) => !words.has(word));
  return missing.length === 0 ? { holds: true } : { holds: false, at: property.value, problem: `${condition.path} lacks "${missing.join(" ")}"` };
}
