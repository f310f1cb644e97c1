import { argumentAt, calleeName, climbTypeWrappers, unwrap, type FunctionNode } from "../core/ast.js";
import { AST_NODE_TYPES, DefinitionType, type TSESLint, type TSESTree } from "../core/eslint-api.js";
import { MAX_DEPTH, MAX_FLOW_DEPTH, MAX_LOCAL_WRAPPER_DEPTH } from "../core/limits.js";
import { memoised } from "../core/memo.js";
import { RANDOM_VALUE_CALLS } from "../core/random-values.js";
import { findField } from "../core/objects.js";
import { findVariable, getPropertyKey, getStaticString, localFunctionNamed } from "../core/static.js";
import { nodesOfTypes, nodesOfTypeWithin } from "../core/node-index.js";
import type { RuleContext, SourceCode } from "../core/types.js";
import { getVippsRequests, type VippsRequest } from "../detect/index.js";
import type { ApiName, EndpointSpec } from "../vipps/apis.js";

/**
 * What a callback handler does to authenticate a Vipps callback, and where the callback tokens an initiate call
 * sends are kept. eCom callbacks and the ePayment dynamic-shipping and Checkout callbacks carry the merchant's own
 * token (`merchantInfo.authToken`, `callbackAuthorizationToken`) in their `Authorization` header; a handler that
 * trusts the body without comparing it, or without reading the payment back from the API, accepts forged callbacks.
 */

/** Where each callback's token is sent, by the initiate endpoint that sends it (facts sheet; the specs' schemas). */
export const CALLBACK_TOKEN_FIELDS: readonly { readonly endpoint: EndpointSpec["id"]; readonly path: string }[] = [
  { endpoint: "ecom.initiate", path: "merchantInfo.authToken" },
  { endpoint: "epayment.create", path: "shipping.dynamicOptions.callbackAuthorizationToken" },
  { endpoint: "checkout.createSession", path: "merchantInfo.callbackAuthorizationToken" },
];

/** Reading the payment back from the API: what the callback says is then taken from Vipps, not from the caller. */
const READ_BACK_ENDPOINTS: ReadonlySet<string> = new Set<EndpointSpec["id"]>([
  "ecom.details",
  "ecom.status",
  "epayment.info",
  "epayment.events",
  "checkout.getSession",
]);

const PAYMENT_APIS: ReadonlySet<string> = new Set<ApiName>(["ecom", "epayment", "checkout"]);

/**
 * A call of the project's own (often imported) helper that reads the payment or order state back:
 * `getPaymentDetails`, `fetchVippsOrder`, `checkPaymentStatus`. Names that write (`updatePaymentStatus`) never
 * match, since they start with the verb.
 */
const READ_BACK_NAME = /^(?:get|fetch|retrieve|poll|sync|refresh|load|read|lookup|query|check)\w{0,40}(?:payment|vipps|transaction|session|details|status)/i;

/**
 * A helper that says it verifies or authenticates what it is given (`verifyCallback(req)`, `isAuthorized(headers)`),
 * or that it lets only known senders in (`whitelisted(req.ip)`, `isAllowedIp(req)`: Vipps's callback servers).
 */
const VERIFIER_NAME = /verif|authenticat|authori[sz]|validat|isvalid|checktoken|checkauth|whitelist|allowlist|allowedip|trustedip/i;

/** Body fields anyone can read off a payment page or an earlier callback: comparing them proves nothing. */
const NOT_SECRET_FIELDS = new Set(["merchantserialnumber", "msn", "merchant_serial_number", "merchantserial"]);

/** Route middleware that says it guards the route: `app.post(path, verifyVippsToken, handler)`, `requireAuth()`. */
const GUARD_NAME = /verif|auth|token|guard|protect/i;

/** Fastify route hooks that run before the handler. */
const FASTIFY_HOOKS = new Set(["onRequest", "preParsing", "preValidation", "preHandler"]);

