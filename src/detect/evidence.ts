import { AST_NODE_TYPES, type TSESTree } from "../core/eslint-api.js";
import { unwrap } from "../core/ast.js";
import { MAX_DEPTH, MAX_LOOKUP_STEPS } from "../core/limits.js";
import { memoised } from "../core/memo.js";
import { findField } from "../core/objects.js";
import { getPropertyKey, hasScheme, resolveConstantInit } from "../core/static.js";
import type { SourceCode } from "../core/types.js";
import { ENDPOINTS, getApi, type ApiSpec, type EndpointSpec } from "../vipps/apis.js";
import { HOLE } from "../vipps/urls.js";
import type { RequestBody } from "./body.js";
import type { RequestHeaders } from "./headers.js";

/**
 * The one evidence model: whether a call of a known HTTP client whose URL the file does not spell out (it comes from
 * configuration) goes to Vipps, weighed from what the call shows elsewhere. Each kind of evidence has a weight; the
 * call is a Vipps request when the weights reach EVIDENCE_THRESHOLD. The weights are set so that one strong sign
 * (a header only Vipps uses, a body shape only a Vipps endpoint takes) is enough, and a weak or shared one never is.
 */

/** The sum of weights at which a call counts as a Vipps request. */
export const EVIDENCE_THRESHOLD = 10;

export type EvidenceKind =
  | "vipps-header"
  | "subscription-key"
  | "client-credentials"
  | "vipps-name"
  | "endpoint-suffix"
  | "body-shape"
  | "body-hint";

export const EVIDENCE_WEIGHTS: Readonly<Record<EvidenceKind, number>> = {
  // `Merchant-Serial-Number` and the `Vipps-System-*` headers are Vipps MobilePay's own names; no other public API
  // asks for them, so one of them decides.
  "vipps-header": 10,
  // `Ocp-Apim-Subscription-Key` is Azure API Management's default header, sent to every API hosted there: it only
  // adds to other evidence and can never decide alone (a subscription key plus credentials still falls short).
  "subscription-key": 4,
  // `client_id` and `client_secret` as request headers (not form fields) are how Vipps's access token endpoint takes
  // credentials; some other token endpoints do the same, so the pair only adds.
  "client-credentials": 4,
  // The URL's base comes from a variable, member, or function whose name says Vipps (`process.env.VIPPS_BASE_URL`,
  // `config.vipps.apiUrl`, `getVippsUrl()`). Strong, but such a name may also hold the merchant's own callback URL
  // or a logo, so it needs one more sign (a path suffix, a header, a body).
  "vipps-name": 6,
  // A path ending that names a Vipps endpoint (`/details`, `/capture`, ...): many APIs have such paths, so it only
  // counts once something else says the base is Vipps (see weigh).
  "endpoint-suffix": 4,
  // A body with all the names of a shape src/vipps/apis.ts lists as unmistakable for one endpoint.
  "body-shape": 10,
  // A body with names only a few Vipps endpoints take, but that one or two other payment APIs share
  // (`modificationAmount` is also Adyen's): adds, never decides.
  "body-hint": 6,
};

export interface Evidence {
  readonly kind: EvidenceKind;
  /** What was seen: a header name, a variable name, a path suffix, a body shape. */
  readonly detail: string;
  readonly weight: number;
}

export interface EvidenceVerdict {
  readonly evidence: readonly Evidence[];
  readonly score: number;
  /** What the evidence says about the target; undefined where it does not say. */
  readonly api: ApiSpec | undefined;
  readonly endpoint: EndpointSpec | undefined;
}

/** What a call shows, apart from a URL that matched no Vipps host or path. */
export interface CallFacts {
  readonly url: TSESTree.Node | undefined;
  /** The client instance's base URL expression, when the call's URL is relative to it. */
  readonly urlBase: TSESTree.Node | undefined;
  readonly urlPattern: string | undefined;
  readonly method: string | undefined;
  readonly body: RequestBody | undefined;
  readonly headers: RequestHeaders | undefined;
}

