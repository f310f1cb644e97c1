import { ASTUtils, AST_NODE_TYPES, type TSESTree } from "../core/eslint-api.js";
import { argumentAt, unwrap } from "../core/ast.js";
import { findProperty, mayHideProperties, resolveObjectLiteral } from "../core/objects.js";
import { getPropertyKey, getStaticString, getStaticValue, getStringPattern } from "../core/static.js";
import type { SourceCode } from "../core/types.js";
import type { FailureMode } from "../settings.js";
import { ENDPOINTS, type EndpointSpec, type SdkMethodSpec } from "../vipps/apis.js";
import { FAILURE_CHECKS, type FailureCheck } from "./failure.js";
import type { HeaderSources } from "./headers.js";

/**
 * Every HTTP client and SDK the detection knows, each described once: which modules and globals provide it, how a
 * call carries URL, method, body and headers, how the client reports HTTP errors, and which calls create instances
 * (`axios.create`, `got.extend`, the SDK's `Client`). Adding a transport is an entry here.
 */

export type TransportName = "fetch" | "axios" | "got" | "ky" | "request" | "superagent" | "sdk" | "wrapper";

type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** What one transport call says about the request it sends. */
export interface RequestParts extends HeaderSources {
  readonly transport: TransportName;
  readonly url?: TSESTree.Node;
  /** A static URL prefix from the client instance (`baseURL`, `prefixUrl`), as a pattern. */
  readonly urlPrefix?: string;
  /** The expression that gives the base URL (`baseURL: config.vipps.apiUrl`), for the evidence its names give. */
  readonly urlBase?: TSESTree.Node;
  readonly method?: string;
  readonly body?: TSESTree.Node;
  /** The endpoint, when the call itself names it (SDK methods, configured wrappers). */
  readonly endpoint?: EndpointSpec;
  /** How an HTTP error reaches the caller. */
  readonly failure: FailureMode;
  /**
   * How the resolved value shows a failure and how a repair checks it; undefined where it cannot show one
   * (request-promise with `simple: false` resolves an error answer's body alone).
   */
  readonly check?: FailureCheck;
  /** The expression whose value is the response (or its promise): the call, or the end of a superagent chain. */
  readonly result: TSESTree.Node;
  /** The options object the call was given, when it is an object literal in reach. */
  readonly options?: TSESTree.ObjectExpression;
}

/** Settings an instance carries into each of its calls. */
export interface InstanceDefaults {
  readonly urlPrefix?: string;
  readonly urlBase?: TSESTree.Node;
  readonly failure?: FailureMode;
  /** The instance's default headers (`axios.create({ headers })`), outermost instance first. */
  readonly headers?: readonly TSESTree.Node[];
}

type Reader = (call: CallNode, sourceCode: SourceCode, defaults: InstanceDefaults) => RequestParts | undefined;

export type TraceInfo =
  | { readonly kind: "call"; readonly read: Reader }
  | { readonly kind: "factory"; readonly instance: (call: CallNode, sourceCode: SourceCode) => TraceMap };

// ReferenceTracker's trace maps use symbol keys; this type keeps them honest enough for our own code.
export interface TraceMap {
  [key: string]: TraceMap;
  [ASTUtils.ReferenceTracker.CALL]?: TraceInfo;
  [ASTUtils.ReferenceTracker.CONSTRUCT]?: TraceInfo;
}

const { CALL, CONSTRUCT } = ASTUtils.ReferenceTracker;

const callInfo = (read: Reader): TraceInfo => ({ kind: "call", read });

/** A reader with an instance's defaults bound, made once per trace map entry rather than once per call. */
const boundInfo = (read: Reader, defaults: InstanceDefaults): TraceInfo => callInfo((call, sourceCode) => read(call, sourceCode, defaults));

/** The object literal an options argument resolves to. */
const optionsAt = (sourceCode: SourceCode, call: CallNode, index: number): TSESTree.ObjectExpression | undefined => {
  const node = argumentAt(call, index);
  return node ? resolveObjectLiteral(sourceCode, node) : undefined;
};