/** Where a request handler finds what the caller sent. */
const PAYLOAD_PROPERTIES = new Set(["body", "params", "query", "rawBody"]);
/** Methods that read the body of a Fetch `Request`, a Hono context or a Koa body helper. */
const PAYLOAD_METHODS = new Set(["json", "text", "formData", "arrayBuffer", "blob", "parseBody"]);
/** The request object inside a framework's context (`ctx.request`, `c.req`). */
const REQUEST_PROPERTIES = new Set(["request", "req"]);
/** Methods that read one header: `req.get(name)`, `req.header(name)`, `headers.get(name)`, `res.getHeader(name)`. */
const HEADER_GETTERS = new Set(["get", "header", "getHeader"]);
const LOGGERS = new Set(["console", "logger", "log"]);
const EQUALITY = new Set(["===", "!==", "==", "!="]);

export interface BodyFieldComparison {
  /** The comparison. */
  readonly node: TSESTree.BinaryExpression;
  /** The field as written (`merchantSerialNumber`). */
  readonly field: string;
}

export interface CallbackHandlerFacts {
  /** Reads of what the caller sent (`req.body`, `await request.json()`, `req.params`), leaving out logging. */
  readonly payloadReads: readonly TSESTree.Node[];
  /** The `Authorization` header is compared with something, or handed to a helper, here or in a function called here. */
  readonly authorizationChecked: boolean;
  /** A helper that says it verifies is given the request or its headers. */
  readonly verifierCalled: boolean;
  /** The payment is read back from the API (a detected read request, or a helper whose name says so). */
  readonly paymentReRead: boolean;
  /** Comparisons of body fields that are no secret, such as the merchant serial number. */
  readonly bodyFieldComparisons: readonly BodyFieldComparison[];
}

interface OwnFacts {
  authorizationChecked: boolean;
  verifierCalled: boolean;
  paymentReRead: boolean;
  readonly callees: FunctionNode[];
}

const handlerCache = new WeakMap<FunctionNode, CallbackHandlerFacts>();
const ownCache = new WeakMap<FunctionNode, OwnFacts>();

/**
 * What `handler` does with the callback, computed once per function. Functions of this file that it calls by name
 * are looked into up to MAX_LOCAL_WRAPPER_DEPTH levels (a `verifyCallback(req)` helper, a `syncPayment(orderId)`
 * that reads the details), each once.
 */
export function analyseCallbackHandler(
  context: RuleContext,
  handler: FunctionNode,
  knownBodyReads: readonly TSESTree.Node[] = [],
): CallbackHandlerFacts {
  return memoised(handlerCache, handler, () => {
    const sourceCode = context.sourceCode;
    const requests = getVippsRequests(context);
    const facts = { authorizationChecked: false, verifierCalled: false, paymentReRead: false };
    const seen = new Set<FunctionNode>([handler]);
    let level: FunctionNode[] = [handler];
    for (let depth = 0; depth <= MAX_LOCAL_WRAPPER_DEPTH && level.length > 0; depth++) {
      const next: FunctionNode[] = [];
      for (const fn of level) {
        const own = ownFactsOf(sourceCode, requests, fn);
        facts.authorizationChecked ||= own.authorizationChecked;
        facts.verifierCalled ||= own.verifierCalled;
        facts.paymentReRead ||= own.paymentReRead;
        for (const callee of own.callees) {
          if (!seen.has(callee)) {
            seen.add(callee);
            next.push(callee);
          }
        }
      }
      level = next;
    }
    // The inbound finder knows more ways to read a body (`buffer(req)`, `getRawBody(req)`); each node once, in source order.
    const payloadReads = [...new Set([...findPayloadReads(sourceCode, handler), ...knownBodyReads])].sort((a, b) => a.range[0] - b.range[0]);
    return { ...facts, payloadReads, bodyFieldComparisons: findBodyFieldComparisons(sourceCode, handler, new Set(payloadReads)) };
  });
}

