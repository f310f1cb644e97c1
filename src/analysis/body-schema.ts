import { unwrap } from "../core/ast.js";
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "../core/eslint-api.js";
import { isStringLiteralNode, visitValueSources, type StringLiteralNode } from "../core/literals.js";
import { MAX_DEPTH, MAX_LOOKUP_STEPS, MAX_STRING_LENGTH } from "../core/limits.js";
import { resolveObjectLiteral } from "../core/objects.js";
import { getPropertyKey, getStaticValue, getStringPattern, hasScheme, UNKNOWN_PART, type StaticPrimitive } from "../core/static.js";
import type { SourceCode } from "../core/types.js";
import type { EndpointId } from "../spec/endpoints.generated.js";
import { requestBodySchema, resolveSchema, type SchemaNode } from "../spec/schemas.generated.js";
import { getEndpoint } from "../vipps/apis.js";
import { booleanSpelling, EPAYMENT_MINIMUM_AMOUNTS, fieldsMissingFromSpec, isAlwaysRequired, isMoneyKey, schemaFieldCorrection, urlFieldSpec } from "../vipps/request-bodies.js";

/**
 * A request body object literal checked against its endpoint's generated schema, as far as the code shows the values:
 * literals, constants, templates and the literal operands of `||`, `??` and `?:`. Unknown values are never judged.
 * One pass over the literal, bounded by MAX_DEPTH nesting and MAX_BODY_STEPS schema checks, answered once per body and
 * endpoint.
 */

interface ProblemBase {
  /** The field as messages name it: `merchantInfo.staticShippingDetails[0].isDefault`. */
  readonly path: string;
  /** The field as the spec names it, without array indexes: `merchantInfo.staticShippingDetails.isDefault`. */
  readonly specPath: string;
  /** Where to report. */
  readonly node: TSESTree.Node;
  /** Equal for the same problem found through different `oneOf` branches. */
  readonly signature: string;
}

/** What a repair writes for a value of the wrong type: a string (in the file's quotes) or source text. */
export type Replacement = { readonly string: string } | { readonly text: string };

/** A literal a repair may rewrite: written in place, or a constant read only here. */
export type EditableLiteral = TSESTree.Literal | StringLiteralNode;

export type BodyProblem = ProblemBase &
  (
    | { readonly kind: "unknownField"; readonly property: TSESTree.Property; readonly key: string; readonly candidates: readonly string[]; readonly close: boolean; readonly parentPath: string }
    | { readonly kind: "wrongType"; readonly expected: string; readonly actual: string; readonly literal?: EditableLiteral; readonly replacement?: Replacement }
    | { readonly kind: "notInEnum"; readonly value: string; readonly allowed: readonly string[]; readonly closest?: string; readonly close: boolean; readonly literal?: EditableLiteral }
    | { readonly kind: "pattern"; readonly value: string; readonly pattern: string }
    | { readonly kind: "length"; readonly value: string; readonly length: number; readonly min?: number; readonly max?: number }
    | { readonly kind: "range"; readonly value: number; readonly min?: number; readonly max?: number; readonly money: boolean; readonly currency?: string }
    | { readonly kind: "notInteger"; readonly value: number; readonly money: boolean; readonly literal?: EditableLiteral }
    | { readonly kind: "unrounded"; readonly expression: TSESTree.BinaryExpression }
    | { readonly kind: "url"; readonly value: string; readonly need: "https" | "absolute"; readonly appSchemes: boolean; readonly literal?: EditableLiteral }
    | { readonly kind: "missing"; readonly key: string; readonly object: TSESTree.ObjectExpression }
  );

/** Schema checks per body: enough for any real body (each field is a few), small enough to bound a generated one. */
const MAX_BODY_STEPS = MAX_LOOKUP_STEPS * 8;
/** Keys longer than this get no did-you-mean (the edit distance costs the product of the lengths). */
const MAX_KEY_LENGTH = 64;

/**
 * The problems of `object` sent to `endpoint`. Kept nowhere: its one caller asks once per body and endpoint (the rule
 * kit hands each body once, and the rule asks once per endpoint of its requests).
 */
