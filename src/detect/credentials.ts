import { AST_NODE_TYPES, DefinitionType, type TSESTree } from "../core/eslint-api.js";
import { isFunction, unwrap, type FunctionNode } from "../core/ast.js";
import { MAX_FLOW_DEPTH, MAX_LOOKUP_STEPS } from "../core/limits.js";
import { publicEnvPrefixOf, PUBLIC_ENV_MODULES, type PublicEnvPrefix } from "../core/public-env.js";
import { findVariable, getPropertyKey } from "../core/static.js";
import type { SourceCode } from "../core/types.js";
import { SECRET_HEADERS, SECRET_KEYS, SDK_SECRET_ARGUMENTS, type SecretKind } from "../vipps/secrets.js";
import type { VippsRequest } from "./index.js";
import { MODULE_NAMES } from "./transports.js";

/**
 * Where a file handles Vipps credentials: the reads of public environment variables, the places a credential is
 * given to a Vipps request or SDK (headers, SDK arguments, SDK configs and the project's own Vipps config objects),
 * and where an access token fetched here goes (returned, sent in a response). Each question is about one node or one
 * request, answered in time bounded by the bounds of src/core/limits.ts.
 */

/** A read of a public environment variable: `process.env.NEXT_PUBLIC_X`, `import.meta.env.VITE_X`, ... */
export interface PublicEnvRead {
  readonly name: string;
  readonly prefix: PublicEnvPrefix;
  readonly node: TSESTree.Node;
}

const isEnvObject = (node: TSESTree.Node): boolean => {
  const object = unwrap(node);
  if (object.type !== AST_NODE_TYPES.MemberExpression || object.computed || object.property.type !== AST_NODE_TYPES.Identifier) return false;
  if (object.property.name !== "env") return false;
  const owner = object.object;
  return (owner.type === AST_NODE_TYPES.Identifier && owner.name === "process") || owner.type === AST_NODE_TYPES.MetaProperty;
};

/** `process.env.X`, `process.env["X"]`, `import.meta.env.X`, or `env.X` on SvelteKit's `$env/dynamic/public`. */
export function publicEnvReadOfMember(sourceCode: SourceCode, member: TSESTree.MemberExpression): PublicEnvRead | undefined {
  // The cheap shape tests first: this runs on every member expression of a file with Vipps code, and most are
  // `x.name` with a name no public variable has.
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier && !publicEnvPrefixOf(member.property.name)) return undefined;
  const onEnv = isEnvObject(member.object);
  if (!onEnv && (member.computed || member.object.type !== AST_NODE_TYPES.Identifier)) return undefined;
  const name = getPropertyKey(sourceCode, member);
  const prefix = name === null ? undefined : publicEnvPrefixOf(name);
  if (!prefix || name === null) return undefined;
  if (onEnv) return { name, prefix, node: member };
  const owner = member.object;
  return owner.type === AST_NODE_TYPES.Identifier && importSource(sourceCode, owner) === "$env/dynamic/public" ? { name, prefix, node: member } : undefined;
}

/** `const { NEXT_PUBLIC_X } = process.env` and `import { PUBLIC_X } from "$env/static/public"`. */
export function publicEnvReadOfBinding(node: TSESTree.Property | TSESTree.ImportSpecifier): PublicEnvRead | undefined {
  if (node.type === AST_NODE_TYPES.ImportSpecifier) {
    const name = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : node.imported.value;
    const prefix = publicEnvPrefixOf(name);
    const declaration = node.parent;
    const from = declaration.type === AST_NODE_TYPES.ImportDeclaration ? declaration.source.value : "";
    return prefix && PUBLIC_ENV_MODULES.includes(from) ? { name, prefix, node } : undefined;
  }
  const pattern = node.parent;
  if (pattern?.type !== AST_NODE_TYPES.ObjectPattern || node.computed || node.key.type !== AST_NODE_TYPES.Identifier) return undefined;
  const declarator = pattern.parent;
  const source = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id === pattern ? declarator.init : undefined;
  const prefix = publicEnvPrefixOf(node.key.name);
  return prefix && source && isEnvObject(source) ? { name: node.key.name, prefix, node } : undefined;
}

/** The module an identifier is imported from, when it is an import binding. */
function importSource(sourceCode: SourceCode, identifier: TSESTree.Identifier): string | undefined {
  const def = findVariable(sourceCode, identifier)?.defs[0];
  if (def?.type !== DefinitionType.ImportBinding) return undefined;
  const declaration = def.node.parent;
  return declaration?.type === AST_NODE_TYPES.ImportDeclaration ? declaration.source.value : undefined;
}

