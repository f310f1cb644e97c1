import { AST_NODE_TYPES, type TSESLint, type TSESTree, DefinitionType } from "../core/eslint-api.js";
import { unwrap } from "../core/ast.js";
import { getLiteralString, isStringLiteralNode, type StringLiteralNode } from "../core/literals.js";
import { memoised } from "../core/memo.js";
import { findField, isNewUrlSearchParams, resolveObjectLiteral } from "../core/objects.js";
import { findVariable, getPropertyKey, getStaticString, resolveExpression } from "../core/static.js";
import type { SourceCode } from "../core/types.js";

/** A request body as the detection found it. */
export interface RequestBody {
  /** The expression as written at the call (or the object literal, for a body found by its shape). */
  readonly node: TSESTree.Node;
  /** The object literal the body resolves to: a JSON body, or the object behind `URLSearchParams` / `qs.stringify`. */
  readonly object: TSESTree.ObjectExpression | undefined;
  /** A form-encoded body written as one string literal: `"login_hint=urn:msisdn:4791234567&scope=openid"`. */
  readonly formString: StringLiteralNode | undefined;
  /** `params.append(key, value)` and `params.set(key, value)` calls on a `URLSearchParams` body. */
  readonly formCalls: readonly TSESTree.CallExpression[];
}

/** Where a body field's value is written. */
export interface FieldValue {
  /** The node to report. */
  readonly node: TSESTree.Node;
  /** The expression giving the value, for JSON and `URLSearchParams` bodies. */
  readonly expression?: TSESTree.Node;
  /** For a form string: the decoded value and the source range of its encoded text. */
  readonly formValue?: { readonly value: string; readonly range: readonly [number, number] };
}

/** Reads a request body from the expression passed as body. */
export function resolveBody(sourceCode: SourceCode, node: TSESTree.Node): RequestBody {
  const expression = resolveExpression(sourceCode, node);
  const formString = isStringLiteralNode(expression) && expression.range[1] - expression.range[0] > 2 ? expression : undefined;
  return {
    node,
    object: resolveObjectLiteral(sourceCode, node),
    formString: formString && isFormString(formString) ? formString : undefined,
    formCalls: findUrlSearchParamsCalls(sourceCode, node),
  };
}

// Many requests may send the same constant body: what is read from it is read once per file, not once per request
// (each of these costs the size of the literal or the number of references).
const formStrings = new WeakMap<StringLiteralNode, boolean>();
const formCallsOf = new WeakMap<TSESLint.Scope.Variable, readonly TSESTree.CallExpression[]>();
const formCallValues = new WeakMap<readonly TSESTree.CallExpression[], Map<string, FieldValue | null>>();
const formStringValues = new WeakMap<StringLiteralNode, Map<string, FieldValue | null>>();

function isFormString(literal: StringLiteralNode): boolean {
  let known = formStrings.get(literal);
  if (known === undefined) {
    known = getLiteralString(literal).includes("=");
    formStrings.set(literal, known);
  }
  return known;
}

/** `compute()` once per (owner, key). */
function memoisedByKey<Owner extends object, Value>(
  memo: WeakMap<Owner, Map<string, Value | null>>,
  owner: Owner,
  key: string,
  compute: () => Value | undefined,
): Value | undefined {
  const byKey = memoised(memo, owner, () => new Map<string, Value | null>());
  let value = byKey.get(key);
  if (value === undefined) {
    value = compute() ?? null;
    byKey.set(key, value);
  }
  return value ?? undefined;
}

/** `params.append("k", v)` / `params.set("k", v)` on a `const params = new URLSearchParams(...)` passed as body. */
function findUrlSearchParamsCalls(sourceCode: SourceCode, node: TSESTree.Node): readonly TSESTree.CallExpression[] {
  let target = unwrap(node);
  if (target.type === AST_NODE_TYPES.CallExpression && target.callee.type === AST_NODE_TYPES.MemberExpression) {
    // `params.toString()`
    if (getPropertyKey(sourceCode, target.callee) === "toString") target = unwrap(target.callee.object);
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = findVariable(sourceCode, target);
  const def = variable?.defs[0];
  if (!variable || def?.type !== DefinitionType.Variable || !def.node.init || !isNewUrlSearchParams(unwrap(def.node.init))) return [];
  const known = formCallsOf.get(variable);
  if (known) return known;
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const name = getPropertyKey(sourceCode, member);
    const call = member.parent;
    if ((name === "append" || name === "set") && call.type === AST_NODE_TYPES.CallExpression && call.callee === member) {
      calls.push(call);
    }
  }
  formCallsOf.set(variable, calls);
  return calls;
}

/** Where a body field is written, in whichever form the body takes. */
export function getFieldValue(sourceCode: SourceCode, body: RequestBody, path: string): FieldValue | undefined {
  if (body.object) {
    const property = findField(sourceCode, body.object, path);
    if (property) return { node: property.value, expression: property.value };
  }
  const fromCalls = memoisedByKey(formCallValues, body.formCalls, path, () => findFormCallValue(sourceCode, body.formCalls, path));
  if (fromCalls) return fromCalls;
  const formString = body.formString;
  return formString ? memoisedByKey(formStringValues, formString, path, () => findFormStringValue(sourceCode, formString, path)) : undefined;
}

function findFormCallValue(sourceCode: SourceCode, calls: readonly TSESTree.CallExpression[], path: string): FieldValue | undefined {
  for (let index = calls.length - 1; index >= 0; index--) {
    const [keyArg, valueArg] = calls[index]?.arguments ?? [];
    if (keyArg && valueArg && getStaticString(sourceCode, keyArg) === path) return { node: valueArg, expression: valueArg };
  }
  return undefined;
}

function findFormStringValue(sourceCode: SourceCode, literal: StringLiteralNode, key: string): FieldValue | undefined {
  const raw = sourceCode.getText(literal).slice(1, -1);
  // Only literals without escape sequences map offsets one to one.
  if (raw !== getLiteralString(literal)) return undefined;
  let offset = literal.range[0] + 1;
  let found: FieldValue | undefined;
  for (const pair of raw.split("&")) {
    const separator = pair.indexOf("=");
    if (separator > 0 && decodeFormPart(pair.slice(0, separator)) === key) {
      const encoded = pair.slice(separator + 1);
      const value = decodeFormPart(encoded);
      const start = offset + separator + 1;
      if (value !== undefined) found = { node: literal, formValue: { value, range: [start, start + encoded.length] } };
    }
    offset += pair.length + 1;
  }
  return found;
}

function decodeFormPart(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}
