import { AST_TOKEN_TYPES, type TSESTree } from "./eslint-api.js";
import { memoised } from "./memo.js";
import type { SourceCode } from "./types.js";

/**
 * The one detector of a file's style, for code that fixes write: indentation, quotes, semicolons and line ends.
 * Each is read once per file and cached by `Program`. Line ends are ESLint's (`\r\n`, `\r`, `\n`, U+2028, U+2029), so
 * that fixes find the same lines as `loc` and `sourceCode.lines`, and write new lines with the ending the file uses.
 */

export type Quote = '"' | "'";

/** Per-file answers, computed once. */
function perFile<Value>(compute: (sourceCode: SourceCode) => Value): (sourceCode: SourceCode) => Value {
  const cache = new WeakMap<TSESTree.Program, { value: Value }>();
  return (sourceCode) => memoised(cache, sourceCode.ast, () => ({ value: compute(sourceCode) })).value;
}

/** The whitespace that starts a line (1-based), e.g. the line where text is appended after a node. */
export function lineIndent(sourceCode: SourceCode, line: number): string {
  const text = sourceCode.lines[line - 1] ?? "";
  let end = 0;
  while (end < text.length && (text[end] === " " || text[end] === "\t")) end++;
  return text.slice(0, end);
}

/** The whitespace that starts the line `node` starts on. */
export function indentOf(sourceCode: SourceCode, node: TSESTree.Node | TSESTree.Token): string {
  return lineIndent(sourceCode, node.loc.start.line);
}

/**
 * The file's indentation unit: a tab, or the smallest indentation in spaces (two when the file has none). Continuation
 * lines of block comments (` * text`) are one space in and say nothing about it.
 */
export const indentUnit = perFile((sourceCode): string => {
  let unit = "  ";
  let smallest = Infinity;
  for (const line of sourceCode.lines) {
    let end = 0;
    while (end < line.length && (line[end] === " " || line[end] === "\t")) end++;
    if (end === 0 || end === line.length || line[end] === "*") continue;
    // A line indented with a tab makes the unit a tab, whatever the other lines do.
    if (line[0] === "\t") return "\t";
    if (end < smallest) {
      smallest = end;
      unit = line.slice(0, end);
    }
  }
  return unit;
});

/** The quote a string token is written with. */
export function quoteOfToken(text: string): Quote {
  return text.startsWith("'") ? "'" : '"';
}

/** The quote of the first string among `tokens` that is a value, not a property key. */
export function valueQuote(sourceCode: SourceCode, tokens: readonly TSESTree.Token[]): Quote | undefined {
  const value = tokens.find((token) => token.type === AST_TOKEN_TYPES.String && sourceCode.getTokenAfter(token)?.value !== ":");
  return value ? quoteOfToken(value.value) : undefined;
}

/** The file's string quote: that of its first string value, or a double quote. */
export const fileQuote = perFile((sourceCode): Quote => valueQuote(sourceCode, sourceCode.ast.tokens) ?? '"');

/** A string literal in the file's quote style. */
export function stringLiteral(sourceCode: SourceCode, value: string): string {
  return quoteString(value, fileQuote(sourceCode));
}

/** Text safe inside a template literal. */
export function templateText(value: string): string {
  return value.replace(/[\\`]/g, "\\$&").replace(/\$\{/g, "\\${");
}

/** ";" unless the file is written without semicolons (has no `;` token at all). */
export const semicolon = perFile((sourceCode): string =>
  sourceCode.ast.tokens.some((token) => token.type === AST_TOKEN_TYPES.Punctuator && token.value === ";") ? ";" : "",
);

/** The end of `node` (or token) and of any comments that follow it on the same line. */
export function endOfLine(sourceCode: SourceCode, node: TSESTree.Node | TSESTree.Token): number {
  let end = node.range[1];
  for (const comment of sourceCode.getCommentsAfter(node)) {
    if (comment.loc.start.line !== node.loc.end.line) break;
    end = comment.range[1];
  }
  return end;
}

/** Every line terminator, `\r\n` as one; global, for `replace`. */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/** `text` with each line end replaced by `lineBreak` followed by `indent`. */
export function reindentLines(text: string, lineBreak: string, indent: string): string {
  return text.replace(LINE_BREAKS, () => lineBreak + indent);
}

const STRING_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/** A string literal with `quote`: backslashes, the quote and every line terminator escaped. */
export function quoteString(value: string, quote: string): string {
  return quote + value.replace(/[\\\n\r\u2028\u2029]/g, (found) => STRING_ESCAPES[found] ?? found).replaceAll(quote, `\\${quote}`) + quote;
}

/** `value` as a string literal in the quotes `literal` is written in: `"…"`, `'…'` or a template without holes. */
export function inSameQuotes(sourceCode: SourceCode, literal: TSESTree.Node, value: string): string {
  const quote = sourceCode.getText(literal).charAt(0);
  return quote === "`" ? `\`${templateText(value)}\`` : quoteString(value, quote === "'" ? "'" : '"');
}

const isBreak = (code: number): boolean => code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;

/** The offset just past the line end at or after `offset` (past both characters of `\r\n`); the text's length when the last line has none. */
export function endOfLineBreak(text: string, offset: number): number {
  for (let index = offset; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (!isBreak(code)) continue;
    return code === 0x0d && text.charCodeAt(index + 1) === 0x0a ? index + 2 : index + 1;
  }
  return text.length;
}

/**
 * The line end the file is written with: the most frequent of the five (the first seen on a tie), or `\n` for a file
 * of one line. One pass over the text, once per file.
 */
export const lineBreakOf = perFile((sourceCode): string => {
  const text = sourceCode.text;
  // Most files end every line with `\n` alone: three native searches tell, without a loop over every character.
  if (!text.includes("\r") && !text.includes("\u2028") && !text.includes("\u2029")) return "\n";
  const counts = new Map<string, number>();
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (!isBreak(code)) continue;
    const found = code === 0x0d && text.charCodeAt(index + 1) === 0x0a ? "\r\n" : text[index] ?? "\n";
    if (found.length === 2) index++;
    counts.set(found, (counts.get(found) ?? 0) + 1);
  }
  let best = "\n";
  let bestCount = 0;
  // Maps keep insertion order, so the first seen wins a tie.
  for (const [found, count] of counts) {
    if (count > bestCount) {
      best = found;
      bestCount = count;
    }
  }
  return best;
});