/** The nodes a function's own facts are read from: header reads and bindings, and calls. */
const FACT_TYPES = [AST_NODE_TYPES.MemberExpression, AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.Property] as const;

/** One pass over a function (nested callbacks included): its header checks, read-backs and local callees. */
function ownFactsOf(sourceCode: SourceCode, requests: readonly VippsRequest[], fn: FunctionNode): OwnFacts {
  return memoised(ownCache, fn, () => {
    const facts: OwnFacts = {
      authorizationChecked: false,
      verifierCalled: false,
      paymentReRead: requests.some((request) => isReadBack(request) && within(request.node, fn)),
      callees: [],
    };
    const params = parameterVariables(sourceCode, fn);
    const followed = new Set<TSESLint.Scope.Variable>();
    for (const node of nodesOfTypes(sourceCode, FACT_TYPES, fn.body)) {
      if (!facts.authorizationChecked && isAuthorizationRead(sourceCode, node)) {
        facts.authorizationChecked = flowsToCheck(sourceCode, node, followed, 0);
      } else if (!facts.authorizationChecked && isAuthorizationBinding(sourceCode, node)) {
        facts.authorizationChecked = variableFlowsToCheck(sourceCode, (node as TSESTree.Property).value as TSESTree.Identifier, followed, 0);
      }
      if (node.type !== AST_NODE_TYPES.CallExpression) continue;
      const name = calleeName(node.callee);
      if (name !== undefined) {
        if (!facts.paymentReRead && READ_BACK_NAME.test(name)) facts.paymentReRead = true;
        if (!facts.verifierCalled && VERIFIER_NAME.test(name) && node.arguments.some((arg) => isRequestNotPayload(sourceCode, arg, params))) {
          facts.verifierCalled = true;
        }
      }
      // All the request's headers handed to another function (`handleCallback(req.body, req.headers)`): the one
      // reason to pass them is to check one, and what that function does is out of reach.
      if (!facts.verifierCalled && !isLogging(node) && node.arguments.some((arg) => isHeadersOf(sourceCode, arg, params))) {
        facts.verifierCalled = true;
      }
      const callee = localFunctionNamed(sourceCode, node.callee);
      if (callee && callee !== fn) facts.callees.push(callee);
    }
    return facts;
  });
}

function within(node: TSESTree.Node, outer: TSESTree.Node): boolean {
  return outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1];
}

function isReadBack(request: VippsRequest): boolean {
  if (request.endpoint) return READ_BACK_ENDPOINTS.has(request.endpoint.id);
  // A GET to a Vipps payment path the tables do not know (a typo, a newer version) still reads the payment.
  return request.method === "GET" && request.api !== undefined && PAYMENT_APIS.has(request.api.name);
}

/** `name(...)` or `a.b.name(...)`: the name that says what the call does. */
/** `authorization` read off headers: `req.headers.authorization`, `headers["Authorization"]`, `req.get("authorization")`. */
function isAuthorizationRead(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    // The member of a call (`headers.get`) is the call's business, not a read.
    return getPropertyKey(sourceCode, node)?.toLowerCase() === "authorization";
  }
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyKey(sourceCode, node.callee);
  const first = argumentAt(node, 0);
  return method !== null && HEADER_GETTERS.has(method) && first !== undefined && getStaticString(sourceCode, first)?.toLowerCase() === "authorization";
}

/** `const { authorization } = req.headers`, `function check({ authorization: token })`: the binding's property. */
function isAuthorizationBinding(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Property &&
    node.parent.type === AST_NODE_TYPES.ObjectPattern &&
    node.value.type === AST_NODE_TYPES.Identifier &&
    getPropertyKey(sourceCode, node)?.toLowerCase() === "authorization"
  );
}

