import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "../src/core/eslint-api.js";
import { analyzeResponseFlow, enclosingCatchClauses, isErrorUsed, isLostEnd, isRethrow, type ResponseFlow } from "../src/analysis/response-flow.js";
import { enclosingFunction, isFunction, unwrap } from "../src/core/ast.js";
import { findProperty } from "../src/core/objects.js";
import { containsOwn } from "../src/core/traverse.js";
import type { FailureCheck } from "../src/detect/failure.js";
import type { VippsRequest } from "../src/detect/index.js";
import { bodyShortcutName } from "../src/detect/transports.js";
import { failureRepairs, type FailureRepairs, type NamedFix } from "../src/fix/failure-checks.js";
import type { ReportTarget } from "../src/fix/report.js";
import { removeProperty } from "../src/fix/object-literal.js";
import { AUTOFIX_OPTION, defineVippsRule, optionsSchema, type RequestLabels } from "../src/rule-kit.js";

type MessageIds =
  | "uncheckedStatus"
  | "statusUnavailable"
  | "bodyWithoutStatus"
  | "uncheckedResult"
  | "lostRejection"
  | "swallowedError"
  | "addStatusCheck"
  | "addResultCheck"
  | "removeSimpleFalse"
  | "removeThrowHttpErrorsFalse"
  | "awaitRequest"
  | "catchRejection"
  | "handleError";
/** The project's error handler: its name, or its name and the module a repair imports it from. */
type ErrorHandlerOption = string | { name: string; module?: string };
type Options = [{ autofix?: boolean; errorHandler?: ErrorHandlerOption }];

/**
 * Words that cannot start the expression an `errorHandler` names: reserved words, words reserved in strict mode and
 * modules, `await` and `yield` (keywords inside the functions a repair writes to), literals, and `this` and `super`,
 * whose meaning changes with the function the call lands in. `report(error)` with any of these does not parse or
 * calls something else. Later segments are property names, where any word is allowed (`log.delete`).
 */
const UNUSABLE_HANDLER_ROOTS = [
  "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
  "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in", "instanceof",
  "interface", "let", "new", "null", "package", "private", "protected", "public", "return", "static", "super", "switch",
  "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
];

const HANDLER_NAME = new RegExp(`^(?!(?:${UNUSABLE_HANDLER_ROOTS.join("|")})(?:\\.|$))[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*$`);

