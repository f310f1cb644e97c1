import { APIS, ENDPOINTS, type ApiName, type ApiSpec, type EndpointSpec } from "./apis.js";
import { HOLE } from "./urls.js";

/**
 * Which endpoint a URL path names, and, when it names none, the nearest ones: a segment-wise edit distance where a
 * missing slash (`${reference}cancel`), a missing segment (`/epayment/v1/${reference}`) and a misspelt segment
 * (`/ecomm/v2/payment`) each cost one edit, and a method the path does not take costs one more.
 *
 * The path pattern holds the URL's static text, HOLE for a part whose value is unknown but one segment of data (a
 * reference, an id), and ANY_PART for a part that could be anything, several segments included (`${path}`): a path
 * with ANY_PART after its API prefix is never judged.
 */

/** Stands in a path pattern for a part that may be any text, slashes included. */
export const ANY_PART = "\u0001";

/** The longest path (in segments, after the API prefix) that is judged; longer ones are left alone. */
const MAX_SEGMENTS = 12;
/** The longest segment compared letter by letter for a near spelling. */
const MAX_SPELLING_LENGTH = 40;

/**
 * APIs whose specs list only part of what the host serves: Login is an OAuth 2.0 / OpenID Connect server whose
 * discovery document names more endpoints than the spec (revocation, logout; developer docs, Login API "Browser flow
 * integration"), and Userinfo's spec is not in ../shared/specs. There only a missing slash, a missing segment or a
 * near spelling of a known segment is reported.
 */
const PARTLY_LISTED: ReadonlySet<ApiName> = new Set(["login", "userinfo"]);

