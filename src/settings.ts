import { getEndpoint } from "./vipps/apis.js";

/**
 * Shared settings, read from `settings.vipps` in the user's ESLint config (documented in docs/settings.md).
 * ESLint does not validate settings, so they are validated here once per settings object; a wrong value throws an
 * error that names the setting, the way ESLint reports an invalid rule option.
 */

/** Where a wrapper call carries a request part: an argument index, or an index and a property path (`"0.body"`). */
export type ArgumentLocator = number | string;

export type FailureMode = "resolves" | "rejects" | "result" | "callback";

export interface WrapperSetting {
  /** Function or method name (`vippsFetch`), or the tail of a member chain (`Vipps.initiate`, `this.request`). */
  readonly name: string;
  readonly url?: ArgumentLocator;
  readonly body?: ArgumentLocator;
  readonly headers?: ArgumentLocator;
  readonly method?: string;
  /** A fixed endpoint id (`ecom.initiate`), for wrappers that always call one endpoint. */
  readonly endpoint?: string;
  /** How the wrapper reports an HTTP error: rejects (the default), resolves like `fetch`, or a `{ ok }` result. */
  readonly failure?: FailureMode;
}

export interface VippsSettings {
  readonly wrappers: readonly WrapperSetting[];
  /** Extra hosts that proxy the Vipps APIs (a company gateway, a test double). */
  readonly hosts: readonly string[];
}

const DEFAULT_SETTINGS: VippsSettings = { wrappers: [], hosts: [] };
const FAILURE_MODES: readonly FailureMode[] = ["resolves", "rejects", "result", "callback"];
const cache = new WeakMap<object, VippsSettings>();

export class VippsSettingsError extends Error {
  constructor(path: string, problem: string) {
    super(`eslint-plugin-vipps: settings.vipps${path && `.${path}`} ${problem}. See docs/settings.md.`);
    this.name = "VippsSettingsError";
  }
}

export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): VippsSettings {
  const raw = settings?.vipps;
  // `vipps: null` means no settings: a later config object can set it to drop what an earlier one configured.
  if (raw === undefined || raw === null) return DEFAULT_SETTINGS;
  if (typeof raw !== "object" || Array.isArray(raw)) throw new VippsSettingsError("", "must be an object");
  const cached = cache.get(raw);
  if (cached) return cached;
  const parsed = parseSettings(raw as Record<string, unknown>);
  cache.set(raw, parsed);
  return parsed;
}

function parseSettings(raw: Record<string, unknown>): VippsSettings {
  for (const key of Object.keys(raw)) {
    if (key !== "wrappers" && key !== "hosts") {
      throw new VippsSettingsError(key, 'is not a known setting (known: "wrappers", "hosts")');
    }
  }
  // Inside settings.vipps, null is a mistake (an unfilled template value, say), not "none": leaving the key out is.
  const wrappers = raw.wrappers === undefined ? [] : raw.wrappers;
  const hosts = raw.hosts === undefined ? [] : raw.hosts;
  if (!Array.isArray(wrappers)) throw new VippsSettingsError("wrappers", `must be an array${wrappers === null ? " (leave it out for none)" : ""}`);
  if (!Array.isArray(hosts) || !hosts.every((host) => typeof host === "string" && host.length > 0)) {
    throw new VippsSettingsError("hosts", `must be an array of host names${hosts === null ? " (leave it out for none)" : ""}`);
  }
  return {
    wrappers: wrappers.map((wrapper, index) => parseWrapper(wrapper, `wrappers[${index}]`)),
    hosts: hosts.map((host: string) => host.toLowerCase()),
  };
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
  if (typeof wrapper.name !== "string" || !/^[\w$]+(\.[\w$]+)*$/.test(wrapper.name)) {
    throw new VippsSettingsError(`${path}.name`, 'must be a function or method name such as "vippsFetch" or "Vipps.initiate"');
  }
  for (const key of ["url", "body", "headers"] as const) {
    const value = wrapper[key];
    if (value !== undefined && !isLocator(value)) {
      throw new VippsSettingsError(`${path}.${key}`, 'must be an argument index (0, 1, ...) or an index and property path such as "0.body"');
    }
  }
  if (wrapper.method !== undefined && (typeof wrapper.method !== "string" || !/^(get|post|put|patch|delete)$/i.test(wrapper.method))) {
    throw new VippsSettingsError(`${path}.method`, "must be an HTTP method: GET, POST, PUT, PATCH or DELETE");
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

function isLocator(value: unknown): value is ArgumentLocator {
  return (
    (typeof value === "number" && Number.isInteger(value) && value >= 0) ||
    (typeof value === "string" && /^\d+(\.[\w$]+)*$/.test(value))
  );
}
