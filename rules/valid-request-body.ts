import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "../src/core/eslint-api.js";
import { declaresName } from "../src/core/scope.js";
import { inSameQuotes, stringLiteral } from "../src/core/style.js";
import {
  BODY_RULE_MESSAGES,
  BODY_RULE_SUGGESTION_ONLY,
  findBodyRuleProblems,
  type BodyRuleGroup,
  type BodyRuleMessageId,
} from "../src/analysis/body-rules.js";
import { checkRequestBody, type BodyProblem } from "../src/analysis/body-schema.js";
import { bodyRepairFix } from "../src/fix/body-repairs.js";
import type { VippsRequest } from "../src/detect/index.js";
import { AUTOFIX_OPTION, defineVippsRule, optionsSchema } from "../src/rule-kit.js";
import { requestBodySchema } from "../src/spec/schemas.generated.js";
import type { EndpointId } from "../src/vipps/apis.js";
import { consequenceOf } from "../src/vipps/request-bodies.js";

type MessageIds =
  | BodyRuleMessageId
  | "unknownField"
  | "wrongType"
  | "notInEnum"
  | "pattern"
  | "length"
  | "range"
  | "notInteger"
  | "unrounded"
  | "notHttps"
  | "notAbsolute"
  | "missingField"
  | "renameField"
  | "useValue"
  | "useHttps"
  | "toMinorUnits"
  | "roundAmount";

/** The groups of checks, each an option. */
const GROUPS = {
  unknownFields: "fields the endpoint's schema does not have, with the field probably meant.",
  types: "values of the wrong JSON type: a number where the spec wants a string, a string where it wants an integer.",
  enums: "values outside a field's allowed list.",
  patterns: "strings that break a field's pattern or length, and numbers outside a field's range.",
  money: "amounts that are not integers in minor units, `x * 100` without rounding, amounts below the API's minimum.",
  urls: "URL fields that must use HTTPS or be absolute.",
  requiredFields: "required fields missing from a body whose every field the code shows.",
  serialisation: "plain objects given as a body that the client sends as \"[object Object]\".",
  fieldPlace: "fields written in the wrong object of the body, or taken from another API or from Recurring v2.",
  statedRules: "the rules the specs state in words (express needs WALLET and the profile scope, fixed and dynamic shipping options never both, SINGLE_ATTEMPT needs retryDays 0, a STOPPED update carries nothing else).",
} as const satisfies Record<string, string> & Record<BodyRuleGroup, string>;
type Group = keyof typeof GROUPS;

const URL_MESSAGES = { https: "notHttps", absolute: "notAbsolute" } as const satisfies Record<string, MessageIds>;
type Options = [{ [group in Group]?: boolean } & { autofix?: boolean }];

function groupOf(problem: BodyProblem): Group {
  switch (problem.kind) {
    case "unknownField":
      return "unknownFields";
    case "wrongType":
      return "types";
    case "notInEnum":
      return "enums";
    case "pattern":
    case "length":
      return "patterns";
    case "range":
      return problem.money ? "money" : "patterns";
    case "notInteger":
      return problem.money ? "money" : "types";
    case "unrounded":
      return "money";
    case "url":
      return "urls";
    case "missing":
      return "requiredFields";
  }
}

