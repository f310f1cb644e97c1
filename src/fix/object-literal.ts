import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from "../core/eslint-api.js";
import { endOfLine, endOfLineBreak, indentUnit, lineBreakOf, lineIndent, quoteOfToken, quoteString, reindentLines, valueQuote, type Quote } from "../core/style.js";
import type { SourceCode } from "../core/types.js";

/**
 * Fix helpers for object literals: add a property, take one out, and print new values, each written the way the
 * surrounding code is written (indentation, key and string quotes, trailing commas) and without losing comments.
 */

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** How new code should look to match the code around an object literal. */
export interface LiteralStyle {
  /** Keys are written quoted, with this quote; undefined for bare keys. */
  readonly keyQuote: Quote | undefined;
  readonly stringQuote: Quote;
  /** One level of indentation. */
  readonly indentUnit: string;
  /** Multi-line objects and arrays end their last entry with a comma. */
  readonly trailingComma: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const isComma = (token: TSESTree.Token | null): token is TSESTree.PunctuatorToken =>
  token?.type === AST_TOKEN_TYPES.Punctuator && token.value === ",";

/** The object itself, then each object literal around it, innermost first. */
function* objectAndAncestors(object: TSESTree.ObjectExpression): Generator<TSESTree.ObjectExpression> {
  for (let node: TSESTree.Node | undefined = object; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.ObjectExpression) yield node;
  }
}


/**
 * The style of the code an object literal sits in: read from the object itself, else from the object literals around
 * it, else from the file; unknown parts fall back to double quotes, two spaces and no trailing comma.
 */
export function detectStyle(sourceCode: SourceCode, object: TSESTree.ObjectExpression): LiteralStyle {
  let keyQuote: Quote | undefined | null = null;
  let stringQuote: Quote | undefined;
  let unit: string | undefined;
  let trailingComma: boolean | undefined;
  for (const current of objectAndAncestors(object)) {
    // Each part is taken from the innermost object that shows it: once all are known, outer objects change nothing.
    if (keyQuote !== null && stringQuote !== undefined && unit !== undefined && trailingComma !== undefined) break;
    if (keyQuote === null) {
      const keys = current.properties.flatMap((property) =>
        property.type === AST_NODE_TYPES.Property && !property.computed ? [property.key] : [],
      );
      if (keys.length > 0) {
        const quoted = keys.filter((key) => key.type === AST_NODE_TYPES.Literal && typeof key.value === "string" && IDENTIFIER.test(key.value));
        const bare = keys.filter((key) => key.type === AST_NODE_TYPES.Identifier);
        keyQuote = quoted.length > bare.length && quoted[0] ? quoteOfToken(sourceCode.getText(quoted[0])) : undefined;
      }
    }
    stringQuote ??= valueQuote(sourceCode, sourceCode.getTokens(current));
    if (unit !== undefined && trailingComma !== undefined) continue;
    const first = current.properties[0];
    const last = current.properties.at(-1);
    const close = sourceCode.getLastToken(current);
    if (first && last && close && close.loc.start.line > last.loc.end.line) {
      if (unit === undefined) {
        const inner = lineIndent(sourceCode, first.loc.start.line);
        const outer = lineIndent(sourceCode, close.loc.start.line);
        if (inner.length > outer.length && inner.startsWith(outer)) unit = inner.slice(outer.length);
      }
      trailingComma ??= isComma(sourceCode.getTokenAfter(last));
    }
  }
  stringQuote ??= valueQuote(sourceCode, sourceCode.ast.tokens);
  return {
    keyQuote: keyQuote ?? undefined,
    stringQuote: stringQuote ?? keyQuote ?? '"',
    indentUnit: unit ?? indentUnit(sourceCode),
    trailingComma: trailingComma ?? false,
  };
}


/** A property key as the style writes it; keys that are not identifiers are always quoted. */
export function printKey(key: string, style: LiteralStyle): string {
  const quote = style.keyQuote ?? (IDENTIFIER.test(key) ? undefined : style.stringQuote);
  return quote ? quoteString(key, quote) : key;
}


/** Plain data a fix writes into code. */
export type PrintableValue = string | number | boolean | null | readonly PrintableValue[] | { readonly [key: string]: PrintableValue };

/**
 * Prints plain data as JavaScript in the given style. Non-empty arrays and objects take one line per entry, indented
 * from column 0 and ended with `\n`; `insertProperty` shifts the lines to where they land, with the file's line end.
 */
export function printValue(value: PrintableValue, style: LiteralStyle, level = 0): string {
  if (typeof value === "string") return quoteString(value, style.stringQuote);
  if (typeof value !== "object" || value === null) return String(value);
  const isArray = Array.isArray(value);
  const entries = isArray
    ? (value as readonly PrintableValue[]).map((item) => printValue(item, style, level + 1))
    : Object.entries(value).map(([key, item]) => `${printKey(key, style)}: ${printValue(item, style, level + 1)}`);
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return open + close;
  const inner = style.indentUnit.repeat(level + 1);
  const outer = style.indentUnit.repeat(level);
  return `${open}\n${entries.map((entry) => inner + entry).join(",\n")}${style.trailingComma ? "," : ""}\n${outer}${close}`;
}

/** `key: value` in the style of `object`. */
export function printProperty(key: string, valueText: string, style: LiteralStyle): string {
  return `${printKey(key, style)}: ${valueText}`;
}

/** Moves the lines of `text` after its first to `indent`, ending each with the file's line end. */
const shift = (sourceCode: SourceCode, text: string, indent: string): string => reindentLines(text, lineBreakOf(sourceCode), indent);

