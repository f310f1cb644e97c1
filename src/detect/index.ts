import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "../core/eslint-api.js";
import { calleeName } from "../core/ast.js";
import { MAX_INSTANCE_DEPTH, MAX_STRING_LENGTH } from "../core/limits.js";
import { memoised } from "../core/memo.js";
import { nodesOfType } from "../core/node-index.js";
import { LiteralSearch } from "../core/literal-search.js";
import { escapeRegExp, type Literal } from "../core/regexp-source.js";
import { getPropertyKey, getStaticString, getStringPattern, hasScheme, trimLeadingSlashes, trimTrailingSlashes } from "../core/static.js";
import type { RuleContext, SourceCode } from "../core/types.js";
import { readSettings, type FailureMode, type HelperSetting, type VippsSettings, type WrapperSetting } from "../settings.js";
import { APIS, ENDPOINTS, getApi, getEndpoint, type ApiSpec, type EndpointSpec } from "../vipps/apis.js";
import { HOLE, matchVippsUrl, VIPPS_URL_HINT } from "../vipps/urls.js";
import { resolveBody, type RequestBody } from "./body.js";
import { EVIDENCE_WORDS, hasShape, weighEvidence, type Evidence } from "./evidence.js";
import { FAILURE_CHECKS, type FailureCheck } from "./failure.js";
import { headersOfCall, UNKNOWN_HEADERS, type RequestHeaders } from "./headers.js";
import { instancesReturnedFrom } from "./instances.js";
import { localWrapperRequests } from "./local-wrappers.js";
import { helperRequest } from "./project-helpers.js";
import {
  ESM_MODULE_TRACE_MAP,
  GLOBAL_TRACE_MAP,
  IMPLICIT_GLOBALS,
  lookupTrace,
  MODULE_NAMES,
  MODULE_TRACE_MAP,
  readLocator,
  type RequestParts,
  type TraceInfo,
  type TraceMap,
  type TransportName,
} from "./transports.js";

export type { RequestBody, FieldValue } from "./body.js";
export type { FailureCheck } from "./failure.js";
export type { HeaderEntry, RequestHeaders } from "./headers.js";
export type { Evidence } from "./evidence.js";
export { getFieldValue } from "./body.js";

/** One request to a Vipps API found in a file (or one body recognised by its shape). */
export interface VippsRequest {
  /** The call that sends the request; for a body found by its shape, the object literal. */
  readonly node: TSESTree.Node;
  readonly transport: TransportName | "shape";
  /** Undefined when the URL names a Vipps host but no known API path. */
  readonly api: ApiSpec | undefined;
  readonly endpoint: EndpointSpec | undefined;
  readonly method: string | undefined;
  readonly url: TSESTree.Node | undefined;
  /** The URL's static parts, with HOLE for unknown ones. */
  readonly urlPattern: string | undefined;
  readonly body: RequestBody | undefined;
  /**
   * The headers the request carries as far as the file shows them (`complete` false where a source is out of
   * reach); undefined where the plugin cannot see them at all (SDK calls, bodies found by their shape).
   */
  readonly headers: RequestHeaders | undefined;
  /** Why a call whose URL names no Vipps host or path was taken for a Vipps request; undefined for the others. */
  readonly evidence: readonly Evidence[] | undefined;
  /** The transport's options object literal (`fetch(url, options)`), where it is in reach. */
  readonly options: TSESTree.ObjectExpression | undefined;
  /** Where the response goes and how HTTP errors reach it; undefined for bodies found by their shape. */
  readonly response: ResponseFacts | undefined;
}

/** Where a request's answer goes and how its client signals a failure. */
export interface ResponseFacts {
  /** The expression whose value is the response (or its promise). */
  readonly node: TSESTree.Node;
  readonly failure: FailureMode;
  /** How the resolved value shows a failure, and how a repair checks it; undefined where it cannot show one. */
  readonly check: FailureCheck | undefined;
}

type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

const cache = new WeakMap<TSESTree.Program, readonly VippsRequest[]>();

/** `iteratePropertyReferences` exists in eslint-utils but is missing from typescript-eslint's typing. */
interface PropertyTracker {
  iteratePropertyReferences(node: TSESTree.Node, traceMap: TraceMap): Iterable<{ node: TSESTree.Node; info: TraceInfo }>;
}