export function checkRequestBody(sourceCode: SourceCode, object: TSESTree.ObjectExpression, endpoint: EndpointId): readonly BodyProblem[] {
  const schema = requestBodySchema(endpoint);
  if (!schema) return [];
  const walk: Walk = { sourceCode, endpoint, phonePaths: phonePathsOf(endpoint), steps: 0 };
  return checkNode(walk, object, schema, ROOT, 0);
}

/** The endpoint's phone fields, from its static table: made once per endpoint for every body and file. */
const phonePathsByEndpoint = new Map<EndpointId, ReadonlySet<string>>();

function phonePathsOf(endpoint: EndpointId): ReadonlySet<string> {
  let paths = phonePathsByEndpoint.get(endpoint);
  if (!paths) {
    paths = new Set(Object.entries(getEndpoint(endpoint)?.fields ?? {}).flatMap(([path, field]) => (field.phone ? [path] : [])));
    phonePathsByEndpoint.set(endpoint, paths);
  }
  return paths;
}

interface Walk {
  readonly sourceCode: SourceCode;
  readonly endpoint: EndpointId;
  readonly phonePaths: ReadonlySet<string>;
  steps: number;
}

interface At {
  readonly path: string;
  readonly specPath: string;
  /** The last key, for money fields. */
  readonly key: string;
}

const ROOT: At = { path: "", specPath: "", key: "" };

function childAt(at: At, key: string): At {
  const specPath = at.specPath ? `${at.specPath}.${key}` : key;
  // Outside arrays the two paths are one string: built once, and hashed once by the look-ups keyed by either.
  return { path: at.path === at.specPath ? specPath : `${at.path}.${key}`, specPath, key };
}

const itemAt = (at: At, index: number): At => ({ path: `${at.path}[${index}]`, specPath: at.specPath, key: at.key });

function checkNode(walk: Walk, node: TSESTree.Node, written: SchemaNode, at: At, depth: number): BodyProblem[] {
  const problems: BodyProblem[] = [];
  checkNodeInto(walk, node, written, at, depth, problems);
  return problems;
}

/** `checkNode`, adding the problems to `problems` (in the same order) instead of to an array of their own. */
function checkNodeInto(walk: Walk, node: TSESTree.Node, written: SchemaNode, at: At, depth: number, problems: BodyProblem[]): void {
  if (depth > MAX_DEPTH || ++walk.steps > MAX_BODY_STEPS) return;
  const { schema, alternatives } = resolvedSchema(written);
  if (!schema) return;
  if (alternatives) {
    problems.push(...alternativeProblems(walk, node, alternatives, at, depth));
    return;
  }
  for (const candidate of candidatesOf(walk.sourceCode, node)) checkCandidate(walk, candidate, schema, at, depth, problems);
}

/**
 * A problem counts only when every alternative that fits has it: a field one branch lacks may be another branch's. The
 * branches that know every field written are those that fit; when none does, all of them.
 */
function alternativeProblems(walk: Walk, node: TSESTree.Node, alternatives: readonly (SchemaNode | undefined)[], at: At, depth: number): BodyProblem[] {
  const results: BodyProblem[][] = [];
  for (const alternative of alternatives) {
    if (!alternative) return [];
    const found = checkNode(walk, node, alternative, at, depth + 1);
    if (found.length === 0) return [];
    results.push(found);
  }
  const fitting = results.filter((found) => !found.some((problem) => problem.kind === "unknownField"));
  const [first, ...others] = fitting.length > 0 ? fitting : results;
  return (first ?? []).filter((problem) => others.every((found) => found.some((other) => other.signature === problem.signature)));
}

interface ResolvedSchema {
  readonly schema: SchemaNode | undefined;
  /** For `oneOf`/`anyOf`: each branch merged with what the schema says beside them; undefined where a branch does not resolve. */
  readonly alternatives: readonly (SchemaNode | undefined)[] | undefined;
}

/**
 * Schemas as checked, once per schema node for every body and file: the nodes are the parsed specs' own, which never
 * change, and resolving references and merging branches would otherwise run for every field of every body.
 */
const resolvedSchemas = new WeakMap<SchemaNode, ResolvedSchema>();

