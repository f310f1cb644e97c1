import { ASTUtils, AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, type FunctionNode } from "../ast.js";
import { lineBreakOf, quoteString } from "./line-breaks.js";

/**
 * Helpers for fixes that insert whole statements: they match the file's indentation, quotes and semicolons, keep
 * comments where they are, and pick names that clash with nothing in scope.
 *
 * Inserted code is given as lines; each leading tab in a line stands for one level of indentation below the place of
 * insertion and is written in the file's own indentation unit. Lines are joined with the file's own line end.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** The whitespace that starts the line `node` starts on. */
export function indentOf(sourceCode: SourceCode, node: TSESTree.Node | TSESTree.Token): string {
  return lineIndent(sourceCode, node.loc.start.line);
}

/** The whitespace that starts a line (1-based), e.g. the line where text is appended after a node. */
export function lineIndent(sourceCode: SourceCode, line: number): string {
  return /^[ \t]*/.exec(sourceCode.lines[line - 1] ?? "")?.[0] ?? "";
}

const unitCache = new WeakMap<TSESTree.Program, string>();

/** The file's indentation unit: a tab, or the smallest indentation in spaces (two when the file has none). */
export function indentUnit(sourceCode: SourceCode): string {
  const cached = unitCache.get(sourceCode.ast);
  if (cached !== undefined) return cached;
  let unit = "  ";
  let smallest = Infinity;
  for (const line of sourceCode.lines) {
    const indent = /^[ \t]*/.exec(line)?.[0] ?? "";
    if (indent.length === 0 || indent.length === line.length) continue;
    if (indent.startsWith("\t")) {
      unit = "\t";
      break;
    }
    // Continuation lines of block comments (` * text`) are one space in.
    if (line.slice(indent.length).startsWith("*")) continue;
    if (indent.length < smallest) {
      smallest = indent.length;
      unit = indent;
    }
  }
  unitCache.set(sourceCode.ast, unit);
  return unit;
}

/** The file's string quote: the quote of its first string literal, or a double quote. */
export function quoteOf(sourceCode: SourceCode): string {
  const first = sourceCode.ast.tokens.find((token) => token.type === AST_TOKEN_TYPES.String);
  return first?.value.startsWith("'") ? "'" : '"';
}

/** A string literal in the file's quote style. */
export function stringLiteral(sourceCode: SourceCode, value: string): string {
  return quoteString(value, quoteOf(sourceCode));
}