const option = (sourceCode: SourceCode, options: TSESTree.ObjectExpression | undefined, ...keys: string[]) => {
  for (const key of keys) {
    const property = options && findProperty(sourceCode, options, key);
    if (property) return property.value;
  }
  return undefined;
};

const staticOption = (sourceCode: SourceCode, options: TSESTree.ObjectExpression | undefined, key: string) => {
  const value = option(sourceCode, options, key);
  return value ? getStaticValue(sourceCode, value)?.value : undefined;
};

/** A method read from options, or `fallback` when the options are a literal without one. */
const methodOf = (
  sourceCode: SourceCode,
  options: TSESTree.ObjectExpression | undefined,
  optionsGiven: boolean,
  fallback: string,
): string | undefined => {
  const value = option(sourceCode, options, "method");
  if (value) return getStaticString(sourceCode, value)?.toUpperCase();
  return options || !optionsGiven ? fallback : undefined;
};

/** Whether options given at `index` may carry headers nobody can see: not a literal in reach, or one with hidden keys. */
const hidesHeaders = (sourceCode: SourceCode, call: CallNode, index: number, options: TSESTree.ObjectExpression | undefined): boolean =>
  call.arguments.length > index && (!options || mayHideProperties(sourceCode, options));

/** The instance's default headers followed by the ones its own options add. */
const withDefaultHeaders = (defaults: InstanceDefaults, own: TSESTree.Node | undefined): readonly TSESTree.Node[] | undefined =>
  own ? [...(defaults.headers ?? []), own] : defaults.headers;

const pattern = (sourceCode: SourceCode, node: TSESTree.Node | undefined): string | undefined =>
  node ? getStringPattern(sourceCode, node) : undefined;

// fetch and its look-alikes: fetch(url, { method, headers, body }); resolves on 4xx/5xx.
const readFetch: Reader = (call, sourceCode) => {
  const url = argumentAt(call, 0);
  if (!url) return undefined;
  const options = optionsAt(sourceCode, call, 1);
  return {
    transport: "fetch",
    url,
    method: methodOf(sourceCode, options, argumentAt(call, 1) !== undefined, "GET"),
    body: option(sourceCode, options, "body"),
    headers: option(sourceCode, options, "headers"),
    headersHidden: hidesHeaders(sourceCode, call, 1, options),
    failure: "resolves",
    check: FAILURE_CHECKS.response,
    result: call,
    options,
  };
};

/** axios resolves every status when `validateStatus` is null or a function that returns `true`. */
const axiosFailure = (sourceCode: SourceCode, options: TSESTree.ObjectExpression | undefined): FailureMode | undefined => {
  const validate = option(sourceCode, options, "validateStatus");
  if (!validate) return undefined;
  const fn = unwrap(validate);
  if (fn.type === AST_NODE_TYPES.Literal && fn.value === null) return "resolves";
  if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) {
    const body = fn.body.type === AST_NODE_TYPES.BlockStatement && fn.body.body.length === 1 && fn.body.body[0]?.type === AST_NODE_TYPES.ReturnStatement ? fn.body.body[0].argument : fn.body;
    if (body && body.type === AST_NODE_TYPES.Literal && body.value === true) return "resolves";
  }
  return "rejects";
};

// axios(config), axios(url, config), axios.request(config), axios.get(url, config), axios.post(url, data, config)
const readAxios =
  (method: string | undefined, dataArg: boolean): Reader =>
  (call, sourceCode, defaults) => {
    const first = argumentAt(call, 0);
    if (!first) return undefined;
    // axios(config) or axios(url, config); the verb methods always take the URL first.
    const urlFirst = method !== undefined || !resolveObjectLiteral(sourceCode, first);
    const configIndex = method === undefined ? (urlFirst ? 1 : 0) : dataArg ? 2 : 1;
    const config = optionsAt(sourceCode, call, configIndex);
    const base = option(sourceCode, config, "baseURL") ?? defaults.urlBase;
    const prefix = pattern(sourceCode, option(sourceCode, config, "baseURL")) ?? defaults.urlPrefix;
    return {
      transport: "axios",
      url: urlFirst ? first : option(sourceCode, config, "url"),
      ...(prefix !== undefined && { urlPrefix: prefix }),
      ...(base && { urlBase: base }),
      method: method ?? methodOf(sourceCode, config, argumentAt(call, configIndex) !== undefined, "GET"),
      body: dataArg ? argumentAt(call, 1) : option(sourceCode, config, "data"),
      headers: option(sourceCode, config, "headers"),
      headersHidden: hidesHeaders(sourceCode, call, configIndex, config),
      ...(defaults.headers && { defaultHeaders: defaults.headers }),
      failure: axiosFailure(sourceCode, config) ?? defaults.failure ?? "rejects",
      check: FAILURE_CHECKS.axios,
      result: call,
      ...(config && { options: config }),
    };
  };