/**
 * The Vipps requests in the file being linted, computed once per file and shared by every rule.
 * A file that never mentions a Vipps URL, SDK, body key or configured host, wrapper or helper costs one regular expression
 * test over its text.
 */
export function getVippsRequests(context: RuleContext): readonly VippsRequest[] {
  const sourceCode = context.sourceCode;
  const program = sourceCode.ast;
  let requests = cache.get(program);
  if (!requests) {
    const hints = fileHints(context);
    requests = hints ? detect(sourceCode, readSettings(context.settings), hints.shapeEndpoints) : [];
    cache.set(program, requests);
  }
  return requests;
}

/** What the pre-filter learnt about a file that may hold Vipps requests. */
interface FileHints {
  /** The endpoints whose body shapes the text has every name for: the only shapes the detection tries. */
  readonly shapeEndpoints: readonly EndpointSpec[];
}

const hintResults = new WeakMap<TSESTree.Program, FileHints | null>();

/** The pre-filter's answer for the file being linted, computed once per file; null when it holds no Vipps request. */
function fileHints(context: RuleContext): FileHints | null {
  const program = context.sourceCode.ast;
  let hints = hintResults.get(program);
  if (hints === undefined) {
    hints = scanText(context.sourceCode.text, readSettings(context.settings));
    hintResults.set(program, hints);
  }
  return hints;
}

/**
 * Whether the file being linted may hold Vipps requests. A rule that listens to more than `Program` calls it in
 * `create` and returns no listeners when it is false: ESLint then has nothing to call on the file's nodes.
 */
export function mayHoldVippsRequests(context: RuleContext): boolean {
  return fileHints(context) !== null;
}

/**
 * Every name a body shape needs, per endpoint: a file lacking one of them cannot hold that shape. Longest first: the
 * rarer names turn most texts away at the first search.
 */
const SHAPE_WORDS: readonly { readonly endpoint: EndpointSpec; readonly shapes: readonly (readonly string[])[] }[] = ENDPOINTS.filter(
  (endpoint) => endpoint.shapes,
).map((endpoint) => ({
  endpoint,
  shapes: (endpoint.shapes ?? []).map((shape) => [...new Set(shape.flatMap((path) => path.split(".")))].sort((a, b) => b.length - a.length)),
}));
/** The SDKs' module names as imports and requires write them: in quotes. Their calls need no URL in the file. */
const SDK_MODULE_HINT = new RegExp(
  `["'\`](?:${MODULE_NAMES.filter((name) => name.includes("vipps")).map(escapeRegExp).join("|")})["'\`]`,
);
const scanCache = new WeakMap<VippsSettings, LiteralSearch>();
/** What the evidence model needs in the text: a Vipps name or header, or a body name only Vipps endpoints take. */
const EVIDENCE_HINT = new RegExp(["vipps", ...EVIDENCE_WORDS].map(escapeRegExp).join("|"), "i");

/** The endpoints whose body shapes this text has every name for. */
function possibleShapes(text: string): EndpointSpec[] {
  // A name several shapes share is searched for once.
  const searched = new Map<string, boolean>();
  const holds = (word: string): boolean => {
    let found = searched.get(word);
    if (found === undefined) searched.set(word, (found = text.includes(word)));
    return found;
  };
  return SHAPE_WORDS.filter(({ shapes }) => shapes.some((words) => words.every(holds))).map(({ endpoint }) => endpoint);
}

/**
 * What every findable request needs in the file itself, in any case: "vipps" (every Vipps host, both SDK module
 * names), an API path, a configured host or wrapper name, or the longest name of each body shape. A transport module
 * name alone is not enough: a `fetch` or axios call is a Vipps call only when its URL has a Vipps host or path in this
 * file. The rule kit's gate looks for these and the rules' hints in one scan of every file; the exact tests run only
 * on the few files it lets through.
 */
