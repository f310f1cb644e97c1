import type { JSONSchema4 } from "@typescript-eslint/utils/json-schema";
import type { TSESLint, TSESTree } from "./core/eslint-api.js";
import { LiteralSearch } from "./core/literal-search.js";
import { literalsOf, type Literal } from "./core/regexp-source.js";
import type { RequestBody } from "./detect/body.js";
import { firstScanLiterals, getVippsRequests, mayHoldVippsRequests, type VippsRequest } from "./detect/index.js";
import { toReportDescriptor, type Finding, type Repair } from "./fix/report.js";
import { readSettings, REPOSITORY_URL, type VippsSettings } from "./settings.js";
import type { ApiName, EndpointSpec } from "./vipps/apis.js";
import { urlPathLabel } from "./vipps/urls.js";

/**
 * The one helper every rule is written against (eslint-plugin-regexp's `defineRegexpVisitor` is the model). It owns
 * what each rule would otherwise repeat: the pre-filter (no listeners at all on files without Vipps code), the loop
 * over the file's requests a rule asks for, each shared body once, the labels messages use, and whether a repair is
 * a fix or a suggestion. A rule file says what is wrong and what the repair is.
 */

export { REPOSITORY_URL };

/** Extra `meta.docs` every rule of this plugin states. */
export interface VippsRuleDocs<MessageIds extends string = string> {
  readonly description: string;
  /** In `vipps/recommended`. */
  readonly recommended: boolean;
  /**
   * The suggestion messages of repairs that change what a payment flow does: `--fix` applies them only under
   * `autofix: true`, otherwise they are editor suggestions. A rule that lists any must offer the `autofix` option.
   */
  readonly optInRepairs?: readonly MessageIds[];
  /** The messages of repairs that are only ever suggestions. */
  readonly suggestionOnly?: readonly MessageIds[];
  /** The options `vipps/all` sets for this rule, where they differ from `meta.defaultOptions` (e.g. a group that is off by default). */
  readonly allConfigOptions?: Readonly<Record<string, unknown>>;
}

/** The `autofix` option, with one meaning in every rule that has it. */
export const AUTOFIX_OPTION = {
  autofix: {
    type: "boolean",
    description:
      "Apply with --fix the repairs that change what a payment flow does (the rule's page lists them); without it they are editor suggestions.",
  },
} as const satisfies Record<string, JSONSchema4>;

/**
 * The schema of a rule's one options object: the named properties and nothing else, so that a misspelt option is a
 * schema error that names it.
 */
export function optionsSchema(properties: Readonly<Record<string, JSONSchema4>>): JSONSchema4[] {
  return [{ type: "object", additionalProperties: false, properties: { ...properties } }];
}

type RuleOptions = readonly [Readonly<Record<string, unknown>>?];

export interface VippsRuleMeta<Options extends RuleOptions, MessageIds extends string>
  extends Omit<TSESLint.RuleMetaData<MessageIds, VippsRuleDocs<MessageIds>, Options>, "docs" | "defaultOptions"> {
  readonly docs: VippsRuleDocs<MessageIds>;
  /**
   * The only place a default is written; ESLint merges it into `context.options`. Rules without options leave it out
   * (tests/meta.test.ts holds every rule with options to stating it).
   */
  readonly defaultOptions?: Options;
}

/** Which of the file's requests a rule wants; every condition given must hold. */
export interface RequestFilter {
  readonly apis?: readonly ApiName[];
  readonly endpoints?: readonly EndpointSpec["id"][];
  readonly transports?: readonly VippsRequest["transport"][];
}

/** How messages name a request's target. */
export interface RequestLabels {
  /** `ePayment API`, or `Vipps API` where the API is unknown. */
  readonly api: string;
  /** `ePayment API "create payment"`: the API and, when known, the endpoint. */
  readonly target: string;
  /** `ePayment API create payment`, `ePayment API request`: as inserted code names the operation. */
  readonly operation: string;
}

/** A body sent by one or more requests of the file, handed to the rule once. */
export interface SharedBody {
  readonly body: RequestBody;
  readonly requests: readonly VippsRequest[];
}

export interface VippsRuleKit<Options extends RuleOptions, MessageIds extends string> {
  readonly context: Readonly<TSESLint.RuleContext<MessageIds, Options>>;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** The rule's options, with `meta.defaultOptions` already merged in by ESLint. */
  readonly options: NonNullable<Options[0]>;
  /** The file's requests that pass the rule's filter, in source order. */
  requests(): readonly VippsRequest[];
  /** The bodies those requests send, each once, however many calls send it. */
  bodies(): readonly SharedBody[];
  labels(request: VippsRequest): RequestLabels;
  report(finding: Finding<MessageIds>): void;
  /** A repair: a fix, or a suggestion (opt-in or always) as the rule's metadata lists its message. */
  repair(messageId: MessageIds | undefined, fix: TSESLint.ReportFixFunction, data?: Readonly<Record<string, unknown>>): Repair<MessageIds>;
}