/** A value a Vipps credential is given as. */
export interface CredentialSlot {
  readonly kind: SecretKind;
  /** The header, argument or property, as messages name it. */
  readonly label: string;
  readonly value: TSESTree.Node;
}

/** The credentials a request's headers carry, and those an SDK call takes as arguments. */
export function credentialSlotsOf(request: VippsRequest): CredentialSlot[] {
  const slots: CredentialSlot[] = [];
  for (const [key, entry] of request.headers?.entries ?? []) {
    const kind = SECRET_HEADERS.get(key);
    if (kind && entry.value) slots.push({ kind, label: `header ${entry.name}`, value: entry.value });
  }
  const sdkArgument = request.transport === "sdk" && request.endpoint ? SDK_SECRET_ARGUMENTS.get(request.endpoint.id) : undefined;
  const call = request.node;
  if (sdkArgument && call.type === AST_NODE_TYPES.CallExpression) {
    const argument = call.arguments[sdkArgument.index];
    if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) slots.push({ kind: sdkArgument.kind, label: "argument", value: argument });
  }
  return slots;
}

const SDK_MODULES = new Set(MODULE_NAMES.filter((name) => name.includes("vipps")));
/** Keys that only a Vipps config object has beside its credentials. */
const VIPPS_SIBLING_KEY = /vipps|mobilepay|merchant_?serial_?number|merchant-serial-number|^msn$/i;

/**
 * The credential a property of an object literal holds, when the object is a Vipps config: the argument of the
 * SDKs' `Client({...})` / `new Vipps({...})`, an object bound to a name that says Vipps, or one with a Vipps-only
 * sibling key (`merchantSerialNumber`). A `clientSecret` of any other provider's config stays out.
 */
