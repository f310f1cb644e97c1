import { AST_NODE_TYPES, DefinitionType, type TSESLint, type TSESTree } from "../core/eslint-api.js";
import { isFunction, unwrap, type FunctionNode } from "../core/ast.js";
import { MAX_DEPTH, MAX_LOOKUP_STEPS } from "../core/limits.js";
import { findProperty, resolveObjectLiteral } from "../core/objects.js";
import { memoised } from "../core/memo.js";
import { findConstantVariable, findVariable, getPropertyKey, getStaticString } from "../core/static.js";
import { containsOwn } from "../core/traverse.js";
import type { SourceCode } from "../core/types.js";

/**
 * The headers a request carries, as far as the file shows them: inline literals, constants, `new Headers()` with
 * `.append` / `.set` on its binding, a same-file helper that returns a literal, spreads, `Object.assign`, an
 * instance's default headers and superagent's `.set()` calls. What the file does not show makes the set incomplete:
 * a header missing from a complete set is absent; missing from an incomplete one, it is unknown.
 */

export interface HeaderEntry {
  /** The name as written (the last writer's spelling). */
  readonly name: string;
  /** Where the name is written, when it is written in the file. */
  readonly nameNode?: TSESTree.Node;
  /** The expression giving the value, when there is one. */
  readonly value?: TSESTree.Node;
}

export interface RequestHeaders {
  /** By lower-case name: HTTP header names are case-insensitive. */
  readonly entries: ReadonlyMap<string, HeaderEntry>;
  /** No spread, call, mutation or source out of reach could add a header the entries lack. */
  readonly complete: boolean;
}

/** A request that names no headers anywhere. */
export const NO_HEADERS: RequestHeaders = { entries: new Map(), complete: true };
/** Headers from a source out of reach. */
export const UNKNOWN_HEADERS: RequestHeaders = { entries: new Map(), complete: false };

/**
 * The most headers one set holds. No real request carries more than a few dozen; a set past this is unknown, which
 * keeps every merge of sets (spreads, defaults) small, however large a generated object is.
 */
const MAX_HEADERS = MAX_LOOKUP_STEPS;

/** A set within MAX_HEADERS, or unknown. */
const bounded = (headers: RequestHeaders): RequestHeaders => (headers.entries.size > MAX_HEADERS ? UNKNOWN_HEADERS : headers);

/** Later layers win, as `{ ...defaults, ...own }` and `new Headers` do; complete only when every layer is. */
export function mergeHeaders(layers: readonly RequestHeaders[]): RequestHeaders {
  if (layers.length === 1 && layers[0]) return layers[0];
  const entries = new Map<string, HeaderEntry>();
  let complete = true;
  for (const layer of layers) {
    for (const [key, entry] of layer.entries) entries.set(key, entry);
    complete &&= layer.complete;
    if (entries.size > MAX_HEADERS) return UNKNOWN_HEADERS;
  }
  return { entries, complete };
}

/** What a transport call says about its headers (src/detect/transports.ts fills it). */
export interface HeaderSources {
  /** The call's own headers expression. */
  readonly headers?: TSESTree.Node;
  /** The instance's default headers, outermost instance first. */
  readonly defaultHeaders?: readonly TSESTree.Node[];
  /** superagent `.set(name, value)` / `.set({...})` calls, in chain order. */
  readonly headerCalls?: readonly TSESTree.CallExpression[];
  /** The call's options are out of reach (or may hide properties), so headers may be there unseen. */
  readonly headersHidden?: boolean;
  /** The client that sends the call: clients with interceptors, mutable defaults or hooks may add headers unseen. */
  readonly transport?: string;
}

/** Clients whose headers a file can also set out of the call's sight: interceptors, `defaults`, hooks. */
const CLIENTS_WITH_HOOKS: ReadonlySet<string> = new Set(["axios", "got", "ky", "request"]);

