import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "../core/eslint-api.js";
import { isThisParameter, type FunctionNode } from "../core/ast.js";
import { endOfLine, indentOf, indentUnit, lineBreakOf, semicolon } from "../core/style.js";
import type { SourceCode } from "../core/types.js";

/**
 * Helpers for fixes that insert whole statements: they match the file's indentation, quotes and semicolons, keep
 * comments where they are, and pick names that clash with nothing in scope.
 *
 * Inserted code is given as lines; each leading tab in a line stands for one level of indentation below the place of
 * insertion and is written in the file's own indentation unit. Lines are joined with the file's own line end.
 */

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** Expands leading tabs (levels) into `indent` plus that many units. */
export function layout(sourceCode: SourceCode, lines: readonly string[], indent: string): string[] {
  const unit = indentUnit(sourceCode);
  const laidOut: string[] = [];
  for (const line of lines) {
    let levels = 0;
    while (line.charCodeAt(levels) === 9) levels++;
    laidOut.push(levels === 0 ? indent + line : indent + unit.repeat(levels) + line.slice(levels));
  }
  return laidOut;
}

/** Each line with a line end before it, joined: the text that goes after an existing line. */
function afterLines(sourceCode: SourceCode, lines: readonly string[]): string {
  const eol = lineBreakOf(sourceCode);
  let text = "";
  for (const line of lines) text += eol + line;
  return text;
}

/** Inserts lines after a statement (and the comments that end its line), at its indentation. */
export function insertStatementsAfter(fixer: Fixer, sourceCode: SourceCode, statement: TSESTree.Node, lines: readonly string[]): Fix {
  const indent = indentOf(sourceCode, statement);
  return fixer.insertTextAfterRange([0, endOfLine(sourceCode, statement)], afterLines(sourceCode, layout(sourceCode, lines, indent)));
}

/** Inserts lines before a statement, at its indentation. */
export function insertStatementsBefore(fixer: Fixer, sourceCode: SourceCode, statement: TSESTree.Node, lines: readonly string[]): Fix {
  const indent = indentOf(sourceCode, statement);
  const [first = "", ...rest] = layout(sourceCode, lines, indent);
  const eol = lineBreakOf(sourceCode);
  const text = [first.slice(indent.length), ...rest].join(eol) + eol + indent;
  return fixer.insertTextBefore(statement, text);
}

/**
 * Inserts lines at the start of a function's body. An expression body becomes a block that returns the
 * expression; `async` is added when the lines await.
 */
export function insertAtFunctionStart(
  fixer: Fixer,
  sourceCode: SourceCode,
  fn: FunctionNode,
  lines: readonly string[],
  makeAsync: boolean,
): Fix[] {
  const fixes: Fix[] = [];
  if (makeAsync && !fn.async) fixes.push(fixer.insertTextBefore(fn, "async "));
  const base = indentOf(sourceCode, fn);
  const inner = base + indentUnit(sourceCode);
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    fixes.push(prependToBlock(fixer, sourceCode, fn.body, lines, inner));
    return fixes;
  }
  const arrow = sourceCode.getTokenBefore(fn.body, (token) => token.value === "=>" && token.range[0] >= fn.range[0]);
  const bodyStart = arrow ? (sourceCode.getTokenAfter(arrow)?.range[0] ?? fn.body.range[0]) : fn.body.range[0];
  const expression = sourceCode.text.slice(bodyStart, fn.range[1]);
  const semi = semicolon(sourceCode);
  const text = ["{", ...layout(sourceCode, [...lines, `return ${expression}${semi}`], inner), `${base}}`].join(lineBreakOf(sourceCode));
  fixes.push(fixer.replaceTextRange([bodyStart, fn.range[1]], text));
  return fixes;
}

/**
 * A block with neither statements nor comments. Without statements, anything but blanks between the braces is a
 * comment: a look at that text answers without a walk of the token store.
 */
