import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

/**
 * Line ends as ESLint counts them (`\r\n`, `\r`, `\n`, U+2028, U+2029), so that fixes find the same lines as
 * `loc` and `sourceCode.lines`, and write new lines with the ending the file already uses.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

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

const breakCache = new WeakMap<TSESTree.Program, string>();

/**
 * The line end the file is written with: the most frequent of the five (the first seen on a tie), or `\n` for a file
 * of one line. One pass over the text, once per file.
 */
export function lineBreakOf(sourceCode: SourceCode): string {
  const cached = breakCache.get(sourceCode.ast);
  if (cached !== undefined) return cached;
  const text = sourceCode.text;
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
  breakCache.set(sourceCode.ast, best);
  return best;
}