export function firstScanLiterals(settings: VippsSettings): Literal[] {
  const shapeAnchors = SHAPE_WORDS.flatMap(({ shapes }) => shapes.map((words) => words.reduce((a, b) => (b.length > a.length ? b : a))));
  const paths = APIS.flatMap((api) => api.pathPrefixes).filter((prefix) => !prefix.includes("vipps"));
  return [
    ...paths.map((prefix) => prefix.replace(/\/$/, "")),
    "vipps",
    ...EVIDENCE_WORDS,
    ...settings.hosts,
    ...settings.wrappers.map(lastNamePart),
    ...settings.helpers.map(lastNamePart),
    ...new Set(shapeAnchors),
  ].map((text) => ({ text }));
}

function firstScan(settings: VippsSettings): LiteralSearch {
  let scan = scanCache.get(settings);
  if (!scan) scanCache.set(settings, (scan = new LiteralSearch(firstScanLiterals(settings))));
  return scan;
}

/**
 * The pre-filter: can this text hold anything the detection could find? A Vipps URL part, an SDK module name in
 * quotes, a configured host or wrapper name, or all the names of one body shape.
 */
export function mayMentionVipps(text: string, settings: VippsSettings): boolean {
  return scanText(text, settings) !== null;
}

function scanText(text: string, settings: VippsSettings): FileHints | null {
  if (!firstScan(settings).test(text)) return null;
  const shapeEndpoints = possibleShapes(text);
  const lower = settings.hosts.length > 0 ? text.toLowerCase() : "";
  const mayHold =
    shapeEndpoints.length > 0 ||
    VIPPS_URL_HINT.test(text) ||
    SDK_MODULE_HINT.test(text) ||
    EVIDENCE_HINT.test(text) ||
    settings.hosts.some((host) => lower.includes(host)) ||
    [...settings.wrappers, ...settings.helpers].some((wrapper) => text.includes(lastNamePart(wrapper)));
  return mayHold ? { shapeEndpoints } : null;
}

function detect(sourceCode: SourceCode, settings: VippsSettings, shapeEndpoints: readonly EndpointSpec[]): VippsRequest[] {
  const requests = findRequests(sourceCode, settings, shapeEndpoints);
  // The calls of the file's own functions that return a request's answer unchecked are requests too.
  const wrapperCalls = localWrapperRequests(sourceCode, requests);
  return wrapperCalls.length === 0 ? requests : [...requests, ...wrapperCalls];
}