export interface VippsRuleDefinition<Options extends RuleOptions, MessageIds extends string> {
  readonly name: string;
  readonly meta: VippsRuleMeta<Options, MessageIds>;
  /** The requests the rule checks; all of the file's requests when absent. */
  readonly requests?: RequestFilter;
  /**
   * For rules that check more than outbound requests (inbound handlers, secrets, retired hosts): a test on the file's
   * text that lets a file through the pre-filter even when it holds no Vipps request. Every file linted goes through
   * one gate that looks for all rules' hints as literal words, so a hint is written as words (`mobilepay\.(?:dk|fi)`,
   * `\bnnin\b`) unless `textHintWords` gives them; it runs on its own only on the files the gate lets through.
   */
  readonly textHint?: RegExp;
  /**
   * Words (any case), one of which is in every text `textHint` matches, for the gate to look for instead of the hint:
   * for a hint that is not written as words (`PUBLIC_…_VIPPS`).
   */
  readonly textHintWords?: readonly string[];
  /**
   * Like `textHint`, for what a file's text cannot show: its path or `settings.vipps` (a route file under
   * `app/api/vipps/webhook/`, a handler file a setting names). Called once per file; cheap and memoised by its owner.
   */
  readonly fileHint?: (context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>) => boolean;
  /**
   * Checks the options on every file, Vipps code or not, and throws a message that names the option when one is
   * unusable: for what the schema cannot say, and for validators that skip schema formats.
   */
  readonly checkOptions?: (options: NonNullable<Options[0]>) => void;
  /**
   * Called once per file that may hold Vipps requests (never on other files); returns the rule's listeners, which
   * usually have a `Program` listener that loops over `kit.requests()` or `kit.bodies()`.
   */
  create(kit: VippsRuleKit<Options, MessageIds>): TSESLint.RuleListener;
}

export type VippsRuleModule<Options extends RuleOptions, MessageIds extends string> = TSESLint.RuleModule<
  MessageIds,
  Options,
  VippsRuleDocs<MessageIds>
> & { readonly name: string };

/**
 * Labels name what is known: the API and endpoint, or, for a request to a path in no endpoint table (`/auth/token`,
 * a typo) or one found by its evidence, the request and its path: "a Vipps API request to /auth/token".
 */
export function labelsOf(request: VippsRequest): RequestLabels {
  const api = request.api?.label ?? "Vipps API";
  const endpoint = request.endpoint?.label;
  const path = endpoint ? undefined : urlPathLabel(request.urlPattern);
  // "an eCom API request", "an ePayment API request", "an Access token API request"; "a Userinfo API request".
  const article = /^[aeio]/i.test(api) ? "an" : "a";
  return {
    api,
    target: endpoint ? `${api} "${endpoint}"` : path ? `${article} ${api} request to ${path}` : `${article} ${api} request`,
    operation: endpoint ? `${api} ${endpoint}` : `${api} request`,
  };
}

function matches(request: VippsRequest, filter: RequestFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.apis && !(request.api && filter.apis.includes(request.api.name))) return false;
  if (filter.endpoints && !(request.endpoint && filter.endpoints.includes(request.endpoint.id))) return false;
  return !filter.transports || filter.transports.includes(request.transport);
}