function resolvedSchema(written: SchemaNode): ResolvedSchema {
  let resolved = resolvedSchemas.get(written);
  if (!resolved) {
    const schema = resolveSchema(written);
    const branches = schema && (schema.oneOf ?? schema.anyOf);
    let alternatives: (SchemaNode | undefined)[] | undefined;
    if (schema && branches) {
      const base: SchemaNode = { ...schema, oneOf: undefined, anyOf: undefined };
      alternatives = branches.map((alternative) => {
        const branch = resolveSchema(alternative);
        return branch && mergeSchemas(base, branch);
      });
    }
    resolved = { schema, alternatives };
    resolvedSchemas.set(written, resolved);
  }
  return resolved;
}

function mergeSchemas(base: SchemaNode, branch: SchemaNode): SchemaNode {
  if (!base.properties && !base.required) return { ...base, ...branch };
  return {
    ...base,
    ...branch,
    properties: { ...base.properties, ...branch.properties },
    required: [...(base.required ?? []), ...(branch.required ?? [])],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The values a field may take

interface Candidate {
  readonly kind: "value" | "object" | "array" | "unrounded" | "partial";
  /** Where to report: the literal, or the field's value where the literal sits in a constant elsewhere. */
  readonly reportNode: TSESTree.Node;
  /** The node the value is read from. */
  readonly node: TSESTree.Node;
  readonly value?: StaticPrimitive;
  /** For a partly known string: its known parts, UNKNOWN_PART for the others. */
  readonly pattern?: string;
  /** The literal a repair may rewrite. */
  readonly editable?: EditableLiteral;
}

const MAX_CANDIDATES = 16;

function candidatesOf(sourceCode: SourceCode, node: TSESTree.Node): Candidate[] {
  const out: Candidate[] = [];
  visitValueSources(sourceCode, node, (expression, variable) => {
    const reportNode = variable ? node : expression;
    const inPlace = !variable || readCount(variable) === 1;
    const candidate = candidateAt(sourceCode, expression, reportNode, inPlace);
    if (candidate) out.push(candidate);
    return out.length < MAX_CANDIDATES;
  });
  return out;
}

/** How often a constant is read, counted up to 2 (all the caller asks is whether it is read once). */
function readCount(variable: TSESLint.Scope.Variable): number {
  let reads = 0;
  for (const reference of variable.references) if (reference.isRead() && ++reads > 1) break;
  return reads;
}

/** What one source of a value says about it: a literal, an object or array, a product by 100, a known or partly known string. */
function candidateAt(sourceCode: SourceCode, expression: TSESTree.Node, reportNode: TSESTree.Node, inPlace: boolean): Candidate | undefined {
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      if (expression.value instanceof RegExp || typeof expression.value === "bigint") return undefined;
      // Written out rather than spread: this runs for nearly every field of every body.
      return inPlace ? { kind: "value", reportNode, node: expression, value: expression.value, editable: expression } : { kind: "value", reportNode, node: expression, value: expression.value };
    case AST_NODE_TYPES.ObjectExpression:
      return { kind: "object", reportNode, node: expression };
    case AST_NODE_TYPES.ArrayExpression:
      return { kind: "array", reportNode, node: expression };
    case AST_NODE_TYPES.BinaryExpression:
      if (expression.operator === "*" && (isHundred(expression.left) || isHundred(expression.right))) {
        // Known or not, a product that is not an integer needs rounding: `19.99 * 100` is 1998.9999999999998.
        const known = getStaticValue(sourceCode, expression);
        return known && Number.isInteger(known.value) ? { kind: "value", reportNode, node: expression, value: known.value } : { kind: "unrounded", reportNode, node: expression };
      }
      break;
    default:
      break;
  }
  const known = getStaticValue(sourceCode, expression);
  if (known) {
    return inPlace && isStringLiteralNode(expression)
      ? { kind: "value", reportNode, node: expression, value: known.value, editable: expression }
      : { kind: "value", reportNode, node: expression, value: known.value };
  }
  if (expression.type === AST_NODE_TYPES.TemplateLiteral || (expression.type === AST_NODE_TYPES.BinaryExpression && expression.operator === "+")) {
    const pattern = getStringPattern(sourceCode, expression);
    if (pattern !== UNKNOWN_PART) return { kind: "partial", reportNode, node: expression, pattern };
  }
  return undefined;
}

/** `100` or `100.0`: the factor that turns major units into minor ones. */
function isHundred(node: TSESTree.Node): boolean {
  const expression = unwrap(node);
  return expression.type === AST_NODE_TYPES.Literal && expression.value === 100;
}

// ---------------------------------------------------------------------------------------------------------------
// Checks

const article = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

function describe(value: StaticPrimitive): string {
  if (value === null) return "null";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return Number.isInteger(value) ? "a number" : "a decimal number";
  return article(typeof value);
}

/** Where a problem is, as messages name it: made for a problem only (most values have none). */
const placeOf = (at: At, node: TSESTree.Node): Omit<ProblemBase, "signature"> => ({ path: at.path, specPath: at.specPath, node });

function checkCandidate(walk: Walk, candidate: Candidate, schema: SchemaNode, at: At, depth: number, problems: BodyProblem[]): void {
  const expected = schema.type;
  switch (candidate.kind) {
    case "unrounded":
      if (expected === "integer" && candidate.node.type === AST_NODE_TYPES.BinaryExpression) {
        problems.push({ ...placeOf(at, candidate.reportNode), kind: "unrounded", expression: candidate.node, signature: `unrounded|${at.path}` });
      }
      return;
    case "partial":
      checkPartialUrl(walk, candidate, at, problems);
      return;
    case "object":
      if (expected !== undefined && expected !== "object") {
        problems.push({ ...placeOf(at, candidate.reportNode), kind: "wrongType", expected: article(expected), actual: "an object", signature: `type|${at.path}|${expected}` });
        return;
      }
      if (candidate.node.type === AST_NODE_TYPES.ObjectExpression) checkObject(walk, candidate.node, schema, at, depth, problems);
      return;
    case "array":
      if (expected !== undefined && expected !== "array") {
        problems.push({ ...placeOf(at, candidate.reportNode), kind: "wrongType", expected: article(expected), actual: "an array", signature: `type|${at.path}|${expected}` });
        return;
      }
      if (candidate.node.type === AST_NODE_TYPES.ArrayExpression && schema.items) {
        candidate.node.elements.forEach((element, index) => {
          if (element && element.type !== AST_NODE_TYPES.SpreadElement && index < MAX_LOOKUP_STEPS) {
            checkNodeInto(walk, element, schema.items as SchemaNode, itemAt(at, index), depth + 1, problems);
          }
        });
      }
      return;
    case "value":
      checkPrimitive(walk, candidate, schema, at, problems);
      return;
  }
}

function checkPrimitive(walk: Walk, candidate: Candidate, schema: SchemaNode, at: At, problems: BodyProblem[]): void {
  const value = candidate.value;
  // Absent or null: whether a field may be left out or null is the spec's `required`/`nullable`, judged elsewhere.
  if (value === undefined || value === null || typeof value === "bigint") return;
  const editable = candidate.editable;
  const expected = schema.type;
  if (expected === "string" && typeof value !== "string") {
    const spelling = typeof value === "boolean" && schema.enum ? booleanSpelling(schema.enum, value) : undefined;
    const raw = editable && editable.type === AST_NODE_TYPES.Literal ? editable.raw : undefined;
    const replacement = spelling !== undefined ? { string: spelling } : typeof value === "number" && raw && /^\d+$/.test(raw) ? { string: raw } : undefined;
    const expectation = spelling !== undefined ? (schema.enum ?? []).map((allowed) => JSON.stringify(allowed)).join(" or ") : "a string";
    problems.push({ ...placeOf(at, candidate.reportNode), kind: "wrongType", expected: expectation, actual: describe(value), ...(editable && replacement !== undefined && { literal: editable, replacement }), signature: `type|${at.path}|${expected}` });
    return;
  }
  if (expected === "integer" || expected === "number") {
    if (typeof value === "string") {
      const integral = /^-?\d{1,15}$/.test(value);
      problems.push({ ...placeOf(at, candidate.reportNode), kind: "wrongType", expected: article(expected), actual: "a string", ...(editable && integral && { literal: editable, replacement: { text: String(Number(value)) } }), signature: `type|${at.path}|${expected}` });
      return;
    }
    if (typeof value !== "number") {
      problems.push({ ...placeOf(at, candidate.reportNode), kind: "wrongType", expected: article(expected), actual: describe(value), signature: `type|${at.path}|${expected}` });
      return;
    }
    if (expected === "integer" && !Number.isInteger(value)) {
      if (Number.isFinite(value)) problems.push({ ...placeOf(at, candidate.reportNode), kind: "notInteger", value, money: isMoneyKey(at.key), ...(editable && { literal: editable }), signature: `integer|${at.path}` });
      return;
    }
    checkRange(value, schema, at, candidate.reportNode, problems);
    return;
  }
  if (expected === "boolean" && typeof value !== "boolean") {
    problems.push({ ...placeOf(at, candidate.reportNode), kind: "wrongType", expected: "a boolean", actual: describe(value), signature: `type|${at.path}|${expected}` });
    return;
  }
  if ((expected === "object" || expected === "array") && typeof value !== "object") {
    problems.push({ ...placeOf(at, candidate.reportNode), kind: "wrongType", expected: article(expected), actual: describe(value), signature: `type|${at.path}|${expected}` });
    return;
  }
  if (typeof value === "string") checkString(walk, value, editable, schema, at, candidate.reportNode, problems);
}

function checkRange(value: number, schema: SchemaNode, at: At, node: TSESTree.Node, problems: BodyProblem[]): void {
  const { minimum, maximum } = schema;
  const below = minimum !== undefined && (schema.exclusiveMinimum ? value <= minimum : value < minimum);
  const above = maximum !== undefined && (schema.exclusiveMaximum ? value >= maximum : value > maximum);
  if (below || above) {
    problems.push({ ...placeOf(at, node), kind: "range", value, ...(minimum !== undefined && { min: minimum }), ...(maximum !== undefined && { max: maximum }), money: isMoneyKey(at.key), signature: `range|${at.path}|${minimum}|${maximum}` });
  }
}

function checkString(walk: Walk, value: string, editable: EditableLiteral | undefined, schema: SchemaNode, at: At, node: TSESTree.Node, problems: BodyProblem[]): void {
  if (schema.enum) {
    // Most values are allowed ones: the list of allowed strings is made only for a value outside the enum.
    if (schema.enum.includes(value)) return;
    const allowed = schema.enum.filter((entry): entry is string => typeof entry === "string");
    if (allowed.length === schema.enum.length && !allowed.includes(value)) {
      const { closest, close } = closestValue(value, allowed);
      problems.push({ ...placeOf(at, node), kind: "notInEnum", value, allowed, ...(closest !== undefined && { closest }), close, ...(editable && { literal: editable }), signature: `enum|${at.path}|${allowed.join(",")}` });
    }
    return;
  }
  // mobile-number-format checks the formats of the phone fields it knows; their type is checked above.
  // Most endpoints have no phone fields: the path is hashed for the look-up only where there are some.
  if ((walk.phonePaths.size === 0 || !walk.phonePaths.has(at.specPath)) && value.length <= MAX_STRING_LENGTH) {
    const correction = schemaFieldCorrection(walk.endpoint, at.specPath);
    const min = correction?.minLength ?? schema.minLength;
    const max = correction?.maxLength ?? schema.maxLength;
    const length = min === undefined && max === undefined ? 0 : codePointLength(value);
    if ((min !== undefined && length < min) || (max !== undefined && length > max)) {
      problems.push({ ...placeOf(at, node), kind: "length", value, length, ...(min !== undefined && { min }), ...(max !== undefined && { max }), signature: `length|${at.path}|${min}|${max}` });
      return;
    }
    const pattern = schema.pattern === undefined ? undefined : compilePattern(schema.pattern);
    if (pattern && !pattern.test(value)) {
      problems.push({ ...placeOf(at, node), kind: "pattern", value, pattern: schema.pattern ?? "", signature: `pattern|${at.path}|${schema.pattern}` });
      return;
    }
  }
  const url = urlFieldSpec(walk.endpoint, at.specPath);
  if (url) {
    const need = urlProblem(value, url.https, url.appSchemes);
    if (need) problems.push({ ...placeOf(at, node), kind: "url", value, need, appSchemes: url.appSchemes, ...(editable && { literal: editable }), signature: `url|${at.path}` });
  }
}

/** The length of `value` in code points, as `[...value].length` counts it, without making the array. */
function codePointLength(value: string): number {
  let length = value.length;
  for (let index = 0; index < value.length - 1; index++) {
    const code = value.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        index++;
      }
    }
  }
  return length;
}