/**
 * Whether a value read from the header reaches a comparison, a `switch`, or a call that is not logging (a
 * `timingSafeEqual`, a `verify(token)`, `tokens.has(token)`), through variables, `await`, `?.`, `??`, and methods
 * called on it (`auth.replace("Bearer ", "")`). A test of its mere presence (`if (!auth)`) is no check.
 */
function flowsToCheck(sourceCode: SourceCode, node: TSESTree.Node, followed: Set<TSESLint.Scope.Variable>, depth: number): boolean {
  if (depth > MAX_FLOW_DEPTH) return false;
  let current: TSESTree.Node = node;
  for (let step = 0; step < MAX_DEPTH; step++) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.BinaryExpression:
        return EQUALITY.has(parent.operator);
      case AST_NODE_TYPES.SwitchStatement:
        return parent.discriminant === current;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        if (parent.callee === current) return false;
        return !isLogging(parent);
      case AST_NODE_TYPES.MemberExpression:
        if (parent.object !== current) return false;
        // `auth.split(" ")[1]`, `auth.replace(...)`: the method's result carries the value on.
        current = parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent ? parent.parent : parent;
        continue;
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init !== current) return false;
        return patternFlowsToCheck(sourceCode, parent.id, followed, depth);
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === current && parent.left.type === AST_NODE_TYPES.Identifier && variableFlowsToCheck(sourceCode, parent.left, followed, depth);
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === current) return false;
        current = parent;
        continue;
      case AST_NODE_TYPES.LogicalExpression:
        // `auth ?? ""` and `auth || ""` carry the value; `auth && ...` only asks whether it is there.
        if (parent.operator === "&&" && parent.left === current) return false;
        current = parent;
        continue;
      default:
        return false;
    }
  }
  return false;
}

function patternFlowsToCheck(sourceCode: SourceCode, pattern: TSESTree.Node, followed: Set<TSESLint.Scope.Variable>, depth: number): boolean {
  if (pattern.type === AST_NODE_TYPES.Identifier) return variableFlowsToCheck(sourceCode, pattern, followed, depth);
  // `const [, token] = auth.split(" ")`
  if (pattern.type === AST_NODE_TYPES.ArrayPattern) {
    return pattern.elements.some((element) => element?.type === AST_NODE_TYPES.Identifier && variableFlowsToCheck(sourceCode, element, followed, depth));
  }
  return false;
}

/** Whether any read of the variable bound at `identifier` reaches a check; each variable is followed once. */
function variableFlowsToCheck(sourceCode: SourceCode, identifier: TSESTree.Identifier, followed: Set<TSESLint.Scope.Variable>, depth: number): boolean {
  const variable = findVariable(sourceCode, identifier);
  if (!variable || followed.has(variable)) return false;
  followed.add(variable);
  return variable.references.some((reference) => reference.isRead() && flowsToCheck(sourceCode, reference.identifier, followed, depth + 1));
}

function isLogging(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  let root: TSESTree.Node = call.callee;
  for (let step = 0; step < MAX_DEPTH && root.type === AST_NODE_TYPES.MemberExpression; step++) root = root.object;
  return root.type === AST_NODE_TYPES.Identifier && LOGGERS.has(root.name);
}

/** The variables of a function's plain parameters (`req`, `ctx`, `request`). */
function parameterVariables(sourceCode: SourceCode, fn: FunctionNode): Set<TSESLint.Scope.Variable> {
  const variables = new Set<TSESLint.Scope.Variable>();
  for (const param of fn.params) {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target.type !== AST_NODE_TYPES.Identifier) continue;
    const variable = findVariable(sourceCode, target);
    if (variable) variables.add(variable);
  }
  return variables;
}

