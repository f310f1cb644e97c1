import { compileGlob, type Glob } from "./core/glob.js";
import { APIS, getEndpoint, type ApiName } from "./vipps/apis.js";
import { INBOUND_KINDS, type InboundKind } from "./vipps/webhooks.js";

/**
 * Shared settings, read from `settings.vipps` in the user's ESLint config (documented in docs/settings.md).
 * ESLint does not validate settings, so they are validated here once per settings object; a wrong value throws an
 * error that names the setting, the way ESLint reports an invalid rule option.
 */

/**
 * The project's home, for links in messages and rule docs. It lives here, the lowest layer that may name the plugin
 * (src/core stays free of it), so that both these settings errors and the rule kit can link a page by its full URL.
 */
export const REPOSITORY_URL = "https://github.com/vipps-lint/eslint-plugin-vipps";

/** The page that documents `settings.vipps`. */
export const SETTINGS_DOCS_URL = `${REPOSITORY_URL}/blob/main/docs/settings.md`;

/** Where a wrapper call carries a request part: an argument index, or an index and a property path (`"0.body"`). */
export type ArgumentLocator = number | string;

export type FailureMode = "resolves" | "rejects" | "result" | "callback";

export interface WrapperSetting {
  /** Function or method name (`vippsFetch`), or the tail of a member chain (`Vipps.initiate`, `this.request`). */
  readonly name: string;
  readonly url?: ArgumentLocator;
  readonly body?: ArgumentLocator;
  readonly headers?: ArgumentLocator;
  /** The HTTP method the wrapper fixes, or where a call passes it (`{ argument: 1 }` for `request(vipps, method, url)`). */
  readonly method?: string | { readonly argument: ArgumentLocator };
  /** A fixed endpoint id (`ecom.initiate`), for wrappers that always call one endpoint. */
  readonly endpoint?: string;
  /** How the wrapper reports an HTTP error: rejects (the default), resolves like `fetch`, or a `{ ok }` result. */
  readonly failure?: FailureMode;
}

/** What a project's own helper resolves to: a fetch-style `Response` (checked by `ok`), or an SDK `{ ok, data, error }` result. */
export type HelperReturns = "response" | "result";

/**
 * A project's own function, defined in another file, that returns the answer of a Vipps request unchecked: each call
 * is a Vipps request whose answer must be checked where it is called.
 */
export interface HelperSetting {
  /** Function or method name, or the tail of a member chain, matched as wrapper names are. */
  readonly name: string;
  readonly returns: HelperReturns;
  /** The API it calls, for messages; implied by `endpoint`. */
  readonly api?: ApiName;
  /** The one endpoint it calls, when it calls one. */
  readonly endpoint?: string;
}

/**
 * Inbound Vipps handlers the file cannot show (a webhook whose route is registered elsewhere): the handler functions
 * of the files matched by `files`, or the functions named in `functions` (in those files, or in any file).
 */
export interface InboundHandlerSetting {
  /** Globs matched against the file path (src/core/glob.ts), compiled. */
  readonly files?: readonly Glob[];
  /** Function names (`handleVippsWebhook`) or exported names (`POST`, `vippsWebhook`). */
  readonly functions?: readonly string[];
  readonly kind: InboundKind;
}

export interface VippsSettings {
  readonly wrappers: readonly WrapperSetting[];
  readonly helpers: readonly HelperSetting[];
  /** Extra hosts that proxy the Vipps APIs (a company gateway, a test double). */
  readonly hosts: readonly string[];
  readonly inboundHandlers: readonly InboundHandlerSetting[];
  /** Globs of files whose code runs in the browser (vipps/no-client-side-secrets), compiled. */
  readonly clientFiles: readonly Glob[];
}