/** For a URL built from known and unknown parts, what its known start already shows. */
function checkPartialUrl(walk: Walk, candidate: Candidate, at: At, problems: BodyProblem[]): void {
  const url = urlFieldSpec(walk.endpoint, at.specPath);
  const pattern = candidate.pattern ?? UNKNOWN_PART;
  const known = pattern.slice(0, Math.max(0, pattern.indexOf(UNKNOWN_PART)));
  // Only a start that settles the scheme: `http://…` or a path (`/…`); `${base}/cb` says nothing.
  if (!url || !(known.includes("://") || known.startsWith("/"))) return;
  const need = urlProblem(known, url.https, url.appSchemes);
  if (need) problems.push({ path: at.path, specPath: at.specPath, node: candidate.reportNode, kind: "url", value: `${known}…`, need, appSchemes: url.appSchemes, signature: `url|${at.path}` });
}

function urlProblem(value: string, https: boolean, appSchemes: boolean): "https" | "absolute" | undefined {
  if (!hasScheme(value)) return "absolute";
  const scheme = value.slice(0, value.indexOf(":")).toLowerCase();
  if (!https) return undefined;
  if (scheme === "https") return undefined;
  return scheme === "http" || !appSchemes ? "https" : undefined;
}

/** Spec patterns compiled once; one that does not compile is skipped (undefined). */
const compiled = new Map<string, RegExp | null>();