/** Whether an expression is, or is a member of, one of the given variables: `req`, `req.headers`, `c.req.raw`. */
function isRootedIn(sourceCode: SourceCode, node: TSESTree.Node, variables: ReadonlySet<TSESLint.Scope.Variable>): boolean {
  let current = unwrap(node);
  for (let step = 0; step < MAX_DEPTH && current.type === AST_NODE_TYPES.MemberExpression; step++) current = unwrap(current.object);
  if (current.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(sourceCode, current);
  return variable !== null && variables.has(variable);
}

/**
 * The request or a part of it other than the payload (`req`, `req.headers`, `ctx.request`): a schema check of the body
 * (`validateBody(req.body)`) authenticates nothing.
 */
function isRequestNotPayload(sourceCode: SourceCode, node: TSESTree.Node, variables: ReadonlySet<TSESLint.Scope.Variable>): boolean {
  let current = unwrap(node);
  for (let step = 0; step < MAX_DEPTH && current.type === AST_NODE_TYPES.MemberExpression; step++) {
    if (PAYLOAD_PROPERTIES.has(getPropertyKey(sourceCode, current) ?? "")) return false;
    current = unwrap(current.object);
  }
  return isRootedIn(sourceCode, current, variables);
}

/** `req.headers`, `ctx.request.headers`, `c.req.raw.headers` of one of the given variables. */
function isHeadersOf(sourceCode: SourceCode, node: TSESTree.Node, variables: ReadonlySet<TSESLint.Scope.Variable>): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.MemberExpression && getPropertyKey(sourceCode, value) === "headers" && isRootedIn(sourceCode, value.object, variables);
}

/**
 * What the handler reads of the caller's payload: `req.body`, `ctx.request.body`, `req.params`, `await
 * request.json()`, `c.req.json()`, a destructured `({ body })` parameter or `const { body } = req`. Reads that only
 * go to logging are left out.
 */
function findPayloadReads(sourceCode: SourceCode, handler: FunctionNode): TSESTree.Node[] {
  const reads: TSESTree.Node[] = [];
  const add = (node: TSESTree.Node): void => {
    const value = node.parent?.type === AST_NODE_TYPES.AwaitExpression ? node.parent : node;
    const call = value.parent;
    if ((call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) && call.callee !== value && isLogging(call)) return;
    reads.push(node);
  };
  for (const param of handler.params) {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target.type === AST_NODE_TYPES.ObjectPattern) {
      // `({ body }, res) => ...`, Next.js `(request, { params })`
      for (const property of target.properties) {
        if (property.type === AST_NODE_TYPES.Property && PAYLOAD_PROPERTIES.has(getPropertyKey(sourceCode, property) ?? "")) reads.push(property);
      }
      continue;
    }
    if (target.type !== AST_NODE_TYPES.Identifier) continue;
    const variable = findVariable(sourceCode, target);
    for (const reference of variable?.references ?? []) {
      if (reference.isRead() && reference.identifier.type === AST_NODE_TYPES.Identifier) payloadReadAt(sourceCode, reference.identifier, add);
    }
  }
  return reads;
}

/** The payload read that starts at a reference to a request or context parameter, if any. */
function payloadReadAt(sourceCode: SourceCode, identifier: TSESTree.Identifier, add: (node: TSESTree.Node) => void): void {
  let current: TSESTree.Node = identifier;
  // Up to two steps: `req.body`, `ctx.request.body`, `c.req.json()`.
  for (let step = 0; step < 2; step++) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.ObjectPattern) {
      // `const { body, headers } = req`
      for (const property of parent.id.properties) {
        if (property.type === AST_NODE_TYPES.Property && PAYLOAD_PROPERTIES.has(getPropertyKey(sourceCode, property) ?? "")) add(property);
      }
      return;
    }
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current) return;
    const key = getPropertyKey(sourceCode, parent);
    if (key === null) return;
    if (PAYLOAD_PROPERTIES.has(key)) return add(parent);
    const call: TSESTree.Node | undefined = parent.parent;
    if (PAYLOAD_METHODS.has(key) && call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) return add(call);
    if (!REQUEST_PROPERTIES.has(key)) return;
    current = parent;
  }
}