export function defineVippsRule<Options extends RuleOptions, MessageIds extends string>(
  definition: VippsRuleDefinition<Options, MessageIds>,
): VippsRuleModule<Options, MessageIds> {
  const { name, meta, textHint, checkOptions, fileHint } = definition;
  /** The options objects this rule's `checkOptions` has accepted, and the last of them (every file's, mostly). */
  const checkedOptions = new WeakSet<object>();
  let lastChecked: object | undefined;
  if (textHint) registerTextHint(name, textHint, definition.textHintWords);
  const optIn = new Set<string>(meta.docs.optInRepairs ?? []);
  const suggestionOnly = new Set<string>(meta.docs.suggestionOnly ?? []);
  if (optIn.size > 0 && !JSON.stringify(meta.schema).includes('"autofix"')) {
    throw new Error(`vipps/${name}: a rule with opt-in repairs must offer the autofix option`);
  }
  const optionsOf = (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) =>
    (context.options[0] ?? meta.defaultOptions?.[0] ?? {}) as NonNullable<Options[0]>;
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md` } },
    // Older tooling reads the top-level copy; it is the same object, not a second default.
    defaultOptions: meta.defaultOptions ?? ([] as unknown as Options),
    create(context) {
      // ESLint hands every file of a configuration the same options object: one check per object is enough.
      if (checkOptions) {
        const options = optionsOf(context);
        if (options !== lastChecked) {
          if (!checkedOptions.has(options)) {
            checkOptions(options);
            checkedOptions.add(options);
          }
          lastChecked = options;
        }
      }
      // The pre-filter: a file without Vipps code gets no listeners, so ESLint calls nothing of this rule on it. The
      // gate (one scan for every rule) turns away nearly every such file; the exact tests run on the few it lets by.
      // On such a file a rule reads nothing but the gate's answer: what else it touched was out of the CPU's caches
      // after parsing, and cost more than the answer (docs/performance.md).
      const mayHold = passesTextGate(context) && (mayHoldVippsRequests(context) || hasTextHint(context, textHint));
      if (!mayHold && !fileHint?.(context)) return {};
      const options = optionsOf(context);
      const autofix = options.autofix === true;
      let requests: readonly VippsRequest[] | undefined;
      let bodies: readonly SharedBody[] | undefined;
      const kit: VippsRuleKit<Options, MessageIds> = {
        context,
        sourceCode: context.sourceCode,
        options,
        requests: () => (requests ??= getVippsRequests(context).filter((request) => matches(request, definition.requests))),
        bodies: () => (bodies ??= groupBodies(kit.requests())),
        labels: labelsOf,
        report: (finding) => context.report(toReportDescriptor(finding, autofix)),
        repair: (messageId, fix, data) => ({
          kind: messageId === undefined ? "fix" : optIn.has(messageId) ? "opt-in" : suggestionOnly.has(messageId) ? "suggestion" : "fix",
          messageId: messageId ?? ("" as MessageIds),
          ...(data && { data }),
          fix,
        }),
      };
      return definition.create(kit);
    },
  };
}

/**
 * What the gate looks for on behalf of each rule's `textHint` (the hint's literals, or its words), as the rules were
 * defined: the gate must let through whatever any hint matches.
 */
const gateLiterals: Literal[] = [];
/** Per settings, the gate and how many hint literals it was built with (a rule defined later adds its own). */
const gates = new WeakMap<VippsSettings, { readonly literals: number; readonly gate: LiteralSearch }>();
/**
 * The gate's answer for the file being linted. ESLint creates every rule of a file before it moves on, so one slot
 * answers the other rules: a lookup in a table the parser has pushed out of the CPU's caches costs more than the
 * test (the first rule paid about 15 µs a file for its look-ups alone).
 */
let gateProgram: TSESTree.Program | undefined;
let gateAnswer = false;

function registerTextHint(rule: string, hint: RegExp, words: readonly string[] | undefined): void {
  // The gate reads a hint as literals in any case: `g`, `y` and `d` change only how a match is reported, but `m`,
  // `s`, `u` and `v` change what a hint matches, which the gate would then not.
  if (/[msuv]/.test(hint.flags)) throw new Error(`vipps/${rule}: a textHint may have the flags i, g, y and d only (it has "${hint.flags}")`);
  if (words?.length === 0 || words?.some((word) => word.length === 0)) throw new Error(`vipps/${rule}: textHintWords must be words`);
  const literals = words ? words.map((text) => ({ text })) : literalsOf(hint.source);
  if (!literals) {
    throw new Error(`vipps/${rule}: a textHint must be literal words (letters, escaped punctuation, (?:…) groups, \\b at the ends), or come with textHintWords`);
  }
  gateLiterals.push(...literals);
}

/**
 * One case-insensitive scan of the file's text for the detection's literals and every rule's hint together, once per
 * file: it finds whatever one of them would, so a file it turns away needs none of the separate tests.
 */
function passesTextGate(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  const sourceCode = context.sourceCode;
  if (sourceCode.ast !== gateProgram) {
    // Settings that throw leave the slot as it was: the next rule asks again and reports the same error.
    const settings = readSettings(context.settings);
    if (settings !== lastGateSettings || lastGateLiterals !== gateLiterals.length) {
      let entry = gates.get(settings);
      if (entry?.literals !== gateLiterals.length) {
        entry = { literals: gateLiterals.length, gate: new LiteralSearch([...firstScanLiterals(settings), ...gateLiterals]) };
        gates.set(settings, entry);
      }
      lastGate = entry.gate;
      lastGateSettings = settings;
      lastGateLiterals = entry.literals;
    }
    gateAnswer = lastGate!.test(sourceCode.text);
    gateProgram = sourceCode.ast;
  }
  return gateAnswer;
}
/** The last settings' gate (every file of a configuration has the same settings), without a look-up in `gates`. */
let lastGateSettings: VippsSettings | undefined;
let lastGate: LiteralSearch | undefined;
let lastGateLiterals = -1;

/** Whether the file's text matches the rule's own hint, once per file and hint. */
function hasTextHint(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, hint: RegExp | undefined): boolean {
  if (!hint) return false;
  const program = context.sourceCode.ast;
  let answers = textHintAnswers.get(program);
  if (!answers) textHintAnswers.set(program, (answers = new Map<RegExp, boolean>()));
  let answer = answers.get(hint);
  if (answer === undefined) {
    hint.lastIndex = 0;
    answer = hint.test(context.sourceCode.text);
    answers.set(hint, answer);
  }
  return answer;
}
const textHintAnswers = new WeakMap<TSESTree.Program, Map<RegExp, boolean>>();

/** Each body once, keyed by the object literal it resolves to (or the expression, when it resolves to none). */
function groupBodies(requests: readonly VippsRequest[]): SharedBody[] {
  const byKey = new Map<TSESTree.Node, { body: RequestBody; requests: VippsRequest[] }>();
  for (const request of requests) {
    const body = request.body;
    if (!body) continue;
    const key = body.object ?? body.formString ?? body.node;
    const entry = byKey.get(key);
    if (entry) entry.requests.push(request);
    else byKey.set(key, { body, requests: [request] });
  }
  return [...byKey.values()];
}
