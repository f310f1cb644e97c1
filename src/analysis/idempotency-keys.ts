import { AST_NODE_TYPES, DefinitionType, type TSESTree } from "../core/eslint-api.js";
import { enclosingFunction, isFunction, unwrap } from "../core/ast.js";
import { MAX_LOOKUP_STEPS } from "../core/limits.js";
import { RANDOM_VALUE_CALLS } from "../core/random-values.js";
import { memoised } from "../core/memo.js";
import { findConstantVariable, getPropertyKey, getStaticValue } from "../core/static.js";
import type { SourceCode } from "../core/types.js";
import type { VippsRequest } from "../detect/index.js";

/**
 * The Idempotency-Key each request of a file sends, judged by whether it can do its job: identify one operation, the
 * same on every retry of it and different from every other operation.
 *
 * - fresh: made inside the request (`randomUUID()`, `uuidv4()`, `Date.now()`, `Math.random()` in the header's value
 *   or in a constant declared for it in the same function): each retry is a new operation;
 * - constant: a fixed string: every payment or charge the code ever sends shares it;
 * - shared: the same bare reference (`reference`, `orderId`) sent as the key of different operations, or of one
 *   capture or refund sent from several places: the later calls are answered from the first.
 *
 * A key passed in by the caller, or one derived from the reference and the operation (`${reference}-capture-${n}`),
 * is none of these. Per file, cached; every walk is bounded by MAX_LOOKUP_STEPS nodes.
 */

export type KeyVerdict =
  | { readonly kind: "fresh"; readonly request: VippsRequest; readonly value: TSESTree.Node; readonly maker: string }
  | { readonly kind: "constant"; readonly request: VippsRequest; readonly value: TSESTree.Node; readonly key: string }
  | { readonly kind: "shared"; readonly request: VippsRequest; readonly value: TSESTree.Node; readonly key: string; readonly others: readonly VippsRequest[] };

/** `Date.now()`, `Math.random()`, `performance.now()`. */
const FRESH_MEMBERS: ReadonlySet<string> = new Set(["Date.now", "Math.random", "performance.now"]);

/** Names that hold a payment's or agreement's reference, not a key made for one operation. */
const REFERENCE_NAME = /^(?:reference|ref|orderid|order_id|orderreference|order_reference|paymentreference|payment_reference|ordernumber|agreementid|chargeid)$/i;

const IDEMPOTENCY = "idempotency-key";
/** Endpoints where one payment may take several calls (partial captures and refunds). */
const REPEATED_OPERATIONS = /\.(?:capture|refund|captureCharge|refundCharge)$/;

const verdicts = new WeakMap<TSESTree.Program, readonly KeyVerdict[]>();

/** The verdicts on the keys of `requests` (the file's requests), once per file. */
export function idempotencyKeyVerdicts(sourceCode: SourceCode, requests: readonly VippsRequest[]): readonly KeyVerdict[] {
  return memoised(verdicts, sourceCode.ast, () => judge(sourceCode, requests));
}

function judge(sourceCode: SourceCode, requests: readonly VippsRequest[]): KeyVerdict[] {
  const found: KeyVerdict[] = [];
  const byReference = new Map<string, { request: VippsRequest; value: TSESTree.Node }[]>();
  for (const request of requests) {
    const value = request.headers?.entries.get(IDEMPOTENCY)?.value;
    if (!value) continue;
    const maker = freshMaker(sourceCode, value, request.node);
    if (maker) {
      found.push({ kind: "fresh", request, value, maker });
      continue;
    }
    const constant = getStaticValue(sourceCode, value)?.value;
    if (typeof constant === "string" || typeof constant === "number") {
      found.push({ kind: "constant", request, value, key: String(constant) });
      continue;
    }
    const reference = bareReference(sourceCode, value);
    if (reference !== undefined && request.endpoint) {
      const group = byReference.get(reference) ?? [];
      group.push({ request, value });
      byReference.set(reference, group);
    }
  }
  for (const [key, group] of byReference) {
    const endpoints = new Set(group.map((use) => use.request.endpoint?.id));
    const repeated = group.length > 1 && [...endpoints].some((id) => id !== undefined && REPEATED_OPERATIONS.test(id));
    if (endpoints.size < 2 && !repeated) continue;
    for (const use of group) {
      const others = group.filter((other) => other !== use).map((other) => other.request);
      found.push({ kind: "shared", request: use.request, value: use.value, key, others });
    }
  }
  return found;
}

/**
 * The call that makes the key fresh, written in the value or in the initialiser of a constant declared in the same
 * function as the request (a key made once outside, then retried, is fine).
 */
function freshMaker(sourceCode: SourceCode, value: TSESTree.Node, requestNode: TSESTree.Node): string | undefined {
  const direct = freshCallIn(sourceCode, value);
  if (direct) return direct;
  const expression = unwrap(value);
  const identifiers =
    expression.type === AST_NODE_TYPES.Identifier
      ? [expression]
      : expression.type === AST_NODE_TYPES.TemplateLiteral
        ? expression.expressions.map(unwrap).filter((part): part is TSESTree.Identifier => part.type === AST_NODE_TYPES.Identifier)
        : [];
  const home = enclosingFunction(requestNode);
  for (const identifier of identifiers) {
    const def = findConstantVariable(sourceCode, identifier)?.defs[0];
    if (def?.type !== DefinitionType.Variable || !def.node.init) continue;
    if (enclosingFunction(def.node) !== home) continue;
    const maker = freshCallIn(sourceCode, def.node.init);
    if (maker) return maker;
  }
  return undefined;
}

/** The name of a fresh-value call inside `root` (not inside nested functions), within MAX_LOOKUP_STEPS nodes. */
function freshCallIn(sourceCode: SourceCode, root: TSESTree.Node): string | undefined {
  const stack: TSESTree.Node[] = [root];
  for (let steps = 0, node = stack.pop(); node && steps < MAX_LOOKUP_STEPS; steps++, node = stack.pop()) {
    if (node !== root && isFunction(node)) continue;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const name = calleeName(sourceCode, node.callee);
      if (name !== undefined && (RANDOM_VALUE_CALLS.has(name.split(".").pop() ?? "") || FRESH_MEMBERS.has(name))) return `${name}()`;
    } else if (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "Date" && node.arguments.length === 0) {
      return "new Date()";
    }
    // Children in visitor-key order, without an array made for each single child.
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (!Array.isArray(child)) {
        if (isNode(child)) stack.push(child);
        continue;
      }
      for (const item of child) if (isNode(item)) stack.push(item);
    }
  }
  return undefined;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

/** `randomUUID`, `crypto.randomUUID`, `Date.now`: the callee as a dotted name of at most two parts. */
function calleeName(sourceCode: SourceCode, callee: TSESTree.Node): string | undefined {
  const node = unwrap(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property = getPropertyKey(sourceCode, node);
  if (property === null) return undefined;
  const owner = unwrap(node.object);
  return owner.type === AST_NODE_TYPES.Identifier ? `${owner.name}.${property}` : property;
}

/** `reference`, `order.reference`, `` `${orderId}` ``: a reference sent as the key with nothing for the operation. */
function bareReference(sourceCode: SourceCode, value: TSESTree.Node): string | undefined {
  let node = unwrap(value);
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    const [only] = node.expressions;
    if (node.expressions.length !== 1 || !only || node.quasis.some((quasi) => quasi.value.cooked !== "")) return undefined;
    node = unwrap(only);
  }
  const name =
    node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? getPropertyKey(sourceCode, node) : null;
  return name !== null && REFERENCE_NAME.test(name) ? sourceCode.getText(node) : undefined;
}