/**
 * `body.merchantSerialNumber === MSN` and the like in the handler, where the field comes from the payload. The
 * payload is traced through `await`, members and `const` bindings (destructured too), MAX_DEPTH steps.
 */
function findBodyFieldComparisons(sourceCode: SourceCode, handler: FunctionNode, payloadReads: ReadonlySet<TSESTree.Node>): BodyFieldComparison[] {
  if (payloadReads.size === 0) return [];
  const found: BodyFieldComparison[] = [];
  for (const node of nodesOfTypeWithin(sourceCode, AST_NODE_TYPES.BinaryExpression, handler.body)) {
    if (!EQUALITY.has(node.operator)) continue;
    const field = notSecretField(sourceCode, node.left, payloadReads) ?? notSecretField(sourceCode, node.right, payloadReads);
    if (field !== undefined) found.push({ node, field });
  }
  return found;
}

/** The field's name when `node` reads a not-secret field of the payload. */
function notSecretField(sourceCode: SourceCode, node: TSESTree.Node, payloadReads: ReadonlySet<TSESTree.Node>): string | undefined {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const key = getPropertyKey(sourceCode, value);
    return key !== null && NOT_SECRET_FIELDS.has(key.toLowerCase()) && comesFromPayload(sourceCode, value.object, payloadReads, 0) ? key : undefined;
  }
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  // `const { merchantSerialNumber } = req.body`
  const def = findVariable(sourceCode, value)?.defs[0];
  if (def?.type !== DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.ObjectPattern || !def.node.init) return undefined;
  const property = def.node.id.properties.find(
    (candidate) => candidate.type === AST_NODE_TYPES.Property && candidate.value.type === AST_NODE_TYPES.Identifier && candidate.value.name === value.name,
  );
  const key = property?.type === AST_NODE_TYPES.Property ? getPropertyKey(sourceCode, property) : null;
  return key !== null && key !== undefined && NOT_SECRET_FIELDS.has(key.toLowerCase()) && comesFromPayload(sourceCode, def.node.init, payloadReads, 0)
    ? key
    : undefined;
}

function comesFromPayload(sourceCode: SourceCode, node: TSESTree.Node, payloadReads: ReadonlySet<TSESTree.Node>, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  let value = unwrap(node);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
  if (payloadReads.has(value)) return true;
  if (value.type === AST_NODE_TYPES.MemberExpression) return comesFromPayload(sourceCode, value.object, payloadReads, depth + 1);
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(sourceCode, value)?.defs[0];
  if (def?.type === DefinitionType.Variable && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
    return comesFromPayload(sourceCode, def.node.init, payloadReads, depth + 1);
  }
  // `const { body } = req` / `({ body }) =>`: the binding's property is the payload read.
  if ((def?.type === DefinitionType.Variable || def?.type === DefinitionType.Parameter) && def.name.parent.type === AST_NODE_TYPES.Property) {
    return payloadReads.has(def.name.parent);
  }
  return false;
}

/** A callback token made fresh in the request and kept nowhere the handler could compare it with. */
export interface UnkeptCallbackToken {
  /** The value as written in the body (the call, or the variable that holds it). */
  readonly node: TSESTree.Node;
  /** The field's path in the body (`merchantInfo.authToken`). */
  readonly path: string;
}

/**
 * Callback tokens of the given requests whose value is a fresh random one that nothing keeps: written into the body
 * directly, or held in a variable whose only read is the body, inside objects no other code reads.
 */