/** Body names that only a few Vipps endpoints take, with the endpoints; the pre-filter needs every first name. */
const BODY_HINTS: readonly { readonly paths: readonly string[]; readonly endpoints: readonly EndpointSpec["id"][] }[] = [
  // ePayment capture and refund: `{ modificationAmount: { value, currency } }`.
  { paths: ["modificationAmount.value", "modificationAmount.currency"], endpoints: ["epayment.capture", "epayment.refund"] },
  // Recurring charges: `due` and `retryDays` together.
  { paths: ["retryDays", "due", "amount"], endpoints: ["recurring.createCharge", "recurring.v2.createCharge"] },
  // eCom modifications: merchant info with the serial number and a transaction text.
  {
    paths: ["merchantInfo.merchantSerialNumber", "transaction.transactionText"],
    endpoints: ["ecom.capture", "ecom.refund", "ecom.cancel", "ecom.initiate"],
  },
];

/** Words the pre-filter lets through for the evidence (case-insensitive); "vipps" itself is already there. */
export const EVIDENCE_WORDS: readonly string[] = ["merchant-serial-number", "modificationAmount", "retryDays"];

/** Path endings that name an endpoint's operation; a bare collection (`/payments`) names nothing. */
const NAMING_SUFFIXES = new Set(["details", "capture", "refund", "cancel", "approve", "status", "events", "accept"]);

/** Each endpoint's path as lower-case segments, `{param}` as null (any one segment). */
const endpointSegments: readonly { readonly spec: EndpointSpec; readonly segments: readonly (string | null)[] }[] = ENDPOINTS.filter(
  (endpoint) => endpoint.path.startsWith("/") && !endpoint.callbackResponse,
).map((spec) => ({ spec, segments: spec.path.toLowerCase().split("/").slice(1).map((segment) => (segment.startsWith("{") ? null : segment)) }));

/**
 * Whether an endpoint's path ends with the tail's segments (`/details`, `/payments/abc/capture`). The last one names
 * the operation and must be written in the path: `/details` is no `{Reference}`.
 */
function endsWithTail(segments: readonly (string | null)[], tail: readonly string[]): boolean {
  if (tail.length > segments.length) return false;
  const offset = segments.length - tail.length;
  return tail.every((segment, index) => {
    const wanted = segments[offset + index];
    return wanted === null ? segment !== "" && index < tail.length - 1 : wanted === segment;
  });
}

/** Each shape's top-level keys (`merchantInfo` for `merchantInfo.merchantSerialNumber`), once per shape. */
const topLevelKeys = new WeakMap<readonly string[], readonly string[]>();

/**
 * Whether an object literal has every dotted path of a shape (a body shape, a body hint). Most objects have none of a
 * shape's top-level keys written and nothing that could hide one: they are turned away on their own property names
 * before any look-up (which keeps a memo for every object it is asked about).
 */
export function hasShape(sourceCode: SourceCode, object: TSESTree.ObjectExpression, shape: readonly string[]): boolean {
  const keys = memoised(topLevelKeys, shape, () => [...new Set(shape.map((path) => path.split(".")[0] ?? path))]);
  return mayHoldKeys(object, keys) && shape.every((path) => findField(sourceCode, object, path));
}

/**
 * Whether an object literal may have every one of `keys`: false only when it lacks one and every property it has is
 * plain (no spread, no computed key, which may add any). Scans its properties without building a set of their names.
 */
function mayHoldKeys(object: TSESTree.ObjectExpression, keys: readonly string[]): boolean {
  for (const key of keys) {
    let held = false;
    for (const property of object.properties) {
      const name = plainKeyName(property);
      if (name === undefined) return true;
      if (name === key) {
        held = true;
        break;
      }
    }
    if (!held) return false;
  }
  return true;
}

/** A property's key as written, when it is a plain one; undefined for a spread or a computed key. */
function plainKeyName(property: TSESTree.ObjectLiteralElement): string | undefined {
  if (property.type !== AST_NODE_TYPES.Property || property.computed) return undefined;
  const key = property.key;
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal ? String(key.value) : undefined;
}