/**
 * `x.interceptors.request.use(...)`, `x.defaults.headers.common[name] = ...`, got's and ky's `hooks: {...}` /
 * `beforeRequest`: a file that writes any of them may add headers to its client calls that this module does not
 * read, so those calls' headers are incomplete. One linear scan of the text per file (no nested quantifiers); a match
 * in a comment only makes the detection more cautious.
 */
const HEADER_HOOKS = /\.\s*interceptors\b|\.\s*defaults\s*\.\s*headers\b|\bhooks\s*:|\bbeforeRequest\b/;
const hookAnswers = new WeakMap<TSESTree.Program, boolean>();

/** Whether the file may set client headers where the detection does not look. */
export function setsHeadersOutOfSight(sourceCode: SourceCode): boolean {
  return memoised(hookAnswers, sourceCode.ast, () => HEADER_HOOKS.test(sourceCode.text));
}

/** The headers of one transport call: its instance defaults, then its own headers or `.set()` calls. */
export function headersOfCall(sourceCode: SourceCode, sources: HeaderSources): RequestHeaders {
  // A configured wrapper's headers locator shows what the caller passes; the wrapper may add its own (the subscription
  // key, the MSN) where this file cannot see. Interceptors, defaults and hooks may add headers to a client's calls.
  const outOfSight =
    sources.transport === "wrapper" ||
    (sources.transport !== undefined && CLIENTS_WITH_HOOKS.has(sources.transport) && setsHeadersOutOfSight(sourceCode));
  const layers: RequestHeaders[] = outOfSight ? [UNKNOWN_HEADERS] : [];
  for (const node of sources.defaultHeaders ?? []) layers.push(resolveHeaders(sourceCode, node));
  if (sources.headers) layers.push(resolveHeaders(sourceCode, sources.headers));
  else if (sources.headersHidden) layers.push(UNKNOWN_HEADERS);
  for (const call of sources.headerCalls ?? []) layers.push(headersOfSetCall(sourceCode, call));
  return layers.length === 0 ? NO_HEADERS : mergeHeaders(layers);
}

/** `.set(name, value)` / `.append(name, value)` or `.set({ ... })`. */
function headersOfSetCall(sourceCode: SourceCode, call: TSESTree.CallExpression): RequestHeaders {
  const [first, second] = call.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN_HEADERS;
  if (call.arguments.length === 1) return resolveHeaders(sourceCode, first);
  const name = getStaticString(sourceCode, first);
  if (name === undefined || !second || second.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN_HEADERS;
  return { entries: new Map([[name.toLowerCase(), { name, nameNode: first, value: second }]]), complete: true };
}

const VISITING = Symbol("visiting");
const memos = new WeakMap<TSESTree.Node, RequestHeaders | typeof VISITING>();

/**
 * The headers an expression gives. Each node is resolved once per file (a constant spread into many requests costs
 * its size once), a cycle of constants is unknown, and a chain deeper than MAX_DEPTH is unknown; a result cut short by
 * depth is only ever less complete, never a guess.
 */
export function resolveHeaders(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): RequestHeaders {
  const known = memos.get(node);
  if (known === VISITING || depth > MAX_DEPTH) return UNKNOWN_HEADERS;
  if (known) return known;
  memos.set(node, VISITING);
  const result = bounded(resolveInto(sourceCode, node, depth));
  memos.set(node, result);
  return result;
}

function resolveInto(sourceCode: SourceCode, node: TSESTree.Node, depth: number): RequestHeaders {
  const expression = unwrap(node);
  const next = (inner: TSESTree.Node): RequestHeaders => resolveHeaders(sourceCode, inner, depth + 1);
  switch (expression.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return fromObject(sourceCode, expression, next);
    case AST_NODE_TYPES.Identifier:
      return fromBinding(sourceCode, expression, next);
    case AST_NODE_TYPES.Literal:
      return expression.value === null ? NO_HEADERS : UNKNOWN_HEADERS;
    case AST_NODE_TYPES.NewExpression: {
      if (expression.callee.type !== AST_NODE_TYPES.Identifier || expression.callee.name !== "Headers") return UNKNOWN_HEADERS;
      const init = expression.arguments[0];
      if (!init) return NO_HEADERS;
      return init.type === AST_NODE_TYPES.SpreadElement ? UNKNOWN_HEADERS : fromPairsOr(sourceCode, init, next);
    }
    case AST_NODE_TYPES.CallExpression:
      return fromCall(sourceCode, expression, next);
    case AST_NODE_TYPES.MemberExpression: {
      // `HEADERS.vipps` on a constant object literal.
      const key = getPropertyKey(sourceCode, expression);
      const owner = key === null ? undefined : resolveObjectLiteral(sourceCode, expression.object);
      const property = owner && key !== null ? findProperty(sourceCode, owner, key) : undefined;
      return property ? next(property.value) : UNKNOWN_HEADERS;
    }
    default:
      return UNKNOWN_HEADERS;
  }
}

function fromObject(
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  next: (node: TSESTree.Node) => RequestHeaders,
): RequestHeaders {
  const entries = new Map<string, HeaderEntry>();
  let complete = true;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = next(property.argument);
      for (const [key, entry] of spread.entries) entries.set(key, entry);
      complete &&= spread.complete;
      continue;
    }
    const name = property.kind === "init" ? getPropertyKey(sourceCode, property) : null;
    if (name === null) {
      complete = false;
      continue;
    }
    entries.set(name.toLowerCase(), { name, nameNode: property.key, value: property.value });
    if (entries.size > MAX_HEADERS) return UNKNOWN_HEADERS;
  }
  return { entries, complete };
}