function compilePattern(source: string): RegExp | undefined {
  let pattern = compiled.get(source);
  if (pattern === undefined) {
    try {
      pattern = new RegExp(source, "u");
    } catch {
      pattern = null;
    }
    compiled.set(source, pattern);
  }
  return pattern ?? undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Objects

interface ObjectEntries {
  readonly properties: Map<string, TSESTree.Property>;
  /** A spread or key out of reach: the object may hold fields nobody can name. */
  readonly hidden: boolean;
}

function entriesOf(sourceCode: SourceCode, object: TSESTree.ObjectExpression): ObjectEntries {
  const properties = new Map<string, TSESTree.Property>();
  // Each literal is read once however often it is spread (`{ ...a, ...a }` chains would otherwise grow
  // exponentially), and at most MAX_LOOKUP_STEPS properties in all; past that the object counts as hidden.
  const visited = new Set<TSESTree.ObjectExpression>();
  let steps = 0;
  let hidden = false;
  const read = (current: TSESTree.ObjectExpression, depth: number): void => {
    visited.add(current);
    for (const property of current.properties) {
      if (++steps > MAX_LOOKUP_STEPS) {
        hidden = true;
        return;
      }
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        const spread = depth < MAX_DEPTH ? resolveObjectLiteral(sourceCode, property.argument) : undefined;
        if (!spread) hidden = true;
        else if (!visited.has(spread)) read(spread, depth + 1);
        continue;
      }
      const key = getPropertyKey(sourceCode, property);
      if (key === null || property.kind !== "init") hidden = true;
      else properties.set(key, property);
    }
  };
  read(object, 0);
  return { properties, hidden };
}