/**
 * Adds properties (each such as `printProperty(...)`'s result) after the last property of `object`. Multi-line objects
 * get one new line each, at the indentation of their last property; one-line and empty objects stay on one line; an
 * existing trailing comma is kept; comments stay where they are.
 */
export function insertProperties(
  fixer: Fixer,
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  propertyTexts: readonly string[],
): Fix[] {
  const open = sourceCode.getFirstToken(object);
  const close = sourceCode.getLastToken(object);
  if (!open || !close || propertyTexts.length === 0) return [];
  const last = object.properties.at(-1);
  const eol = lineBreakOf(sourceCode);
  if (!last) {
    const comments = sourceCode.getCommentsInside(object);
    const start = comments.at(-1)?.range[1] ?? open.range[1];
    if (close.loc.start.line === open.loc.end.line) {
      const indent = lineIndent(sourceCode, open.loc.start.line);
      return [fixer.replaceTextRange([start, close.range[0]], ` ${shift(sourceCode, propertyTexts.join(", "), indent)} `)];
    }
    const style = detectStyle(sourceCode, object);
    const closeIndent = lineIndent(sourceCode, close.loc.start.line);
    const indent = closeIndent + style.indentUnit;
    const lines = propertyTexts.map((text) => `${eol}${indent}${shift(sourceCode, text, indent)}`).join(",");
    return [fixer.replaceTextRange([start, close.range[0]], `${lines}${style.trailingComma ? "," : ""}${eol}${closeIndent}`)];
  }
  const after = sourceCode.getTokenAfter(last);
  const trailingComma = isComma(after) ? after : undefined;
  const anchorEnd = endOfLine(sourceCode, trailingComma ?? last);
  const multiLine = close.loc.start.line > last.loc.end.line;
  const indent = lineIndent(sourceCode, last.loc.start.line);
  const text = multiLine
    ? propertyTexts.map((property) => `${eol}${indent}${shift(sourceCode, property, indent)}`).join(",")
    : ` ${shift(sourceCode, propertyTexts.join(", "), indent)}`;
  if (trailingComma) return [fixer.insertTextAfterRange([anchorEnd, anchorEnd], `${text},`)];
  if (anchorEnd === last.range[1]) return [fixer.insertTextAfter(last, `,${text}`)];
  return [fixer.insertTextAfter(last, ","), fixer.insertTextAfterRange([anchorEnd, anchorEnd], text)];
}

/** `insertProperties` for one property. */
export function insertProperty(fixer: Fixer, sourceCode: SourceCode, object: TSESTree.ObjectExpression, propertyText: string): Fix[] {
  return insertProperties(fixer, sourceCode, object, [propertyText]);
}

/**
 * How many spaces and tabs end `text` between `start` and `end`, counted backwards by hand: `/[ \t]*$/` would try
 * every start in a long run of blanks before failing at its end, quadratic in the run.
 */
function trailingBlanks(text: string, start: number, end: number): number {
  let index = end;
  while (index > start && (text[index - 1] === " " || text[index - 1] === "\t")) index--;
  return end - index;
}

/**
 * Removes a property of an object literal with its comma, and its line when it had the line to itself. Undefined
 * when the property holds comments, which removing it would lose; comments around it are always kept.
 */
export function removeProperty(
  fixer: Fixer,
  sourceCode: SourceCode,
  property: TSESTree.ObjectLiteralElement,
): Fix[] | undefined {
  if (sourceCode.getCommentsInside(property).length > 0) return undefined;
  const object = property.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const before = sourceCode.getTokenBefore(property);
  const after = sourceCode.getTokenAfter(property);
  let range: [number, number];
  if (isComma(after)) {
    range = [property.range[0], after.range[1]];
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    const lineStart = property.range[0] - property.loc.start.column;
    const aloneOnLine = sourceCode.text.slice(lineStart, property.range[0]).trim() === "" && (!next || next.loc.start.line > after.loc.end.line);
    if (aloneOnLine) {
      range = [lineStart, endOfLineBreak(sourceCode.text, after.range[1])];
    } else if (next && next.loc.start.line === after.loc.end.line) {
      range = [property.range[0], next.range[0]];
    } else {
      // Something else precedes it on its line: take the spaces before it too, so the line ends cleanly.
      const spaces = trailingBlanks(sourceCode.text, lineStart, property.range[0]);
      range = [property.range[0] - spaces, after.range[1]];
    }
  } else if (isComma(before)) {
    range = [before.range[0], property.range[1]];
  } else {
    // The only property: `{ a: 1 }` becomes `{}`.
    const open = sourceCode.getFirstToken(object);
    const close = sourceCode.getLastToken(object);
    range = open && close ? [open.range[1], close.range[0]] : [...property.range];
  }
  const keptComments = sourceCode
    .getAllComments()
    .filter((comment) => comment.range[0] >= range[0] && comment.range[1] <= range[1]);
  if (keptComments.length === 0) return [fixer.removeRange(range)];
  // Comments beside the property stay; only the property and its comma go.
  const comma = isComma(after) ? after : isComma(before) ? before : undefined;
  const lineStart = property.range[0] - property.loc.start.column;
  const textBefore = sourceCode.text.slice(lineStart, property.range[0]);
  const spaces = textBefore.trim() === "" ? 0 : trailingBlanks(sourceCode.text, lineStart, property.range[0]);
  const removal = fixer.removeRange([property.range[0] - spaces, property.range[1]]);
  return comma ? [removal, fixer.remove(comma)] : [removal];
}