function findRequests(sourceCode: SourceCode, settings: VippsSettings, shapeEndpoints: readonly EndpointSpec[]): VippsRequest[] {
  const found = new Map<TSESTree.Node, VippsRequest>();
  const add = (parts: RequestParts | undefined): void => {
    const request = parts && toRequest(sourceCode, settings, parts);
    if (request && !found.has(request.node)) found.set(request.node, request);
  };

  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const tracker = new ASTUtils.ReferenceTracker(withImplicitGlobals(globalScope), { mode: "legacy" });
  const thisInstances = new Map<string, TraceMap>();
  const followedHolders = new Set<TSESTree.Node>();

  const visit = (reference: { readonly node: TSESTree.Node; readonly info: TraceInfo }, depth: number): void => {
    const call = reference.node;
    if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return;
    const info = reference.info;
    if (info.kind === "call") {
      add(info.read(call, sourceCode, {}));
      return;
    }
    if (depth > MAX_INSTANCE_DEPTH) return;
    followInstance(call, info.instance(call, sourceCode), depth);
  };
  /** Every use of an instance held by `holder`, including the calls of a local factory that returns it. */
  const followInstance = (holder: TSESTree.Node, instance: TraceMap, depth: number): void => {
    // A factory's call reached again (two functions returning the same stored client) is followed once.
    if (followedHolders.has(holder)) return;
    followedHolders.add(holder);
    for (const next of (tracker as unknown as PropertyTracker).iteratePropertyReferences(holder, instance)) visit(next, depth + 1);
    const owner = thisPropertyOwner(sourceCode, holder);
    if (owner) thisInstances.set(owner, instance);
    if (depth < MAX_INSTANCE_DEPTH) for (const made of instancesReturnedFrom(sourceCode, holder)) followInstance(made, instance, depth + 1);
  };
  const roots = [
    ...tracker.iterateGlobalReferences<TraceInfo>(GLOBAL_TRACE_MAP),
    ...tracker.iterateEsmReferences<TraceInfo>(ESM_MODULE_TRACE_MAP),
    ...tracker.iterateCjsReferences<TraceInfo>(MODULE_TRACE_MAP),
  ];
  for (const reference of roots) visit(reference, 0);

  // The file's calls and objects (from its node index), for what reference tracking cannot follow: `this.client.post(...)`
  // on an instance kept in a class field, configured wrappers, and bodies recognised by their shape; skipped when none
  // of them can be there.
  const calls: TSESTree.CallExpression[] = [];
  if (shapeEndpoints.length === 0 && settings.wrappers.length === 0 && settings.helpers.length === 0 && thisInstances.size === 0) {
    return [...found.values()];
  }
  // A call can only be one of these when its callee ends in a configured name, or is `this.<field>…` of a kept client.
  // Names the text does not hold cannot end a callee (unless spelt with `\u` escapes): a configured wrapper the file
  // never calls costs no loop.
  const text = sourceCode.text;
  const escaped = text.includes("\\u");
  const lastNames = new Set(
    [...settings.wrappers, ...settings.helpers].map(lastNamePart).filter((name) => escaped || text.includes(name)),
  );
  const wantsCalls = lastNames.size > 0 || thisInstances.size > 0;
  if (wantsCalls) {
    for (const call of nodesOfType(sourceCode, AST_NODE_TYPES.CallExpression)) {
      if (thisInstances.size > 0 || lastNames.has(calleeName(call.callee) ?? "")) calls.push(call);
    }
  }
  for (const call of calls) {
    if (found.has(call)) continue;
    const chain = calleeChain(sourceCode, call.callee);
    if (!chain) continue;
    if (chain[0] === "this" && chain.length >= 2 && thisInstances.size > 0) {
      const instance = thisInstances.get(chain[1] ?? "");
      const info = instance && lookupTrace(instance, chain.slice(2))?.[ASTUtils.ReferenceTracker.CALL];
      if (info?.kind === "call") add(info.read(call, sourceCode, {}));
    }
    const wrapper = settings.wrappers.find((candidate) => matchesWrapper(chain, candidate));
    if (wrapper && !found.has(call)) add(readWrapper(sourceCode, call, wrapper));
    const helper = !found.has(call) && settings.helpers.find((candidate) => matchesWrapper(chain, candidate));
    if (helper) found.set(call, helperRequest(call, helper));
  }

  const requests = [...found.values()];
  if (shapeEndpoints.length === 0) return requests;
  const bodies = new Set<TSESTree.Node>();
  for (const request of requests) if (request.body?.object) bodies.add(request.body.object);
  for (const object of nodesOfType(sourceCode, AST_NODE_TYPES.ObjectExpression)) {
    if (object.parent.type === AST_NODE_TYPES.Property || bodies.has(object)) continue;
    const endpoint = shapedEndpoint(sourceCode, object, shapeEndpoints);
    if (endpoint) requests.push(shapeRequest(sourceCode, object, endpoint));
  }
  return requests;
}

/** The first of the endpoints whose body shape the object literal has. */
function shapedEndpoint(sourceCode: SourceCode, object: TSESTree.ObjectExpression, endpoints: readonly EndpointSpec[]): EndpointSpec | undefined {
  for (const endpoint of endpoints) if (endpoint.shapes?.some((shape) => hasShape(sourceCode, object, shape))) return endpoint;
  return undefined;
}

function shapeRequest(sourceCode: SourceCode, object: TSESTree.ObjectExpression, endpoint: EndpointSpec): VippsRequest {
  return {
    node: object,
    transport: "shape",
    api: getApi(endpoint.api),
    endpoint,
    method: endpoint.method,
    url: undefined,
    urlPattern: undefined,
    body: resolveBody(sourceCode, object),
    headers: undefined,
    evidence: undefined,
    options: undefined,
    response: undefined,
  };
}