export default defineVippsRule<Options, MessageIds>({
  name: "handle-error-responses",
  meta: {
    type: "problem",
    docs: {
      description: "Require every Vipps API call to check for, and surface, error responses and failures",
      recommended: true,
      // Each repair makes a failed payment call throw (or reach the project's handler): a change of behaviour.
      optInRepairs: ["addStatusCheck", "addResultCheck", "removeSimpleFalse", "removeThrowHttpErrorsFalse", "awaitRequest", "catchRejection", "handleError"],
    },
    fixable: "code",
    hasSuggestions: true,
    schema: optionsSchema({
      ...AUTOFIX_OPTION,
      errorHandler: {
        oneOf: [
          { type: "string", pattern: HANDLER_NAME.source, description: "The handler's name." },
          {
            type: "object",
            description: "The handler's name and the module that exports it.",
            additionalProperties: false,
            required: ["name"],
            properties: {
              name: { type: "string", pattern: HANDLER_NAME.source, description: "The handler's name, in the object form of errorHandler." },
              module: {
                type: "string",
                minLength: 1,
                description: "The module a repair imports the handler from where the file lacks it (import, or require in CommonJS).",
              },
            },
          },
        ],
        description:
          "A project function (such as reportVippsError) that inserted code calls with the failed response, the SDK error or the caught error, instead of throwing or logging: its name, or { name, module } to have repairs import it where the file does not.",
      },
    }),
    defaultOptions: [{ autofix: false }],
    messages: {
      uncheckedStatus:
        "The response of {{target}} is {{how}} without a check of its HTTP status, so an error answer from Vipps goes unnoticed. Check `{{check}}` before using it.",
      statusUnavailable:
        "The response of {{target}} cannot show its HTTP status: with `simple: false` and without `resolveWithFullResponse: true`, request-promise resolves error answers with their body alone. Remove `simple: false`, or set `resolveWithFullResponse: true` and check `statusCode`.",
      bodyWithoutStatus:
        "`.{{shortcut}}()` on {{target}} resolves the body of an error answer as if it were a success: with `throwHttpErrors: false` nothing can check its HTTP status. Remove `throwHttpErrors: false`, or await the response itself and check its status before reading the body.",
      uncheckedResult:
        "The result of {{target}} is {{how}} without a check of `.ok`; the SDK reports failures as `{ ok: false, error }`, so this one goes unnoticed. Check `{{check}}` before using `.data`.",
      lostRejection:
        "The promise of {{target}} is neither awaited, returned nor given a rejection handler, so a failed request goes unnoticed. Await it or add a `.catch()` handler.",
      swallowedError:
        "This handler discards the error of {{target}}, so a failed request goes unnoticed. Log it, pass it on or rethrow it.",
      addStatusCheck: "Check `{{check}}` after {{target}} and {{action}}.",
      addResultCheck: "Check `{{check}}` on the result of {{target}} and {{action}}.",
      removeSimpleFalse: "Remove `simple: false` so that request-promise rejects error answers from {{target}}.",
      removeThrowHttpErrorsFalse: "Remove `throwHttpErrors: false` so that {{target}} rejects error answers.",
      awaitRequest: "Await {{target}} so that its failure reaches the caller.",
      catchRejection: "Append a `.catch()` to {{target}} that {{action}}.",
      handleError: "{{action}} in this handler for {{target}}.",
    },
  },
  checkOptions({ errorHandler }) {
    // The schema refuses these; the check is for validators that skip `pattern`.
    const name = typeof errorHandler === "string" ? errorHandler : errorHandler?.name;
    if (name !== undefined && !HANDLER_NAME.test(name)) {
      throw new Error(
        `vipps/handle-error-responses: option errorHandler "${name}" cannot be called as written: use a function name (or a dotted path) that does not start with a reserved word, await, yield, let, static, this or super.`,
      );
    }
  },
  create(kit) {
    const { sourceCode, options } = kit;
    const errorHandler = typeof options.errorHandler === "string" ? { name: options.errorHandler } : options.errorHandler;
    const handler = errorHandler?.name;
    // The repair builders, made for the file's first finding: most files have none.
    let fileRepairs: FailureRepairs | undefined;
    const repairs = (): FailureRepairs => (fileRepairs ??= failureRepairs(sourceCode, { errorHandler, appliedTogether: options.autofix === true }));
    // Whether a handler drops the error does not depend on the request that reaches it: each is judged once.
    const judgedHandlers = new Set<TSESTree.Node>();

    /** A resolved value (HTTP response or SDK result) used or dropped without a check of its failure. */
    const checkValue = (flow: ResponseFlow, check: FailureCheck | undefined, labels: RequestLabels): void => {
      const request = flow.request;
      const target = { target: labels.target };
      if (flow.escapes || (check && flow.reads.some((read) => read.property !== undefined && check.checks.has(read.property)))) return;
      // Any field but the checks is a use: `.data`, and also a field of the success body read off the SDK's result.
      const used = flow.reads.some((read) => read.property !== undefined);
      const isResult = check?.isResult === true;
      const droppedPromise = flow.sites.length === 0 ? flow.promiseEnds.find(isLostEnd) : undefined;
      // A dropped promise of a call that may reject, with no rejection handler, is reported as a lost rejection; its
      // fix leads here next.
      if (droppedPromise && (check?.rejects ?? true) && isRejectionLost(flow)) return;
      if (!used && !flow.unused && !droppedPromise) return;
      if (!check) {
        const simple = request.options && findProperty(sourceCode, request.options, "simple");
        kit.report({
          at: { node: request.node },
          messageId: "statusUnavailable",
          data: target,
          repairs: [
            simple && simple.parent === request.options
              ? kit.repair("removeSimpleFalse", (fixer) => removeProperty(fixer, sourceCode, simple) ?? null, target)
              : undefined,
          ],
        });
        return;
      }
      let repair: NamedFix | undefined;
      for (const site of flow.sites) {
        repair = repairs().atSite(site, check, labels.operation);
        if (repair) break;
      }
      if (!repair && droppedPromise && request.response) repair = repairs().onDroppedPromise(request.response.node, droppedPromise, check, labels.operation);
      const shown = check.check(repair?.name ?? check.base);
      const action = handler
        ? `call ${handler}(${check.handlerArgument(repair?.name ?? check.base)})`
        : isResult
          ? "throw an error with the SDK's error"
          : "throw an error with the status and body";
      kit.report({
        at: { node: request.node },
        messageId: isResult ? "uncheckedResult" : "uncheckedStatus",
        data: { ...target, how: used ? "read" : isResult ? "ignored" : "dropped", check: shown },
        repairs: [repair && kit.repair(isResult ? "addResultCheck" : "addStatusCheck", repair.fix, { ...target, check: shown, action })],
      });
    };

    /** A body shortcut (`.json()`) on a client that resolves error answers: the status is gone, wherever the body goes. */
    const checkBodyShortcut = (request: VippsRequest, shortcut: string, labels: RequestLabels): void => {
      const target = { target: labels.target };
      const option = request.options && findProperty(sourceCode, request.options, "throwHttpErrors");
      kit.report({
        at: { node: request.node },
        messageId: "bodyWithoutStatus",
        data: { target: labels.target, shortcut },
        repairs: [
          option && option.parent === request.options
            ? kit.repair("removeThrowHttpErrorsFalse", (fixer) => removeProperty(fixer, sourceCode, option) ?? null, target)
            : undefined,
        ],
      });
    };

    /** A promise that rejects on failure, with nobody to see the rejection. */
    const checkRejection = (flow: ResponseFlow, labels: RequestLabels): void => {
      const end = flow.promiseEnds[0];
      if (!isRejectionLost(flow) || !end) return;
      const target = { target: labels.target };
      const statement = end.node.parent;
      const awaitable = end.kind === "dropped" && statement?.type === AST_NODE_TYPES.ExpressionStatement && enclosingFunction(end.node)?.async;
      const action = handler ? `passes the error to ${handler}` : "logs and rethrows the error";
      const catchFix = awaitable ? undefined : repairs().catchRejection(end, labels.operation);
      kit.report({
        at: { node: flow.request.node },
        messageId: "lostRejection",
        data: target,
        repairs: [awaitable ? kit.repair("awaitRequest", repairs().awaitPromise(end), target) : catchFix && kit.repair("catchRejection", catchFix, { ...target, action })],
      });
    };

    /** An error handler that drops the error, with the repair that surfaces it where one is safe. */
    const reportSwallowed = (at: ReportTarget, fix: TSESLint.ReportFixFunction | undefined, rethrow: boolean, labels: RequestLabels): void => {
      const target = { target: labels.target };
      const action = handler ? `Pass the error to ${handler}` : rethrow ? "Log and rethrow the error" : "Log the error";
      kit.report({ at, messageId: "swallowedError", data: target, repairs: [fix && kit.repair("handleError", fix, { ...target, action })] });
    };

    /** A `catch` around an awaited request that drops the error. */
    const checkCatchClause = (clause: TSESTree.CatchClause, labels: RequestLabels): void => {
      if (judgedHandlers.has(clause)) return;
      judgedHandlers.add(clause);
      if (isErrorUsed(sourceCode, clause) || containsOwn(sourceCode, clause.body, isRethrow)) return;
      // `catch (error)`, or the `catch` keyword alone.
      const lastToken = clause.param ? sourceCode.getTokenAfter(clause.param) : sourceCode.getFirstToken(clause);
      const loc = { start: clause.loc.start, end: lastToken?.loc.end ?? clause.loc.end };
      const rethrow = !handler && !containsOwn(sourceCode, clause.body, isExit);
      reportSwallowed({ loc }, repairs().inCatchClause(clause, labels.operation, rethrow), rethrow, labels);
    };

    /** A `.catch(handler)` or `.then(_, handler)` that drops the error. */
    const checkHandlerFunction = (node: TSESTree.Node, labels: RequestLabels): void => {
      if (!isFunction(node) || judgedHandlers.has(node)) return;
      judgedHandlers.add(node);
      if (isErrorUsed(sourceCode, node) || containsOwn(sourceCode, node.body, isRethrow)) return;
      const body = node.body;
      const returnsNothing = body.type === AST_NODE_TYPES.BlockStatement ? !containsOwn(sourceCode, body, isExit) : isUndefinedExpression(body);
      const rethrow = !handler && returnsNothing;
      reportSwallowed({ node }, repairs().inHandlerFunction(node, labels.operation, rethrow, returnsNothing), rethrow, labels);
    };

    return {
      Program() {
        for (const request of kit.requests()) {
          const response = request.response;
          if (!response || response.failure === "callback") continue;
          const flow = analyzeResponseFlow(sourceCode, request);
          if (!flow) continue;
          const labels = kit.labels(request);
          const shortcut = response.failure === "resolves" && !response.check ? bodyShortcutName(sourceCode, response.node) : undefined;
          if (shortcut) checkBodyShortcut(request, shortcut, labels);
          else if (response.failure === "result" || response.failure === "resolves") checkValue(flow, response.check, labels);
          // A client that reports failures in a resolved result may still reject; its check says so.
          if (response.failure === "result" && response.check?.rejects !== true) continue;
          checkRejection(flow, labels);
          for (const rejectionHandler of flow.rejectionHandlers) checkHandlerFunction(rejectionHandler, labels);
          // A catch clause receives the failure only where the promise is awaited inside its try block.
          for (const end of flow.promiseEnds) {
            if (end.kind !== "awaited") continue;
            for (const clause of enclosingCatchClauses(sourceCode, end.node)) checkCatchClause(clause, labels);
          }
        }
      },
    };
  },
});

/** No rejection handler on the chain, and every end of it is dropped. */
function isRejectionLost(flow: ResponseFlow): boolean {
  return flow.rejectionHandlers.length === 0 && flow.promiseEnds.length > 0 && flow.promiseEnds.every(isLostEnd);
}

/** Statements after which an appended `throw` would never run, or that give the handler a result of its own. */
function isExit(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ReturnStatement ||
    node.type === AST_NODE_TYPES.BreakStatement ||
    node.type === AST_NODE_TYPES.ContinueStatement
  );
}

/** `undefined` and `void 0`: an arrow body that returns nothing. */
function isUndefinedExpression(node: TSESTree.Node): boolean {
  const expression = unwrap(node);
  return (
    (expression.type === AST_NODE_TYPES.Identifier && expression.name === "undefined") ||
    (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === "void")
  );
}
