import { AST_NODE_TYPES, type TSESTree } from "../core/eslint-api.js";
import { calleeName, unwrap, type FunctionNode } from "../core/ast.js";
import { memoised } from "../core/memo.js";
import { getStaticString, getStringPattern, localFunctionNamed, resolveConstantInit, UNKNOWN_PART } from "../core/static.js";
import { nodesOfType, nodesOfTypes, nodesOfTypeWithin } from "../core/node-index.js";
import type { SourceCode } from "../core/types.js";
import { WEBHOOK_CONTENT_HASH_HEADER, WEBHOOK_EVENT_PREFIX } from "../vipps/webhooks.js";
import type { InboundHandler } from "./inbound.js";

/**
 * How a webhook handler verifies a delivery, as far as the handler and the file's functions it calls show it. The
 * scheme (facts sheet, "Webhooks"): SHA-256 of the raw body, base64, equals `x-ms-content-sha256`; HMAC-SHA256 keyed
 * with the secret as given over `POST\n{pathAndQuery}\n{x-ms-date};{host};{x-ms-content-sha256}`, base64, equals the
 * `Signature` of `Authorization`.
 */

export interface WebhookVerification {
  /** The first read of the body that is more than logged (`console.log(req.body)` alone is not a use). */
  readonly firstUse: TSESTree.Node | undefined;
  /** Where verification starts in the handler: a hash, an HMAC, a comparison in constant time, or a verifying call. */
  readonly start: TSESTree.Node | undefined;
  /** The first call that acts on the parsed payload (passes it or one of its fields on) before `start`. */
  readonly actedBefore: TSESTree.Node | undefined;
  /** `JSON.stringify(...)` hashed: a re-serialised body. */
  readonly reserialised: readonly TSESTree.Node[];
  /** `createHmac(...).update(body)`: an HMAC of the body where the plain SHA-256 is due. */
  readonly hmacOfBody: readonly TSESTree.Node[];
  /** An HMAC key decoded from base64 (`Buffer.from(secret, "base64")`, `atob(secret)`), with the secret expression. */
  readonly decodedKeys: readonly { readonly node: TSESTree.Node; readonly secret: TSESTree.Node }[];
  /** `digest("hex")` of a SHA-256 hash or HMAC: Vipps sends base64. */
  readonly hexDigests: readonly TSESTree.Literal[];
  /** A signing string written out that is not `METHOD\npathAndQuery\ndate;host;hash`. */
  readonly badSigningStrings: readonly TSESTree.Node[];
  /** `Authorization` compared with the secret or `Bearer ${secret}`. */
  readonly secretComparisons: readonly TSESTree.Node[];
  /** `===` / `!==` between a signature or content hash and another value: not constant time. */
  readonly plainComparisons: readonly TSESTree.BinaryExpression[];
  /**
   * The content hash computed (`createHash`) where nothing the handler or its functions do checks the signature (no
   * HMAC, no subtle sign or verify, no call whose name says it verifies): anyone can hash a body they send.
   */
  readonly contentHashOnly: TSESTree.Node | undefined;
}

/** Calls whose name says they verify: trusted when the handler calls them (`verifyVippsWebhook(req)`, `validateSignature`). */
const VERIFYING_NAME = /verif|signature|authenticat|hmac/i;
/** Names that verify when the request is passed (`validateAuthorization(req, res, secret)`, `checkRequest(req)`). */
const REQUEST_CHECK_NAME = /valid|check|auth|secur/i;
const HASH_FACTORIES = new Set(["createHash", "createHmac"]);
const CONSTANT_TIME = new Set(["timingSafeEqual"]);
const SUBTLE_VERIFYING = new Set(["digest", "sign", "verify"]);
const SECRET_NAME = /secret/i;
/** The nodes a handler's verification is read from, in source order. */
const INSPECTED_TYPES = [AST_NODE_TYPES.VariableDeclarator, AST_NODE_TYPES.Property, AST_NODE_TYPES.BinaryExpression, AST_NODE_TYPES.CallExpression] as const;
/** How many of the file's functions a handler's verification is followed into (each read once). */
const MAX_LOCAL_FUNCTIONS = 8;

