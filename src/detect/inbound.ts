import { AST_NODE_TYPES, type TSESTree } from "../core/eslint-api.js";
import type { FunctionNode } from "../core/ast.js";
import { fileMatchesGlobs } from "../core/glob.js";
import { memoised } from "../core/memo.js";
import { getStringPattern } from "../core/static.js";
import { nodesOfType, nodesOfTypeWithin } from "../core/node-index.js";
import type { RuleContext, SourceCode } from "../core/types.js";
import { readSettings, type InboundHandlerSetting } from "../settings.js";
import {
  CALLBACK_REGISTRATIONS,
  ECOM_CALLBACK_FIELDS,
  ECOM_CALLBACK_KEY_FIELD,
  ECOM_CALLBACK_ROUTES,
  WEBHOOK_CONTENT_HASH_HEADER,
  WEBHOOK_DATE_HEADER,
  WEBHOOK_EVENT_PREFIX,
  WEBHOOK_PAYLOAD_FIELDS,
  WEBHOOK_PAYLOAD_KEY_FIELD,
  type InboundKind,
} from "../vipps/webhooks.js";
import { getFieldValue } from "./body.js";
import { getVippsRequests, mayHoldVippsRequests } from "./index.js";
import { findRequestReads, type BodyRead, type HeaderRead } from "./inbound-reads.js";
import { findRouteCandidates, type InboundFramework, type RouteCandidate } from "./inbound-routes.js";

export type { BodyHow, BodyRead, HeaderRead } from "./inbound-reads.js";
export type { InboundFramework } from "./inbound-routes.js";
export type { InboundKind } from "../vipps/webhooks.js";

/**
 * The handlers in a file that receive what Vipps sends: Webhooks API deliveries and eCom, ePayment express and
 * Checkout callbacks. A route handler counts only when the file shows it is Vipps's (see `InboundEvidence`), or
 * `settings.vipps.inboundHandlers` says so: a webhook handler of another provider (Stripe, GitHub) is never one.
 */

export type InboundEvidenceType =
  /** `settings.vipps.inboundHandlers` names the file or function. */
  | "settings"
  /** The handler reads `x-ms-content-sha256` or `x-ms-date`. */
  | "signature-headers"
  /** The handler compares a webhook event name (`epayments.payment.captured.v1`). */
  | "event-names"
  /** A registration or initiate request in the file points at the route. */
  | "registration"
  /** The route is an eCom callback path (`/v2/payments/:orderId`, `/shippingDetails`, `/v2/consents/:userId`). */
  | "ecom-route"
  /** The handler reads fields of a Vipps payload (`msn` with `reference`; `transactionInfo` with `orderId`). */
  | "payload-fields"
  /** The route or file path names Vipps together with webhook, callback or notify. */
  | "path";

export interface InboundEvidence {
  readonly type: InboundEvidenceType;
  /** What the evidence says the handler receives, where it says. */
  readonly kind: InboundKind | undefined;
  /** Where the file shows it (undefined for the file path and settings). */
  readonly node: TSESTree.Node | undefined;
}

export interface InboundHandler {
  readonly fn: FunctionNode;
  readonly framework: InboundFramework;
  /** The route path (routers) or the file path (file-routed handlers). */
  readonly route: string;
  /** The HTTP method the route answers, upper-case; undefined where the file does not fix it. */
  readonly method: string | undefined;
  readonly kind: InboundKind;
  /** Strongest first. */
  readonly evidence: readonly InboundEvidence[];
  readonly requestParams: readonly TSESTree.Parameter[];
  readonly bodyReads: readonly BodyRead[];
  readonly headerReads: readonly HeaderRead[];
  /** The route or the whole app parses bodies raw (`express.raw()`, `bodyParser.text()`): `req.body` is then the raw body. */
  readonly rawParser: boolean;
}

/**
 * The one test on the text of a file that may hold an inbound Vipps handler: a file must name Vipps or MobilePay, a
 * webhook header (`x-ms-…`), an event (`epayments.payment.…`, `recurring.charge-…`) or an eCom callback path. It runs
 * on every file the request pre-filter turns away, so it is written for speed: six short alternatives, some wider
 * than the words they stand for (`.payment.`), since a false "maybe" costs only the finder's walk of that file
 * (src/detect/inbound.ts decides), where each further alternative costs a pass over every file.
 */
export const INBOUND_TEXT_HINT = /vipps|mobilepay|-ms-|\.payment\.|\.(?:agreement|charge)-|\/v2\/(?:payments|consents)\//i;

