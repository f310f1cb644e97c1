import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import {
  analyzeResponseFlow,
  enclosingCatchClauses,
  enclosingFunction,
  containsOwn,
  isErrorUsed,
  isLostEnd,
  isRethrow,
  type PromiseEnd,
  type ResponseFlow,
  type ValueSite,
} from "../src/analysis/response-flow.js";
import { isFunction, type FunctionNode } from "../src/ast.js";
import { createRule } from "../src/create-rule.js";
import { findProperty, getVippsRequests, unwrap, type VippsRequest } from "../src/detect/index.js";
import { lineBreakOf } from "../src/fix/line-breaks.js";
import { removeProperty } from "../src/fix/object-literal.js";
import {
  addFirstParameter,
  appendToBlock,
  argumentParameters,
  enclosingStatement,
  freshName,
  indentOf,
  insertAtFunctionStart,
  insertStatementsAfter,
  insertStatementsBefore,
  isInStatementList,
  isThisParameter,
  layout,
  lineIndent,
  operandText,
  prependToBlock,
  rangeWithParens,
  semicolon,
  stringLiteral,
  templateText,
} from "../src/fix/statements.js";

type MessageIds =
  | "uncheckedStatus"
  | "statusUnavailable"
  | "uncheckedResult"
  | "lostRejection"
  | "swallowedError"
  | "addStatusCheck"
  | "addResultCheck"
  | "removeSimpleFalse"
  | "awaitRequest"
  | "catchRejection"
  | "handleError";
type Options = [{ autofix?: boolean; errorHandler?: string }];

type SourceCode = Readonly<TSESLint.SourceCode>;
type FixFunction = TSESLint.ReportFixFunction;
/** A repair, and the name of the response (or result) the code it inserts checks. */
interface NamedFix {
  readonly name: string;
  readonly fix: FixFunction;
}

/** How the code a fix inserts tells a failed response (or SDK result) from a good one, per transport. */
interface CheckStyle {
  /** The name a new binding gets. */
  readonly base: string;
  /** Properties whose read counts as a check. */
  readonly checks: ReadonlySet<string>;
  /** Properties whose read counts as using the value; undefined: any property that is not a check. */
  readonly uses?: ReadonlySet<string>;
  readonly failed: (name: string) => string;
  /** What messages tell the user to check. */
  readonly check: (name: string) => string;
  /** The failure, as template literal text: status and body, or the SDK's error. */
  readonly detail: (name: string) => string;
  /** `detail` awaits (it reads the body text). */
  readonly awaits: boolean;
  /** What an `errorHandler` is given. */
  readonly handlerArgument: (name: string) => string;
}

const STATUS_CHECKS: ReadonlySet<string> = new Set(["ok", "status", "statusCode"]);

const httpStyle = (style: Pick<CheckStyle, "failed" | "check" | "detail" | "awaits">): CheckStyle => ({
  base: "response",
  checks: STATUS_CHECKS,
  handlerArgument: (name) => name,
  ...style,
});

/** fetch, ky, and wrappers configured to resolve like fetch: a WHATWG Response. */
const FETCH_STYLE = httpStyle({
  failed: (name) => `!${name}.ok`,
  check: (name) => `${name}.ok`,
  detail: (name) => `\${${name}.status} \${await ${name}.text()}`,
  awaits: true,
});

/** got and request-promise (with `resolveWithFullResponse: true`): `statusCode` and `body`. */
const STATUS_CODE_STYLE = httpStyle({
  failed: (name) => `${name}.statusCode >= 400`,
  check: (name) => `${name}.statusCode`,
  detail: (name) => `\${${name}.statusCode} \${JSON.stringify(${name}.body)}`,
  awaits: false,
});

const HTTP_STYLES: Readonly<Record<string, CheckStyle>> = {
  axios: httpStyle({
    failed: (name) => `${name}.status >= 400`,
    check: (name) => `${name}.status`,
    detail: (name) => `\${${name}.status} \${JSON.stringify(${name}.data)}`,
    awaits: false,
  }),
  got: STATUS_CODE_STYLE,
  request: STATUS_CODE_STYLE,
  superagent: httpStyle({
    failed: (name) => `!${name}.ok`,
    check: (name) => `${name}.ok`,
    detail: (name) => `\${${name}.status} \${${name}.text}`,
    awaits: false,
  }),
};

