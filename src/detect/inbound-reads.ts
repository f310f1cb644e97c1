import { AST_NODE_TYPES, type TSESTree } from "../core/eslint-api.js";
import { argumentParameters, unwrap, type FunctionNode } from "../core/ast.js";
import { getPropertyKey, getStaticString } from "../core/static.js";
import { nodesOfTypes } from "../core/node-index.js";
import type { SourceCode } from "../core/types.js";
import type { InboundFramework } from "./inbound-routes.js";

/**
 * Where a route handler reads its request: the body (how it is parsed) and the headers. One pass over the handler's
 * declarators, calls and members (from the file's node index); aliases (`const { headers } = req`, `const h = await headers()`) are followed one assignment deep, in source order.
 */

/** The nodes where a handler binds, parses or reads its request, in source order. */
const READ_TYPES = [AST_NODE_TYPES.VariableDeclarator, AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.MemberExpression] as const;

/**
 * How the handler gets the body. `parsed`: an object parsed from JSON (`await req.json()`, `ctx.request.body`);
 * `text`: the raw text (`await req.text()`, Netlify's `event.body`); `raw`: the raw bytes (`req.rawBody`,
 * `buffer(req)`, `express.raw()` on the route); `body`: `req.body`, parsed or raw as middleware the file may not show
 * decided (see `InboundHandler.rawParser`).
 */
export type BodyHow = "parsed" | "text" | "raw" | "body";

export interface BodyRead {
  /** The expression whose value is the body (`req.body`, `await req.json()` without the await), or a destructured property. */
  readonly node: TSESTree.Node;
  readonly how: BodyHow;
}

export interface HeaderRead {
  /** The read: `req.headers["x-ms-date"]`, `request.headers.get("x-ms-date")`, or all headers (`req.headers`). */
  readonly node: TSESTree.Node;
  /** The header's name, lower-case; undefined for all headers or a name the file does not show. */
  readonly name: string | undefined;
}

export interface RequestReads {
  /** The handler's request parameter: `req`, `request`, `ctx`, `c`, `event`, or a destructuring pattern. */
  readonly requestParams: readonly TSESTree.Parameter[];
  readonly bodyReads: readonly BodyRead[];
  readonly headerReads: readonly HeaderRead[];
}

const BODY_METHODS: Readonly<Record<string, BodyHow>> = { json: "parsed", formData: "parsed", text: "text", arrayBuffer: "raw", blob: "raw", bytes: "raw" };
/** Helpers that read a request's body (micro, raw-body, h3): called with the request. */
const BODY_HELPERS: Readonly<Record<string, BodyHow>> = {
  buffer: "raw",
  getRawBody: "raw",
  rawBody: "raw",
  readRawBody: "raw",
  text: "text",
  json: "parsed",
  readBody: "parsed",
};
/** Members between the handler's parameter and the request (Hono `c.req`, Koa `ctx.request`, Hono `c.req.raw`). */
const REQUEST_HOPS = new Set(["req", "request", "raw"]);
/**
 * What a Koa context reads of the request without `ctx.request`: `ctx.body`, `ctx.text()`-like members are the
 * response's. A Hono context reads nothing of the request without `c.req` (`c.header()` sets a response header).
 */
const CONTEXT_REQUEST_MEMBERS: Partial<Record<InboundFramework, ReadonlySet<string>>> = {
  koa: new Set(["get", "headers", "header"]),
  hono: new Set<string>(),
};

interface Chain {
  /** The member path below the request (hops removed). */
  readonly path: readonly (string | undefined)[];
  /** Whether the chain went through a hop (`c.req`, `ctx.request`). */
  readonly hopped: boolean;
  /** The outermost member of the chain. */
  readonly top: TSESTree.Node;
  /** The member that reads each element of `path` (the first member for elements of an alias's base). */
  readonly at: (index: number) => TSESTree.Node;
  readonly call: TSESTree.CallExpression | undefined;
}