export function isEmptyBlock(sourceCode: SourceCode, block: TSESTree.BlockStatement): boolean {
  return block.body.length === 0 && sourceCode.text.slice(block.range[0] + 1, block.range[1] - 1).trim() === "";
}

/** Inserts lines at the start of a block (a function body, a catch clause). */
export function prependToBlock(fixer: Fixer, sourceCode: SourceCode, block: TSESTree.BlockStatement, lines: readonly string[], indent?: string): Fix {
  const inner = indent ?? blockIndent(sourceCode, block);
  const open = sourceCode.getFirstToken(block);
  if (isEmptyBlock(sourceCode, block)) {
    const text = ["{", ...layout(sourceCode, lines, inner), `${indentOf(sourceCode, block)}}`].join(lineBreakOf(sourceCode));
    return fixer.replaceText(block, text);
  }
  return fixer.insertTextAfterRange(open ? open.range : [block.range[0], block.range[0] + 1], afterLines(sourceCode, layout(sourceCode, lines, inner)));
}

/** Inserts lines at the end of a non-empty block, after its last statement and that line's comments. */
export function appendToBlock(fixer: Fixer, sourceCode: SourceCode, block: TSESTree.BlockStatement, lines: readonly string[]): Fix {
  const inner = blockIndent(sourceCode, block);
  const last = block.body.at(-1);
  const lastComment = sourceCode.getCommentsInside(block).at(-1);
  let end = last ? endOfLine(sourceCode, last) : block.range[0] + 1;
  if (lastComment && lastComment.range[1] > end) end = lastComment.range[1];
  return fixer.insertTextAfterRange([0, end], afterLines(sourceCode, layout(sourceCode, lines, inner)));
}

/** The indentation of statements inside a block: its first statement's, or one unit in from the block's line. */
function blockIndent(sourceCode: SourceCode, block: TSESTree.BlockStatement): string {
  const first = block.body[0];
  if (first && first.loc.start.line !== block.loc.start.line) return indentOf(sourceCode, first);
  return indentOf(sourceCode, block) + indentUnit(sourceCode);
}

/** Adds a first parameter to a function that takes none (after its TypeScript `this` parameter, if it has one). */
export function addFirstParameter(fixer: Fixer, sourceCode: SourceCode, fn: FunctionNode, name: string): Fix | undefined {
  const thisParameter = fn.params[0];
  if (thisParameter && isThisParameter(thisParameter)) return fixer.insertTextAfter(thisParameter, `, ${name}`);
  const open = sourceCode.getFirstToken(fn, { filter: (token) => token.value === "(" });
  return open ? fixer.insertTextAfter(open, name) : undefined;
}

/** The text of an expression, parenthesised when an operator applied to it would bind to a part of it. */
export function operandText(sourceCode: SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  const tight =
    node.type === AST_NODE_TYPES.CallExpression ||
    node.type === AST_NODE_TYPES.MemberExpression ||
    node.type === AST_NODE_TYPES.Identifier ||
    node.type === AST_NODE_TYPES.NewExpression ||
    node.type === AST_NODE_TYPES.ThisExpression ||
    node.type === AST_NODE_TYPES.TemplateLiteral;
  return tight || ASTUtils.isParenthesized(node, sourceCode) ? text : `(${text})`;
}

/** The range of a node with the parentheses around it. */
export function rangeWithParens(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Range {
  let start = node.range[0];
  let end = node.range[1];
  let before = sourceCode.getTokenBefore(node);
  let after = sourceCode.getTokenAfter(node);
  let depth = 1;
  while (before && after && ASTUtils.isOpeningParenToken(before) && ASTUtils.isClosingParenToken(after) && ASTUtils.isParenthesized(depth, node, sourceCode)) {
    start = before.range[0];
    end = after.range[1];
    before = sourceCode.getTokenBefore(before);
    after = sourceCode.getTokenAfter(after);
    depth++;
  }
  return [start, end];
}