const axiosInstanceDefaults = (call: CallNode, sourceCode: SourceCode): InstanceDefaults => {
  const config = optionsAt(sourceCode, call, 0);
  const urlBase = option(sourceCode, config, "baseURL");
  const prefix = pattern(sourceCode, urlBase);
  const failure = axiosFailure(sourceCode, config);
  const headers = withDefaultHeaders({}, option(sourceCode, config, "headers"));
  return { ...(prefix !== undefined && { urlPrefix: prefix }), ...(urlBase && { urlBase }), ...(failure && { failure }), ...(headers && { headers }) };
};

const axiosMap = (defaults: InstanceDefaults): TraceMap => {
  const map: TraceMap = { [CALL]: boundInfo(readAxios(undefined, false), defaults), request: { [CALL]: boundInfo(readAxios(undefined, false), defaults) } };
  for (const method of ["get", "delete", "head", "options"]) map[method] = { [CALL]: boundInfo(readAxios(method.toUpperCase(), false), defaults) };
  for (const method of ["post", "put", "patch"]) map[method] = { [CALL]: boundInfo(readAxios(method.toUpperCase(), true), defaults) };
  return map;
};

/** got and ky: throw on non-2xx unless `throwHttpErrors: false`. */
const throwFailure = (sourceCode: SourceCode, options: TSESTree.ObjectExpression | undefined): FailureMode | undefined => {
  const value = staticOption(sourceCode, options, "throwHttpErrors");
  return value === false ? "resolves" : value === true ? "rejects" : undefined;
};

/** got's and ky's methods on a request's promise that resolve its parsed body instead of the response. */
const BODY_SHORTCUTS: ReadonlySet<string> = new Set(["json", "text", "buffer", "arrayBuffer", "blob", "formData", "bytes"]);