/** `new Headers([["a", "b"]])` or any other init `new Headers()` takes. */
function fromPairsOr(sourceCode: SourceCode, init: TSESTree.Node, next: (node: TSESTree.Node) => RequestHeaders): RequestHeaders {
  const pairs = unwrap(init);
  if (pairs.type !== AST_NODE_TYPES.ArrayExpression) return next(init);
  const entries = new Map<string, HeaderEntry>();
  let complete = true;
  for (const pair of pairs.elements) {
    const [nameNode, value] = pair?.type === AST_NODE_TYPES.ArrayExpression ? pair.elements : [];
    const name = nameNode && nameNode.type !== AST_NODE_TYPES.SpreadElement ? getStaticString(sourceCode, nameNode) : undefined;
    if (name === undefined || !nameNode || !value || value.type === AST_NODE_TYPES.SpreadElement) {
      complete = false;
      continue;
    }
    entries.set(name.toLowerCase(), { name, nameNode, value });
  }
  return { entries, complete };
}

function fromCall(sourceCode: SourceCode, call: TSESTree.CallExpression, next: (node: TSESTree.Node) => RequestHeaders): RequestHeaders {
  const callee = call.callee;
  // `Object.assign({}, base, { ... })`: every source in order.
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === "Object" &&
    getPropertyKey(sourceCode, callee) === "assign"
  ) {
    return mergeHeaders(call.arguments.map((argument) => (argument.type === AST_NODE_TYPES.SpreadElement ? UNKNOWN_HEADERS : next(argument))));
  }
  if (callee.type !== AST_NODE_TYPES.Identifier) return UNKNOWN_HEADERS;
  const fn = localFunction(sourceCode, callee);
  const returned = fn && singleReturn(sourceCode, fn);
  return returned ? next(returned) : UNKNOWN_HEADERS;
}

/** The function a callee names in this file: a declaration, or a constant bound to a function expression. */
function localFunction(sourceCode: SourceCode, callee: TSESTree.Identifier): FunctionNode | undefined {
  const variable = findVariable(sourceCode, callee);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === DefinitionType.FunctionName && !variable?.references.some((reference) => reference.isWrite())) {
    return def.node.type === AST_NODE_TYPES.FunctionDeclaration ? def.node : undefined;
  }
  const constant = findConstantVariable(sourceCode, callee)?.defs[0];
  const init = constant?.type === DefinitionType.Variable && constant.node.init ? unwrap(constant.node.init) : undefined;
  return init && isFunction(init) ? init : undefined;
}