/** One edit that turns the written path into the candidate's, as offsets into the pattern given. */
export interface PathEdit {
  /** `slash` and `segment` are the only edits fixed without asking. */
  readonly kind: "slash" | "segment" | "rename" | "remove";
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface EndpointPathVerdict {
  /** `method`: the path is an endpoint's, but none of its endpoints takes the method. `path`: no endpoint has the path. */
  readonly kind: "method" | "path";
  /** The path as written, from the API prefix on, with "…" for unknown parts. */
  readonly written: string;
  /** Where that path starts and ends in the pattern given. */
  readonly start: number;
  readonly end: number;
  /** The nearest endpoints, best first (at most three). */
  readonly nearest: readonly EndpointSpec[];
  /** The one edit that makes the path the only nearest endpoint's, where there is one. */
  readonly edit: PathEdit | undefined;
}

interface Segment {
  /** Lower-cased text, HOLE for unknown one-segment parts. */
  readonly text: string;
  /** Offset of the segment in the pattern given. */
  readonly start: number;
}

type Template = readonly ({ readonly literal: string } | { readonly param: string })[];

interface Candidate {
  readonly endpoint: EndpointSpec;
  readonly template: Template;
  /** The prefix (lower case) the candidate's path starts with. */
  readonly prefix: string;
}

const candidatesByApi: ReadonlyMap<ApiName, readonly Candidate[]> = new Map(
  APIS.map((api) => [
    api.name,
    ENDPOINTS.filter((endpoint) => endpoint.api === api.name && !endpoint.callbackResponse && endpoint.path.startsWith("/")).flatMap((endpoint) => {
      const lower = endpoint.path.toLowerCase();
      const prefix = api.pathPrefixes.find((candidate) => lower.startsWith(candidate) || `${lower}/` === candidate);
      if (prefix === undefined) return [];
      const rest = lower.slice(prefix.length).split("/").filter((part) => part !== "");
      const template: Template = rest.map((part) => (part.startsWith("{") && part.endsWith("}") ? { param: part.slice(1, -1) } : { literal: part }));
      return [{ endpoint, template, prefix }];
    }),
  ]),
);

/** Every literal segment of an API's endpoints: text that is never a reference, so a segment holding one is suspect. */
const keywordsByApi: ReadonlyMap<ApiName, ReadonlySet<string>> = new Map(
  [...candidatesByApi].map(([name, candidates]) => [
    name,
    new Set(candidates.flatMap((candidate) => candidate.template.flatMap((part) => ("literal" in part ? [part.literal] : [])))),
  ]),
);

/**
 * Judges the path of a URL pattern against the endpoints of `api`: undefined when an endpoint takes it (with the
 * method, when known), when part of it is ANY_PART, or when its API version has no endpoint the plugin knows.
 * Case and trailing slashes are ignored: the gateway routes `/accessToken/get` (vippsas/vipps-developers#59), and
 * nothing says it rejects a trailing slash.
 */
export function judgeEndpointPath(api: ApiSpec, pattern: string, method: string | undefined): EndpointPathVerdict | undefined {
  // HEAD and OPTIONS are the gateway's to answer on any path; only the specs' five verbs are judged.
  const upper = method?.toUpperCase();
  const verb = upper !== undefined && VERBS.has(upper) ? upper : undefined;
  if (pattern.length > MAX_CACHED_PATTERN_LENGTH) return judge(api, pattern, verb);
  // The verdict depends on the API, the verb and the pattern alone, and a code base sends the same few paths from
  // many files. Verdicts are immutable, so one is shared. Kept by verb, then pattern: no key is built per request.
  let cache = verdictsByApi.get(api);
  if (!cache) verdictsByApi.set(api, (cache = { byVerb: new Map(), size: 0 }));
  if (cache.size >= MAX_CACHED_VERDICTS) {
    cache.byVerb.clear();
    cache.size = 0;
  }
  let byPattern = cache.byVerb.get(verb);
  if (!byPattern) cache.byVerb.set(verb, (byPattern = new Map<string, EndpointPathVerdict | null>()));
  let verdict = byPattern.get(pattern);
  if (verdict === undefined) {
    verdict = judge(api, pattern, verb) ?? null;
    byPattern.set(pattern, verdict);
    cache.size++;
  }
  return verdict ?? undefined;
}

interface VerdictCache {
  /** Verdicts by verb (undefined: not known), then pattern; null where the path is fine. */
  readonly byVerb: Map<string | undefined, Map<string, EndpointPathVerdict | null>>;
  /** How many verdicts it holds. */
  size: number;
}

const verdictsByApi = new WeakMap<ApiSpec, VerdictCache>();
/** Distinct paths kept per API before its cache starts over: far more than a code base writes. */
const MAX_CACHED_VERDICTS = 2048;
/** Longer patterns (no real URL is this long) are judged each time, so that the cache stays small (a few MB at most). */
const MAX_CACHED_PATTERN_LENGTH = 1024;

function judge(api: ApiSpec, pattern: string, verb: string | undefined): EndpointPathVerdict | undefined {
  const lower = pattern.toLowerCase();
  const located = locatePath(api, lower);
  if (!located) return undefined;
  const candidates = (candidatesByApi.get(api.name) ?? []).filter((candidate) => candidate.prefix === located.prefix);
  if (candidates.length === 0) return undefined;
  const prefixEnd = located.start + located.prefix.length;
  const segments = splitSegments(lower, prefixEnd, located.end);
  if (!segments || segments.length > MAX_SEGMENTS) return undefined;
  const keywords = keywordsByApi.get(api.name) ?? new Set<string>();

  // An endpoint's own path first: only a path no endpoint has needs the nearest-endpoint search. A path costs nothing
  // only where each segment matches its template part at no cost (every other step costs), so this is that search's
  // answer for cost zero.
  const samePath = candidates.filter((candidate) => matchesExactly(segments, candidate.template, keywords));
  if (samePath.some((candidate) => verb === undefined || verb === candidate.endpoint.method)) return undefined;
  const written = pattern.slice(located.start, located.end).split(HOLE).join("…");
  const range = { written, start: located.start, end: located.end };
  if (samePath.length > 0) return { kind: "method", ...range, nearest: samePath.map((candidate) => candidate.endpoint), edit: undefined };

  const scored = candidates.map((candidate) => {
    const path = distance(segments, candidate.template, keywords, prefixEnd, located.end);
    const methodCost = verb !== undefined && verb !== candidate.endpoint.method ? 1 : 0;
    return { endpoint: candidate.endpoint, path, total: path.cost + methodCost, methodCost };
  });
  const best = Math.min(...scored.map((entry) => entry.total));
  const closest = scored.filter((entry) => entry.total === best);
  // A retired endpoint (eCom status, Recurring v2) is named only when nothing current is as near.
  const current = closest.filter((entry) => !entry.endpoint.deprecated);
  const nearest = current.length > 0 ? current : closest;
  const only = nearest.length === 1 ? nearest[0] : undefined;
  // Offsets into the lower-cased text are offsets into the pattern only where lower-casing kept every length.
  const edit = only && only.methodCost === 0 && only.path.cost === 1 && lower.length === pattern.length ? only.path.edit : undefined;
  if (PARTLY_LISTED.has(api.name) && !(edit && (edit.kind === "slash" || edit.kind === "segment" || (edit.kind === "rename" && nearSpelling(lower.slice(edit.start, edit.end), edit.text))))) {
    return undefined;
  }
  return { kind: "path", ...range, nearest: nearest.slice(0, 3).map((entry) => entry.endpoint), edit };
}

const VERBS: ReadonlySet<string> = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/** How a message shows an endpoint: `GET /epayment/v1/payments/{reference}`. */
export function endpointSignature(endpoint: EndpointSpec): string {
  return `${endpoint.method} ${endpoint.path.replace(/\{([A-Z])/g, (_, letter: string) => `{${letter.toLowerCase()}`)}`;
}

/** Where the API's prefix starts in the pattern and where its path ends (before the query or fragment). */
function locatePath(api: ApiSpec, lower: string): { readonly prefix: string; readonly start: number; readonly end: number } | undefined {
  const queryAt = lower.search(/[?#]/);
  const end = queryAt < 0 ? lower.length : queryAt;
  const path = lower.slice(0, end);
  for (const prefix of api.pathPrefixes) {
    const start = path.indexOf(prefix);
    if (start >= 0) return { prefix, start, end };
  }
  return undefined;
}

/** The segments between `from` and `to`, empty ones left out (a trailing or doubled slash); undefined when a part is ANY_PART. */
function splitSegments(lower: string, from: number, to: number): Segment[] | undefined {
  const segments: Segment[] = [];
  let start = from;
  for (let index = from; index <= to; index++) {
    if (index < to && lower[index] !== "/") {
      if (lower[index] === ANY_PART) return undefined;
      continue;
    }
    if (index > start) segments.push({ text: lower.slice(start, index), start });
    start = index + 1;
  }
  return segments;
}

/** Whether the segments are the template's, part for part, each at no cost. */
function matchesExactly(segments: readonly Segment[], template: Template, keywords: ReadonlySet<string>): boolean {
  if (segments.length !== template.length) return false;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    const part = template[index];
    if (!segment || !part || segmentCost(segment.text, part, keywords) !== 0) return false;
  }
  return true;
}

interface PathDistance {
  readonly cost: number;
  /** The edit, when the cost is one edit that can be written. */
  readonly edit: PathEdit | undefined;
}

type Step = "match" | "split" | "insert" | "remove";

/** Edit distance over segments, with the steps kept so that a one-edit path can be turned into its edit. */
function distance(segments: readonly Segment[], template: Template, keywords: ReadonlySet<string>, prefixEnd: number, pathEnd: number): PathDistance {
  const rows = segments.length + 1;
  const cols = template.length + 1;
  const cost: number[] = new Array<number>(rows * cols).fill(Number.POSITIVE_INFINITY);
  const step: (Step | undefined)[] = new Array<Step | undefined>(rows * cols).fill(undefined);
  const at = (i: number, j: number): number => i * cols + j;
  cost[at(0, 0)] = 0;
  const relax = (i: number, j: number, value: number, how: Step): void => {
    if (value < (cost[at(i, j)] ?? Number.POSITIVE_INFINITY)) {
      cost[at(i, j)] = value;
      step[at(i, j)] = how;
    }
  };
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const here = cost[at(i, j)] ?? Number.POSITIVE_INFINITY;
      if (here === Number.POSITIVE_INFINITY) continue;
      const segment = segments[i];
      const part = template[j];
      if (segment && part) relax(i + 1, j + 1, here + segmentCost(segment.text, part, keywords), "match");
      const next = template[j + 1];
      if (segment && part && next && splitFits(segment.text, part, next, keywords) !== undefined) relax(i + 1, j + 2, here + 1, "split");
      if (part) relax(i, j + 1, here + 1, "insert");
      // Dropping a value the code put in the path (a reference) is a rewrite, not a typo: two edits.
      if (segment) relax(i + 1, j, here + (segment.text.includes(HOLE) ? 2 : 1), "remove");
    }
  }
  const total = cost[at(rows - 1, cols - 1)] ?? Number.POSITIVE_INFINITY;
  return { cost: total, edit: total === 1 ? oneEdit(segments, template, keywords, step, cols, prefixEnd, pathEnd) : undefined };
}

/** The single costly step of a one-edit alignment, as an edit of the pattern. */
function oneEdit(
  segments: readonly Segment[],
  template: Template,
  keywords: ReadonlySet<string>,
  step: readonly (Step | undefined)[],
  cols: number,
  prefixEnd: number,
  pathEnd: number,
): PathEdit | undefined {
  let i = segments.length;
  let j = template.length;
  while (i > 0 || j > 0) {
    const how = step[i * cols + j];
    const segment = segments[i - 1];
    if (how === "match" && segment) {
      const part = template[j - 1];
      if (part && segmentCost(segment.text, part, keywords) > 0) {
        // A misspelt literal (`payment` for `payments`) is renamed; a reference that is a keyword has no right value.
        if (!("literal" in part) || segment.text.includes(HOLE)) return undefined;
        return { kind: "rename", start: segment.start, end: segment.start + segment.text.length, text: part.literal };
      }
      i--;
      j--;
    } else if (how === "split" && segment) {
      const cut = splitFits(segment.text, template[j - 2], template[j - 1], keywords);
      return cut === undefined ? undefined : { kind: "slash", start: segment.start + cut, end: segment.start + cut, text: "/" };
    } else if (how === "insert") {
      const part = template[j - 1];
      if (!part || !("literal" in part)) return undefined;
      // Written before the next segment, or after the last one when the missing segment ends the path.
      const next = segments[i];
      const last = segments[i - 1];
      if (next) return { kind: "segment", start: next.start, end: next.start, text: `${part.literal}/` };
      if (last) return { kind: "segment", start: last.start + last.text.length, end: last.start + last.text.length, text: `/${part.literal}` };
      // Nothing written after the prefix: the segment goes right after its slash.
      return prefixEnd <= pathEnd ? { kind: "segment", start: prefixEnd, end: prefixEnd, text: part.literal } : undefined;
    } else if (how === "remove" && segment) {
      if (segment.text.includes(HOLE)) return undefined;
      return { kind: "remove", start: segment.start - 1, end: segment.start + segment.text.length, text: "" };
    } else {
      return undefined;
    }
  }
  return undefined;
}

/**
 * What matching one written segment to one template part costs. A parameter takes any value, except that a value
 * that is (or, beside a hole, ends or starts with) a keyword of the API is suspect: `${reference}cancel` is a missing
 * slash far more often than a reference ending in "cancel".
 */
function segmentCost(text: string, part: Template[number], keywords: ReadonlySet<string>): number {
  if ("literal" in part) return text === part.literal ? 0 : 1;
  if (text === HOLE) return 0;
  if (!text.includes(HOLE)) return keywords.has(text) ? 1 : 0;
  const head = text.slice(0, text.indexOf(HOLE));
  const tail = text.slice(text.lastIndexOf(HOLE) + 1);
  return keywords.has(head) || keywords.has(tail) ? 2 : 0;
}

/**
 * Where a written segment splits into `first` and `second` with a slash inserted, if it does: at a hole's edge
 * (`${reference}cancel`, `payments${orderId}`) or after a literal (`oauth2token`).
 */
function splitFits(text: string, first: Template[number] | undefined, second: Template[number] | undefined, keywords: ReadonlySet<string>): number | undefined {
  if (!first || !second) return undefined;
  const cuts = [text.indexOf(HOLE), text.lastIndexOf(HOLE) + 1];
  if ("literal" in first && text.startsWith(first.literal)) cuts.push(first.literal.length);
  if ("literal" in second && text.endsWith(second.literal)) cuts.push(text.length - second.literal.length);
  for (const cut of cuts) {
    if (cut <= 0 || cut >= text.length) continue;
    if (segmentCost(text.slice(0, cut), first, keywords) === 0 && segmentCost(text.slice(cut), second, keywords) === 0) return cut;
  }
  return undefined;
}

/** Whether two segments are near spellings of each other: at most two letters apart (bounded by MAX_SPELLING_LENGTH). */
export function nearSpelling(a: string, b: string): boolean {
  if (a.length > MAX_SPELLING_LENGTH || b.length > MAX_SPELLING_LENGTH || Math.abs(a.length - b.length) > 2) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return (previous[b.length] ?? 0) <= 2;
}