const cache = new WeakMap<FunctionNode, WebhookVerification>();

export function analyseWebhookVerification(sourceCode: SourceCode, handler: InboundHandler): WebhookVerification {
  return memoised(cache, handler.fn, () => analyse(sourceCode, handler));
}

/** The call at the root of a method chain: `createHash("sha256")` in `createHash("sha256").update(x).digest()`. */
function chainRoot(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  let current: TSESTree.Node = node;
  for (let depth = 0; depth < 16; depth++) {
    if (current.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const name = calleeName(current.callee);
    if (name !== undefined && HASH_FACTORIES.has(name)) return current;
    if (current.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    current = current.callee.object;
  }
  return undefined;
}

/** The hash factory a `.update` / `.digest` call belongs to, through one constant (`const hmac = createHmac(...)`). */
function factoryOf(sourceCode: SourceCode, call: TSESTree.CallExpression): TSESTree.CallExpression | undefined {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = unwrap(call.callee.object);
  const direct = chainRoot(object);
  if (direct) return direct;
  if (object.type === AST_NODE_TYPES.Identifier) {
    const init = resolveConstantInit(sourceCode, object);
    return init ? chainRoot(unwrap(init)) : undefined;
  }
  return undefined;
}

/** Whether `node` is, or is a constant bound to, a call of `JSON.stringify` (through `Buffer.from` / `encode`). */
function isReserialised(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  let current = unwrap(node);
  for (let depth = 0; depth < 4; depth++) {
    if (current.type === AST_NODE_TYPES.Identifier) {
      const init = resolveConstantInit(sourceCode, current);
      if (!init) return false;
      current = unwrap(init);
      continue;
    }
    if (current.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = current.callee;
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === "JSON" &&
      calleeName(callee) === "stringify"
    ) {
      return true;
    }
    const name = calleeName(callee);
    const argument = current.arguments[0];
    if ((name === "from" || name === "encode") && argument && argument.type !== AST_NODE_TYPES.SpreadElement) current = unwrap(argument);
    else return false;
  }
  return false;
}

function analyse(sourceCode: SourceCode, handler: InboundHandler): WebhookVerification {
  const reserialised: TSESTree.Node[] = [];
  const hmacOfBody: TSESTree.Node[] = [];
  const decodedKeys: { node: TSESTree.Node; secret: TSESTree.Node }[] = [];
  const hexDigests: TSESTree.Literal[] = [];
  const badSigningStrings: TSESTree.Node[] = [];
  const secretComparisons: TSESTree.Node[] = [];
  const plainComparisons: TSESTree.BinaryExpression[] = [];

  // Names the handler binds to the payload (parsed) or to the raw body: from a body read, or `JSON.parse` of one.
  const bodyReads = new Map(handler.bodyReads.map((read) => [read.node, read] as const));
  const payloadNames = new Set<string>();
  const rawNames = new Set<string>();
  const headerNames = new Map<string, string | undefined>();
  for (const read of handler.headerReads) {
    const declarator = read.node.parent;
    if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier) headerNames.set(declarator.id.name, read.name);
    if (read.node.type === AST_NODE_TYPES.Property && read.node.value.type === AST_NODE_TYPES.Identifier) headerNames.set(read.node.value.name, read.name);
  }
  const headerNameOf = (node: TSESTree.Node): string | undefined => {
    const value = unwrap(node);
    if (value.type === AST_NODE_TYPES.Identifier) return headerNames.get(value.name);
    return handler.headerReads.find((read) => read.node === value || read.node === value.parent)?.name;
  };
  /** Whether `node` is the payload, the raw body, or neither: down member chains and awaits to a body read or a bound name. */
  const origin = (node: TSESTree.Node): "payload" | "raw" | undefined => {
    let current = unwrap(node);
    for (let depth = 0; depth < 16; depth++) {
      const read = bodyReads.get(current);
      if (read) return read.how === "parsed" || (read.how === "body" && !handler.rawParser) ? "payload" : "raw";
      if (current.type === AST_NODE_TYPES.Identifier) return payloadNames.has(current.name) ? "payload" : rawNames.has(current.name) ? "raw" : undefined;
      if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
      else if (current.type === AST_NODE_TYPES.ChainExpression || current.type === AST_NODE_TYPES.AwaitExpression) {
        current = unwrap(current.type === AST_NODE_TYPES.ChainExpression ? current.expression : current.argument);
      } else return undefined;
    }
    return undefined;
  };
  const bind = (pattern: TSESTree.Node, kind: "payload" | "raw"): void => {
    if (pattern.type === AST_NODE_TYPES.Identifier) (kind === "payload" ? payloadNames : rawNames).add(pattern.name);
    else if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
      // Fields of the payload are the payload's.
      for (const property of pattern.properties) {
        if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) payloadNames.add(property.value.name);
      }
    }
  };

  const requestNames = new Set(handler.requestParams.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
  let start: TSESTree.Node | undefined;
  let actedBefore: TSESTree.Node | undefined;
  let firstPlainHash: TSESTree.Node | undefined;
  let checksSignature = false;
  const followed = new Set<FunctionNode>();
  const pending: FunctionNode[] = [];

  const verifies = (fn: FunctionNode): boolean =>
    nodesOfTypeWithin(sourceCode, AST_NODE_TYPES.CallExpression, fn.body).some((node) => {
      const name = calleeName(node.callee);
      return name !== undefined && (HASH_FACTORIES.has(name) || CONSTANT_TIME.has(name) || (SUBTLE_VERIFYING.has(name) && isSubtle(node.callee)));
    });

  const inspect = (root: TSESTree.Node, inHandler: boolean): void => {
    for (const node of nodesOfTypes(sourceCode, INSPECTED_TYPES, root)) {
      if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init && inHandler) {
        const init = unwrap(node.init);
        const kind = isJsonParse(init) && init.arguments[0] && origin(init.arguments[0]) ? "payload" : origin(init);
        if (kind) bind(node.id, kind);
      }
      if (node.type === AST_NODE_TYPES.Property && node.parent.type === AST_NODE_TYPES.ObjectPattern && bodyReads.has(node) && node.value.type === AST_NODE_TYPES.Identifier) {
        (handler.rawParser ? rawNames : payloadNames).add(node.value.name);
      }
      if (node.type === AST_NODE_TYPES.BinaryExpression && ["===", "!==", "==", "!="].includes(node.operator)) compare(node);
      if (node.type !== AST_NODE_TYPES.CallExpression) continue;
      const name = calleeName(node.callee);
      const isHashing = name !== undefined && (HASH_FACTORIES.has(name) || CONSTANT_TIME.has(name) || (SUBTLE_VERIFYING.has(name) && isSubtle(node.callee)));
      const local = inHandler && !isHashing ? localFunctionNamed(sourceCode, node.callee) : undefined;
      const verifyingCall =
        name !== undefined &&
        (VERIFYING_NAME.test(name) ||
          (REQUEST_CHECK_NAME.test(name) && node.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && requestNames.has(argument.name))));
      if (local && !followed.has(local)) {
        if (followed.size < MAX_LOCAL_FUNCTIONS) {
          followed.add(local);
          pending.push(local);
        } else checksSignature = true; // Not followed: what it does is unknown, so it is not judged.
      }
      if (name === "createHash") firstPlainHash ??= node;
      if (name === "createHmac" || (name !== undefined && SUBTLE_VERIFYING.has(name) && name !== "digest" && isSubtle(node.callee)) || verifyingCall) {
        checksSignature = true;
      }
      if (inHandler && !start && (isHashing || verifyingCall || (local !== undefined && verifies(local)))) start = node;
      if (inHandler && !start && !actedBefore && !isHashing && !isBenign(node) && node.arguments.some((argument) => origin(argument) === "payload")) actedBefore = node;
      if (name === "createHmac") checkHmacKey(node);
      if (name === "update") checkUpdate(node, inHandler);
      if (name === "digest") checkDigest(node);
      if (SUBTLE_VERIFYING.has(name ?? "") && isSubtle(node.callee)) {
        const data = node.arguments.at(-1);
        if (data && isReserialised(sourceCode, data)) reserialised.push(data);
      }
    }
  };

  const checkHmacKey = (call: TSESTree.CallExpression): void => {
    const key = call.arguments[1];
    if (!key || key.type === AST_NODE_TYPES.SpreadElement) return;
    const value = unwrap(key.type === AST_NODE_TYPES.Identifier ? (resolveConstantInit(sourceCode, key) ?? key) : key);
    if (value.type !== AST_NODE_TYPES.CallExpression) return;
    const name = calleeName(value.callee);
    const secret = value.arguments[0];
    if (!secret || secret.type === AST_NODE_TYPES.SpreadElement) return;
    const encoding = value.arguments[1];
    if ((name === "from" && encoding && getStaticString(sourceCode, encoding) === "base64") || name === "atob") {
      decodedKeys.push({ node: key, secret });
    }
  };

  const checkUpdate = (call: TSESTree.CallExpression, inHandler: boolean): void => {
    const factory = factoryOf(sourceCode, call);
    const data = call.arguments[0];
    if (!factory || !data || data.type === AST_NODE_TYPES.SpreadElement) return;
    if (isReserialised(sourceCode, data)) {
      reserialised.push(data);
      return;
    }
    if (calleeName(factory.callee) !== "createHmac") return;
    const value = unwrap(data);
    const isBody = inHandler ? origin(value) !== undefined : value.type === AST_NODE_TYPES.Identifier && /body|payload/i.test(value.name);
    if (isBody) {
      hmacOfBody.push(data);
      return;
    }
    const written = value.type === AST_NODE_TYPES.Identifier ? resolveConstantInit(sourceCode, value) : value;
    if (written && (written.type === AST_NODE_TYPES.TemplateLiteral || (written.type === AST_NODE_TYPES.BinaryExpression && written.operator === "+"))) {
      if (!isSigningString(getStringPattern(sourceCode, written))) badSigningStrings.push(data);
    }
  };

  const checkDigest = (call: TSESTree.CallExpression): void => {
    const encoding = call.arguments[0];
    if (encoding?.type !== AST_NODE_TYPES.Literal || encoding.value !== "hex") return;
    const factory = factoryOf(sourceCode, call);
    const algorithm = factory?.arguments[0];
    if (algorithm && getStaticString(sourceCode, algorithm)?.toLowerCase() === "sha256") hexDigests.push(encoding);
  };

  const compare = (node: TSESTree.BinaryExpression): void => {
    const sides = [node.left, node.right];
    const names = sides.map((side) => headerNameOf(side));
    const authorization = names.indexOf("authorization");
    if (authorization >= 0) {
      const other = sides[1 - authorization];
      if (other && isSecret(sourceCode, other)) secretComparisons.push(node);
      else if (other && !isStaticValue(sourceCode, other)) plainComparisons.push(node);
      return;
    }
    if (names.includes(WEBHOOK_CONTENT_HASH_HEADER) && sides.every((side) => !isStaticValue(sourceCode, side))) plainComparisons.push(node);
  };

  inspect(handler.fn.body, true);
  for (let fn = pending.shift(); fn; fn = pending.shift()) inspect(fn.body, false);
  return {
    firstUse: handler.bodyReads.find((read) => !isOnlyLogged(read.node))?.node,
    start,
    actedBefore: start ? actedBefore : undefined,
    reserialised,
    hmacOfBody,
    decodedKeys,
    hexDigests,
    badSigningStrings,
    secretComparisons,
    plainComparisons,
    contentHashOnly: checksSignature ? undefined : firstPlainHash,
  };
}