/** Weighs what a call shows; a verdict only when the evidence reaches the threshold. */
export function weighEvidence(sourceCode: SourceCode, facts: CallFacts): EvidenceVerdict | undefined {
  const evidence: Evidence[] = [];
  const add = (kind: EvidenceKind, detail: string): void => {
    evidence.push({ kind, detail, weight: EVIDENCE_WEIGHTS[kind] });
  };

  const headers = facts.headers?.entries;
  if (headers) {
    const vippsHeader = [...headers.keys()].find((name) => name === "merchant-serial-number" || name.startsWith("vipps-system-"));
    if (vippsHeader) add("vipps-header", headers.get(vippsHeader)?.name ?? vippsHeader);
    if (headers.has("ocp-apim-subscription-key")) add("subscription-key", "Ocp-Apim-Subscription-Key");
    if (headers.has("client_id") && headers.has("client_secret")) add("client-credentials", "client_id, client_secret");
  }

  const name = (facts.url && vippsNameInBase(sourceCode, facts.url)) ?? (facts.urlBase && vippsNameInBase(sourceCode, facts.urlBase));
  if (name) add("vipps-name", name);

  let bodyEndpoints: readonly EndpointSpec[] = [];
  const object = facts.body?.object;
  if (object) {
    const shaped = ENDPOINTS.find((endpoint) => endpoint.shapes?.some((shape) => hasShape(sourceCode, object, shape)));
    const hint = BODY_HINTS.find((candidate) => hasShape(sourceCode, object, candidate.paths));
    if (shaped) {
      add("body-shape", shaped.id);
      bodyEndpoints = [shaped];
    } else if (hint) {
      add("body-hint", hint.paths.join(", "));
      bodyEndpoints = ENDPOINTS.filter((endpoint) => hint.endpoints.includes(endpoint.id));
    }
  }

  // The suffix only counts once the base is known to be Vipps: by its name, or a header only Vipps uses.
  const tail = staticTail(facts.urlPattern);
  const suffix = tail.slice(tail.lastIndexOf("/") + 1);
  const baseIsVipps = evidence.some((item) => item.kind === "vipps-name" || item.kind === "vipps-header");
  if (baseIsVipps && NAMING_SUFFIXES.has(suffix)) add("endpoint-suffix", `/${suffix}`);

  const score = evidence.reduce((sum, item) => sum + item.weight, 0);
  if (score < EVIDENCE_THRESHOLD) return undefined;
  const endpoint = pickEndpoint(tail, facts.method, bodyEndpoints);
  const apis = new Set((endpoint ? [endpoint] : bodyEndpoints).map((candidate) => candidate.api));
  const api = apis.size === 1 ? getApi([...apis][0] as ApiSpec["name"]) : undefined;
  return { evidence, score, api, endpoint };
}