export function findUnkeptCallbackTokens(sourceCode: SourceCode, requests: readonly VippsRequest[]): UnkeptCallbackToken[] {
  const found: UnkeptCallbackToken[] = [];
  const seen = new Set<TSESTree.Node>();
  for (const request of requests) {
    const object = request.body?.object;
    const path = CALLBACK_TOKEN_FIELDS.find((field) => field.endpoint === request.endpoint?.id)?.path;
    if (!object || path === undefined) continue;
    const property = findField(sourceCode, object, path);
    if (!property || seen.has(property)) continue;
    seen.add(property);
    if (isKeptObject(sourceCode, property)) continue;
    const value = unwrap(property.value);
    if (isFreshRandom(sourceCode, value)) {
      found.push({ node: property.value, path });
    } else if (value.type === AST_NODE_TYPES.Identifier && isUnkeptRandomVariable(sourceCode, value)) {
      found.push({ node: property.value, path });
    }
  }
  return found;
}

function isFreshRandom(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  let value = unwrap(node);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 1 && value.quasis.every((quasi) => quasi.value.cooked === "")) {
    value = unwrap(value.expressions[0] ?? value);
  }
  for (let step = 0; step < 3 && value.type === AST_NODE_TYPES.CallExpression; step++) {
    const name = calleeName(value.callee);
    if (name !== undefined && (RANDOM_VALUE_CALLS.has(name) || (name === "random" && isMathRandom(sourceCode, value.callee)))) return true;
    // `randomBytes(32).toString("hex")`, `Math.random().toString(36).slice(2)`
    const callee = unwrap(value.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    value = unwrap(callee.object);
  }
  return false;
}

function isMathRandom(sourceCode: SourceCode, callee: TSESTree.Node): boolean {
  const target = unwrap(callee);
  return target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.Identifier && target.object.name === "Math";
}

/** `const token = uuidv4()` whose one read is the body, not exported: the value is lost after the request. */
function isUnkeptRandomVariable(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  const variable = findVariable(sourceCode, identifier);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.Identifier) return false;
  if (!def.node.init || !isFreshRandom(sourceCode, def.node.init) || isExported(def.parent)) return false;
  const reads = variable.references.filter((reference) => reference.isRead());
  return reads.length === 1 && reads[0]?.identifier === identifier;
}

function isExported(declaration: TSESTree.Node | null | undefined): boolean {
  return declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
}

/**
 * Whether an object literal holding the property (or one around it) is itself read elsewhere: stored with the order,
 * returned, or handed on, so the token goes along with it.
 */
function isKeptObject(sourceCode: SourceCode, property: TSESTree.Property): boolean {
  let current: TSESTree.Node = property;
  for (let step = 0; step < MAX_DEPTH; step++) {
    const object = current.parent;
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const holder = climbTypeWrappers(object);
    const parent = holder.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === holder) {
      if (parent.id.type !== AST_NODE_TYPES.Identifier) return true;
      const variable = findVariable(sourceCode, parent.id);
      if (!variable || isExported(parent.parent)) return true;
      return variable.references.filter((reference) => reference.isRead()).length > 1;
    }
    if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== holder) return false;
    current = parent;
  }
  return false;
}

/**
 * Whether the route that `handler` serves runs middleware that says it guards it: another function argument of the
 * route call (`app.post("/cb", verifyVippsToken, handler)`, `router.post(path, requireAuth(), handler)`). What such
 * middleware checks is out of reach, so it is trusted.
 */
export function routeMiddlewareVerifies(sourceCode: SourceCode, handler: FunctionNode): boolean {
  const call = handler.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(handler as TSESTree.CallExpressionArgument)) return false;
  return call.arguments.some((argument) => {
    if (argument === handler) return false;
    const target = unwrap(argument);
    // Fastify's route options: `{ preHandler: verifyToken }`, `{ onRequest: [guard] }`.
    if (target.type === AST_NODE_TYPES.ObjectExpression) {
      return target.properties.some((property) => property.type === AST_NODE_TYPES.Property && FASTIFY_HOOKS.has(getPropertyKey(sourceCode, property) ?? ""));
    }
    const named = target.type === AST_NODE_TYPES.CallExpression ? target.callee : target;
    const name = calleeName(named);
    return name !== undefined && GUARD_NAME.test(name);
  });
}