/** The SDKs' `{ ok: true, data } | { ok: false, error }` results. */
const RESULT_STYLE: CheckStyle = {
  base: "result",
  checks: new Set(["ok", "error"]),
  uses: new Set(["data"]),
  failed: (name) => `!${name}.ok`,
  check: (name) => `${name}.ok`,
  detail: (name) => `\${JSON.stringify(${name}.error)}`,
  awaits: false,
  handlerArgument: (name) => `${name}.error`,
};

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

export default createRule<Options, MessageIds>({
  name: "handle-error-responses",
  meta: {
    type: "problem",
    docs: {
      description: "Require every Vipps API call to check for, and surface, error responses and failures",
      recommended: true,
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          autofix: {
            type: "boolean",
            description: "Apply the repairs with --fix instead of offering them as editor suggestions.",
          },
          errorHandler: {
            type: "string",
            pattern: HANDLER_NAME.source,
            description:
              "Name of a project function (such as reportVippsError) that inserted code calls with the failed response, the SDK error or the caught error, instead of throwing or logging.",
          },
        },
      },
    ],
    defaultOptions: [{ autofix: false }],
    messages: {
      uncheckedStatus:
        "The response of {{target}} is {{how}} without a check of its HTTP status, so an error answer from Vipps goes unnoticed. Check `{{check}}` before using it.",
      statusUnavailable:
        "The response of {{target}} cannot show its HTTP status: with `simple: false` and without `resolveWithFullResponse: true`, request-promise resolves error answers with their body alone. Remove `simple: false`, or set `resolveWithFullResponse: true` and check `statusCode`.",
      uncheckedResult:
        "The result of {{target}} is {{how}} without a check of `.ok`; the SDK reports failures as `{ ok: false, error }`, so this one goes unnoticed. Check `{{check}}` before using `.data`.",
      lostRejection:
        "The promise of {{target}} is neither awaited, returned nor given a rejection handler, so a failed request goes unnoticed. Await it or add a `.catch()` handler.",
      swallowedError:
        "This handler discards the error of {{target}}, so a failed request goes unnoticed. Log it, pass it on or rethrow it.",
      addStatusCheck: "Check `{{check}}` after {{target}} and {{action}}.",
      addResultCheck: "Check `{{check}}` on the result of {{target}} and {{action}}.",
      removeSimpleFalse: "Remove `simple: false` so that request-promise rejects error answers from {{target}}.",
      awaitRequest: "Await {{target}} so that its failure reaches the caller.",
      catchRejection: "Append a `.catch()` to {{target}} that {{action}}.",
      handleError: "{{action}} in this handler for {{target}}.",
    },
  },
  defaultOptions: [{ autofix: false }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const autofix = options.autofix === true;
    const handler = options.errorHandler;
    // The schema refuses these; the check is for validators that skip `pattern`.
    if (handler !== undefined && !HANDLER_NAME.test(handler)) {
      throw new Error(
        `vipps/handle-error-responses: option errorHandler "${handler}" cannot be called as written: use a function name (or a dotted path) that does not start with a reserved word, await, yield, let, static, this or super.`,
      );
    }
    /** The variable the handler call reads first: a binding of this name at the repair would be called instead. */
    const handlerRoot = handler?.split(".")[0];
    /** A name the repair binds that is the handler's first word turns `report(error)` into a call of the error. */
    const shadowsHandler = (name: string): boolean => name === handlerRoot;
    /** Names that fixes of this run introduce, per scope, so that two fixes applied together never clash. */
    const claimed = new Map<TSESLint.Scope.Scope, Set<string>>();
    const reportedHandlers = new Set<TSESTree.Node>();

    const claimName = (scope: TSESLint.Scope.Scope, base: string): string => {
      const names = claimed.get(scope) ?? new Set<string>();
      const name = freshName(scope, base, new Set([...(autofix ? names : []), ...(handlerRoot ? [handlerRoot] : [])]));
      names.add(name);
      claimed.set(scope, names);
      return name;
    };

    /** Reports with the repair as a fix under `autofix: true`, else as a suggestion. */
    const report = (
      descriptor: { node?: TSESTree.Node; loc?: TSESTree.SourceLocation; messageId: MessageIds; data: Record<string, string> },
      repair: { messageId: MessageIds; data: Record<string, string>; fix: FixFunction } | undefined,
    ): void => {
      const location = descriptor.loc ? { loc: descriptor.loc } : { node: descriptor.node as TSESTree.Node };
      const base = { ...location, messageId: descriptor.messageId, data: descriptor.data };
      if (!repair) context.report(base);
      else if (autofix) context.report({ ...base, fix: repair.fix });
      else context.report({ ...base, suggest: [{ messageId: repair.messageId, data: repair.data, fix: repair.fix }] });
    };

    /** The `if (failed) { throw ... }` (or handler call) that a fix inserts. */
    const checkLines = (style: CheckStyle, name: string, label: string, canAwait: boolean): string[] => {
      const semi = semicolon(sourceCode);
      const action = handler
        ? `${canAwait ? "await " : ""}${handler}(${style.handlerArgument(name)})${semi}`
        : `throw new Error(\`${templateText(label)} failed: ${style.detail(name)}\`)${semi}`;
      return [`if (${style.failed(name)}) {`, `\t${action}`, "}"];
    };

    /**
     * A fix that puts the check where the value is first taken, and the name the check reads; undefined where no
     * safe place exists.
     */
    const siteFix = (site: ValueSite, style: CheckStyle, label: string): NamedFix | undefined => {
      const semi = semicolon(sourceCode);
      switch (site.kind) {
        case "bound": {
          if (!isInStatementList(site.statement) || shadowsHandler(site.name)) return undefined;
          const lines = checkLines(style, site.name, label, true);
          return { name: site.name, fix: (fixer) => insertStatementsAfter(fixer, sourceCode, site.statement, lines) };
        }
        case "dropped": {
          if (!isInStatementList(site.statement)) return undefined;
          const name = claimName(sourceCode.getScope(site.statement), style.base);
          const lines = checkLines(style, name, label, true);
          return {
            name,
            fix: (fixer) => [fixer.insertTextBefore(site.statement, `const ${name} = `), insertStatementsAfter(fixer, sourceCode, site.statement, lines)],
          };
        }
        case "member": {
          const statement = enclosingStatement(site.value);
          if (!statement || !isEagerlyEvaluated(site.value, statement)) return undefined;
          const name = claimName(sourceCode.getScope(statement), style.base);
          const lines = [`const ${name} = ${sourceCode.getText(site.value)}${semi}`, ...checkLines(style, name, label, true)];
          return {
            name,
            fix: (fixer) => [insertStatementsBefore(fixer, sourceCode, statement, lines), fixer.replaceTextRange(rangeWithParens(sourceCode, site.value), name)],
          };
        }
        case "destructured": {
          const declarator = site.declaration.declarations[0];
          if (!declarator || !isInStatementList(site.declaration)) return undefined;
          const name = claimName(sourceCode.getScope(site.declaration), style.base);
          const lines = [...checkLines(style, name, label, true), `${site.declaration.kind} ${sourceCode.getText(declarator.id)} = ${name}${semi}`];
          return { name, fix: (fixer) => [fixer.replaceText(declarator.id, name), insertStatementsAfter(fixer, sourceCode, site.declaration, lines)] };
        }
        case "callback": {
          const fn = site.callback;
          // The analysis takes the first parameter for the value; a TypeScript `this` parameter is not it.
          if (site.param && (isThisParameter(site.param) || shadowsHandler(site.param.name))) return undefined;
          const name = site.param?.name ?? claimName(sourceCode.getScope(fn), style.base);
          // Reading the body text needs `await`: the callback becomes async (harmless in `.then`).
          const makeAsync = style.awaits && !handler && !fn.async;
          const lines = checkLines(style, name, label, fn.async || makeAsync);
          return {
            name,
            fix: (fixer) => {
              const fixes = insertAtFunctionStart(fixer, sourceCode, fn, lines, makeAsync);
              const param = site.param ? undefined : addFirstParameter(fixer, sourceCode, fn, name);
              return param ? [param, ...fixes] : fixes;
            },
          };
        }
        default:
          return undefined;
      }
    };

    /**
     * A promise whose value nobody takes: in an async function, a bare call is awaited and bound; anywhere else a
     * `.then` callback that checks is put right after the request (nothing downstream used its value).
     */
    const droppedPromiseFix = (request: VippsRequest, end: PromiseEnd | undefined, style: CheckStyle, label: string): NamedFix | undefined => {
      const responseNode = request.response?.node;
      if (!end || !responseNode) return undefined;
      const statement = end.node.parent;
      if (
        end.node === responseNode &&
        statement?.type === AST_NODE_TYPES.ExpressionStatement &&
        isInStatementList(statement) &&
        enclosingFunction(statement)?.async === true
      ) {
        const name = claimName(sourceCode.getScope(statement), style.base);
        const lines = checkLines(style, name, label, true);
        return {
          name,
          fix: (fixer) => [
            fixer.replaceText(end.node, `const ${name} = await ${operandText(sourceCode, end.node)}`),
            insertStatementsAfter(fixer, sourceCode, statement, lines),
          ],
        };
      }
      // The callback's own parameter: only the handler's name must not be taken.
      const name = shadowsHandler(style.base) ? `${style.base}2` : style.base;
      const indent = lineIndent(sourceCode, responseNode.loc.end.line);
      const lines = layout(sourceCode, checkLines(style, name, label, style.awaits).map((line) => `\t${line}`), indent);
      const callback = [`${style.awaits ? "async " : ""}(${name}) => {`, ...lines, `${indent}}`].join(lineBreakOf(sourceCode));
      return { name, fix: (fixer) => fixer.insertTextAfterRange(rangeWithParens(sourceCode, responseNode), `.then(${callback})`) };
    };

    const checkValue = (flow: ResponseFlow, style: CheckStyle, target: Record<string, string>, label: string): void => {
      if (flow.escapes || flow.reads.some((read) => read.property !== undefined && style.checks.has(read.property))) return;
      const used = flow.reads.some((read) => read.property !== undefined && (style.uses ? style.uses.has(read.property) : true));
      const request = flow.request;
      const isResult = style === RESULT_STYLE;
      // The analysis follows a `.then` callback's first parameter; behind a TypeScript `this` parameter, the value's
      // uses are out of its sight, so nothing is claimed about them.
      const hidden = flow.sites.some(
        (site) => site.kind === "callback" && site.param !== undefined && isThisParameter(site.param) && argumentParameters(site.callback).length > 0,
      );
      if (hidden) return;
      const droppedPromise = flow.sites.length === 0 ? flow.promiseEnds.find(isLostEnd) : undefined;
      // A dropped promise with no rejection handler is reported as a lost rejection; its fix leads here next.
      if (droppedPromise && !isResult && isRejectionLost(flow)) return;
      if (!used && !flow.unused && !droppedPromise) return;
      const how = used ? "read" : isResult ? "ignored" : "dropped";
      if (request.transport === "request" && !hasFullResponse(sourceCode, request)) {
        const simple = request.options && findProperty(sourceCode, request.options, "simple");
        report(
          { node: request.node, messageId: "statusUnavailable", data: target },
          simple && simple.parent === request.options
            ? { messageId: "removeSimpleFalse", data: target, fix: (fixer) => removeProperty(fixer, sourceCode, simple) ?? null }
            : undefined,
        );
        return;
      }
      let repair: NamedFix | undefined;
      for (const site of flow.sites) {
        repair = siteFix(site, style, label);
        if (repair) break;
      }
      repair ??= droppedPromiseFix(request, droppedPromise, style, label);
      const name = repair?.name ?? style.base;
      const fix = repair?.fix;
      const check = style.check(name);
      const action = handler
        ? `call ${handler}(${style.handlerArgument(name)})`
        : isResult
          ? "throw an error with the SDK's error"
          : "throw an error with the status and body";
      report(
        { node: request.node, messageId: isResult ? "uncheckedResult" : "uncheckedStatus", data: { ...target, how, check } },
        fix && { messageId: isResult ? "addResultCheck" : "addStatusCheck", data: { ...target, check, action }, fix },
      );
    };

    const checkRejection = (flow: ResponseFlow, target: Record<string, string>, label: string): void => {
      if (!isRejectionLost(flow)) return;
      const end = flow.promiseEnds[0];
      if (!end) return;
      const statement = end.node.parent;
      const fn = enclosingFunction(end.node);
      if (end.kind === "dropped" && statement?.type === AST_NODE_TYPES.ExpressionStatement && fn?.async) {
        report(
          { node: flow.request.node, messageId: "lostRejection", data: target },
          { messageId: "awaitRequest", data: target, fix: (fixer) => wrapExpression(fixer, sourceCode, end.node, "await ", "") },
        );
        return;
      }
      const semi = semicolon(sourceCode);
      const indent = lineIndent(sourceCode, end.node.loc.end.line);
      const errorName = shadowsHandler("error") ? "error2" : "error";
      const callback = handler
        ? `(${errorName}) => ${handler}(${errorName})`
        : [
            "(error) => {",
            ...layout(sourceCode, [`\tconsole.error(${stringLiteral(sourceCode, `${label} failed`)}, error)${semi}`, `\tthrow error${semi}`], indent),
            `${indent}}`,
          ].join(lineBreakOf(sourceCode));
      const action = handler ? `passes the error to ${handler}` : "logs and rethrows the error";
      report(
        { node: flow.request.node, messageId: "lostRejection", data: target },
        {
          messageId: "catchRejection",
          data: { ...target, action },
          fix: (fixer) => wrapExpression(fixer, sourceCode, end.node, "", `.catch(${callback})`),
        },
      );
    };

    /** The lines a fix adds to a handler that ignores the error `name`. */
    const errorLines = (name: string, label: string, rethrow: boolean, canAwait: boolean): string[] => {
      const semi = semicolon(sourceCode);
      if (handler) return [`${canAwait ? "await " : ""}${handler}(${name})${semi}`];
      const log = `console.error(${stringLiteral(sourceCode, `${label} failed`)}, ${name})${semi}`;
      return rethrow ? [log, `throw ${name}${semi}`] : [log];
    };

    const handlerAction = (rethrow: boolean): string =>
      handler ? `Pass the error to ${handler}` : rethrow ? "Log and rethrow the error" : "Log the error";

    const checkCatchClause = (clause: TSESTree.CatchClause, target: Record<string, string>, label: string): void => {
      if (reportedHandlers.has(clause) || isErrorUsed(sourceCode, clause) || containsOwn(sourceCode, clause.body, isRethrow)) return;
      reportedHandlers.add(clause);
      const catchToken = sourceCode.getFirstToken(clause);
      // `catch (error)`, or the `catch` keyword alone.
      const lastToken = clause.param ? sourceCode.getTokenAfter(clause.param) : catchToken;
      const loc = { start: clause.loc.start, end: lastToken?.loc.end ?? clause.loc.end };
      if (clause.param && clause.param.type !== AST_NODE_TYPES.Identifier) {
        report({ loc, messageId: "swallowedError", data: target }, undefined);
        return;
      }
      const param = clause.param;
      if (param && shadowsHandler(param.name)) {
        report({ loc, messageId: "swallowedError", data: target }, undefined);
        return;
      }
      const name = param?.name ?? claimName(sourceCode.getScope(clause), "error");
      const rethrow = !handler && !containsOwn(sourceCode, clause.body, isExit);
      report(
        { loc, messageId: "swallowedError", data: target },
        {
          messageId: "handleError",
          data: { ...target, action: handlerAction(rethrow) },
          fix: (fixer) => {
            const fixes = blockFixes(fixer, clause.body, errorLines(name, label, rethrow, enclosingFunction(clause)?.async === true));
            if (!param && catchToken) fixes.push(fixer.insertTextAfter(catchToken, ` (${name})`));
            return fixes;
          },
        },
      );
    };

    /** Log first, rethrow last: the lines go to the start of the block, a `throw` to its end. */
    const blockFixes = (fixer: TSESLint.RuleFixer, block: TSESTree.BlockStatement, lines: string[]): TSESLint.RuleFix[] => {
      const [first = "", ...rest] = lines;
      const empty = block.body.length === 0 && sourceCode.getCommentsInside(block).length === 0;
      if (empty || rest.length === 0) return [prependToBlock(fixer, sourceCode, block, lines)];
      return [prependToBlock(fixer, sourceCode, block, [first]), appendToBlock(fixer, sourceCode, block, rest)];
    };

    const checkHandlerFunction = (node: TSESTree.Node, target: Record<string, string>, label: string): void => {
      if (!isFunction(node) || reportedHandlers.has(node)) return;
      if (isErrorUsed(sourceCode, node) || containsOwn(sourceCode, node.body, isRethrow)) return;
      reportedHandlers.add(node);
      const param = argumentParameters(node)[0];
      if (param && (param.type !== AST_NODE_TYPES.Identifier || shadowsHandler(param.name))) {
        report({ node, messageId: "swallowedError", data: target }, undefined);
        return;
      }
      const name = param?.name ?? claimName(sourceCode.getScope(node), "error");
      const body = node.body;
      const returnsNothing =
        body.type === AST_NODE_TYPES.BlockStatement ? !containsOwn(sourceCode, body, isExit) : isUndefinedExpression(body);
      const rethrow = !handler && returnsNothing;
      const lines = errorLines(name, label, rethrow, node.async);
      report(
        { node, messageId: "swallowedError", data: target },
        {
          messageId: "handleError",
          data: { ...target, action: handlerAction(rethrow) },
          fix: (fixer) => {
            const fixes =
              body.type === AST_NODE_TYPES.BlockStatement
                ? blockFixes(fixer, body, lines)
                : returnsNothing
                  ? [replaceExpressionBody(fixer, sourceCode, node, lines)]
                  : insertAtFunctionStart(fixer, sourceCode, node, lines, false);
            const added = param ? undefined : addFirstParameter(fixer, sourceCode, node, name);
            return added ? [added, ...fixes] : fixes;
          },
        },
      );
    };

    return {
      Program() {
        for (const request of getVippsRequests(context)) {
          const failure = request.response?.failure;
          if (!failure || failure === "callback") continue;
          const flow = analyzeResponseFlow(sourceCode, request);
          if (!flow) continue;
          const apiLabel = request.api?.label ?? "Vipps API";
          const target = { target: request.endpoint ? `${apiLabel} "${request.endpoint.label}"` : apiLabel };
          const label = request.endpoint ? `${apiLabel} ${request.endpoint.label}` : `${apiLabel} request`;
          if (failure === "result") {
            checkValue(flow, RESULT_STYLE, target, label);
            continue;
          }
          if (failure === "resolves") checkValue(flow, HTTP_STYLES[request.transport] ?? FETCH_STYLE, target, label);
          checkRejection(flow, target, label);
          for (const rejectionHandler of flow.rejectionHandlers) checkHandlerFunction(rejectionHandler, target, label);
          // A catch clause receives the failure only where the promise is awaited inside its try block.
          for (const end of flow.promiseEnds) {
            if (end.kind !== "awaited") continue;
            for (const clause of enclosingCatchClauses(sourceCode, end.node)) checkCatchClause(clause, target, label);
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

/** Puts text before and after an expression, parenthesising it where the operator would otherwise split it. */
function wrapExpression(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, node: TSESTree.Node, before: string, after: string): TSESLint.RuleFix[] {
  const parens = operandText(sourceCode, node) !== sourceCode.getText(node);
  return [fixer.insertTextBefore(node, parens ? `${before}(` : before), fixer.insertTextAfter(node, parens ? `)${after}` : after)].filter(
    (fix) => fix.text !== "",
  );
}

/** Replaces an arrow's expression body (and its parentheses) with a block of lines. */
function replaceExpressionBody(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, fn: FunctionNode, lines: readonly string[]): TSESLint.RuleFix {
  const base = indentOf(sourceCode, fn);
  const text = ["{", ...layout(sourceCode, lines.map((line) => `\t${line}`), base), `${base}}`].join(lineBreakOf(sourceCode));
  return fixer.replaceTextRange(rangeWithParens(sourceCode, fn.body), text);
}

/** request-promise resolves the full response (with `statusCode`) only under `resolveWithFullResponse: true`. */
function hasFullResponse(sourceCode: SourceCode, request: VippsRequest): boolean {
  const property = request.options && findProperty(sourceCode, request.options, "resolveWithFullResponse");
  if (!property) return false;
  return ASTUtils.getStaticValue(property.value, sourceCode.getScope(property.value))?.value === true;
}

/**
 * Whether `node` is evaluated first thing, unconditionally, when `statement` runs, so that it can be moved into a
 * statement of its own before it: only member reads, calls, awaits and the declaration or return that holds them lie
 * between.
 */
function isEagerlyEvaluated(node: TSESTree.Node, statement: TSESTree.Node): boolean {
  let child = node;
  for (let parent = node.parent; parent && child !== statement; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.MemberExpression:
        if (parent.object !== child) return false;
        break;
      case AST_NODE_TYPES.CallExpression:
        if (parent.callee !== child) return false;
        break;
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ExpressionStatement:
        break;
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init !== child || parent.parent.declarations[0] !== parent) return false;
        break;
      case AST_NODE_TYPES.VariableDeclaration:
      case AST_NODE_TYPES.ExportNamedDeclaration:
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right !== child || parent.left.type !== AST_NODE_TYPES.Identifier) return false;
        break;
      default:
        return false;
    }
  }
  return child === statement;
}