/** The shortcut's name where `node` is `request.json()` and the like called on a request's promise. */
export function bodyShortcutName(sourceCode: SourceCode, node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (node.callee.object.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const name = getPropertyKey(sourceCode, node.callee);
  return name !== null && BODY_SHORTCUTS.has(name) ? name : undefined;
}

/** `call.json()` and the like, where the call's promise goes straight into one. */
const bodyShortcut = (sourceCode: SourceCode, call: CallNode): TSESTree.CallExpression | undefined => {
  const next = call.parent?.parent;
  return next && call.parent.type === AST_NODE_TYPES.MemberExpression && next.type === AST_NODE_TYPES.CallExpression && next.callee === call.parent && bodyShortcutName(sourceCode, next)
    ? next
    : undefined;
};

// got(url, options), got(options), got.post(url, options); ky(url, options), ky.post(url, options)
const readGotOrKy =
  (transport: "got" | "ky", method: string | undefined): Reader =>
  (call, sourceCode, defaults) => {
    const first = argumentAt(call, 0);
    if (!first) return undefined;
    const firstOptions = resolveObjectLiteral(sourceCode, first);
    const optionsIndex = firstOptions && transport === "got" ? 0 : 1;
    const options = optionsAt(sourceCode, call, optionsIndex);
    const base = option(sourceCode, options, "prefixUrl") ?? defaults.urlBase;
    const prefix = pattern(sourceCode, option(sourceCode, options, "prefixUrl")) ?? defaults.urlPrefix;
    // `.json()` / `.text()` on the promise resolve the body alone: no status to check (with `throwHttpErrors: false`,
    // an error answer's body), and rejections surface on the shortcut's promise.
    const shortcut = bodyShortcut(sourceCode, call);
    return {
      transport,
      url: optionsIndex === 0 ? option(sourceCode, options, "url") : first,
      ...(prefix !== undefined && { urlPrefix: prefix }),
      ...(base && { urlBase: base }),
      method: method ?? methodOf(sourceCode, options, argumentAt(call, optionsIndex) !== undefined, "GET"),
      body: option(sourceCode, options, "json", "body", "form"),
      headers: option(sourceCode, options, "headers"),
      headersHidden: hidesHeaders(sourceCode, call, optionsIndex, options),
      ...(defaults.headers && { defaultHeaders: defaults.headers }),
      failure: throwFailure(sourceCode, options) ?? defaults.failure ?? "rejects",
      // got resolves its own response object; ky resolves a WHATWG Response.
      ...(!shortcut && { check: transport === "got" ? FAILURE_CHECKS.statusCode : FAILURE_CHECKS.response }),
      result: shortcut ?? call,
      ...(options && { options }),
    };
  };

const gotOrKyInstanceDefaults = (call: CallNode, sourceCode: SourceCode, defaults: InstanceDefaults): InstanceDefaults => {
  const options = optionsAt(sourceCode, call, 0);
  const urlBase = option(sourceCode, options, "prefixUrl");
  const prefix = pattern(sourceCode, urlBase);
  const failure = throwFailure(sourceCode, options);
  const headers = withDefaultHeaders(defaults, option(sourceCode, options, "headers"));
  return { ...(prefix !== undefined && { urlPrefix: prefix }), ...(urlBase && { urlBase }), ...(failure && { failure }), ...(headers && { headers }) };
};

const gotOrKyMap = (transport: "got" | "ky", defaults: InstanceDefaults): TraceMap => {
  const factory: TraceInfo = {
    kind: "factory",
    instance: (call, sourceCode) => {
      const own = gotOrKyInstanceDefaults(call, sourceCode, defaults);
      return gotOrKyMap(transport, { ...defaults, ...own });
    },
  };
  const map: TraceMap = { [CALL]: boundInfo(readGotOrKy(transport, undefined), defaults) };
  for (const method of ["get", "post", "put", "patch", "delete", "head"]) map[method] = { [CALL]: boundInfo(readGotOrKy(transport, method.toUpperCase()), defaults) };
  for (const name of transport === "got" ? ["extend"] : ["create", "extend"]) map[name] = { [CALL]: factory };
  return map;
};

// request / request-promise: request(options), request(url, options), request.post(options)
const readRequest =
  (method: string | undefined, failure: FailureMode): Reader =>
  (call, sourceCode, defaults) => {
    const first = argumentAt(call, 0);
    if (!first) return undefined;
    const firstOptions = resolveObjectLiteral(sourceCode, first);
    const options = firstOptions ?? optionsAt(sourceCode, call, 1);
    const json = option(sourceCode, options, "json");
    const jsonIsBody = json !== undefined && unwrap(json).type !== AST_NODE_TYPES.Literal;
    const base = option(sourceCode, options, "baseUrl") ?? defaults.urlBase;
    const prefix = pattern(sourceCode, option(sourceCode, options, "baseUrl")) ?? defaults.urlPrefix;
    const simple = staticOption(sourceCode, options, "simple");
    const fullResponse = staticOption(sourceCode, options, "resolveWithFullResponse") === true;
    return {
      transport: "request",
      url: firstOptions ? option(sourceCode, options, "uri", "url") : first,
      ...(prefix !== undefined && { urlPrefix: prefix }),
      ...(base && { urlBase: base }),
      method: method ?? methodOf(sourceCode, options, true, "GET"),
      body: jsonIsBody ? json : option(sourceCode, options, "body", "form"),
      headers: option(sourceCode, options, "headers"),
      headersHidden: hidesHeaders(sourceCode, call, firstOptions ? 0 : 1, options),
      ...(defaults.headers && { defaultHeaders: defaults.headers }),
      failure: failure === "rejects" && simple === false ? "resolves" : failure,
      ...(fullResponse && { check: FAILURE_CHECKS.statusCode }),
      result: call,
      ...(options && { options }),
    };
  };

const requestMap = (failure: FailureMode, defaults: InstanceDefaults): TraceMap => {
  const map: TraceMap = {
    [CALL]: boundInfo(readRequest(undefined, failure), defaults),
    defaults: {
      [CALL]: {
        kind: "factory",
        instance: (call, sourceCode) => {
          const options = optionsAt(sourceCode, call, 0);
          const urlBase = option(sourceCode, options, "baseUrl");
          const prefix = pattern(sourceCode, urlBase);
          const headers = withDefaultHeaders(defaults, option(sourceCode, options, "headers"));
          return requestMap(failure, { ...defaults, ...(prefix !== undefined && { urlPrefix: prefix }), ...(urlBase && { urlBase }), ...(headers && { headers }) });
        },
      },
    },
  };
  for (const [name, method] of [["get", "GET"], ["post", "POST"], ["put", "PUT"], ["patch", "PATCH"], ["del", "DELETE"], ["delete", "DELETE"]] as const) {
    map[name] = { [CALL]: boundInfo(readRequest(method, failure), defaults) };
  }
  return map;
};

// superagent.post(url).set(headers).send(body); rejects on 4xx/5xx unless `.ok(() => true)`.
const readSuperagent =
  (method: string | undefined): Reader =>
  (call, sourceCode) => {
    const url = argumentAt(call, method === undefined ? 1 : 0);
    if (!url) return undefined;
    const verb = method ?? getStaticString(sourceCode, argumentAt(call, 0) ?? call)?.toUpperCase();
    let body: TSESTree.Node | undefined;
    const headerCalls: TSESTree.CallExpression[] = [];
    let failure: FailureMode = "rejects";
    let result: TSESTree.Node = call;
    for (;;) {
      const member: TSESTree.Node | undefined = result.parent;
      const next: TSESTree.Node | undefined = member?.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== result) break;
      if (next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) break;
      const name = getPropertyKey(sourceCode, member);
      if (name === "send") body = argumentAt(next, 0);
      else if (name === "set") headerCalls.push(next);
      else if (name === "ok") failure = "resolves";
      else if (name !== "type" && name !== "query" && name !== "accept" && name !== "timeout" && name !== "retry" && name !== "auth") break;
      result = next;
    }
    return { transport: "superagent", url, ...(verb !== undefined && { method: verb }), body, headerCalls, failure, check: FAILURE_CHECKS.superagent, result };
  };