/**
 * A schema's properties as a map, made once per schema node for every body and file (the nodes checked are the parsed
 * specs' own or those resolvedSchema keeps, which never change): a map answers a key faster than the parsed objects,
 * each of its own shape, do.
 */
const fieldMaps = new WeakMap<SchemaNode, ReadonlyMap<string, SchemaNode> | null>();

function fieldsOf(schema: SchemaNode): ReadonlyMap<string, SchemaNode> | undefined {
  let fields = fieldMaps.get(schema);
  if (fields === undefined) {
    fields = schema.properties ? new Map(Object.entries(schema.properties)) : null;
    fieldMaps.set(schema, fields);
  }
  return fields ?? undefined;
}

function checkObject(walk: Walk, object: TSESTree.ObjectExpression, schema: SchemaNode, at: At, depth: number, problems: BodyProblem[]): void {
  const { properties, hidden } = entriesOf(walk.sourceCode, object);
  const missingFromSpec = fieldsMissingFromSpec(walk.endpoint, at.specPath);
  const known = missingFromSpec && schema.properties ? new Map(Object.entries({ ...schema.properties, ...missingFromSpec })) : fieldsOf(schema);
  const additional = schema.additionalProperties;
  // A required field written under a misspelt key is reported as the misspelling, not also as missing.
  let meant: Set<string> | undefined;
  for (const [key, property] of properties) {
    const child = childAt(at, key);
    const fieldSchema = known?.get(key) ?? (typeof additional === "object" ? additional : undefined);
    if (fieldSchema) {
      checkNodeInto(walk, property.value, fieldSchema, child, depth + 1, problems);
    } else if (known && (additional === undefined || additional === false)) {
      const { candidates, close } = closestKeys(key, [...known.keys()]);
      meant ??= new Set();
      for (const candidate of candidates) meant.add(candidate);
      problems.push({ path: child.path, specPath: child.specPath, node: property.key, kind: "unknownField", property, key, candidates, close, parentPath: at.specPath, signature: `unknown|${child.path}` });
    }
  }
  if (!hidden) {
    for (const key of schema.required ?? []) {
      if (!properties.has(key) && !meant?.has(key) && isAlwaysRequired(walk.endpoint, at.specPath, key)) {
        const child = childAt(at, key);
        problems.push({ path: child.path, specPath: child.specPath, node: object, kind: "missing", key, object, signature: `missing|${child.path}` });
      }
    }
  }
  if (walk.endpoint === "epayment.create" && at.specPath === "amount") checkEpaymentMinimum(walk, properties, at, problems);
}

