import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from "../core/eslint-api.js";
import { endOfLineBreak, lineIndent } from "../core/style.js";
import type { SourceCode } from "../core/types.js";
import { insertProperty } from "./object-literal.js";

/**
 * Fix builders for a property that sits in the wrong object literal or under the wrong name: move it, with the
 * comments inside it, to another object literal; rename its key. Comments beside it stay where they are.
 */

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

const isComma = (token: TSESTree.Token | null): token is TSESTree.PunctuatorToken =>
  token?.type === AST_TOKEN_TYPES.Punctuator && token.value === ",";

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;

/**
 * Moves `property` into `target` (added after its last property). Undefined where the move would change meaning
 * or collide: a multi-line template literal inside (re-indenting would change its text), a target that contains
 * the property, or edits that would overlap.
 */
export function moveProperty(fixer: Fixer, sourceCode: SourceCode, property: TSESTree.Property, target: TSESTree.ObjectExpression): Fix[] | undefined {
  if (target.range[0] <= property.range[0] && property.range[1] <= target.range[1] && property.parent === target) return undefined;
  const text = sourceCode.getText(property);
  const multiLine = property.loc.start.line !== property.loc.end.line;
  if (multiLine && text.includes("`")) return undefined;
  // Lines after the first keep their indentation relative to the property's own line; insertProperty re-indents them.
  const indent = lineIndent(sourceCode, property.loc.start.line);
  const lines = text.split(LINE_BREAK);
  const relative = lines.map((line, index) => (index > 0 && line.startsWith(indent) ? line.slice(indent.length) : line)).join("\n");
  const removal = removeMovedProperty(fixer, sourceCode, property);
  const insertion = insertProperty(fixer, sourceCode, target, relative);
  const fixes = [...removal, ...insertion].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  for (let index = 1; index < fixes.length; index++) {
    const previous = fixes[index - 1];
    const current = fixes[index];
    if (previous && current && current.range[0] < previous.range[1]) return undefined;
  }
  return fixes;
}

/**
 * Takes `property` out of its object with its comma, and its line when it had the line to itself. Comments inside
 * it go with it (it is moved, not deleted); comments around it stay.
 */
function removeMovedProperty(fixer: Fixer, sourceCode: SourceCode, property: TSESTree.Property): Fix[] {
  const object = property.parent;
  const before = sourceCode.getTokenBefore(property);
  const after = sourceCode.getTokenAfter(property);
  const lineStart = property.range[0] - property.loc.start.column;
  let range: [number, number];
  if (isComma(after)) {
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    const aloneOnLine = sourceCode.text.slice(lineStart, property.range[0]).trim() === "" && (!next || next.loc.start.line > after.loc.end.line);
    if (aloneOnLine) range = [lineStart, endOfLineBreak(sourceCode.text, after.range[1])];
    else range = [property.range[0], next && next.loc.start.line === after.loc.end.line ? next.range[0] : after.range[1]];
  } else if (isComma(before)) {
    range = [before.range[0], property.range[1]];
  } else if (object.type === AST_NODE_TYPES.ObjectExpression && sourceCode.getCommentsInside(object).every((comment) => comment.range[0] >= property.range[0] && comment.range[1] <= property.range[1])) {
    // The only property, with no comment beside it: `{ a: 1 }` becomes `{}`.
    const open = sourceCode.getFirstToken(object);
    const close = sourceCode.getLastToken(object);
    range = open && close ? [open.range[1], close.range[0]] : [property.range[0], property.range[1]];
  } else {
    range = [property.range[0], property.range[1]];
  }
  const strays = sourceCode
    .getAllComments()
    .some((comment) => comment.range[0] >= range[0] && comment.range[1] <= range[1] && !(comment.range[0] >= property.range[0] && comment.range[1] <= property.range[1]));
  if (!strays) return [fixer.removeRange(range)];
  // A comment between the property and its comma stays: only the property and the comma go.
  const comma = isComma(after) ? after : isComma(before) ? before : undefined;
  return comma ? [fixer.removeRange(property.range), fixer.remove(comma)] : [fixer.removeRange(property.range)];
}

/** Gives `property` the key `key` (written by the caller in the file's style); `{ body }` becomes `{ json: body }`. */
export function renameKey(fixer: Fixer, sourceCode: SourceCode, property: TSESTree.Property, keyText: string): Fix {
  if (property.shorthand) return fixer.insertTextBefore(property, `${keyText}: `);
  if (property.computed) {
    const open = sourceCode.getTokenBefore(property.key);
    const close = sourceCode.getTokenAfter(property.key);
    if (open && close) return fixer.replaceTextRange([open.range[0], close.range[1]], keyText);
  }
  return fixer.replaceText(property.key, keyText);
}
