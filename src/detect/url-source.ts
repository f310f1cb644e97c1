import { AST_NODE_TYPES, type TSESTree } from "../core/eslint-api.js";
import { MAX_STRING_LENGTH } from "../core/limits.js";
import { memoised } from "../core/memo.js";
import { findVariable, getStringPattern, resolveConstantInit } from "../core/static.js";
import type { SourceCode } from "../core/types.js";
import { ANY_PART } from "../vipps/endpoint-paths.js";
import { HOLE } from "../vipps/urls.js";

/**
 * A URL expression as a path pattern in which each unknown part says what it may hold, and where each static part is
 * written in the source. `${reference}` (a name that holds one value: an id, a reference) is HOLE, one segment of
 * data; `${path}`, `${action}` or a call's result is ANY_PART, which may be anything, slashes included.
 */
export interface UrlSource {
  readonly pattern: string;
  readonly pieces: readonly UrlPiece[];
}

/** A stretch of the pattern; `source` is where its text starts in the file, when it is written there verbatim. */
export interface UrlPiece {
  readonly start: number;
  readonly end: number;
  readonly source: number | undefined;
}

/** How deep the reading follows constants and concatenations. */
const MAX_DEPTH = 8;
/** The most parts a URL is read into; more is left unread. */
const MAX_PIECES = 64;

/** Names that hold one value of a path: `reference`, `orderId`, `agreement_id`, `req.params.id`, `chargeNumber`. */
const VALUE_NAME = /^(?:id|ref|reference|uuid|guid|sub|msn)$|[a-z0-9](?:Id|ID|Ref|Reference|Uuid|UUID|Number|Nr)$|_(?:id|ref|reference|uuid|number)$/;

type Part = { readonly text: string; readonly source: number | undefined } | { readonly hole: typeof HOLE | typeof ANY_PART };

const memos = new WeakMap<TSESTree.Program, WeakMap<TSESTree.Node, UrlSource | null>>();

/** The URL's pattern and pieces, once per node; undefined when it cannot be read within the bounds. */
export function readUrlSource(sourceCode: SourceCode, node: TSESTree.Node): UrlSource | undefined {
  const perFile = memoised(memos, sourceCode.ast, () => new WeakMap<TSESTree.Node, UrlSource | null>());
  return memoised(perFile, node, () => build(sourceCode, node)) ?? undefined;
}

function build(sourceCode: SourceCode, node: TSESTree.Node): UrlSource | null {
  const parts: Part[] = [];
  if (!read(sourceCode, node, true, 0, parts) || parts.length > MAX_PIECES) return null;
  let pattern = "";
  const pieces: UrlPiece[] = [];
  for (const part of parts) {
    const start = pattern.length;
    if ("hole" in part) {
      // Two unknowns side by side (`${a}${b}`) may be anything together.
      if (pattern.endsWith(HOLE) || pattern.endsWith(ANY_PART)) {
        pattern = `${pattern.slice(0, -1)}${ANY_PART}`;
        continue;
      }
      pattern += part.hole;
      pieces.push({ start, end: pattern.length, source: undefined });
    } else {
      pattern += part.text;
      pieces.push({ start, end: pattern.length, source: part.source });
    }
    if (pattern.length > MAX_STRING_LENGTH) return null;
  }
  return { pattern, pieces };
}