const VIPPS_WORD = /vipps|mobilepay/i;
const ROLE_WORD = /webhook|callback|notif/i;
const RAW_PARSER = /^(?:raw|text)$/;
/** Longest file path or route a glob is matched against; real paths are far shorter. */
const MAX_PATH_LENGTH = 1024;

const cache = new WeakMap<TSESTree.Program, readonly InboundHandler[]>();
const hintCache = new WeakMap<TSESTree.Program, { may: boolean }>();

/**
 * Whether the file's path or the settings say it may hold an inbound Vipps handler, whatever its text: the rules'
 * `fileHint` (their `textHint` is INBOUND_TEXT_HINT). Once per file.
 */
export function namedAsInboundFile(context: RuleContext): boolean {
  // Without inbound settings (the common case) the answer is one test of the path: nothing to allocate or keep.
  if (readSettings(context.settings).inboundHandlers.length === 0) return pathNamesVipps(context.filename);
  return memoised(hintCache, context.sourceCode.ast, () => {
    const { pathNamesVipps, fileSettings } = inboundFileFacts(context);
    return { may: pathNamesVipps || fileSettings.length > 0 };
  }).may;
}

/**
 * Whether the file's path names Vipps with a handler's role, and the settings that name the file. Runs on every file
 * that the text tests turn away, so it only tests the path as given (the words need no slashes).
 */
function inboundFileFacts(context: RuleContext) {
  const settings = readSettings(context.settings).inboundHandlers;
  const fileSettings = settings.length === 0 ? settings : settings.filter((setting) => !setting.files || fileMatchesGlobs(context.filename, context.cwd, setting.files));
  return { fileSettings, pathNamesVipps: pathNamesVipps(context.filename) };
}

/** Whether the file path (its last MAX_PATH_LENGTH characters) names Vipps and a handler's role. */
function pathNamesVipps(filename: string): boolean {
  // Both inbound rules ask for every file their text tests turn away: the second gets the first's answer.
  if (filename !== lastPath) {
    const path = filename.length > MAX_PATH_LENGTH ? filename.slice(-MAX_PATH_LENGTH) : filename;
    lastPathNamesVipps = VIPPS_WORD.test(path) && ROLE_WORD.test(path);
    lastPath = filename;
  }
  return lastPathNamesVipps;
}
let lastPath: string | undefined;
let lastPathNamesVipps = false;

/** The file's inbound Vipps handlers, in source order; computed once per file. */
export function getInboundHandlers(context: RuleContext): readonly InboundHandler[] {
  return memoised(cache, context.sourceCode.ast, () => findInboundHandlers(context));
}

function findInboundHandlers(context: RuleContext): InboundHandler[] {
  const sourceCode = context.sourceCode;
  const { fileSettings, pathNamesVipps } = inboundFileFacts(context);
  if (!pathNamesVipps && fileSettings.length === 0 && !INBOUND_TEXT_HINT.test(sourceCode.text)) return [];
  const filename = normalisePath(context.filename);
  const namedHandlers = new Set(fileSettings.flatMap((setting) => setting.functions ?? []));
  const candidates = findRouteCandidates(sourceCode, filename, namedHandlers);
  if (candidates.length === 0) return [];
  const usesNextHeaders = importsFrom(sourceCode, "next/headers");
  const appParsers = rawParserMounts(sourceCode);
  const registrations = registrationsOf(context);
  const handlers: InboundHandler[] = [];
  for (const candidate of candidates) {
    const route = candidate.routePath ?? filePathRoute(filename);
    const reads = findRequestReads(sourceCode, candidate.fn, candidate.framework, usesNextHeaders);
    const evidence = gatherEvidence(sourceCode, candidate, route, filename, reads.headerReads, registrations, fileSettings);
    const kind = evidence.find((item) => item.kind !== undefined)?.kind;
    if (!kind) continue;
    handlers.push({
      fn: candidate.fn,
      framework: candidate.framework,
      route,
      method: candidate.method,
      kind,
      evidence,
      ...reads,
      rawParser:
        appParsers.some((mount) => mount === "" || normaliseRoute(route).startsWith(normaliseRoute(mount))) ||
        candidate.middlewares.some((middleware) => hasRawParser(sourceCode, middleware)),
    });
  }
  return handlers;
}

const EVIDENCE_ORDER: readonly InboundEvidenceType[] = ["settings", "signature-headers", "event-names", "registration", "ecom-route", "payload-fields", "path"];