export function credentialOfProperty(sourceCode: SourceCode, property: TSESTree.Property): CredentialSlot | undefined {
  if (property.kind !== "init" || property.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const key = getPropertyKey(sourceCode, property);
  const kind = key === null ? undefined : SECRET_KEYS.get(key);
  if (!kind || key === null) return undefined;
  const object = property.parent;
  return isVippsConfig(sourceCode, object) ? { kind, label: key, value: property.value } : undefined;
}

function isVippsConfig(sourceCode: SourceCode, object: TSESTree.ObjectExpression): boolean {
  const holder = object.parent;
  if ((holder.type === AST_NODE_TYPES.CallExpression || holder.type === AST_NODE_TYPES.NewExpression) && holder.arguments[0] === object) {
    const callee = holder.callee;
    const identifier = callee.type === AST_NODE_TYPES.Identifier ? callee : callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier ? callee.object : undefined;
    const from = identifier && importSource(sourceCode, identifier);
    if (from && SDK_MODULES.has(from)) return true;
  }
  const name =
    holder.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier
      ? holder.id.name
      : holder.type === AST_NODE_TYPES.Property && holder.value === object
        ? getPropertyKey(sourceCode, holder)
        : null;
  if (name !== null && /vipps|mobilepay/i.test(name)) return true;
  let steps = 0;
  for (const sibling of object.properties) {
    if (++steps > MAX_LOOKUP_STEPS) return false;
    if (sibling.type !== AST_NODE_TYPES.Property) continue;
    const siblingKey = getPropertyKey(sourceCode, sibling);
    if (siblingKey !== null && VIPPS_SIBLING_KEY.test(siblingKey)) return true;
  }
  return false;
}

/** Where an access token fetched in this file ends up in the open. */
export interface TokenExposure {
  readonly kind: "returned" | "sent";
  /** The return statement or the call that sends it. */
  readonly node: TSESTree.Node;
  /** For "returned": the function that returns it. */
  readonly fn?: FunctionNode;
}

/** Property reads that keep a token answer a token: the body, the parsed JSON, the token itself. */
const TOKEN_PATH = new Set(["data", "body", "json", "access_token", "accessToken", "token"]);
/** Calls that send their argument to the HTTP client: `res.json(x)`, `res.send(x)`, `Response.json(x)`, `NextResponse.json(x)`. */
const SENDERS = new Set(["json", "send", "end", "jsonp"]);

/**
 * Follows the answer of an access-token request forward: through `await`, the token-holding reads (`.data`,
 * `.json()`, `.access_token`), object literals that wrap it, `JSON.stringify`, variables and the calls of a local
 * function that returns it. It ends where the token is returned from a function (the caller decides whether that
 * function is reachable from a browser) or handed to a response (`res.json({ token })`, `new Response(...)`,
 * `ctx.body = ...`). Any other use (a header of the next request) ends the trail silently.
 */
export function tokenExposures(sourceCode: SourceCode, request: VippsRequest): TokenExposure[] {
  const found: TokenExposure[] = [];
  const seen = new Set<TSESTree.Node>();
  const follow = (start: TSESTree.Node, depth: number): void => {
    if (depth > MAX_FLOW_DEPTH || seen.has(start) || seen.size > MAX_LOOKUP_STEPS) return;
    seen.add(start);
    let node = start;
    for (let parent = node.parent; parent; node = parent, parent = node.parent) {
      switch (parent.type) {
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.ChainExpression:
        case AST_NODE_TYPES.TemplateLiteral:
          if (parent.type === AST_NODE_TYPES.TemplateLiteral) return;
          continue;
        case AST_NODE_TYPES.MemberExpression: {
          if (parent.object !== node) return;
          const key = getPropertyKey(sourceCode, parent);
          if (key === null || !TOKEN_PATH.has(key)) return;
          const call = parent.parent;
          if (key === "json") {
            if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return;
            parent = call;
          }
          continue;
        }
        case AST_NODE_TYPES.ConditionalExpression:
          // `ok ? answer.data.access_token : null`: the token, when a branch holds it; the test only reads it.
          if (parent.test === node) return;
          continue;
        case AST_NODE_TYPES.LogicalExpression:
          if (parent.operator === "&&" && parent.left === node) return;
          continue;
        case AST_NODE_TYPES.Property:
          if (parent.value !== node || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
          parent = parent.parent;
          continue;
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression:
          if (parent.callee === node || !parent.arguments.includes(node as TSESTree.Expression)) return;
          if (isSender(sourceCode, parent)) found.push({ kind: "sent", node: parent });
          else if (isStringify(parent)) continue;
          return;
        case AST_NODE_TYPES.VariableDeclarator:
          if (parent.init !== node) return;
          followBinding(parent.id, depth);
          return;
        case AST_NODE_TYPES.AssignmentExpression:
          if (parent.right !== node) return;
          if (parent.left.type === AST_NODE_TYPES.MemberExpression && getPropertyKey(sourceCode, parent.left) === "body") {
            found.push({ kind: "sent", node: parent });
          } else if (parent.left.type === AST_NODE_TYPES.Identifier) {
            followBinding(parent.left, depth);
          }
          return;
        case AST_NODE_TYPES.ReturnStatement:
        case AST_NODE_TYPES.ArrowFunctionExpression: {
          if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body !== node) return;
          const fn = parent.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunctionOf(parent) : parent;
          if (!fn) return;
          // An arrow's expression body is reported itself: the arrow may be long.
          found.push({ kind: "returned", node: parent === fn ? node : parent, fn });
          followCalls(fn, depth);
          return;
        }
        default:
          return;
      }
    }
  };
  const followBinding = (id: TSESTree.Node, depth: number): void => {
    const identifiers: TSESTree.Identifier[] = [];
    if (id.type === AST_NODE_TYPES.Identifier) identifiers.push(id);
    else if (id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of id.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
        const key = getPropertyKey(sourceCode, property);
        if (key !== null && TOKEN_PATH.has(key)) identifiers.push(property.value);
      }
    }
    for (const identifier of identifiers) {
      const variable = findVariable(sourceCode, identifier);
      for (const reference of variable?.references ?? []) {
        if (reference.isRead()) follow(reference.identifier, depth + 1);
      }
    }
  };
  /** The calls of a local function that returns the token are token values too. */
  const followCalls = (fn: FunctionNode, depth: number): void => {
    const binding =
      fn.type === AST_NODE_TYPES.FunctionDeclaration
        ? fn.id
        : fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier
          ? fn.parent.id
          : undefined;
    const variable = binding && findVariable(sourceCode, binding);
    for (const reference of variable?.references ?? []) {
      const use = reference.identifier as TSESTree.Node;
      if (use.parent?.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use) follow(use.parent, depth + 1);
    }
  };
  follow(request.node, 0);
  return found;
}

function enclosingFunctionOf(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}

/** `res.json(x)`, `res.status(200).send(x)`, `Response.json(x)`, `NextResponse.json(x)`, `new Response(x)`. */
function isSender(sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = call.callee;
  if (call.type === AST_NODE_TYPES.NewExpression) {
    return callee.type === AST_NODE_TYPES.Identifier && (callee.name === "Response" || callee.name === "NextResponse");
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const key = getPropertyKey(sourceCode, callee);
  return key !== null && SENDERS.has(key);
}

const isStringify = (call: TSESTree.CallExpression | TSESTree.NewExpression): boolean =>
  call.callee.type === AST_NODE_TYPES.MemberExpression &&
  call.callee.object.type === AST_NODE_TYPES.Identifier &&
  call.callee.object.name === "JSON" &&
  call.callee.property.type === AST_NODE_TYPES.Identifier &&
  call.callee.property.name === "stringify";