/** ePayment's minimum payment per currency, where currency and value are both literal (the schema says only `minimum: 0`). */
function checkEpaymentMinimum(walk: Walk, properties: ReadonlyMap<string, TSESTree.Property>, at: At, problems: BodyProblem[]): void {
  const currencyProperty = properties.get("currency");
  const valueProperty = properties.get("value");
  if (!currencyProperty || !valueProperty) return;
  const currency = getStaticValue(walk.sourceCode, currencyProperty.value)?.value;
  const value = getStaticValue(walk.sourceCode, valueProperty.value)?.value;
  if (typeof currency !== "string" || typeof value !== "number" || !Number.isInteger(value) || value < 0) return;
  const minimum = EPAYMENT_MINIMUM_AMOUNTS[currency];
  if (minimum !== undefined && value < minimum) {
    const child = childAt(at, "value");
    problems.push({ path: child.path, specPath: child.specPath, node: valueProperty.value, kind: "range", value, min: minimum, money: true, currency, signature: `minimum|${child.path}` });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Did you mean

/**
 * The keys `key` may be a misspelling of. `close`: one candidate that differs by case or one edit (a repair safe to
 * apply); otherwise the candidates within a quarter of the key's length in edits.
 */
export function closestKeys(key: string, names: readonly string[]): { candidates: readonly string[]; close: boolean } {
  if (key.length > MAX_KEY_LENGTH) return { candidates: [], close: false };
  const lower = key.toLowerCase();
  const sameCase = names.filter((name) => name.toLowerCase() === lower);
  if (sameCase.length > 0) return { candidates: sameCase, close: sameCase.length === 1 };
  let best = Infinity;
  let candidates: string[] = [];
  for (const name of names) {
    if (name.length > MAX_KEY_LENGTH) continue;
    const limit = Math.max(1, Math.floor(Math.max(name.length, key.length) / 4));
    const distance = editDistance(lower, name.toLowerCase(), limit);
    if (distance > limit) continue;
    if (distance < best) {
      best = distance;
      candidates = [name];
    } else if (distance === best) {
      candidates.push(name);
    }
  }
  return { candidates, close: best <= 1 && candidates.length === 1 };
}

function closestValue(value: string, allowed: readonly string[]): { closest?: string; close: boolean } {
  const { candidates, close } = closestKeys(value, allowed);
  return candidates.length === 1 ? { closest: candidates[0], close } : { close: false };
}

/** Optimal string alignment distance, stopping early past `limit` (both strings at most MAX_KEY_LENGTH long). */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, (previousPrevious[j - 2] ?? 0) + 1);
      current.push(distance);
      rowMinimum = Math.min(rowMinimum, distance);
    }
    if (rowMinimum > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