function gatherEvidence(
  sourceCode: SourceCode,
  candidate: RouteCandidate,
  route: string,
  filename: string,
  headerReads: readonly HeaderRead[],
  registrations: readonly Registration[],
  fileSettings: readonly InboundHandlerSetting[],
): InboundEvidence[] {
  const evidence: InboundEvidence[] = [];
  for (const setting of fileSettings) {
    // A setting with `functions` names handlers; one with only `files` makes every handler of those files one.
    if (!setting.functions || (candidate.name !== undefined && setting.functions.includes(candidate.name))) {
      evidence.push({ type: "settings", kind: setting.kind, node: undefined });
    }
  }
  if (candidate.framework === "named" && evidence.length === 0) return [];
  for (const read of headerReads) {
    if (read.name === WEBHOOK_CONTENT_HASH_HEADER || read.name === WEBHOOK_DATE_HEADER) {
      evidence.push({ type: "signature-headers", kind: "webhook", node: read.node });
      break;
    }
  }
  const { eventName, fields } = scanHandler(sourceCode, candidate.fn);
  if (eventName) evidence.push({ type: "event-names", kind: "webhook", node: eventName });
  const routeKey = normaliseRoute(route);
  for (const registration of registrations) {
    if (routeMatches(routeKey, registration.path)) evidence.push({ type: "registration", kind: registration.kind, node: registration.node });
  }
  for (const ecom of ECOM_CALLBACK_ROUTES) {
    if ((candidate.method === undefined || candidate.method === ecom.method) && ecom.pattern.test(routeKey)) {
      evidence.push({ type: "ecom-route", kind: ecom.kind, node: undefined });
      break;
    }
  }
  if (fields.has(WEBHOOK_PAYLOAD_KEY_FIELD) && WEBHOOK_PAYLOAD_FIELDS.some((field) => fields.has(field))) {
    evidence.push({ type: "payload-fields", kind: "webhook", node: undefined });
  } else if (fields.has(ECOM_CALLBACK_KEY_FIELD) && ECOM_CALLBACK_FIELDS.some((field) => fields.has(field))) {
    evidence.push({ type: "payload-fields", kind: "ecom-callback", node: undefined });
  }
  // A file routed by its path shows the path; a router's route adds to its file's path (`routes/vipps.js` + `/callback`).
  const pathText = candidate.routePath === undefined ? filename : `${filename} ${route}`;
  if (candidate.method !== "GET" && VIPPS_WORD.test(pathText) && ROLE_WORD.test(pathText)) {
    evidence.push({ type: "path", kind: kindFromWords(pathText), node: undefined });
  }
  return evidence.sort((a, b) => EVIDENCE_ORDER.indexOf(a.type) - EVIDENCE_ORDER.indexOf(b.type));
}

function kindFromWords(text: string): InboundKind {
  const lower = text.toLowerCase();
  if (lower.includes("webhook")) return "webhook";
  if (lower.includes("checkout")) return "checkout-callback";
  if (lower.includes("consent")) return "ecom-consent";
  if (lower.includes("shipping")) return "epayment-shipping";
  return "callback";
}

/** The handler's first event-name literal, and the property names it reads or destructures. */
function scanHandler(sourceCode: SourceCode, fn: FunctionNode): { eventName: TSESTree.Node | undefined; fields: Set<string> } {
  const eventName = nodesOfTypeWithin(sourceCode, AST_NODE_TYPES.Literal, fn.body).find(
    (node) => typeof node.value === "string" && node.value.length < 80 && WEBHOOK_EVENT_PREFIX.test(node.value),
  );
  const fields = new Set<string>();
  for (const node of nodesOfTypeWithin(sourceCode, AST_NODE_TYPES.MemberExpression, fn.body)) {
    if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) fields.add(node.property.name);
  }
  for (const node of nodesOfTypeWithin(sourceCode, AST_NODE_TYPES.Property, fn.body)) {
    if (node.parent.type === AST_NODE_TYPES.ObjectPattern && node.key.type === AST_NODE_TYPES.Identifier) fields.add(node.key.name);
  }
  return { eventName, fields };
}

interface Registration {
  readonly node: TSESTree.Node;
  readonly kind: InboundKind;
  /** The registered path with the suffix Vipps appends, normalised (`*` for unknown segments). */
  readonly path: string;
}