/** Appends the node's parts; false when it goes past the bounds. `editable`: the text written here is this URL's alone. */
function read(sourceCode: SourceCode, node: TSESTree.Node, editable: boolean, depth: number, parts: Part[]): boolean {
  if (depth > MAX_DEPTH || parts.length > MAX_PIECES) return false;
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return read(sourceCode, node.expression, editable, depth + 1, parts);
    case AST_NODE_TYPES.Literal: {
      if (typeof node.value !== "string") break;
      const verbatim = sourceCode.text.slice(node.range[0] + 1, node.range[1] - 1) === node.value;
      parts.push({ text: node.value, source: editable && verbatim ? node.range[0] + 1 : undefined });
      return true;
    }
    case AST_NODE_TYPES.TemplateLiteral: {
      for (let index = 0; index < node.quasis.length; index++) {
        const quasi = node.quasis[index];
        if (!quasi || quasi.value.cooked == null) return false;
        // A quasi's range holds its delimiters: "`" or "}" before, "`" or "${" after.
        const start = quasi.range[0] + 1;
        const verbatim = sourceCode.text.slice(start, quasi.range[1] - (quasi.tail ? 1 : 2)) === quasi.value.cooked;
        // An empty quasi is kept too: it is where text after `${id}` at the end of a template goes.
        parts.push({ text: quasi.value.cooked, source: editable && verbatim ? start : undefined });
        const expression = node.expressions[index];
        if (expression && !read(sourceCode, expression, editable, depth + 1, parts)) return false;
      }
      return true;
    }
    case AST_NODE_TYPES.BinaryExpression:
      if (node.operator !== "+") break;
      return read(sourceCode, node.left, editable, depth + 1, parts) && read(sourceCode, node.right, editable, depth + 1, parts);
    case AST_NODE_TYPES.Identifier: {
      const pattern = getStringPattern(sourceCode, node);
      if (pattern === HOLE) break;
      const init = resolveConstantInit(sourceCode, node);
      if (!init) break;
      // A constant read once is this URL's own text; one read in several places is not rewritten for one of them.
      const variable = findVariable(sourceCode, node);
      const readOnce = variable !== null && variable.references.filter((reference) => reference.isRead()).length === 1;
      return read(sourceCode, init, editable && readOnce, depth + 1, parts);
    }
    default:
      break;
  }
  const pattern = getStringPattern(sourceCode, node);
  if (pattern === HOLE) parts.push({ hole: VALUE_NAME.test(nameOf(node) ?? "") ? HOLE : ANY_PART });
  else if (pattern.includes(HOLE)) parts.push({ text: pattern.split(HOLE).join(ANY_PART), source: undefined });
  else parts.push({ text: pattern, source: undefined });
  return true;
}

/** The name an expression's value goes by: `reference`, `req.params.id` → "id", `encodeURIComponent(orderId)` → "orderId". */
function nameOf(node: TSESTree.Node): string | undefined {
  let current: TSESTree.Node = node;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    switch (current.type) {
      case AST_NODE_TYPES.Identifier:
        return current.name;
      case AST_NODE_TYPES.MemberExpression:
        if (current.property.type === AST_NODE_TYPES.Identifier && !current.computed) return current.property.name;
        if (current.property.type === AST_NODE_TYPES.Literal && typeof current.property.value === "string") return current.property.value;
        return undefined;
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.CallExpression: {
        const callee = current.callee;
        const [argument] = current.arguments;
        // encodeURIComponent(x), String(x); x.toString(), x.trim()
        if (callee.type === AST_NODE_TYPES.Identifier && argument && argument.type !== AST_NODE_TYPES.SpreadElement && current.arguments.length === 1) {
          if (!["encodeURIComponent", "encodeURI", "String"].includes(callee.name)) return undefined;
          current = argument;
        } else if (callee.type === AST_NODE_TYPES.MemberExpression && current.arguments.length === 0 && callee.property.type === AST_NODE_TYPES.Identifier && ["toString", "trim"].includes(callee.property.name)) {
          current = callee.object;
        } else {
          return undefined;
        }
        break;
      }
      default:
        return undefined;
    }
  }
  return undefined;
}

/** The source range of pattern offsets [start, end), when one verbatim piece holds them all. */
export function sourceRangeOf(url: UrlSource, start: number, end: number): [number, number] | undefined {
  // An insertion at a piece's edge may go in either neighbour: the one written verbatim is taken.
  for (const piece of url.pieces) {
    if (piece.source === undefined || start < piece.start || end > piece.end) continue;
    return [piece.source + start - piece.start, piece.source + end - piece.start];
  }
  return undefined;
}