const superagentMap = (): TraceMap => {
  const map: TraceMap = { [CALL]: callInfo(readSuperagent(undefined)) };
  for (const method of ["get", "post", "put", "patch", "delete", "del"]) {
    map[method] = { [CALL]: callInfo(readSuperagent(method === "del" ? "DELETE" : method.toUpperCase())) };
  }
  return map;
};

/**
 * How each SDK reports a failed call. `@vippsmobilepay/sdk` resolves `{ ok, data, error }` (and may reject too: see
 * its check); `@vippsno/vipps-sdk` 0.9.13, its only release, rejects on every non-2xx and resolves the raw body, so it
 * is a rejecting client with no resolved value to check.
 */
const SDK_FAILURE: Readonly<Record<NonNullable<SdkMethodSpec["sdk"]>, Pick<RequestParts, "failure" | "check">>> = {
  vippsmobilepay: { failure: "result", check: FAILURE_CHECKS.sdkResult },
  vippsno: { failure: "rejects" },
};

/** The SDK client's methods, as a trace map built from the endpoint data. */
const sdkMap = (sdk: NonNullable<SdkMethodSpec["sdk"]>): TraceMap => {
  const root: TraceMap = {};
  for (const endpoint of ENDPOINTS) {
    for (const method of endpoint.sdk ?? []) {
      if ((method.sdk ?? "vippsmobilepay") !== sdk) continue;
      let node = root;
      for (const key of method.path.split(".")) node = node[key] ??= {};
      node[CALL] = callInfo((call) => ({
        transport: "sdk",
        endpoint,
        method: endpoint.method,
        body: method.bodyArg === undefined ? undefined : argumentAt(call, method.bodyArg),
        ...SDK_FAILURE[sdk],
        result: call,
      }));
    }
  }
  return root;
};