/** `crypto.subtle.digest(...)`, `subtle.sign(...)`. */
function isSubtle(callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = callee.object;
  return (
    (object.type === AST_NODE_TYPES.Identifier && object.name === "subtle") ||
    (object.type === AST_NODE_TYPES.MemberExpression && !object.computed && object.property.type === AST_NODE_TYPES.Identifier && object.property.name === "subtle")
  );
}

function isJsonParse(node: TSESTree.Node): node is TSESTree.CallExpression {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === "JSON" &&
    calleeName(node.callee) === "parse"
  );
}

/** Whether a body read is only an argument of a logging call (through members: `console.log(req.body.name)`). */
function isOnlyLogged(node: TSESTree.Node): boolean {
  let current = node;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current) current = current.parent;
  const parent = current.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === current) return false;
  const callee = parent.callee;
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && (callee.object.name === "console" || callee.object.name === "logger");
}

/** Calls that read or log the payload without acting on it. */
function isBenign(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const object = callee.object.name;
    if (object === "console" || object === "JSON" || object === "logger" || object === "log" || object === "Buffer" || object === "Object" || object === "Array") return true;
  }
  const name = calleeName(callee);
  return name === "String" || name === "Number" || name === "Boolean" || name === "debug" || name === "log";
}

/** The secret itself: a name or environment variable that says secret, or `Bearer ${secret}`. */
function isSecret(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) return SECRET_NAME.test(value.name);
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const property = value.computed ? getStaticString(sourceCode, value.property) : value.property.type === AST_NODE_TYPES.Identifier ? value.property.name : undefined;
    return property !== undefined && SECRET_NAME.test(property);
  }
  if (value.type === AST_NODE_TYPES.TemplateLiteral) {
    return (value.quasis[0]?.value.cooked ?? "").trim().toLowerCase() === "bearer" && value.expressions.length === 1 && value.expressions[0] !== undefined && isSecret(sourceCode, value.expressions[0]);
  }
  if (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === "+") {
    return getStaticString(sourceCode, value.left)?.trim().toLowerCase() === "bearer" && isSecret(sourceCode, value.right);
  }
  return false;
}