export default defineVippsRule<Options, MessageIds>({
  name: "valid-request-body",
  meta: {
    type: "problem",
    docs: {
      description: "Require request bodies sent to Vipps APIs to match the endpoint's schema in the official OpenAPI specs",
      recommended: true,
      // Renames beyond one edit, a value other than a case-only correction and a switch to HTTPS change what is sent.
      optInRepairs: ["renameField", "useValue", "useHttps"],
      // Changing an amount is never done without a person.
      suggestionOnly: ["toMinorUnits", "roundAmount", ...BODY_RULE_SUGGESTION_ONLY],
    },
    fixable: "code",
    hasSuggestions: true,
    schema: optionsSchema({
      ...Object.fromEntries(Object.entries(GROUPS).map(([group, description]) => [group, { type: "boolean", description: `Check ${description}` }])),
      ...AUTOFIX_OPTION,
    }),
    defaultOptions: [
      {
        unknownFields: true,
        types: true,
        enums: true,
        patterns: true,
        money: true,
        urls: true,
        requiredFields: true,
        serialisation: true,
        fieldPlace: true,
        statedRules: true,
        autofix: false,
      },
    ],
    messages: {
      ...BODY_RULE_MESSAGES,
      unknownField: "{{target}}: {{path}} is not a field{{hint}}",
      wrongType: "{{target}}: {{path}} must be {{expected}}; got {{actual}}{{note}}.",
      notInEnum: '{{target}}: {{path}} must be one of {{allowed}}; got "{{value}}"{{hint}}',
      pattern: '{{target}}: {{path}} must match {{pattern}}; got "{{value}}".',
      length: '{{target}}: {{path}} must be {{bounds}} characters long; got {{length}} ("{{value}}").',
      range: "{{target}}: {{path}} must be {{bounds}}; got {{value}}.",
      notInteger: "{{target}}: {{path}} must be an integer{{unit}}; got {{value}}.",
      unrounded:
        "{{target}}: {{path}} must be an integer in minor units, but floating point makes `{{expression}}` a fraction for many prices (19.99 * 100 is 1998.9999999999998); round it.",
      notHttps: '{{target}}: {{path}} must be an HTTPS URL{{apps}}; got "{{value}}".',
      notAbsolute: '{{target}}: {{path}} must be an absolute URL; got "{{value}}".',
      missingField: "{{target}}: the body lacks {{path}}, which the spec requires.",
      renameField: 'Rename the field to "{{name}}".',
      useValue: 'Write "{{value}}".',
      useHttps: 'Use "{{value}}".',
      toMinorUnits: "Write {{value}}, the amount in minor units.",
      roundAmount: "Round it: Math.round({{expression}}).",
    },
  },
  create(kit) {
    const { options, sourceCode } = kit;
    const reported = new Set<string>();

    const report = (request: VippsRequest, problem: BodyProblem): void => {
      const target = kit.labels(request).target;
      const api = request.api?.name ?? "";
      const at = { node: problem.node };
      switch (problem.kind) {
        case "unknownField": {
          const [only] = problem.candidates;
          const single = problem.candidates.length === 1 && only !== undefined;
          const meant = single ? consequenceOf(api, problem.parentPath ? `${problem.parentPath}.${only}` : only) : undefined;
          const hint =
            problem.candidates.length === 0 ? "." : `; did you mean ${problem.candidates.map((name) => `"${name}"`).join(" or ")}?${meant ? ` (${meant})` : ""}`;
          const rename = single ? bodyRepairFix(sourceCode, { kind: "renameKey", property: problem.property, key: only }) : undefined;
          kit.report({ at, messageId: "unknownField", data: { target, path: problem.path, hint }, repairs: [rename && (problem.close ? kit.repair(undefined, rename) : kit.repair("renameField", rename, { name: only }))] });
          return;
        }
        case "wrongType": {
          const note = consequenceOf(api, problem.specPath);
          const { literal, replacement } = problem;
          const repair = literal && replacement !== undefined ? kit.repair(undefined, (fixer) => fixer.replaceText(literal, "string" in replacement ? stringLiteral(sourceCode, replacement.string) : replacement.text)) : undefined;
          kit.report({ at, messageId: "wrongType", data: { target, path: problem.path, expected: problem.expected, actual: problem.actual, note: note ? ` (${note})` : "" }, repairs: [repair] });
          return;
        }
        case "notInEnum": {
          const { closest, literal } = problem;
          const allowed = problem.allowed.map((value) => `"${value}"`).join(", ");
          const hint = closest === undefined ? "." : `; did you mean "${closest}"?`;
          const useClosest =
            closest !== undefined && literal ? (fixer: TSESLint.RuleFixer) => fixer.replaceText(literal, inSameQuotes(sourceCode, literal, closest)) : undefined;
          kit.report({
            at,
            messageId: "notInEnum",
            data: { target, path: problem.path, allowed, value: problem.value, hint },
            repairs: [useClosest && (problem.close ? kit.repair(undefined, useClosest) : kit.repair("useValue", useClosest, { value: closest }))],
          });
          return;
        }
        case "pattern":
          kit.report({ at, messageId: "pattern", data: { target, path: problem.path, pattern: problem.pattern, value: shorten(problem.value) } });
          return;
        case "length":
          kit.report({ at, messageId: "length", data: { target, path: problem.path, bounds: bounds(problem.min, problem.max), length: problem.length, value: shorten(problem.value) } });
          return;
        case "range": {
          const limit = problem.currency ? `at least ${problem.min} (the smallest ${problem.currency} amount, in minor units)` : bounds(problem.min, problem.max);
          kit.report({ at, messageId: "range", data: { target, path: problem.path, bounds: limit, value: problem.value } });
          return;
        }
        case "notInteger": {
          const { literal } = problem;
          const minor = Math.round(problem.value * 100);
          kit.report({
            at,
            messageId: "notInteger",
            data: { target, path: problem.path, unit: problem.money ? " in minor units (øre, cents)" : "", value: problem.value },
            repairs: [problem.money && literal ? kit.repair("toMinorUnits", (fixer) => fixer.replaceText(literal, String(minor)), { value: minor }) : undefined],
          });
          return;
        }
        case "unrounded": {
          const expression = problem.expression;
          const text = sourceCode.getText(expression);
          // `Math` shadowed by a local binding would make the repair call something else.
          const shadowed = declaresName(sourceCode, expression, "Math");
          kit.report({
            at,
            messageId: "unrounded",
            data: { target, path: problem.path, expression: text },
            repairs: [shadowed ? undefined : kit.repair("roundAmount", (fixer) => [fixer.insertTextBefore(expression, "Math.round("), fixer.insertTextAfter(expression, ")")], { expression: text })],
          });
          return;
        }
        case "url": {
          const value = shorten(problem.value);
          const { literal } = problem;
          const secure = problem.need === "https" && /^http:/i.test(problem.value) ? `https:${problem.value.slice(5)}` : undefined;
          kit.report({
            at,
            messageId: URL_MESSAGES[problem.need],
            data: { target, path: problem.path, value, apps: problem.appSchemes ? " or an app scheme (myapp://)" : "" },
            repairs: [literal && secure ? kit.repair("useHttps", (fixer) => fixer.replaceText(literal, inSameQuotes(sourceCode, literal, secure)), { value: shorten(secure) }) : undefined],
          });
          return;
        }
        case "missing": {
          // At the key that holds the object, or at its opening brace: the whole literal would underline the body.
          const parent = problem.object.parent;
          const brace = sourceCode.getFirstToken(problem.object);
          const where = parent.type === AST_NODE_TYPES.Property && parent.value === problem.object ? { node: parent.key } : brace ? { loc: brace.loc } : at;
          kit.report({ at: where, messageId: "missingField", data: { target, path: problem.path } });
          return;
        }
      }
    };

    return {
      Program() {
        for (const shared of kit.bodies()) {
          const { body, requests } = shared;
          // Placement, serialisation and stated rules first: a field they name is not reported again as unknown.
          const claimed = new Set<TSESTree.Node>();
          for (const problem of findBodyRuleProblems(shared, sourceCode)) {
            if (problem.field) claimed.add(problem.field);
            if (options[problem.group] === false) continue;
            const repair = problem.repair;
            kit.report({
              at: { node: problem.at },
              messageId: problem.messageId,
              data: problem.data,
              repairs: [repair && kit.repair(repair.messageId, bodyRepairFix(sourceCode, repair.plan), repair.data)],
            });
          }
          if (!body.object) continue;
          // A body found only by its shape may be built in parts, or be a copy with extras that is never sent (a log
          // record of the body): its missing and extra fields are not judged.
          const sent = requests.some((request) => request.transport !== "shape");
          for (const request of checkedRequests(requests)) {
            for (const problem of checkRequestBody(sourceCode, body.object, request.endpoint?.id as EndpointId)) {
              if (options[groupOf(problem)] === false || (!sent && (problem.kind === "missing" || problem.kind === "unknownField"))) continue;
              if (problem.kind === "unknownField" && claimed.has(problem.property)) continue;
              const key = `${problem.node.range[0]}:${problem.signature}`;
              if (reported.has(key)) continue;
              reported.add(key);
              report(request, problem);
            }
          }
        }
      },
    };
  },
});

/** One request per endpoint that has a request schema; callbacks' schemas describe what Vipps sends, not the merchant. */
function checkedRequests(requests: readonly VippsRequest[]): VippsRequest[] {
  const seen = new Set<string>();
  return requests.filter((request) => {
    const endpoint = request.endpoint;
    if (!endpoint || endpoint.callbackResponse || seen.has(endpoint.id) || !requestBodySchema(endpoint.id as EndpointId)) return false;
    seen.add(endpoint.id);
    return true;
  });
}

function bounds(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  return min !== undefined ? `at least ${min}` : `at most ${max}`;
}

/** Long values are cut in messages. */
function shorten(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}