/** Where the file's registration and initiate requests tell Vipps to call. */
function registrationsOf(context: RuleContext): Registration[] {
  if (!mayHoldVippsRequests(context)) return [];
  const sourceCode = context.sourceCode;
  const found: Registration[] = [];
  for (const request of getVippsRequests(context)) {
    if (!request.endpoint || !request.body) continue;
    for (const registration of CALLBACK_REGISTRATIONS) {
      if (registration.endpoint !== request.endpoint.id) continue;
      const value = getFieldValue(sourceCode, request.body, registration.field);
      if (!value?.expression) continue;
      const pattern = getStringPattern(sourceCode, value.expression);
      // What follows the last unknown part is the path the route must end with; a host written out is dropped.
      const tail = stripOrigin(pattern.slice(pattern.lastIndexOf("\u0000") + 1));
      if (tail.length < 2) continue;
      found.push({ node: value.node, kind: registration.kind, path: normaliseRoute(tail + registration.suffix) });
    }
  }
  return found;
}

function stripOrigin(text: string): string {
  const scheme = text.indexOf("://");
  if (scheme < 0) return text;
  const slash = text.indexOf("/", scheme + 3);
  return slash < 0 ? "" : text.slice(slash);
}

/** Lower-case, without query and trailing slash; path parameters (`:id`, `[id]`, `{id}`, `*`) as `*`. */
function normaliseRoute(route: string): string {
  const path = route.slice(0, MAX_PATH_LENGTH).split("?")[0] ?? "";
  return path
    .toLowerCase()
    .split("/")
    .map((segment) => (segment.startsWith(":") || segment.startsWith("[") || segment.startsWith("{") || segment.includes("*") ? "*" : segment))
    .join("/")
    .replace(/\/$/, "");
}

/** Whether the route ends with the registered path, segment by segment (`*` matches any one segment). */
function routeMatches(route: string, registered: string): boolean {
  const routeSegments = route.split("/");
  const registeredSegments = registered.split("/").filter((segment, index) => index > 0 || segment !== "");
  if (registeredSegments.length > routeSegments.length) return false;
  const offset = routeSegments.length - registeredSegments.length;
  return registeredSegments.every((segment, index) => {
    const other = routeSegments[offset + index];
    return segment === "*" || other === "*" || segment === other;
  });
}

/** The URL path a file-routed handler answers, as far as its path shows it: `app/api/vipps/webhook/route.ts` → `/api/vipps/webhook`. */
function filePathRoute(filename: string): string {
  const roots = ["/app/", "/pages/", "/functions/", "/api/"];
  let start = -1;
  for (const root of roots) {
    const at = filename.lastIndexOf(root);
    if (at >= 0) {
      start = root === "/api/" ? at : at + root.length - 1;
      break;
    }
  }
  const path = (start >= 0 ? filename.slice(start) : filename)
    .replace(/\.[cm]?[jt]sx?$/, "")
    .replace(/\/(?:route|index)$/, "")
    .split("/")
    .filter((segment) => !(segment.startsWith("(") && segment.endsWith(")")))
    .join("/");
  return path.startsWith("/") ? path : `/${path}`;
}

function normalisePath(filename: string): string {
  const path = filename.length > MAX_PATH_LENGTH ? filename.slice(0, MAX_PATH_LENGTH) : filename;
  return path.includes("\\") ? path.split("\\").join("/") : path;
}

function importsFrom(sourceCode: SourceCode, source: string): boolean {
  return sourceCode.ast.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === source);
}

/**
 * The paths under which `app.use(...)` mounts a raw body parser: `""` for the whole app. (A parser mounted on a
 * router the file does not show is out of reach: its routes keep `rawParser` false.)
 */
function rawParserMounts(sourceCode: SourceCode): string[] {
  const mounts: string[] = [];
  for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.CallExpression)) {
    if (node.callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const property = node.callee.property;
    if (property.type !== AST_NODE_TYPES.Identifier || property.name !== "use") continue;
    const [first, ...rest] = node.arguments;
    if (!first) continue;
    const mount = first.type === AST_NODE_TYPES.Literal && typeof first.value === "string" ? first.value : undefined;
    const parsers = mount === undefined ? node.arguments : rest;
    if (parsers.some((parser) => hasRawParser(sourceCode, parser))) mounts.push(mount ?? "");
  }
  return mounts;
}

/** `express.raw(...)`, `bodyParser.raw(...)`, `bodyParser.text(...)` under `root` (a route's middleware). */
function hasRawParser(sourceCode: SourceCode, root: TSESTree.Node): boolean {
  return nodesOfTypeWithin(sourceCode, AST_NODE_TYPES.CallExpression, root).some((node) => {
    if (node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const { object, property } = node.callee;
    return (
      object.type === AST_NODE_TYPES.Identifier &&
      (object.name === "express" || object.name === "bodyParser") &&
      property.type === AST_NODE_TYPES.Identifier &&
      RAW_PARSER.test(property.name)
    );
  });
}

