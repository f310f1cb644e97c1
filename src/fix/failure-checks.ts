import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "../core/eslint-api.js";
import type { PromiseEnd, ValueSite } from "../analysis/response-flow.js";
import { type FunctionNode, enclosingFunction, argumentParameters, enclosingStatement, isInStatementList } from "../core/ast.js";
import { freshName } from "../core/scope.js";
import { lineBreakOf, lineIndent, semicolon, stringLiteral, templateText } from "../core/style.js";
import type { SourceCode } from "../core/types.js";
import type { FailureCheck } from "../detect/failure.js";
import { isEagerlyEvaluated, replaceExpressionBody, wrapExpression } from "./expressions.js";
import { addImport, isNameInScope } from "./imports.js";
import { addFirstParameter, appendToBlock, insertAtFunctionStart, insertStatementsAfter, insertStatementsBefore, isEmptyBlock, layout, operandText, prependToBlock, rangeWithParens } from "./statements.js";

/**
 * The code repairs insert where a failure goes unnoticed: a check of the resolved value, an `await` or `.catch()` on
 * a promise nobody handles, and a log (and rethrow) in a handler that drops the error. Written in the file's style;
 * a project's `errorHandler` is called instead of throwing or logging where one is configured.
 */

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** A repair, and the name of the value the code it inserts checks. */
export interface NamedFix {
  readonly name: string;
  readonly fix: TSESLint.ReportFixFunction;
}

/** A project function that inserted code calls with the failure; `module` exports it (its first name, when dotted). */
export interface ErrorHandler {
  readonly name: string;
  readonly module?: string;
}

export interface FailureRepairOptions {
  /** A project function that inserted code calls with the failure, instead of throwing or logging. */
  readonly errorHandler: ErrorHandler | undefined;
  /** Fixes are applied together (`--fix`), so the names they introduce must not clash with each other. */
  readonly appliedTogether: boolean;
}

/** The builders `failureRepairs` makes, bound to one file. */
export type FailureRepairs = ReturnType<typeof failureRepairs>;

