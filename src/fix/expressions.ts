import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "../core/eslint-api.js";
import type { FunctionNode } from "../core/ast.js";
import { lineBreakOf, indentOf } from "../core/style.js";
import type { SourceCode } from "../core/types.js";
import { layout, operandText, rangeWithParens } from "./statements.js";

/** Fix builders that wrap or reshape one expression. */


/** Puts text before and after an expression, parenthesising it where the operator would otherwise split it. */
export function wrapExpression(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, node: TSESTree.Node, before: string, after: string): TSESLint.RuleFix[] {
  const parens = operandText(sourceCode, node) !== sourceCode.getText(node);
  return [fixer.insertTextBefore(node, parens ? `${before}(` : before), fixer.insertTextAfter(node, parens ? `)${after}` : after)].filter(
    (fix) => fix.text !== "",
  );
}

/** Replaces an arrow's expression body (and its parentheses) with a block of lines. */
export function replaceExpressionBody(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, fn: FunctionNode, lines: readonly string[]): TSESLint.RuleFix {
  const base = indentOf(sourceCode, fn);
  const text = ["{", ...layout(sourceCode, lines.map((line) => `\t${line}`), base), `${base}}`].join(lineBreakOf(sourceCode));
  return fixer.replaceTextRange(rangeWithParens(sourceCode, fn.body), text);
}

/**
 * Whether `node` is evaluated first thing, unconditionally, when `statement` runs, so that it can be moved into a
 * statement of its own before it: only member reads, calls, awaits and the declaration or return that holds them lie
 * between.
 */
export function isEagerlyEvaluated(node: TSESTree.Node, statement: TSESTree.Node): boolean {
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
