import { escapeRegExp } from "../core/regexp-source.js";
import { hasScheme, trimTrailingSlashes } from "../core/static.js";
import { APIS, ENDPOINTS, VIPPS_HOSTS, type ApiSpec, type EndpointSpec } from "./apis.js";

/** Stands in a URL pattern for a part whose value is not known statically (an env variable, a parameter, ...). */
export const HOLE = "\u0000";

export interface UrlMatch {
  /** Undefined when the URL names a Vipps host but no known API path. */
  readonly api: ApiSpec | undefined;
  readonly endpoint: EndpointSpec | undefined;
}

interface CompiledEndpoint {
  readonly spec: EndpointSpec;
  readonly pattern: RegExp;
}


// A `{param}` segment matches any one segment, including one built from a template hole.
const compiled: ReadonlyMap<string, readonly CompiledEndpoint[]> = new Map(
  APIS.map((api) => [
    api.name,
    ENDPOINTS.filter((endpoint) => endpoint.api === api.name && !endpoint.callbackResponse).map((spec) => ({
      spec,
      pattern: new RegExp(
        `^${spec.path
          .toLowerCase()
          .split(/\{[^}]+\}/)
          .map(escapeRegExp)
          .join("[^/]+")}$`,
      ),
    })),
  ]),
);

/** Cheap test for the pre-filter: could this text be part of a Vipps URL? */
export const VIPPS_URL_HINT = new RegExp(
  [...VIPPS_HOSTS, ...APIS.flatMap((api) => api.pathPrefixes)].map((part) => escapeRegExp(part.replace(/\/$/, ""))).join("|"),
  "i",
);

/**
 * Matches a URL pattern (static parts with HOLE for unknown ones) to a Vipps API and endpoint.
 * `method` narrows endpoints that share a path; when it is unknown, `hasBody` prefers the endpoint that takes a body.
 * `hostKnown`: other evidence says the host is Vipps's, so the APIs whose paths are too plain to match alone count.
 */
export function matchVippsUrl(url: string, method: string | undefined, hasBody: boolean, hostKnown = false): UrlMatch | undefined {
  if (url.length > MAX_CACHED_URL_LENGTH) return matchUrl(url, method, hasBody, hostKnown);
  // The answer depends on these four alone, and a code base sends the same few URLs from many files (and an editor
  // lints one file again at every pause in typing). The method is written with its length: the key reads back one way.
  const key = `${hasBody ? 1 : 0}${hostKnown ? 1 : 0}${method === undefined ? "-" : `${method.length}:${method}`}|${url}`;
  let match = urlMatches.get(key);
  if (match === undefined) {
    if (urlMatches.size >= MAX_CACHED_URLS) urlMatches.clear();
    match = matchUrl(url, method, hasBody, hostKnown) ?? null;
    urlMatches.set(key, match);
  }
  return match ?? undefined;
}

/** Matches by URL, kept across files; the matches are shared, so nobody may change one. */
const urlMatches = new Map<string, UrlMatch | null>();
/** Distinct URLs kept before the cache starts over: far more than a code base writes. */
const MAX_CACHED_URLS = 2048;
/** Longer URLs (no real one is this long) are matched each time, so that the cache stays small. */
const MAX_CACHED_URL_LENGTH = 1024;

function matchUrl(url: string, method: string | undefined, hasBody: boolean, hostKnown: boolean): UrlMatch | undefined {
  const lower = url.toLowerCase();
  const hasHost = hostKnown || VIPPS_HOSTS.some((host) => lower.includes(host));
  const withoutQuery = lower.replace(/[?#].*$/s, "");
  for (const api of APIS) {
    if (api.needsHost && !hasHost) continue;
    for (const prefix of api.pathPrefixes) {
      const start = findPrefix(withoutQuery, prefix);
      if (start < 0) continue;
      const path = trimTrailingSlashes(withoutQuery.slice(start));
      return { api, endpoint: pickEndpoint(compiled.get(api.name) ?? [], path, method, hasBody) };
    }
  }
  return hasHost ? { api: undefined, endpoint: undefined } : undefined;
}

function findPrefix(url: string, prefix: string): number {
  const index = url.indexOf(prefix);
  if (index >= 0) return index;
  // `/accesstoken/get` ends the URL; `/ecomm/v2` alone (no trailing slash) is still that API.
  const bare = prefix.replace(/\/$/, "");
  return url.endsWith(bare) ? url.length - bare.length : -1;
}

function pickEndpoint(
  candidates: readonly CompiledEndpoint[],
  path: string,
  method: string | undefined,
  hasBody: boolean,
): EndpointSpec | undefined {
  const byPath = candidates.filter((candidate) => candidate.pattern.test(path)).map((candidate) => candidate.spec);
  if (byPath.length <= 1) return byPath[0];
  if (method !== undefined) return byPath.find((spec) => spec.method === method.toUpperCase());
  const withBody = byPath.filter((spec) => (spec.method !== "GET") === hasBody);
  return withBody.length === 1 ? withBody[0] : undefined;
}

/** The longest path a message shows; a longer one is cut, since a message names the target, not the whole URL. */
const MAX_LABEL_PATH = 80;

/**
 * The path of a URL pattern as a message shows it: without scheme, host, query and fragment, with "…" for unknown
 * parts (`${base}/recurring/v3/agreements/${id}/typo` gives "…/recurring/v3/agreements/…/typo"); undefined when no
 * part of the path is known.
 */
export function urlPathLabel(urlPattern: string | undefined): string | undefined {
  if (urlPattern === undefined) return undefined;
  let path = urlPattern;
  if (hasScheme(path)) {
    const start = path.indexOf("/", path.indexOf("://") + 3);
    path = start < 0 ? "" : path.slice(start);
  }
  const end = path.search(/[?#]/);
  if (end >= 0) path = path.slice(0, end);
  path = path.split(HOLE).join("…");
  if (!path.includes("/") || path.replace(/[…/]/g, "") === "") return undefined;
  return path.length > MAX_LABEL_PATH ? `${path.slice(0, MAX_LABEL_PATH - 1)}…` : path;
}