const sdkFactory = (sdk: NonNullable<SdkMethodSpec["sdk"]>): TraceInfo => {
  const map = sdkMap(sdk);
  return { kind: "factory", instance: () => map };
};

/** CommonJS `require("x").default` and ESM default imports reach the same object. */
const withDefault = (map: TraceMap): TraceMap => ({ ...map, default: map });

const fetchMap: TraceMap = { [CALL]: callInfo(readFetch) };

const axiosModule = (): TraceMap => {
  const map = axiosMap({});
  map.create = {
    [CALL]: {
      kind: "factory",
      instance: (call, sourceCode) => axiosMap(axiosInstanceDefaults(call, sourceCode)),
    },
  };
  return withDefault(map);
};

const vippsNoSdk = sdkFactory("vippsno");

/** Modules, by the name they are imported or required by. */
export const MODULE_TRACE_MAP: Readonly<Record<string, TraceMap>> = {
  "node-fetch": withDefault(fetchMap),
  "cross-fetch": withDefault({ ...fetchMap, fetch: fetchMap }),
  "isomorphic-fetch": withDefault(fetchMap),
  undici: { fetch: fetchMap },
  axios: axiosModule(),
  got: withDefault(gotOrKyMap("got", {})),
  ky: withDefault(gotOrKyMap("ky", {})),
  request: withDefault(requestMap("callback", {})),
  "postman-request": withDefault(requestMap("callback", {})),
  "request-promise": withDefault(requestMap("rejects", {})),
  "request-promise-native": withDefault(requestMap("rejects", {})),
  superagent: withDefault(superagentMap()),
  "@vippsmobilepay/sdk": withDefault({ Client: { [CALL]: sdkFactory("vippsmobilepay") } }),
  "@vippsno/vipps-sdk": {
    [CONSTRUCT]: vippsNoSdk,
    default: { [CONSTRUCT]: vippsNoSdk },
    Vipps: { [CONSTRUCT]: vippsNoSdk },
  },
};

const ESM_MARK = { [ASTUtils.ReferenceTracker.ESM]: true };

/**
 * The modules as imports reach them: what the tracker's legacy mode builds again for every import specifier,
 * `{ default: map, ...map }`, built once. The ESM mark has the tracker take it as it is, and skip the pass that strips
 * "default" from each report's path and drops READ reports: the detection reads no path, and the maps have no READ.
 */
export const ESM_MODULE_TRACE_MAP: Readonly<Record<string, TraceMap>> = Object.fromEntries(
  Object.entries(MODULE_TRACE_MAP).map(([name, map]) => [name, { ...ESM_MARK, default: map, ...map }]),
);

/** Globals. `globalThis.fetch`, `window.fetch` and friends are followed by the tracker. */
export const GLOBAL_TRACE_MAP: Readonly<Record<string, TraceMap>> = { fetch: fetchMap };

/** Names whose undeclared use still means the global (most TypeScript projects declare no globals). */
export const IMPLICIT_GLOBALS: ReadonlySet<string> = new Set(["fetch", "require", "globalThis", "window", "self", "global"]);

/** Text that must appear in a file for any transport or SDK import to be there. */
export const MODULE_NAMES: readonly string[] = Object.keys(MODULE_TRACE_MAP);

/** Reads a call through a trace map: the call's info for `path` (member names from the instance). */
export function lookupTrace(map: TraceMap, path: readonly string[]): TraceMap | undefined {
  let node: TraceMap | undefined = map;
  for (const key of path) node = node && Object.hasOwn(node, key) ? node[key] : undefined;
  return node;
}

/** The request parts of a call to a configured wrapper, through its argument locators. */
export function readLocator(sourceCode: SourceCode, call: CallNode, locator: number | string | undefined): TSESTree.Node | undefined {
  if (locator === undefined) return undefined;
  const [index, ...path] = String(locator).split(".");
  let node = argumentAt(call, Number(index));
  for (const key of path) {
    const object = node && resolveObjectLiteral(sourceCode, node);
    node = object ? findProperty(sourceCode, object, key)?.value : undefined;
  }
  return node;
}