/** The repair builders for one file. */
export function failureRepairs(sourceCode: SourceCode, options: FailureRepairOptions) {
  const handler = options.errorHandler?.name;
  const handlerModule = options.errorHandler?.module;
  /** The variable the handler call reads first: a binding of this name where the call lands would be called instead. */
  const handlerRoot = handler?.split(".")[0];

  /**
   * A repair that calls the handler at `node` needs its first name there: in scope already, or imported by the repair
   * from the configured module. Without either, the call would throw a ReferenceError when a payment fails: no repair.
   */
  const reachHandler = (node: TSESTree.Node, fix: TSESLint.ReportFixFunction): TSESLint.ReportFixFunction | undefined => {
    if (!handlerRoot || isNameInScope(sourceCode, node, handlerRoot)) return fix;
    if (handlerModule === undefined) return undefined;
    const imported = { name: handlerRoot, module: handlerModule };
    return (fixer) => {
      const own = fix(fixer);
      const fixes = own === null ? [] : "range" in own ? [own] : [...own];
      return [...fixes, addImport(fixer, sourceCode, imported)];
    };
  };
  const reachNamed = (node: TSESTree.Node, named: NamedFix | undefined): NamedFix | undefined => {
    const fix = named && reachHandler(node, named.fix);
    return named && fix ? { name: named.name, fix } : undefined;
  };
  const shadowsHandler = (name: string): boolean => name === handlerRoot;
  /** Names that fixes of this run introduce, per scope, so that two fixes applied together never clash. */
  const claimed = new Map<TSESLint.Scope.Scope, Set<string>>();

  const claimName = (scope: TSESLint.Scope.Scope, base: string): string => {
    const names = claimed.get(scope) ?? new Set<string>();
    const avoided = new Set(options.appliedTogether ? names : undefined);
    if (handlerRoot) avoided.add(handlerRoot);
    const name = freshName(scope, base, avoided);
    names.add(name);
    claimed.set(scope, names);
    return name;
  };

  /** The `if (failed) { throw ... }` (or handler call) that checks the value `name`. */
  const checkLines = (check: FailureCheck, name: string, label: string, canAwait: boolean): string[] => {
    const semi = semicolon(sourceCode);
    const action = handler
      ? `${canAwait ? "await " : ""}${handler}(${check.handlerArgument(name)})${semi}`
      : `throw new Error(\`${templateText(label)} failed: ${check.detail(name)}\`)${semi}`;
    return [`if (${check.failed(name)}) {`, `\t${action}`, "}"];
  };

  /** A check put where the value is first taken; undefined where no safe place exists. */
  const atSite = (site: ValueSite, check: FailureCheck, label: string): NamedFix | undefined => {
    const semi = semicolon(sourceCode);
    switch (site.kind) {
      case "bound": {
        if (!isInStatementList(site.statement) || shadowsHandler(site.name)) return undefined;
        const lines = checkLines(check, site.name, label, true);
        return { name: site.name, fix: (fixer) => insertStatementsAfter(fixer, sourceCode, site.statement, lines) };
      }
      case "dropped": {
        if (!isInStatementList(site.statement)) return undefined;
        const name = claimName(sourceCode.getScope(site.statement), check.base);
        const lines = checkLines(check, name, label, true);
        return {
          name,
          fix: (fixer) => [fixer.insertTextBefore(site.statement, `const ${name} = `), insertStatementsAfter(fixer, sourceCode, site.statement, lines)],
        };
      }
      case "member": {
        const statement = enclosingStatement(site.value);
        if (!statement || !isEagerlyEvaluated(site.value, statement)) return undefined;
        const name = claimName(sourceCode.getScope(statement), check.base);
        const lines = [`const ${name} = ${sourceCode.getText(site.value)}${semi}`, ...checkLines(check, name, label, true)];
        return {
          name,
          fix: (fixer) => [insertStatementsBefore(fixer, sourceCode, statement, lines), fixer.replaceTextRange(rangeWithParens(sourceCode, site.value), name)],
        };
      }
      case "destructured": {
        const declarator = site.declaration.declarations[0];
        if (!declarator || !isInStatementList(site.declaration)) return undefined;
        const name = claimName(sourceCode.getScope(site.declaration), check.base);
        const lines = [...checkLines(check, name, label, true), `${site.declaration.kind} ${sourceCode.getText(declarator.id)} = ${name}${semi}`];
        return { name, fix: (fixer) => [fixer.replaceText(declarator.id, name), insertStatementsAfter(fixer, sourceCode, site.declaration, lines)] };
      }
      case "callback": {
        const fn = site.callback;
        if (site.param && shadowsHandler(site.param.name)) return undefined;
        const name = site.param?.name ?? claimName(sourceCode.getScope(fn), check.base);
        // Reading the body text needs `await`: the callback becomes async (harmless in `.then`).
        const makeAsync = check.awaits && !handler && !fn.async;
        const lines = checkLines(check, name, label, fn.async || makeAsync);
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
   * A check for a promise whose value nobody takes: in an async function, a bare call is awaited and bound; anywhere
   * else a `.then` callback that checks is put right after the request (nothing downstream used its value).
   */
  const onDroppedPromise = (responseNode: TSESTree.Node, end: PromiseEnd, check: FailureCheck, label: string): NamedFix | undefined => {
    const statement = end.node.parent;
    if (
      end.node === responseNode &&
      statement?.type === AST_NODE_TYPES.ExpressionStatement &&
      isInStatementList(statement) &&
      enclosingFunction(statement)?.async === true
    ) {
      const name = claimName(sourceCode.getScope(statement), check.base);
      const lines = checkLines(check, name, label, true);
      return {
        name,
        fix: (fixer) => [
          fixer.replaceText(end.node, `const ${name} = await ${operandText(sourceCode, end.node)}`),
          insertStatementsAfter(fixer, sourceCode, statement, lines),
        ],
      };
    }
    // The callback's own parameter: only the handler's name must not be taken.
    const name = shadowsHandler(check.base) ? `${check.base}2` : check.base;
    const indent = lineIndent(sourceCode, responseNode.loc.end.line);
    const lines = layout(sourceCode, checkLines(check, name, label, check.awaits).map((line) => `\t${line}`), indent);
    const callback = [`${check.awaits ? "async " : ""}(${name}) => {`, ...lines, `${indent}}`].join(lineBreakOf(sourceCode));
    return { name, fix: (fixer) => fixer.insertTextAfterRange(rangeWithParens(sourceCode, responseNode), `.then(${callback})`) };
  };

  /** `await` in front of a dropped promise. */
  const awaitPromise = (end: PromiseEnd): TSESLint.ReportFixFunction => (fixer) => wrapExpression(fixer, sourceCode, end.node, "await ", "");

  /** A `.catch()` that logs and rethrows (or hands the error to the project's handler). */
  const catchRejection = (end: PromiseEnd, label: string): TSESLint.ReportFixFunction => {
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
    return (fixer) => wrapExpression(fixer, sourceCode, end.node, "", `.catch(${callback})`);
  };

  /** The lines that surface the error `name` in a handler that ignores it. */
  const errorLines = (name: string, label: string, rethrow: boolean, canAwait: boolean): string[] => {
    const semi = semicolon(sourceCode);
    if (handler) return [`${canAwait ? "await " : ""}${handler}(${name})${semi}`];
    const log = `console.error(${stringLiteral(sourceCode, `${label} failed`)}, ${name})${semi}`;
    return rethrow ? [log, `throw ${name}${semi}`] : [log];
  };

  /** Log first, rethrow last: the lines go to the start of the block, a `throw` to its end. */
  const blockFixes = (fixer: Fixer, block: TSESTree.BlockStatement, lines: readonly string[]): Fix[] => {
    const [first = "", ...rest] = lines;
    if (rest.length === 0 || isEmptyBlock(sourceCode, block)) return [prependToBlock(fixer, sourceCode, block, lines)];
    return [prependToBlock(fixer, sourceCode, block, [first]), appendToBlock(fixer, sourceCode, block, rest)];
  };

  /** Surfaces the error in a `catch` clause (naming its binding where it has none). */
  const inCatchClause = (clause: TSESTree.CatchClause, label: string, rethrow: boolean): TSESLint.ReportFixFunction | undefined => {
    const param = clause.param;
    if (param && (param.type !== AST_NODE_TYPES.Identifier || shadowsHandler(param.name))) return undefined;
    const name = param?.name ?? claimName(sourceCode.getScope(clause), "error");
    const catchToken = sourceCode.getFirstToken(clause);
    return (fixer) => {
      const fixes = blockFixes(fixer, clause.body, errorLines(name, label, rethrow, enclosingFunction(clause)?.async === true));
      if (!param && catchToken) fixes.push(fixer.insertTextAfter(catchToken, ` (${name})`));
      return fixes;
    };
  };

  /** Surfaces the error in a rejection handler function; `returnsNothing` says whether a rethrow keeps its result. */
  const inHandlerFunction = (fn: FunctionNode, label: string, rethrow: boolean, returnsNothing: boolean): TSESLint.ReportFixFunction | undefined => {
    const param = argumentParameters(fn)[0];
    if (param && (param.type !== AST_NODE_TYPES.Identifier || shadowsHandler(param.name))) return undefined;
    const name = param?.name ?? claimName(sourceCode.getScope(fn), "error");
    const lines = errorLines(name, label, rethrow, fn.async);
    const body = fn.body;
    return (fixer) => {
      const fixes =
        body.type === AST_NODE_TYPES.BlockStatement
          ? blockFixes(fixer, body, lines)
          : returnsNothing
            ? [replaceExpressionBody(fixer, sourceCode, fn, lines)]
            : insertAtFunctionStart(fixer, sourceCode, fn, lines, false);
      const added = param ? undefined : addFirstParameter(fixer, sourceCode, fn, name);
      return added ? [added, ...fixes] : fixes;
    };
  };

  return {
    atSite: (site: ValueSite, check: FailureCheck, label: string) => reachNamed(site.value, atSite(site, check, label)),
    onDroppedPromise: (responseNode: TSESTree.Node, end: PromiseEnd, check: FailureCheck, label: string) =>
      reachNamed(responseNode, onDroppedPromise(responseNode, end, check, label)),
    awaitPromise,
    catchRejection: (end: PromiseEnd, label: string) => reachHandler(end.node, catchRejection(end, label)),
    inCatchClause: (clause: TSESTree.CatchClause, label: string, rethrow: boolean) => {
      const fix = inCatchClause(clause, label, rethrow);
      return fix && reachHandler(clause.body, fix);
    },
    inHandlerFunction: (fn: FunctionNode, label: string, rethrow: boolean, returnsNothing: boolean) => {
      const fix = inHandlerFunction(fn, label, rethrow, returnsNothing);
      return fix && reachHandler(fn.body, fix);
    },
  };
}