/** Text safe inside a template literal. */
export function templateText(value: string): string {
  return value.replace(/[\\`]/g, "\\$&").replace(/\$\{/g, "\\${");
}

const semicolonCache = new WeakMap<TSESTree.Program, string>();

/** ";" unless the file is written without semicolons (has no `;` token at all). */
export function semicolon(sourceCode: SourceCode): string {
  let cached = semicolonCache.get(sourceCode.ast);
  if (cached === undefined) {
    cached = sourceCode.ast.tokens.some((token) => token.type === AST_TOKEN_TYPES.Punctuator && token.value === ";") ? ";" : "";
    semicolonCache.set(sourceCode.ast, cached);
  }
  return cached;
}

/** Whether statements can be inserted before and after this statement: it sits in a list of statements. */
export function isInStatementList(statement: TSESTree.Node): boolean {
  const parent = statement.parent;
  return (
    parent !== undefined &&
    (parent.type === AST_NODE_TYPES.Program ||
      parent.type === AST_NODE_TYPES.BlockStatement ||
      parent.type === AST_NODE_TYPES.StaticBlock ||
      parent.type === AST_NODE_TYPES.TSModuleBlock ||
      (parent.type === AST_NODE_TYPES.SwitchCase && parent.consequent.includes(statement as TSESTree.Statement)))
  );
}

/** The statement, directly in a list of statements, that holds `node`; undefined past a function boundary. */
export function enclosingStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (isInStatementList(current)) return current;
    if (current !== node && isFunction(current)) return undefined;
  }
  return undefined;
}

/** Expands leading tabs (levels) into `indent` plus that many units. */
export function layout(sourceCode: SourceCode, lines: readonly string[], indent: string): string[] {
  const unit = indentUnit(sourceCode);
  return lines.map((line) => {
    const levels = /^\t*/.exec(line)?.[0].length ?? 0;
    return indent + unit.repeat(levels) + line.slice(levels);
  });
}

/** The end of `node` and of any comments that follow it on the same line. */
export function endOfLine(sourceCode: SourceCode, node: TSESTree.Node): number {
  let end = node.range[1];
  for (const comment of sourceCode.getCommentsAfter(node)) {
    if (comment.loc.start.line !== node.loc.end.line) break;
    end = comment.range[1];
  }
  return end;
}

/** Inserts lines after a statement (and the comments that end its line), at its indentation. */
export function insertStatementsAfter(fixer: Fixer, sourceCode: SourceCode, statement: TSESTree.Node, lines: readonly string[]): Fix {
  const indent = indentOf(sourceCode, statement);
  const text = layout(sourceCode, lines, indent).map((line) => lineBreakOf(sourceCode) + line).join("");
  return fixer.insertTextAfterRange([0, endOfLine(sourceCode, statement)], text);
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

/** Inserts lines at the start of a block (a function body, a catch clause). */
export function prependToBlock(fixer: Fixer, sourceCode: SourceCode, block: TSESTree.BlockStatement, lines: readonly string[], indent?: string): Fix {
  const inner = indent ?? blockIndent(sourceCode, block);
  const open = sourceCode.getFirstToken(block);
  if (block.body.length === 0 && sourceCode.getCommentsInside(block).length === 0) {
    const text = ["{", ...layout(sourceCode, lines, inner), `${indentOf(sourceCode, block)}}`].join(lineBreakOf(sourceCode));
    return fixer.replaceText(block, text);
  }
  const text = layout(sourceCode, lines, inner).map((line) => lineBreakOf(sourceCode) + line).join("");
  return fixer.insertTextAfterRange(open ? open.range : [block.range[0], block.range[0] + 1], text);
}

/** Inserts lines at the end of a non-empty block, after its last statement and that line's comments. */
export function appendToBlock(fixer: Fixer, sourceCode: SourceCode, block: TSESTree.BlockStatement, lines: readonly string[]): Fix {
  const inner = blockIndent(sourceCode, block);
  const last = block.body.at(-1);
  const lastComment = sourceCode.getCommentsInside(block).at(-1);
  let end = last ? endOfLine(sourceCode, last) : block.range[0] + 1;
  if (lastComment && lastComment.range[1] > end) end = lastComment.range[1];
  const text = layout(sourceCode, lines, inner).map((line) => lineBreakOf(sourceCode) + line).join("");
  return fixer.insertTextAfterRange([0, end], text);
}

/** The indentation of statements inside a block: its first statement's, or one unit in from the block's line. */
function blockIndent(sourceCode: SourceCode, block: TSESTree.BlockStatement): string {
  const first = block.body[0];
  if (first && first.loc.start.line !== block.loc.start.line) return indentOf(sourceCode, first);
  return indentOf(sourceCode, block) + indentUnit(sourceCode);
}

/** TypeScript's `this` parameter (`function (this: Window, event)`): a type annotation, not an argument. */
export function isThisParameter(param: TSESTree.Parameter): boolean {
  return param.type === AST_NODE_TYPES.Identifier && param.name === "this";
}

/** The parameters a function is called with: its parameters without a TypeScript `this` parameter. */
export function argumentParameters(fn: FunctionNode): TSESTree.Parameter[] {
  return fn.params.filter((param) => !isThisParameter(param));
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

/**
 * A name based on `base` (`response`, `response2`, ...) that no variable in reach of `scope` uses, that nothing
 * in the scope refers to outside it, and that is not in `claimed` (names other fixes of the same run took).
 */
export function freshName(scope: TSESLint.Scope.Scope, base: string, claimed: ReadonlySet<string> = new Set()): string {
  const taken = (name: string): boolean => {
    if (claimed.has(name)) return true;
    if (scope.through.some((reference) => reference.identifier.name === name)) return true;
    for (let current: TSESLint.Scope.Scope | null = scope; current; current = current.upper) {
      if (current.set.has(name)) return true;
    }
    return false;
  };
  let name = base;
  for (let index = 2; taken(name); index++) name = `${base}${index}`;
  return name;
}