const returns = new WeakMap<FunctionNode, TSESTree.Node | null>();

/** What a synchronous function returns when it has exactly one `return` with a value (or is an expression arrow). */
function singleReturn(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Node | undefined {
  const known = memoised(returns, fn, (): TSESTree.Node | null => {
    if (fn.async || fn.generator) return null;
    const body = fn.body;
    if (body.type !== AST_NODE_TYPES.BlockStatement) return body;
    const found: TSESTree.ReturnStatement[] = [];
    containsOwn(sourceCode, body, (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement) found.push(node);
      return false;
    });
    return found.length === 1 ? (found[0]?.argument ?? null) : null;
  });
  return known ?? undefined;
}

/** Reading methods of `Headers` and `Map`: they change nothing. */
const READERS = new Set(["get", "has", "forEach", "entries", "keys", "values", "toString", "getSetCookie"]);

function fromBinding(sourceCode: SourceCode, identifier: TSESTree.Identifier, next: (node: TSESTree.Node) => RequestHeaders): RequestHeaders {
  if (identifier.name === "undefined" && !findVariable(sourceCode, identifier)) return NO_HEADERS;
  const variable = findConstantVariable(sourceCode, identifier);
  const def = variable?.defs[0];
  const init = def?.type === DefinitionType.Variable ? def.node.init : undefined;
  if (!variable || !init) return UNKNOWN_HEADERS;
  const changes = changesOf(sourceCode, variable);
  return changes.length === 0 ? next(init) : mergeHeaders([next(init), ...changes]);
}

const changeMemos = new WeakMap<TSESLint.Scope.Variable, readonly RequestHeaders[]>();

/**
 * What the file does to a constant's headers after building them, in source order: `h.append(name, value)`,
 * `h.set(name, value)`, `h[name] = value`; anything else that may change them (`h.delete`, `Object.assign(h, x)`,
 * passing `h` to a plain function) makes them incomplete. Flow-insensitive: a change anywhere in the file counts.
 * Computed once per variable, in the number of its references.
 */
function changesOf(sourceCode: SourceCode, variable: TSESLint.Scope.Variable): readonly RequestHeaders[] {
  const known = changeMemos.get(variable);
  if (known) return known;
  const changes: RequestHeaders[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    const use = reference.identifier as TSESTree.Node;
    const parent = use.parent;
    if (!parent) continue;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
      const name = getPropertyKey(sourceCode, parent);
      const outer = parent.parent;
      if (outer.type === AST_NODE_TYPES.CallExpression && outer.callee === parent) {
        if (name === "append" || name === "set") changes.push(headersOfSetCall(sourceCode, outer));
        else if (name === null || !READERS.has(name)) changes.push(UNKNOWN_HEADERS);
      } else if (outer.type === AST_NODE_TYPES.AssignmentExpression && outer.left === parent) {
        changes.push(
          name === null || outer.operator !== "="
            ? UNKNOWN_HEADERS
            : { entries: new Map([[name.toLowerCase(), { name, nameNode: parent.property, value: outer.right }]]), complete: true },
        );
      } else if (outer.type === AST_NODE_TYPES.UnaryExpression && outer.operator === "delete") {
        changes.push(UNKNOWN_HEADERS);
      }
    } else if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(use as TSESTree.Expression)) {
      // A plain helper (`sign(headers)`) or `Object.assign(headers, ...)` may add headers; a client method taking them
      // (`req.set(headers)`, `client.get(url, headers)`) only reads them.
      const callee = parent.callee;
      const assigns =
        callee.type === AST_NODE_TYPES.MemberExpression &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        callee.object.name === "Object" &&
        parent.arguments[0] === use;
      if (assigns || callee.type === AST_NODE_TYPES.Identifier) changes.push(UNKNOWN_HEADERS);
    }
  }
  changeMemos.set(variable, changes);
  return changes;
}