const DEFAULT_SETTINGS: VippsSettings = { wrappers: [], helpers: [], hosts: [], inboundHandlers: [], clientFiles: [] };
const KNOWN_SETTINGS = ["wrappers", "helpers", "hosts", "inboundHandlers", "clientFiles"];
const HELPER_RETURNS: readonly HelperReturns[] = ["response", "result"];
const NAME = /^[\w$]+(\.[\w$]+)*$/;
const METHOD = /^(get|post|put|patch|delete)$/i;
const FAILURE_MODES: readonly FailureMode[] = ["resolves", "rejects", "result", "callback"];
const cache = new WeakMap<object, VippsSettings>();

/**
 * ESLint reports an error thrown while a rule starts as "Error while loading rule '<the first vipps rule>'": the
 * message therefore says that the fault is in the shared settings, names the setting, says what is wrong, and links
 * the section of the settings page by its full URL (a relative path means nothing in a terminal).
 */
export class VippsSettingsError extends Error {
  constructor(path: string, problem: string) {
    const setting = `settings.vipps${path && `.${path}`}`;
    const section = /^\w+/.exec(path)?.[0];
    const anchor = section && KNOWN_SETTINGS.includes(section) ? `#${section.toLowerCase()}` : "#settingsvipps";
    super(
      `eslint-plugin-vipps: ${setting} ${problem}. It is a setting shared by every vipps rule, not an option of the rule named above. See ${SETTINGS_DOCS_URL}${anchor}`,
    );
    this.name = "VippsSettingsError";
  }
}

export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): VippsSettings {
  const raw = settings?.vipps;
  // `vipps: null` means no settings: a later config object can set it to drop what an earlier one configured.
  if (raw === undefined || raw === null) return DEFAULT_SETTINGS;
  // Every rule of every file asks; a configuration's files share one settings object, so the last one answers.
  if (raw === lastRaw && lastParsed) return lastParsed;
  if (typeof raw !== "object" || Array.isArray(raw)) throw new VippsSettingsError("", "must be an object");
  let parsed = cache.get(raw);
  if (!parsed) {
    parsed = parseSettings(raw as Record<string, unknown>);
    cache.set(raw, parsed);
  }
  lastRaw = raw;
  lastParsed = parsed;
  return parsed;
}
let lastRaw: unknown;
let lastParsed: VippsSettings | undefined;

function parseSettings(raw: Record<string, unknown>): VippsSettings {
  for (const key of Object.keys(raw)) {
    if (!KNOWN_SETTINGS.includes(key)) {
      throw new VippsSettingsError(key, `is not a known setting (known: ${KNOWN_SETTINGS.map((name) => `"${name}"`).join(", ")})`);
    }
  }
  // Inside settings.vipps, null is a mistake (an unfilled template value, say), not "none": leaving the key out is.
  const wrappers = raw.wrappers === undefined ? [] : raw.wrappers;
  const hosts = raw.hosts === undefined ? [] : raw.hosts;
  const helpers = raw.helpers === undefined ? [] : raw.helpers;
  if (!Array.isArray(wrappers)) throw new VippsSettingsError("wrappers", `must be an array${wrappers === null ? " (leave it out for none)" : ""}`);
  if (!Array.isArray(helpers)) throw new VippsSettingsError("helpers", `must be an array${helpers === null ? " (leave it out for none)" : ""}`);
  if (!Array.isArray(hosts) || !hosts.every((host) => typeof host === "string" && host.length > 0)) {
    throw new VippsSettingsError("hosts", `must be an array of host names${hosts === null ? " (leave it out for none)" : ""}`);
  }
  const inboundHandlers = raw.inboundHandlers === undefined ? [] : raw.inboundHandlers;
  if (!Array.isArray(inboundHandlers)) {
    throw new VippsSettingsError("inboundHandlers", `must be an array${inboundHandlers === null ? " (leave it out for none)" : ""}`);
  }
  return {
    wrappers: wrappers.map((wrapper, index) => parseWrapper(wrapper, `wrappers[${index}]`)),
    helpers: helpers.map((helper, index) => parseHelper(helper, `helpers[${index}]`)),
    hosts: hosts.map((host: string) => host.toLowerCase()),
    inboundHandlers: inboundHandlers.map((handler, index) => parseInboundHandler(handler, `inboundHandlers[${index}]`)),
    clientFiles: parseClientFiles(raw.clientFiles),
  };
}