function toRequest(sourceCode: SourceCode, settings: VippsSettings, parts: RequestParts): VippsRequest | undefined {
  const body = parts.body ? resolveBody(sourceCode, parts.body) : undefined;
  let api: ApiSpec | undefined;
  let endpoint = parts.endpoint;
  let urlPattern: string | undefined;
  if (parts.url || parts.urlPrefix !== undefined) {
    const url = parts.url ? getStringPattern(sourceCode, parts.url) : "";
    urlPattern = parts.urlPrefix === undefined ? url : joinPrefix(parts.urlPrefix, url);
  }
  // The SDK sets its own headers; a wrapper without a headers locator builds them where the file cannot see.
  const headers =
    parts.transport === "sdk" ? undefined : parts.transport === "wrapper" && !parts.headers ? UNKNOWN_HEADERS : headersOfCall(sourceCode, parts);
  let evidence: readonly Evidence[] | undefined;
  if (endpoint) {
    api = getApi(endpoint.api);
  } else {
    if (urlPattern === undefined) return undefined;
    const match =
      (urlPattern === HOLE ? undefined : matchVippsUrl(urlPattern, parts.method, body !== undefined)) ??
      (settings.hosts.some((host) => urlPattern?.toLowerCase().includes(host)) ? { api: undefined, endpoint: undefined } : undefined);
    // A URL from configuration: the call is a Vipps request when the rest of it says so (src/detect/evidence.ts).
    // An instance's base URL only applies to a relative URL (axios, got, ky and request all ignore it otherwise).
    const urlBase = parts.url && hasScheme(getStringPattern(sourceCode, parts.url)) ? undefined : parts.urlBase;
    const verdict = match ? undefined : weighEvidence(sourceCode, { url: parts.url, urlBase, urlPattern, method: parts.method, body, headers });
    if (!match && !verdict) return undefined;
    // Once the evidence says the host is Vipps's, a path the evidence could not place may still name its API.
    const byPath = verdict && !verdict.api && urlPattern !== HOLE ? matchVippsUrl(urlPattern, parts.method, body !== undefined, true) : undefined;
    api = match ? match.api : (byPath?.api ?? verdict?.api);
    endpoint = match ? match.endpoint : byPath?.api ? byPath.endpoint : verdict?.endpoint;
    evidence = verdict?.evidence;
  }
  let node: TSESTree.Node = parts.result;
  if (parts.transport === "superagent") {
    while (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && node.callee.object.type === AST_NODE_TYPES.CallExpression) node = node.callee.object;
  }
  return {
    node,
    transport: parts.transport,
    api,
    endpoint,
    method: parts.method ?? endpoint?.method,
    url: parts.url,
    urlPattern,
    body,
    headers,
    evidence,
    options: parts.options,
    response: { node: parts.result, failure: parts.failure, check: parts.check },
  };
}

/**
 * Joins an instance's base URL and a call's path the way axios, got and ky do: with exactly one slash. Slashes are
 * trimmed by hand (linear in a long run of them), and a join longer than the evaluator's bound is unknown.
 */
function joinPrefix(prefix: string, url: string): string {
  if (hasScheme(url)) return url;
  if (url === "") return prefix;
  const joined = `${trimTrailingSlashes(prefix)}/${trimLeadingSlashes(url)}`;
  return joined.length <= MAX_STRING_LENGTH ? joined : HOLE;
}

function readWrapper(sourceCode: SourceCode, call: CallNode, wrapper: WrapperSetting): RequestParts {
  const endpoint = wrapper.endpoint ? getEndpoint(wrapper.endpoint) : undefined;
  const url = readLocator(sourceCode, call, wrapper.url);
  const body = readLocator(sourceCode, call, wrapper.body);
  const headers = readLocator(sourceCode, call, wrapper.headers);
  const method = wrapperMethod(sourceCode, call, wrapper) ?? endpoint?.method;
  return {
    transport: "wrapper",
    ...(url && { url }),
    ...(body && { body }),
    ...(headers && { headers }),
    ...(method && { method }),
    ...(endpoint && { endpoint }),
    failure: wrapper.failure ?? "rejects",
    // A wrapper that resolves its failures is documented to resolve like fetch, or with the SDK's result.
    ...(wrapper.failure === "resolves" && { check: FAILURE_CHECKS.response }),
    ...(wrapper.failure === "result" && { check: FAILURE_CHECKS.sdkResult }),
    result: call,
  };
}