export function findRequestReads(sourceCode: SourceCode, fn: FunctionNode, framework: InboundFramework, usesNextHeaders: boolean): RequestReads {
  const param = argumentParameters(fn)[0];
  const requestParams = param ? [param] : [];
  // Each tracked name with the path below the request it stands for: [] for the request itself.
  const roots = new Map<string, readonly (string | undefined)[]>();
  const bodyReads: BodyRead[] = [];
  const headerReads: HeaderRead[] = [];
  const netlify = framework === "netlify";
  // The names that stand for a Koa or Hono context rather than the request.
  const contextMembers = CONTEXT_REQUEST_MEMBERS[framework];
  const contexts = new Set<string>();

  const classify = (path: readonly (string | undefined)[], node: TSESTree.Node, call: TSESTree.CallExpression | undefined, at: (index: number) => TSESTree.Node = () => node): void => {
    const [head, next] = path;
    if (head === "body") bodyReads.push({ node: at(0), how: netlify ? "text" : "body" });
    else if (head === "rawBody") bodyReads.push({ node: at(0), how: "raw" });
    else if (head !== undefined && Object.hasOwn(BODY_METHODS, head) && call && path.length === 1) bodyReads.push({ node: call, how: BODY_METHODS[head] ?? "parsed" });
    else if (head === "headers" || (head === "header" && !call)) {
      if (next === "get" && call) headerReads.push({ node: call, name: staticArgument(sourceCode, call) });
      else headerReads.push({ node: at(path.length > 1 ? 1 : 0), name: path.length > 1 ? next?.toLowerCase() : undefined });
    } else if ((head === "get" || head === "header") && call && path.length === 1) {
      headerReads.push({ node: call, name: call.arguments.length > 0 ? staticArgument(sourceCode, call) : undefined });
    }
  };

  const track = (pattern: TSESTree.Node, path: readonly (string | undefined)[]): void => {
    if (pattern.type === AST_NODE_TYPES.Identifier) {
      roots.set(pattern.name, path);
      return;
    }
    if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return;
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = getPropertyKey(sourceCode, property) ?? undefined;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      // Hono `({ req })`, Koa `const { request } = ctx`: still the request.
      if (path.length === 0 && key !== undefined && REQUEST_HOPS.has(key)) {
        track(value, []);
        continue;
      }
      const below = [...path, key];
      classify(below, property, undefined);
      if (path.length === 0 && (key === "headers" || key === "header")) track(value, below);
    }
  };

  const paramPattern = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (paramPattern) track(paramPattern, []);
  if (contextMembers && paramPattern?.type === AST_NODE_TYPES.Identifier) contexts.add(paramPattern.name);

  for (const node of nodesOfTypes(sourceCode, READ_TYPES, fn.body)) {
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init) {
      const init = unwrap(node.init.type === AST_NODE_TYPES.AwaitExpression ? node.init.argument : node.init);
      if (init.type === AST_NODE_TYPES.Identifier && roots.has(init.name) && node.id.type === AST_NODE_TYPES.ObjectPattern) {
        track(node.id, roots.get(init.name) ?? []);
      } else if (usesNextHeaders && isNextHeadersCall(init) && node.id.type === AST_NODE_TYPES.Identifier) {
        roots.set(node.id.name, ["headers"]);
      }
      continue;
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const helper = node.callee.type === AST_NODE_TYPES.Identifier && Object.hasOwn(BODY_HELPERS, node.callee.name) ? BODY_HELPERS[node.callee.name] : undefined;
      const argument = node.arguments[0];
      if (helper && argument?.type === AST_NODE_TYPES.Identifier && roots.get(argument.name)?.length === 0) bodyReads.push({ node, how: helper });
      continue;
    }
    if (node.type !== AST_NODE_TYPES.MemberExpression) continue;
    const object = unwrap(node.object);
    let base: readonly (string | undefined)[] | undefined;
    if (object.type === AST_NODE_TYPES.Identifier) base = roots.get(object.name);
    else if (usesNextHeaders && isNextHeadersCall(object.type === AST_NODE_TYPES.AwaitExpression ? unwrap(object.argument) : object)) base = ["headers"];
    if (!base) continue;
    const chain = climbChain(sourceCode, node, base);
    const head = chain.path[0];
    if (object.type === AST_NODE_TYPES.Identifier && contexts.has(object.name) && !chain.hopped && !(head !== undefined && contextMembers?.has(head))) continue;
    // `const headers = req.headers` and `const c2 = c.req`: the name now stands for that part of the request.
    const declarator = chain.top.parent;
    if (!chain.call && declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === chain.top) {
      if (chain.path.length === 0 || chain.path[0] === "headers" || chain.path[0] === "header") track(declarator.id, chain.path);
    }
    classify(chain.path, chain.top, chain.call, chain.at);
  }
  return { requestParams, bodyReads, headerReads };
}

/** From the member on a tracked name up through its parents: `c.req.header("x")` → path ["header"], the call. */
function climbChain(sourceCode: SourceCode, first: TSESTree.MemberExpression, base: readonly (string | undefined)[]): Chain {
  const path = [...base];
  const members: TSESTree.Node[] = [];
  let hopped = false;
  let top: TSESTree.Node = first;
  for (let member: TSESTree.Node | undefined = first; member?.type === AST_NODE_TYPES.MemberExpression; member = top.parent) {
    const name = member.computed ? getStaticString(sourceCode, member.property) : member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
    // Hops (`c.req`, `ctx.request`) only count before the first real member.
    if (path.length === 0 && name !== undefined && REQUEST_HOPS.has(name)) hopped = true;
    else {
      path.push(name);
      members.push(member);
    }
    top = member;
    if (top.parent?.type !== AST_NODE_TYPES.MemberExpression || top.parent.object !== top) break;
  }
  const parent = top.parent;
  const call = parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === top ? parent : undefined;
  const at = (index: number): TSESTree.Node => members[Math.max(0, index - base.length)] ?? top;
  return { path, hopped, top, at, call };
}

function staticArgument(sourceCode: SourceCode, call: TSESTree.CallExpression): string | undefined {
  const argument = call.arguments[0];
  return argument ? getStaticString(sourceCode, argument)?.toLowerCase() : undefined;
}

/** `headers()` of `next/headers`. */
function isNextHeadersCall(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "headers" && node.arguments.length === 0;
}
