import { AST_NODE_TYPES, type TSESTree } from "../core/eslint-api.js";
import { calleeName, isFunction, unwrap, type FunctionNode } from "../core/ast.js";
import { findProperty } from "../core/objects.js";
import { getStaticString, getStringPattern, resolveConstantInit } from "../core/static.js";
import { nodesOfType } from "../core/node-index.js";
import type { SourceCode } from "../core/types.js";

/**
 * The route handlers of the frameworks Vipps merchants use, found among the file's nodes: whatever their purpose.
 * src/detect/inbound.ts decides which of them are Vipps handlers.
 */

export type InboundFramework =
  | "next-app"
  | "next-pages"
  | "vercel"
  | "netlify"
  | "express"
  | "koa"
  | "fastify"
  | "hono"
  | "firebase"
  | "deno"
  /** A function named in `settings.vipps.inboundHandlers`, called by code the file does not show. */
  | "named";

export interface RouteCandidate {
  readonly fn: FunctionNode;
  readonly framework: InboundFramework;
  /** The route path as written (unknown parts as `*`), for routers; undefined for file-routed handlers. */
  readonly routePath: string | undefined;
  /** The HTTP method the route answers, upper-case; undefined where any method reaches it. */
  readonly method: string | undefined;
  /** The function's own name, or the name it is exported or assigned under. */
  readonly name: string | undefined;
  /** The route's other handlers (middlewares before the last), for body parsers such as `express.raw()`. */
  readonly middlewares: readonly TSESTree.Node[];
}

/** Router methods that take a body, and the HTTP method each answers (`all`: any). */
const ROUTER_METHODS: ReadonlyMap<string, string | undefined> = new Map([
  ["post", "POST"],
  ["put", "PUT"],
  ["patch", "PATCH"],
  ["delete", "DELETE"],
  ["del", "DELETE"],
  ["all", undefined],
]);
const NEXT_APP_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const ROUTE_FILE = /(?:^|\/)route\.[cm]?[jt]sx?$/;
const PAGES_API = /(?:^|\/)pages\/api\//;

/** Which router library the file imports, for how its handlers read the request. */
function routerFramework(sourceCode: SourceCode): InboundFramework {
  for (const statement of sourceCode.ast.body) {
    const source =
      statement.type === AST_NODE_TYPES.ImportDeclaration
        ? statement.source.value
        : statement.type === AST_NODE_TYPES.VariableDeclaration
          ? requiredModule(statement.declarations[0]?.init ?? undefined)
          : undefined;
    if (!source) continue;
    if (source === "koa" || source === "koa-router" || source === "@koa/router") return "koa";
    if (source === "fastify") return "fastify";
    if (source === "hono" || source.startsWith("hono/")) return "hono";
  }
  return "express";
}

function requiredModule(init: TSESTree.Node | undefined): string | undefined {
  if (!init || init.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const argument = init.arguments[0];
  return init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === "require" && argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === "string"
    ? argument.value
    : undefined;
}

/** A function written here or a constant naming one declared in the file. */
function functionOf(sourceCode: SourceCode, node: TSESTree.Node | undefined): FunctionNode | undefined {
  if (!node) return undefined;
  const value = unwrap(node);
  if (isFunction(value)) return value;
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = resolveConstantInit(sourceCode, value);
  if (init && isFunction(unwrap(init))) return unwrap(init) as FunctionNode;
  // A function declaration is not a constant: find it among the module's statements.
  for (const statement of sourceCode.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === value.name) return declaration;
  }
  return undefined;
}

/** `export default`, `module.exports =`, `exports.handler =`: the file's one handler, routed by the file's path. */
function fileRouted(filename: string, exportName: string | undefined): InboundFramework {
  if (PAGES_API.test(filename)) return "next-pages";
  if (exportName === "handler" || /(?:^|\/)netlify\/functions\//.test(filename)) return "netlify";
  return "vercel";
}

function routePathOf(sourceCode: SourceCode, node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const pattern = getStringPattern(sourceCode, node).split("\u0000").join("*");
  return pattern.startsWith("/") || pattern.startsWith("*") ? pattern : undefined;
}

/** The name a call's result is bound to: `export const vippsWebhook = onRequest(...)`, `exports.vippsWebhook = ...`. */
function boundName(node: TSESTree.Node): string | undefined {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const property = parent.left.property;
    return property.type === AST_NODE_TYPES.Identifier ? property.name : undefined;
  }
  return undefined;
}