function parseInboundHandler(raw: unknown, path: string): InboundHandlerSetting {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new VippsSettingsError(path, 'must be an object such as { files: ["app/api/payments/notify/route.ts"], kind: "webhook" }');
  }
  const handler = raw as Record<string, unknown>;
  const known = ["files", "functions", "kind"];
  for (const key of Object.keys(handler)) {
    if (!known.includes(key)) throw new VippsSettingsError(`${path}.${key}`, `is not an inbound handler setting (known: ${known.join(", ")})`);
  }
  if (!INBOUND_KINDS.includes(handler.kind as InboundKind)) {
    throw new VippsSettingsError(`${path}.kind`, `must be one of ${INBOUND_KINDS.map((kind) => `"${kind}"`).join(", ")}; got ${describe(handler.kind)}`);
  }
  const isList = (value: unknown): value is string[] =>
    Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string" && item.length > 0);
  if (handler.files !== undefined && !isList(handler.files)) {
    throw new VippsSettingsError(`${path}.files`, `must be a non-empty array of file globs such as "**/webhooks/vipps.ts"; got ${describe(handler.files)}`);
  }
  if (handler.functions !== undefined && !(isList(handler.functions) && handler.functions.every((name) => NAME.test(name)))) {
    throw new VippsSettingsError(`${path}.functions`, `must be a non-empty array of function names such as "handleVippsWebhook"; got ${describe(handler.functions)}`);
  }
  if (handler.files === undefined && handler.functions === undefined) {
    throw new VippsSettingsError(path, 'needs "files" (globs of handler files), "functions" (handler names) or both');
  }
  const files = (handler.files)?.map((glob, index) => {
    try {
      return compileGlob(glob);
    } catch (error) {
      throw new VippsSettingsError(`${path}.files[${index}]`, `is not a usable glob: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return { ...(handler as unknown as InboundHandlerSetting), ...(files && { files }) };
}

function parseWrapper(raw: unknown, path: string): WrapperSetting {
  if (typeof raw === "string") raw = { name: raw };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new VippsSettingsError(path, "must be a name or an object with a name");
  }
  const wrapper = raw as Record<string, unknown>;
  const known = ["name", "url", "body", "headers", "method", "endpoint", "failure"];
  for (const key of Object.keys(wrapper)) {
    if (!known.includes(key)) throw new VippsSettingsError(`${path}.${key}`, `is not a wrapper setting (known: ${known.join(", ")})`);
  }
  if (typeof wrapper.name !== "string" || !NAME.test(wrapper.name)) {
    throw new VippsSettingsError(`${path}.name`, 'must be a function or method name such as "vippsFetch" or "Vipps.initiate"');
  }
  for (const key of ["url", "body", "headers"] as const) {
    const value = wrapper[key];
    if (value !== undefined && !isLocator(value)) {
      throw new VippsSettingsError(`${path}.${key}`, 'must be an argument index (0, 1, ...) or an index and property path such as "0.body"');
    }
  }
  if (wrapper.method !== undefined && !isMethodSetting(wrapper.method)) {
    throw new VippsSettingsError(
      `${path}.method`,
      `must be an HTTP method (GET, POST, PUT, PATCH or DELETE) or { argument: <locator> } for a method passed as an argument, such as { argument: 1 }; got ${describe(wrapper.method)}`,
    );
  }
  if (wrapper.endpoint !== undefined && (typeof wrapper.endpoint !== "string" || !getEndpoint(wrapper.endpoint))) {
    throw new VippsSettingsError(`${path}.endpoint`, `must be a known endpoint id such as "ecom.initiate"; got ${JSON.stringify(wrapper.endpoint)}`);
  }
  if (wrapper.failure !== undefined && !FAILURE_MODES.includes(wrapper.failure as FailureMode)) {
    throw new VippsSettingsError(`${path}.failure`, `must be one of ${FAILURE_MODES.map((mode) => `"${mode}"`).join(", ")}`);
  }
  if (wrapper.url === undefined && wrapper.endpoint === undefined) {
    throw new VippsSettingsError(path, 'needs "url" (where the URL is passed) or "endpoint" (the fixed endpoint it calls)');
  }
  return wrapper as unknown as WrapperSetting;
}

function parseHelper(raw: unknown, path: string): HelperSetting {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new VippsSettingsError(path, 'must be an object such as { name: "vippsRequest", returns: "response" }');
  }
  const helper = raw as Record<string, unknown>;
  const known = ["name", "returns", "api", "endpoint"];
  for (const key of Object.keys(helper)) {
    if (!known.includes(key)) throw new VippsSettingsError(`${path}.${key}`, `is not a helper setting (known: ${known.join(", ")})`);
  }
  if (typeof helper.name !== "string" || !NAME.test(helper.name)) {
    throw new VippsSettingsError(`${path}.name`, 'must be a function or method name such as "vippsRequest" or "vipps.request"');
  }
  if (!HELPER_RETURNS.includes(helper.returns as HelperReturns)) {
    throw new VippsSettingsError(
      `${path}.returns`,
      `must be "response" (it returns a fetch-style Response, checked by \`ok\`) or "result" (an SDK { ok, data, error } result); got ${describe(helper.returns)}`,
    );
  }
  const apiNames = APIS.map((api) => api.name);
  if (helper.api !== undefined && !apiNames.includes(helper.api as ApiName)) {
    throw new VippsSettingsError(`${path}.api`, `must be one of ${apiNames.map((name) => `"${name}"`).join(", ")}; got ${describe(helper.api)}`);
  }
  const endpoint = typeof helper.endpoint === "string" ? getEndpoint(helper.endpoint) : undefined;
  if (helper.endpoint !== undefined && !endpoint) {
    throw new VippsSettingsError(`${path}.endpoint`, `must be a known endpoint id such as "epayment.create"; got ${describe(helper.endpoint)}`);
  }
  if (endpoint && helper.api !== undefined && endpoint.api !== helper.api) {
    throw new VippsSettingsError(`${path}.api`, `is ${describe(helper.api)}, but endpoint "${endpoint.id}" belongs to "${endpoint.api}": leave api out`);
  }
  return helper as unknown as HelperSetting;
}

/** `clientFiles`: globs of files that run in the browser, for vipps/no-client-side-secrets. */
function parseClientFiles(raw: unknown): Glob[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new VippsSettingsError("clientFiles", `must be an array of globs${raw === null ? " (leave it out for none)" : ""}`);
  return raw.map((glob: unknown, index) => {
    if (typeof glob !== "string" || glob.trim() === "") {
      throw new VippsSettingsError(`clientFiles[${index}]`, `must be a non-empty glob such as "src/components/**"; got ${describe(glob)}`);
    }
    try {
      return compileGlob(glob);
    } catch (error) {
      throw new VippsSettingsError(`clientFiles[${index}]`, `is not a usable glob: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

function isMethodSetting(value: unknown): boolean {
  if (typeof value === "string") return METHOD.test(value);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === "argument" && isLocator((value as { argument: unknown }).argument);
}

/** A wrong value as the message shows it; long values are cut, so that a message stays one readable line. */
function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isLocator(value: unknown): value is ArgumentLocator {
  return (
    (typeof value === "number" && Number.isInteger(value) && value >= 0) ||
    (typeof value === "string" && /^\d+(\.[\w$]+)*$/.test(value))
  );
}
