import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "../src/core/eslint-api.js";
import type { VippsRequest } from "../src/detect/index.js";
import { defineVippsRule } from "../src/rule-kit.js";
import type { EndpointSpec } from "../src/vipps/apis.js";
import { ANY_PART, endpointSignature, judgeEndpointPath, type EndpointPathVerdict, type PathEdit } from "../src/vipps/endpoint-paths.js";
import { HOLE } from "../src/vipps/urls.js";
import { readUrlSource, sourceRangeOf, type UrlSource } from "../src/detect/url-source.js";

type MessageIds = "unknownPath" | "wrongMethod" | "rewritePath" | "changeMethod";

export default defineVippsRule<[], MessageIds>({
  name: "valid-endpoint",
  meta: {
    type: "problem",
    docs: {
      description: "Require request paths under a Vipps API prefix to name an endpoint of that API, with a method it takes",
      recommended: true,
      suggestionOnly: ["rewritePath", "changeMethod"],
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: {
      unknownPath: "{{api}} has no endpoint {{target}}; did you mean {{nearest}}?",
      wrongMethod: "{{api}} does not take {{method}} on {{path}}; it takes {{nearest}}.",
      rewritePath: "Change the path to {{path}}.",
      changeMethod: "Send it as {{method}}.",
    },
  },
  create(kit) {
    const { sourceCode } = kit;
    // A URL shared by several calls (a constant, a local wrapper's calls) is reported once.
    const reported = new Set<string>();

    const check = (request: VippsRequest): void => {
      const api = request.api;
      // SDK calls carry no URL; a body found by its shape has none either.
      if (!api || request.urlPattern === undefined || request.transport === "sdk" || request.transport === "shape") return;
      const url = request.url && urlSourceFor(request.url, request.urlPattern);
      const method = methodOf(request);
      const verdict = judgeEndpointPath(api, url?.pattern ?? anyHoles(request.urlPattern), method);
      if (!verdict) return;
      const at: TSESTree.Node = request.url ?? request.node;
      const key = `${at.range[0]}:${verdict.kind}`;
      if (reported.has(key)) return;
      reported.add(key);
      const path = verdict.written;
      const data = { api: kit.labels(request).api, method, path, target: method ? `${method} ${path}` : path, nearest: listOf(verdict.nearest) };
      kit.report({
        at: { node: at },
        messageId: verdict.kind === "method" ? "wrongMethod" : "unknownPath",
        data,
        repairs: [verdict.kind === "method" ? methodRepairOf(request, verdict) : url && repairOf(url, verdict)],
      });
    };

    /** The URL as written, when its path is the one detection matched (an instance's base URL comes before it). */
    const urlSourceFor = (node: TSESTree.Node, urlPattern: string): UrlSource | undefined => {
      const url = readUrlSource(sourceCode, node);
      if (!url) return undefined;
      const written = (url.pattern.includes(ANY_PART) ? url.pattern.split(ANY_PART).join(HOLE) : url.pattern).toLowerCase();
      return urlPattern.toLowerCase().endsWith(written) ? url : undefined;
    };

    const repairOf = (url: UrlSource, verdict: EndpointPathVerdict) => {
      const edit = verdict.edit;
      const range = edit && sourceRangeOf(url, edit.start, edit.end);
      if (!edit || !range) return undefined;
      const fix = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix => fixer.replaceTextRange(range, edit.text);
      // A missing slash or segment has one reading; a renamed or removed segment is the rule's guess, for a person to take.
      return isPlainFix(edit) ? kit.repair(undefined, fix) : kit.repair("rewritePath", fix, { path: rewritten(url.pattern, edit, verdict) });
    };

    /** The one method the path takes, written where the request's method is: `method: "GET"` or `axios.put`. */
    const methodRepairOf = (request: VippsRequest, verdict: EndpointPathVerdict) => {
      const wanted = verdict.nearest.length === 1 ? verdict.nearest[0]?.method : undefined;
      const written = wanted && methodWritten(request);
      if (!wanted || !written || !written.accepts(wanted)) return undefined;
      const text = written.lowerCase ? wanted.toLowerCase() : wanted;
      return kit.repair("changeMethod", (fixer) => fixer.replaceTextRange(written.range, text), { method: wanted });
    };

    return {
      Program() {
        for (const request of kit.requests()) check(request);
      },
    };
  },
});

/** Verbs whose axios shortcut takes a body as its second argument; the others take the config there. */
const AXIOS_BODY_VERBS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH"]);
/** The shortcut methods every client here has, by verb. */
const SHORTCUTS: Readonly<Record<string, string>> = { GET: "get", POST: "post", PUT: "put", PATCH: "patch", DELETE: "delete" };

interface WrittenMethod {
  readonly range: [number, number];
  readonly lowerCase: boolean;
  /** Whether the same call with this verb instead sends the same arguments the same way. */
  readonly accepts: (verb: string) => boolean;
}

/** Where the request's method is written as a plain word: a `method` string in its options, or a shortcut's name. */
function methodWritten(request: VippsRequest): WrittenMethod | undefined {
  const property = request.options?.properties.find(
    (candidate): candidate is TSESTree.Property =>
      candidate.type === AST_NODE_TYPES.Property && !candidate.computed && candidate.key.type === AST_NODE_TYPES.Identifier && candidate.key.name === "method",
  );
  if (property) {
    const value = property.value;
    if (value.type !== AST_NODE_TYPES.Literal || typeof value.value !== "string" || !/^[a-z]+$/i.test(value.value)) return undefined;
    return { range: [value.range[0] + 1, value.range[1] - 1], lowerCase: value.value === value.value.toLowerCase(), accepts: () => true };
  }
  const call = shortcutCall(request.node);
  if (!call || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = call.callee.property;
  if (name.type !== AST_NODE_TYPES.Identifier) return undefined;
  const verb = name.name.toUpperCase();
  const sameArguments = (wanted: string): boolean =>
    request.transport !== "axios" || call.arguments.length <= 1 || AXIOS_BODY_VERBS.has(wanted) === AXIOS_BODY_VERBS.has(verb);
  const shortcutClients = ["axios", "got", "ky", "superagent", "request"];
  return {
    range: [name.range[0], name.range[1]],
    lowerCase: true,
    accepts: (wanted) => shortcutClients.includes(request.transport) && SHORTCUTS[wanted] !== undefined && sameArguments(wanted),
  };
}

/** The shortcut call under a chain on its answer (`got.get(url).json()`), a few links down at most. */
function shortcutCall(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  let current = node;
  for (let depth = 0; depth < 4; depth++) {
    if (current.type !== AST_NODE_TYPES.CallExpression || current.callee.type !== AST_NODE_TYPES.MemberExpression || current.callee.computed) return undefined;
    const property = current.callee.property;
    if (property.type === AST_NODE_TYPES.Identifier && SHORTCUTS[property.name.toUpperCase()] === property.name) return current;
    current = current.callee.object;
  }
  return undefined;
}

function isPlainFix(edit: PathEdit): boolean {
  return edit.kind === "slash" || edit.kind === "segment";
}

/** The request's method, where the file shows it: options spread from elsewhere may set another than the default. */
function methodOf(request: VippsRequest): string | undefined {
  let spreads = false;
  let named = false;
  const properties = request.options?.properties;
  if (properties) {
    for (const property of properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) spreads = true;
      else if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === "method") named = true;
    }
  }
  return spreads && !named ? undefined : request.method?.toUpperCase();
}

/** Every unknown part of detection's pattern may be anything: without the source's names, no hole is one segment. */
function anyHoles(urlPattern: string): string {
  return urlPattern.split(HOLE).join(ANY_PART);
}

/** `A`, `A or B`, `A, B or C`, each as `METHOD /path`. */
function listOf(endpoints: readonly EndpointSpec[]): string {
  const names = endpoints.map((endpoint) => `"${endpointSignature(endpoint)}"`);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1) ?? ""}`;
}

/** The path after the edit, from its API prefix, as the suggestion names it. */
function rewritten(pattern: string, edit: PathEdit, verdict: EndpointPathVerdict): string {
  const path = `${pattern.slice(verdict.start, edit.start)}${edit.text}${pattern.slice(edit.end, verdict.end)}`;
  return path.split(HOLE).join("…");
}