/** The functions named in settings, wherever they are defined in the file. */
function namedFunction(node: TSESTree.Node, names: ReadonlySet<string>): { fn: FunctionNode; name: string } | undefined {
  if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id && names.has(node.id.name)) return { fn: node, name: node.id.name };
  if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && names.has(node.id.name) && node.init) {
    const init = unwrap(node.init);
    if (isFunction(init)) return { fn: init, name: node.id.name };
  }
  if ((node.type === AST_NODE_TYPES.MethodDefinition || node.type === AST_NODE_TYPES.Property) && !node.computed && node.key.type === AST_NODE_TYPES.Identifier) {
    const value = node.value;
    if (names.has(node.key.name) && isFunction(value)) return { fn: value, name: node.key.name };
  }
  return undefined;
}

/** The nodes that make a route handler; with `settings.vipps.inboundHandlers`, also those that define a named one. */
const ROUTE_TYPES = [
  AST_NODE_TYPES.ExportNamedDeclaration,
  AST_NODE_TYPES.ExportDefaultDeclaration,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.CallExpression,
] as const;
const ROUTE_AND_NAMED_TYPES = [
  ...ROUTE_TYPES,
  AST_NODE_TYPES.FunctionDeclaration,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.MethodDefinition,
  AST_NODE_TYPES.Property,
] as const;

/** Every route handler of the file, in source order; each function once. */
export function findRouteCandidates(sourceCode: SourceCode, filename: string, namedHandlers: ReadonlySet<string>): RouteCandidate[] {
  // The candidates with the nodes that make them, read list by list (no merged list of every call of the file), then
  // put in the order one walk would meet those nodes: the first candidate of a function is the one kept.
  const found: { readonly node: TSESTree.Node; readonly candidate: RouteCandidate }[] = [];
  const isRouteFile = ROUTE_FILE.test(filename);
  let router: InboundFramework | undefined;
  const framework = (): InboundFramework => (router ??= routerFramework(sourceCode));
  for (const type of namedHandlers.size > 0 ? ROUTE_AND_NAMED_TYPES : ROUTE_TYPES) {
    for (const node of nodesOfType(sourceCode, type)) {
      switch (node.type) {
        // The export's name is tested before its value is resolved: most exports are no handler.
        case AST_NODE_TYPES.ExportNamedDeclaration:
          for (const [name, value] of exportedValues(node)) {
            const isNextApp = isRouteFile && NEXT_APP_METHODS.has(name);
            if (!isNextApp && name !== "handler") continue;
            const fn = functionOf(sourceCode, value);
            if (!fn) continue;
            if (isNextApp) found.push({ node, candidate: { fn, framework: "next-app", routePath: undefined, method: name, name, middlewares: [] } });
            else found.push({ node, candidate: { fn, framework: "netlify", routePath: undefined, method: undefined, name, middlewares: [] } });
          }
          break;
        case AST_NODE_TYPES.ExportDefaultDeclaration: {
          if (isRouteFile) break;
          const fn = functionOf(sourceCode, node.declaration);
          if (fn) {
            found.push({ node, candidate: { fn, framework: fileRouted(filename, undefined), routePath: undefined, method: undefined, name: "default", middlewares: [] } });
          }
          break;
        }
        case AST_NODE_TYPES.AssignmentExpression: {
          const name = commonJsExport(node.left);
          if (name !== "default" && name !== "handler") break;
          const fn = functionOf(sourceCode, node.right);
          if (fn) found.push({ node, candidate: { fn, framework: fileRouted(filename, name), routePath: undefined, method: undefined, name, middlewares: [] } });
          break;
        }
        case AST_NODE_TYPES.CallExpression: {
          const candidate = callCandidate(sourceCode, node, framework);
          if (candidate) found.push({ node, candidate });
          break;
        }
        default: {
          const named = namedFunction(node, namedHandlers);
          if (named) found.push({ node, candidate: { fn: named.fn, framework: "named", routePath: undefined, method: undefined, name: named.name, middlewares: [] } });
        }
      }
    }
  }
  // Walk order: earlier start first, then the node around the other (nodes of these types never span the same
  // text); the sort is stable, so one node's candidates keep their order.
  found.sort((a, b) => a.node.range[0] - b.node.range[0] || b.node.range[1] - a.node.range[1]);
  const candidates: RouteCandidate[] = [];
  const seen = new Set<FunctionNode>();
  for (const { candidate } of found) {
    if (seen.has(candidate.fn)) continue;
    seen.add(candidate.fn);
    candidates.push(candidate);
  }
  return candidates;
}