/** The method a wrapper fixes, or the static value of the argument that passes it (`{ argument: 1 }`). */
function wrapperMethod(sourceCode: SourceCode, call: CallNode, wrapper: WrapperSetting): string | undefined {
  if (typeof wrapper.method === "string") return wrapper.method.toUpperCase();
  const argument = wrapper.method && readLocator(sourceCode, call, wrapper.method.argument);
  return argument ? getStaticString(sourceCode, argument)?.toUpperCase() : undefined;
}

/** `a.b.c(...)` gives ["a", "b", "c"]; `this.x(...)` gives ["this", "x"]; anything computed gives undefined. */
function calleeChain(sourceCode: SourceCode, callee: TSESTree.Node): string[] | undefined {
  const names: string[] = [];
  let node = callee;
  while (node.type === AST_NODE_TYPES.MemberExpression) {
    if (node.computed && node.property.type !== AST_NODE_TYPES.Literal) return undefined;
    const name = getPropertyKey(sourceCode, node);
    if (name === null) return undefined;
    names.unshift(name);
    node = node.object;
  }
  if (node.type === AST_NODE_TYPES.Identifier) names.unshift(node.name);
  else if (node.type === AST_NODE_TYPES.ThisExpression) names.unshift("this");
  else if (names.length === 0) return undefined;
  return names;
}

/** A configured name's dotted parts, split once per setting rather than once per call it is matched against. */
const nameParts = new WeakMap<WrapperSetting | HelperSetting, readonly string[]>();
const namePartsOf = (setting: WrapperSetting | HelperSetting): readonly string[] => memoised(nameParts, setting, () => setting.name.split("."));
/** The part of a configured name a call's callee ends in (`request` for `api.request`). */
function lastNamePart(setting: WrapperSetting | HelperSetting): string {
  return namePartsOf(setting).at(-1) ?? "";
}

function matchesWrapper(chain: readonly string[], setting: WrapperSetting | HelperSetting): boolean {
  const wanted = namePartsOf(setting);
  if (wanted.length > chain.length) return false;
  return wanted.every((part, index) => chain[chain.length - wanted.length + index] === part);
}

/** `this.client = axios.create()` or a class field `client = axios.create()`: the property name. */
function thisPropertyOwner(sourceCode: SourceCode, call: TSESTree.Node): string | undefined {
  const parent = call.parent;
  if (!parent) return undefined;
  if (
    parent.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.right === call &&
    parent.left.type === AST_NODE_TYPES.MemberExpression &&
    parent.left.object.type === AST_NODE_TYPES.ThisExpression
  ) {
    return getPropertyKey(sourceCode, parent.left) ?? undefined;
  }
  if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === call && !parent.computed) {
    return parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : undefined;
  }
  return undefined;
}

/**
 * The global scope as ReferenceTracker should see it: names like `fetch` and `require` that the file uses without
 * any declaration (no `globals` configured, as in most TypeScript projects) are added as globals, so that detection
 * finds them either way.
 */
function withImplicitGlobals(globalScope: TSESLint.Scope.Scope): TSESLint.Scope.Scope {
  const implicit = new Map<string, TSESLint.Scope.Reference[]>();
  for (const reference of globalScope.through) {
    const name = reference.identifier.name;
    if (!IMPLICIT_GLOBALS.has(name) || globalScope.set.has(name)) continue;
    const list = implicit.get(name) ?? [];
    list.push(reference);
    implicit.set(name, list);
  }
  if (implicit.size === 0) return globalScope;
  const variables = new Map<string, unknown>();
  for (const [name, references] of implicit) {
    variables.set(name, { name, defs: [], references, identifiers: [], scope: globalScope });
  }
  // The tracker only calls `set.get`; a view over both maps spares copying the global scope's (a thousand names with
  // browser and Node globals declared) for every file.
  const set = { get: (name: string) => variables.get(name) ?? globalScope.set.get(name), has: (name: string) => variables.has(name) || globalScope.set.has(name) };
  return Object.create(globalScope, { set: { value: set } }) as TSESLint.Scope.Scope;
}