/** The URL pattern's static end: after its last unknown part, without query or fragment, without a final slash. */
function staticTail(urlPattern: string | undefined): string {
  if (!urlPattern) return "";
  let afterHole = urlPattern.slice(urlPattern.lastIndexOf(HOLE) + 1).toLowerCase();
  // A full URL on another host (a proxy, a gateway): its path alone.
  if (hasScheme(afterHole)) {
    const pathStart = afterHole.indexOf("/", afterHole.indexOf("://") + 3);
    afterHole = pathStart < 0 ? "" : afterHole.slice(pathStart);
  }
  const query = afterHole.search(/[?#]/);
  const path = query < 0 ? afterHole : afterHole.slice(0, query);
  return path.endsWith("/") ? path.slice(0, -1) : path;
}

/**
 * The endpoint the evidence names: a path tail that matches one endpoint (narrowed by the method and by what the
 * body says), else the one endpoint the body names; undefined when they disagree or leave several.
 */
function pickEndpoint(tail: string, method: string | undefined, bodyEndpoints: readonly EndpointSpec[]): EndpointSpec | undefined {
  const upper = method?.toUpperCase();
  let candidates: readonly EndpointSpec[] = bodyEndpoints;
  if (tail.startsWith("/") && NAMING_SUFFIXES.has(tail.slice(tail.lastIndexOf("/") + 1))) {
    const segments = tail.split("/").slice(1);
    const byTail = endpointSegments.filter((candidate) => endsWithTail(candidate.segments, segments)).map(({ spec }) => spec);
    candidates = bodyEndpoints.length > 0 ? byTail.filter((spec) => bodyEndpoints.includes(spec)) : byTail;
  }
  const byMethod = upper === undefined ? candidates : candidates.filter((spec) => spec.method === upper);
  const live = byMethod.filter((spec) => !spec.deprecated);
  const pool = live.length > 0 ? live : byMethod;
  return pool.length === 1 ? pool[0] : undefined;
}

/** A name says Vipps when it contains the word, in any case: `VIPPS_BASE_URL`, `vippsApiUrl`, `vipps`. */
const saysVipps = (name: string): boolean => name.toLowerCase().includes("vipps");

/**
 * The Vipps name that gives the URL its base, if any: the leading part of a template or `+` chain, the base of
 * `new URL(path, base)`, a constant's initialiser, a member chain (`config.vipps.apiUrl`, `process.env.VIPPS_API`)
 * or the name of the function that returns it (`getVippsBaseUrl()`). A name elsewhere in the URL (`/orders/${vippsId}`)
 * says nothing about where the request goes. Bounded by MAX_DEPTH hops and MAX_LOOKUP_STEPS nodes.
 */
function vippsNameInBase(sourceCode: SourceCode, url: TSESTree.Node): string | undefined {
  const stack: { node: TSESTree.Node; depth: number }[] = [{ node: url, depth: 0 }];
  for (let steps = 0; steps < MAX_LOOKUP_STEPS; steps++) {
    const item = stack.pop();
    if (!item) return undefined;
    const node = unwrap(item.node);
    const depth = item.depth + 1;
    if (depth > MAX_DEPTH) continue;
    switch (node.type) {
      case AST_NODE_TYPES.TemplateLiteral: {
        const first = node.expressions[0];
        if (first && node.quasis[0]?.value.cooked === "") stack.push({ node: first, depth });
        break;
      }
      case AST_NODE_TYPES.BinaryExpression:
        if (node.operator === "+") stack.push({ node: node.left, depth });
        break;
      case AST_NODE_TYPES.NewExpression: {
        const base = node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "URL" ? node.arguments[1] : undefined;
        if (base && base.type !== AST_NODE_TYPES.SpreadElement) stack.push({ node: base, depth });
        break;
      }
      case AST_NODE_TYPES.ConditionalExpression:
        stack.push({ node: node.consequent, depth }, { node: node.alternate, depth });
        break;
      case AST_NODE_TYPES.LogicalExpression:
        stack.push({ node: node.left, depth }, { node: node.right, depth });
        break;
      case AST_NODE_TYPES.Identifier: {
        if (saysVipps(node.name)) return node.name;
        const init = resolveConstantInit(sourceCode, node);
        if (init) stack.push({ node: init, depth });
        break;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const chain = memberNames(sourceCode, node);
        if (chain.some(saysVipps)) return chain.join(".");
        // `new URL(...).href`, `url.toString()`
        stack.push({ node: node.object, depth });
        break;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(node.callee);
        if (callee.type === AST_NODE_TYPES.Identifier && saysVipps(callee.name)) return `${callee.name}()`;
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const chain = memberNames(sourceCode, callee);
          if (chain.some(saysVipps)) return `${chain.join(".")}()`;
          // `base.toString()`, `url.concat(...)`
          stack.push({ node: callee.object, depth });
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/** `this.config.vipps.apiUrl` as ["this", "config", "vipps", "apiUrl"]; unknown computed members are "?". */
function memberNames(sourceCode: SourceCode, member: TSESTree.MemberExpression): string[] {
  const names: string[] = [];
  let node: TSESTree.Node = member;
  for (let depth = 0; depth < MAX_DEPTH && node.type === AST_NODE_TYPES.MemberExpression; depth++) {
    names.unshift(getPropertyKey(sourceCode, node) ?? "?");
    node = unwrap(node.object);
  }
  if (node.type === AST_NODE_TYPES.Identifier) names.unshift(node.name);
  else if (node.type === AST_NODE_TYPES.ThisExpression) names.unshift("this");
  return names;
}