/** `module.exports = f` (`default`), `module.exports.handler = f`, `exports.handler = f` (`handler`). */
function commonJsExport(left: TSESTree.Node): string | undefined {
  if (left.type !== AST_NODE_TYPES.MemberExpression || left.computed || left.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const object = left.object;
  if (isModule(object) && left.property.name === "exports") return "default";
  const isExports =
    (object.type === AST_NODE_TYPES.Identifier && object.name === "exports") ||
    (object.type === AST_NODE_TYPES.MemberExpression && isModule(object.object) && !object.computed && object.property.type === AST_NODE_TYPES.Identifier && object.property.name === "exports");
  return isExports ? left.property.name : undefined;
}

const isModule = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Identifier && node.name === "module";

function* exportedValues(node: TSESTree.ExportNamedDeclaration): Iterable<[string, TSESTree.Node | undefined]> {
  const declaration = node.declaration;
  if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) yield [declaration.id.name, declaration];
  if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier) yield [declarator.id.name, declarator.init ?? undefined];
    }
  }
  for (const specifier of node.specifiers) {
    if (specifier.exported.type === AST_NODE_TYPES.Identifier && specifier.local.type === AST_NODE_TYPES.Identifier) {
      yield [specifier.exported.name, specifier.local];
    }
  }
}

/** Router routes (`app.post(path, ...handlers)`, `router.route(path).post(h)`, fastify `route({...})`), Firebase and Deno. */
function callCandidate(sourceCode: SourceCode, call: TSESTree.CallExpression, framework: () => InboundFramework): RouteCandidate | undefined {
  const name = calleeName(call.callee);
  if (name === undefined) return undefined;
  const args = call.arguments;
  // Most calls of a file are none of these: a router method is told apart by one look-up.
  if (ROUTER_METHODS.has(name)) {
    if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const last = args.at(-1);
    if (args.length >= 2) {
      const fn = functionOf(sourceCode, last);
      if (!fn) return undefined;
      const routePath = routePathOf(sourceCode, args[0]);
      if (routePath === undefined) return undefined;
      const handlerName = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id?.name : last?.type === AST_NODE_TYPES.Identifier ? last.name : undefined;
      return { fn, framework: framework(), routePath, method: ROUTER_METHODS.get(name), name: handlerName, middlewares: args.slice(1, -1) };
    }
    if (args.length !== 1) return undefined;
    // `router.route("/path").post(handler)`: the path is the `route` call's.
    const routeCall = call.callee.object;
    if (routeCall.type !== AST_NODE_TYPES.CallExpression || calleeName(routeCall.callee) !== "route") return undefined;
    const fn = functionOf(sourceCode, last);
    const routePath = routePathOf(sourceCode, routeCall.arguments[0]);
    return fn && routePath !== undefined ? { fn, framework: framework(), routePath, method: ROUTER_METHODS.get(name), name: undefined, middlewares: [] } : undefined;
  }
  if (name === "route" && args.length === 1 && args[0]?.type === AST_NODE_TYPES.ObjectExpression) {
    // fastify.route({ method: "POST", url: "/vipps/webhook", handler })
    const options = args[0];
    const handler = findProperty(sourceCode, options, "handler");
    const url = findProperty(sourceCode, options, "url") ?? findProperty(sourceCode, options, "path");
    const fn = functionOf(sourceCode, handler?.value);
    const routePath = routePathOf(sourceCode, url?.value);
    const methodNode = findProperty(sourceCode, options, "method");
    const method = methodNode ? getStaticString(sourceCode, methodNode.value)?.toUpperCase() : undefined;
    return fn && routePath !== undefined ? { fn, framework: "fastify", routePath, method, name: undefined, middlewares: [] } : undefined;
  }
  if (name !== "onRequest" && name !== "serve") return undefined;
  const fn = functionOf(sourceCode, args.at(-1));
  if (!fn) return undefined;
  return name === "onRequest"
    ? { fn, framework: "firebase", routePath: undefined, method: undefined, name: boundName(call), middlewares: [] }
    : { fn, framework: "deno", routePath: undefined, method: undefined, name: undefined, middlewares: [] };
}