function isStaticValue(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.Literal || (value.type === AST_NODE_TYPES.Identifier && value.name === "undefined") || getStaticString(sourceCode, value) !== undefined;
}

/**
 * Whether a signing string written out has the scheme's shape: three lines, the last `date;host;hash`
 * (`POST\n${path}\n${date};${host};${hash}`). Unknown parts may be anything; the separators must be there.
 */
export function isSigningString(pattern: string): boolean {
  if (pattern === UNKNOWN_PART) return true;
  const lines = pattern.split("\n");
  if (lines.length !== 3) return false;
  const [method, , last] = lines;
  const fields = (last ?? "").split(";");
  return (method === UNKNOWN_PART || method === "POST") && fields.length === 3 && fields.every((field) => field.length > 0);
}

/** The file's string literals that start like a webhook event name. */
export function findEventNameLiterals(sourceCode: SourceCode): readonly { readonly node: TSESTree.Literal | TSESTree.TemplateLiteral; readonly value: string }[] {
  return memoised(eventLiterals, sourceCode.ast, () => {
    const found: { node: TSESTree.Literal | TSESTree.TemplateLiteral; value: string }[] = [];
    const isEventName = (value: string | null | undefined): value is string => typeof value === "string" && value.length < 80 && WEBHOOK_EVENT_PREFIX.test(value);
    for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.Literal)) {
      if (typeof node.value === "string" && isEventName(node.value)) found.push({ node, value: node.value });
    }
    for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.TemplateLiteral)) {
      const value = node.expressions.length === 0 ? node.quasis[0]?.value.cooked : undefined;
      if (isEventName(value)) found.push({ node, value });
    }
    // A literal and a template never start at the same offset: their starts put them back in source order.
    return found.sort((a, b) => a.node.range[0] - b.node.range[0]);
  });
}
const eventLiterals = new WeakMap<TSESTree.Program, readonly { readonly node: TSESTree.Literal | TSESTree.TemplateLiteral; readonly value: string }[]>();
