import { AST_NODE_TYPES, type TSESTree } from "../core/eslint-api.js";
import { unwrap } from "../core/ast.js";
import { MAX_STRING_LENGTH } from "../core/limits.js";
import { memoised } from "../core/memo.js";
import { getPropertyKey, getStringPattern } from "../core/static.js";
import { nodesOfType } from "../core/node-index.js";
import type { RuleContext, SourceCode } from "../core/types.js";
import { escapeRegExp } from "../core/regexp-source.js";
import { DEPRECATIONS, fieldsLostByReplacement, type DeprecationEntry, type Rewrite } from "../vipps/deprecations.js";
import { getVippsRequests, type VippsRequest } from "./index.js";

/**
 * Where a file uses what src/vipps/deprecations.ts lists: URLs and paths in string literals and templates (retired
 * APIs need not be requests detection recognises), hosts, module names, SDK spellings and scope values, and the
 * requests detection places at a listed endpoint. Matching is by the kind of what an entry lists, never by API.
 */

/** One text edit of a mechanical repair. */
export interface DeprecationEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface DeprecatedUse {
  readonly entry: DeprecationEntry;
  /** Where the report points. */
  readonly node: TSESTree.Node;
  /** The edits of the repair; empty when none is mechanical here (escapes in the text, a URL built elsewhere). */
  readonly edits: readonly DeprecationEdit[];
  /** Fields the file reads that the replacement's response lacks: then the repair needs a person. */
  readonly lostFields: readonly string[];
}

/** A static run of text written in the file: a string literal or one quasi of a template. */
interface Piece {
  readonly node: TSESTree.StringLiteral | TSESTree.TemplateLiteral;
  readonly text: string;
  /** `text` in lower case, once: every entry's paths and hosts are matched against it. */
  readonly lower: string;
  /** The source offset of `text[0]`, when the source spells the text without escapes (edits need one). */
  readonly start: number | undefined;
}

type StringNode = TSESTree.StringLiteral | TSESTree.TemplateLiteral | TSESTree.BinaryExpression;

const TEXT_ENTRIES = DEPRECATIONS.filter((entry) => entry.match.paths || entry.match.hosts || entry.match.scopes);
const MODULE_ENTRIES = DEPRECATIONS.filter((entry) => entry.match.modules);
const NAMESPACE_ENTRIES = DEPRECATIONS.filter((entry) => entry.match.sdkNamespaces);
/** The first entry that lists each endpoint, by endpoint id: every request is looked up. */
const ENDPOINT_ENTRIES = new Map<string, DeprecationEntry>();
for (const entry of DEPRECATIONS) {
  for (const id of entry.match.endpoints ?? []) if (!ENDPOINT_ENTRIES.has(id)) ENDPOINT_ENTRIES.set(id, entry);
}
/**
 * Text that the lower-cased pieces hold wherever a text entry finds a use: its paths (without a trailing slash, which
 * `containsPath` may match without) and hosts as `textUse` compares them, its scopes lower-cased (they are compared
 * with the text as written). A string whose pieces hold none of them is done with at once.
 */
const TEXT_NEEDLES = new RegExp(
  TEXT_ENTRIES.flatMap((entry) => [
    ...(entry.match.paths ?? []).map((path) => path.replace(/\/$/, "")),
    ...(entry.match.hosts ?? []),
    ...(entry.match.scopes ?? []).map((scope) => scope.toLowerCase()),
  ])
    .map(escapeRegExp)
    .join("|"),
);

/** The module names an entry lists, as `moduleUse` compares them (exactly, or followed by a path). */
const MODULE_NAMES = MODULE_ENTRIES.flatMap((entry) => entry.match.modules ?? []);
/** The start of an HTML entity (`&amp;`, `&#47;`), which JSX attributes and component templates decode. */
const ENTITY = /&[#\dA-Za-z]/;

/**
 * Whether the file's text shows that none of its strings holds a needle or names a listed module. Without escapes and
 * entities every string's value is written as is in the text (a template's line ends are normalised, but no needle
 * spans one), so a needle in a lower-cased string is in the lower-cased text (`toLowerCase`, not a case-insensitive
 * search, to match what the strings are compared as), and a module name in a string is in the text: one search of
 * the text then stands for a test of every string.
 */
function textRulesOutStrings(text: string): boolean {
  if (text.includes("\\") || (text.includes("&") && ENTITY.test(text))) return false;
  return !TEXT_NEEDLES.test(text.toLowerCase()) && !MODULE_NAMES.some((name) => text.includes(name));
}

const cache = new WeakMap<TSESTree.Program, readonly DeprecatedUse[]>();

/** The file's deprecated uses in source order, computed once per file. */
export function findDeprecatedUses(context: RuleContext): readonly DeprecatedUse[] {
  return memoised(cache, context.sourceCode.ast, () => scan(context));
}

function scan(context: RuleContext): DeprecatedUse[] {
  const sourceCode = context.sourceCode;
  // Read only when an entry that needs it matches: most files have no such use.
  let mentionsVipps: boolean | undefined;
  const fileMentionsVipps = (): boolean => (mentionsVipps ??= /vipps/i.test(sourceCode.text));
  // The uses of each string that has some, by string: put in the order one walk would meet the strings below.
  const found: { readonly node: StringNode; readonly uses: DeprecatedUse[] }[] = [];
  const scanString = (node: StringNode): void => {
    if (isInsideConcatenation(node)) return;
    // Most strings hold no text an entry lists and are no module name: they are passed over without building pieces.
    const fromModule = node.type === AST_NODE_TYPES.Literal && node.value.length <= MAX_STRING_LENGTH ? moduleUse(node) : undefined;
    if (!fromModule && !holdsNeedle(node)) return;
    const pieces = ownPieces(sourceCode, node);
    if (pieces.length === 0) return;
    const uses: DeprecatedUse[] = [];
    if (fromModule) uses.push(fromModule);
    if (pieces.some((piece) => TEXT_NEEDLES.test(piece.lower))) {
      for (const entry of TEXT_ENTRIES) {
        const use = textUse(sourceCode, entry, node, pieces, fileMentionsVipps);
        if (use) uses.push(use);
      }
    }
    if (uses.length > 0) found.push({ node, uses });
  };
  if (!textRulesOutStrings(sourceCode.text)) {
    for (const type of STRING_TYPES) for (const node of nodesOfType(sourceCode, type)) if (isStringNode(node)) scanString(node);
  }
  // Walk order: earlier start first, and of two strings starting together the one around the other (a `+` chain
  // starting with `"…".trim()`). Two such strings never span the same text.
  found.sort((a, b) => a.node.range[0] - b.node.range[0] || b.node.range[1] - a.node.range[1]);
  const uses: DeprecatedUse[] = [];
  for (const string of found) uses.push(...string.uses);
  // The fields the file reads matter only to a request at a listed endpoint whose replacement lacks some: read once, then.
  let fieldsRead: ReadonlySet<string> | undefined;
  const readFields = (): ReadonlySet<string> => (fieldsRead ??= fieldsReadIn(sourceCode));
  for (const request of getVippsRequests(context)) {
    const atEndpoint = requestUse(request, readFields);
    if (atEndpoint) uses.push(atEndpoint);
    const namespace = namespaceUse(request);
    if (namespace) uses.push(namespace);
  }
  // Each string's uses are pushed together, and distinct strings start at distinct offsets: the sort (stable) puts
  // them in source order whatever order the node types were read in.
  return uses.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

const STRING_TYPES = [AST_NODE_TYPES.Literal, AST_NODE_TYPES.TemplateLiteral, AST_NODE_TYPES.BinaryExpression] as const;

/** Whether some piece `ownPieces` would read holds a needle, read without building the pieces. */
function holdsNeedle(root: StringNode): boolean {
  if (root.type === AST_NODE_TYPES.Literal) return root.value.length <= MAX_STRING_LENGTH && TEXT_NEEDLES.test(root.value.toLowerCase());
  if (root.type === AST_NODE_TYPES.TemplateLiteral) return quasisHoldNeedle(root);
  const stack: TSESTree.Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === "+") {
      stack.push(node.right, node.left);
    } else if (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string") {
      if (node.value.length <= MAX_STRING_LENGTH && TEXT_NEEDLES.test(node.value.toLowerCase())) return true;
    } else if (node.type === AST_NODE_TYPES.TemplateLiteral && quasisHoldNeedle(node)) {
      return true;
    }
  }
  return false;
}

function quasisHoldNeedle(template: TSESTree.TemplateLiteral): boolean {
  for (const quasi of template.quasis) {
    const text = quasi.value.cooked;
    if (text !== null && text.length <= MAX_STRING_LENGTH && TEXT_NEEDLES.test(text.toLowerCase())) return true;
  }
  return false;
}

/** The property names the file reads (`x.name`) or destructures (`{ name }`). */
function fieldsReadIn(sourceCode: SourceCode): Set<string> {
  const fields = new Set<string>();
  for (const member of nodesOfType(sourceCode, AST_NODE_TYPES.MemberExpression)) {
    if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) fields.add(member.property.name);
  }
  for (const property of nodesOfType(sourceCode, AST_NODE_TYPES.Property)) {
    if (property.parent.type !== AST_NODE_TYPES.ObjectPattern) continue;
    const key = getPropertyKey(sourceCode, property);
    if (key !== null) fields.add(key);
  }
  return fields;
}

function isStringNode(node: TSESTree.Node): node is StringNode {
  return (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string") ||
    node.type === AST_NODE_TYPES.TemplateLiteral ||
    (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === "+")
  );
}

/** A literal or template inside `a + "…"` is read with the whole concatenation, once. */
function isInsideConcatenation(node: TSESTree.Node): boolean {
  return node.parent?.type === AST_NODE_TYPES.BinaryExpression && node.parent.operator === "+";
}

/** The static text a string expression writes itself (not through constants), piece by piece, in order. */
function ownPieces(sourceCode: SourceCode, root: StringNode): Piece[] {
  const pieces: Piece[] = [];
  // A `+` chain is flattened on an explicit stack: each operand once, however deep the chain.
  const stack: TSESTree.Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === "+") {
      stack.push(node.right, node.left);
    } else if (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string") {
      if (node.value.length > MAX_STRING_LENGTH) continue;
      const raw = sourceCode.text.slice(node.range[0] + 1, node.range[1] - 1);
      pieces.push({ node, text: node.value, lower: node.value.toLowerCase(), start: raw === node.value ? node.range[0] + 1 : undefined });
    } else if (node.type === AST_NODE_TYPES.TemplateLiteral) {
      for (const quasi of node.quasis) {
        const text = quasi.value.cooked;
        if (text === null || text.length > MAX_STRING_LENGTH) continue;
        // A quasi's range includes its delimiters: "`" or "}" before, "`" or "${" after.
        pieces.push({ node, text, lower: text.toLowerCase(), start: quasi.value.raw === text ? quasi.range[0] + 1 : undefined });
      }
    }
  }
  return pieces;
}

function textUse(
  sourceCode: SourceCode,
  entry: DeprecationEntry,
  node: StringNode,
  pieces: readonly Piece[],
  mentionsVipps: () => boolean,
): DeprecatedUse | undefined {
  const { paths, hosts, scopes, needsVippsInFile } = entry.match;
  let found: Piece | undefined;
  if (paths) {
    if (needsVippsInFile && !mentionsVipps()) return undefined;
    found = pieces.find((piece) => paths.some((path) => containsPath(piece.lower, path)));
    // A host may come from a constant (`${MOBILEPAY_API}/v1/payments`): the evaluated pattern shows it.
    if (found && hosts) {
      const pattern = getStringPattern(sourceCode, node).toLowerCase();
      if (!hosts.some((host) => namesHost(pattern, host))) return undefined;
    }
  } else if (hosts) {
    found = pieces.find((piece) => hosts.some((host) => piece.lower.includes(host) && hostOffsets(piece.text, host).length > 0));
  } else if (scopes) {
    if (!isScopeValue(sourceCode, node) && !pieces.some((piece) => piece.text.includes("scope="))) return undefined;
    found = pieces.find((piece) => scopes.some((scope) => scopeOffsets(piece.text, scope).length > 0));
  }
  if (!found) return undefined;
  return { entry, node: found.node, edits: textEdits(entry, pieces.filter((piece) => piece.node === found.node)), lostFields: [] };
}

/** Whether `text` holds `path`; a path written with a trailing slash also matches at the end (`…/recurring/v2`). */
function containsPath(text: string, path: string): boolean {
  if (text.includes(path)) return true;
  return path.endsWith("/") && text.endsWith(path.slice(0, -1));
}

/** Whether a URL pattern's host is `host` (`https://host/…`, `//host:443`, `host/path`). */
function namesHost(pattern: string, host: string): boolean {
  const at = pattern.indexOf(`//${host}`);
  if (at >= 0 && ["", "/", ":", "?"].includes(pattern.charAt(at + host.length + 2))) return true;
  return pattern.startsWith(`${host}/`);
}

const HOST_BEFORE = new Set(["", "/", " ", "\t", "\n", "'", '"', ",", ";", "@"]);
const HOST_AFTER = new Set(["", "/", ":", " ", "\t", "\n", "'", '"', ",", ";", "?", "#"]);

/**
 * Where `host` stands in `text` as a host: in a URL (`//host`), as the whole value or its start (an allow-list entry,
 * `host/path`), or as a source of a Content Security Policy. A host named inside prose ("pay at pay.mobilepay.dk")
 * is not one: changing it changes a sentence, not a redirect check.
 */
function hostOffsets(text: string, host: string): number[] {
  const lower = text.toLowerCase();
  const trimmedStart = lower.length - lower.trimStart().length;
  const isPolicy = lower.includes("-src ");
  const offsets: number[] = [];
  for (let index = lower.indexOf(host); index >= 0; index = lower.indexOf(host, index + host.length)) {
    const before = lower.slice(Math.max(0, index - 1), index);
    const after = lower.slice(index + host.length, index + host.length + 1);
    if (!HOST_BEFORE.has(before) || !HOST_AFTER.has(after)) continue;
    if (lower.slice(Math.max(0, index - 2), index) === "//" || index === trimmedStart || isPolicy) offsets.push(index);
  }
  return offsets;
}

const SCOPE_BEFORE = new Set(["", " ", "+", ",", "="]);
const SCOPE_AFTER = new Set(["", " ", "+", ",", "&", "%"]);

/** Where `scope` stands in `text` as one word of a scope list (`openid nnin`, `scope=openid%20nnin`). */
function scopeOffsets(text: string, scope: string): number[] {
  const offsets: number[] = [];
  for (let index = text.indexOf(scope); index >= 0; index = text.indexOf(scope, index + scope.length)) {
    const before = text.slice(Math.max(0, index - 1), index);
    const encodedSpace = text.slice(Math.max(0, index - 3), index) === "%20";
    const after = text.slice(index + scope.length, index + scope.length + 1);
    if ((SCOPE_BEFORE.has(before) || encodedSpace) && SCOPE_AFTER.has(after)) offsets.push(index);
  }
  return offsets;
}

/** `scope: "…"`, `const scope = "…"`, `x.scope = "…"`, `params.set("scope", "…")`, or an array item of one of them. */
function isScopeValue(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const value = node.parent?.type === AST_NODE_TYPES.ArrayExpression ? node.parent : node;
  const parent = value.parent;
  if (!parent) return false;
  const isScopeName = (name: string | null | undefined): boolean => typeof name === "string" && /scope/i.test(name);
  switch (parent.type) {
    case AST_NODE_TYPES.Property:
      return parent.value === value && isScopeName(getPropertyKey(sourceCode, parent));
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier && isScopeName(parent.id.name);
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left.type === AST_NODE_TYPES.MemberExpression && isScopeName(getPropertyKey(sourceCode, parent.left));
    case AST_NODE_TYPES.CallExpression: {
      const first = parent.arguments[0];
      return parent.arguments[1] === value && first?.type === AST_NODE_TYPES.Literal && isScopeName(String(first.value));
    }
    default:
      return false;
  }
}

/** The edits of an entry's rewrites inside the pieces of one node; none when a piece needing one has escapes. */
function textEdits(entry: DeprecationEntry, pieces: readonly Piece[]): DeprecationEdit[] {
  const edits: DeprecationEdit[] = [];
  for (const piece of pieces) {
    for (const rewrite of entry.rewrites ?? []) {
      const offsets = entry.match.scopes
        ? scopeOffsets(piece.text, rewrite.from)
        : entry.match.paths
          ? pathOffsets(piece.text, rewrite)
          : hostOffsets(piece.text, rewrite.from);
      if (offsets.length === 0) continue;
      if (piece.start === undefined) return [];
      for (const offset of offsets) edits.push({ range: [piece.start + offset, piece.start + offset + rewrite.from.length], text: rewrite.to });
    }
  }
  return edits;
}

/** Where a path rewrite applies: `from` ends the path (`whole`) or a segment of it. */
function pathOffsets(text: string, rewrite: Rewrite): number[] {
  const lower = text.toLowerCase();
  const offsets: number[] = [];
  const ends = rewrite.whole ? ["", "?", "#"] : ["", "/", "?", "#"];
  for (let index = lower.indexOf(rewrite.from); index >= 0; index = lower.indexOf(rewrite.from, index + rewrite.from.length)) {
    if (ends.includes(lower.slice(index + rewrite.from.length, index + rewrite.from.length + 1))) offsets.push(index);
  }
  return offsets;
}

/** `import … from "@vippsno/vipps-sdk"`, `require("…")`, `import("…")`, `export … from "…"`. */
function moduleUse(literal: TSESTree.Literal): DeprecatedUse | undefined {
  const name = literal.value;
  if (typeof name !== "string") return undefined;
  const parent = literal.parent;
  const isSource =
    ((parent.type === AST_NODE_TYPES.ImportDeclaration ||
      parent.type === AST_NODE_TYPES.ExportAllDeclaration ||
      parent.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      parent.type === AST_NODE_TYPES.ImportExpression) &&
      parent.source === literal) ||
    (parent.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === literal &&
      parent.callee.type === AST_NODE_TYPES.Identifier &&
      parent.callee.name === "require");
  if (!isSource) return undefined;
  const entry = MODULE_ENTRIES.find((candidate) => candidate.match.modules?.some((module) => name === module || name.startsWith(`${module}/`)));
  return entry ? { entry, node: literal, edits: [], lostFields: [] } : undefined;
}

/** A request detection places at a listed endpoint; the repair rewrites the path where the URL is written in place. */
function requestUse(request: VippsRequest, fieldsRead: () => ReadonlySet<string>): DeprecatedUse | undefined {
  const id = request.endpoint?.id;
  const entry = id === undefined ? undefined : ENDPOINT_ENTRIES.get(id);
  if (!entry) return undefined;
  const url = request.url && unwrap(request.url);
  let edits: DeprecationEdit[] = [];
  if (url && isStringNode(url) && !isInsideConcatenation(url)) {
    const pieces = urlPieces(url);
    // Only the last piece ends the path; a rewrite that must end it applies there.
    const last = pieces.at(-1);
    edits = last ? textEdits({ ...entry, match: { paths: [] } }, [last]) : [];
  }
  const lost = fieldsLostByReplacement(entry);
  const lostFields = lost.length === 0 ? [] : lost.filter((field) => fieldsRead().has(field));
  return { entry, node: url ?? request.node, edits, lostFields };
}

/** The pieces of a URL expression written in place, without the source code (their texts are all a rewrite needs). */
function urlPieces(url: StringNode): Piece[] {
  if (url.type === AST_NODE_TYPES.Literal) {
    const raw = url.raw.slice(1, -1);
    return [{ node: url, text: url.value, lower: url.value.toLowerCase(), start: raw === url.value ? url.range[0] + 1 : undefined }];
  }
  if (url.type === AST_NODE_TYPES.TemplateLiteral) {
    const quasi = url.quasis.at(-1);
    const text = quasi?.value.cooked;
    return quasi && typeof text === "string" ? [{ node: url, text, lower: text.toLowerCase(), start: quasi.value.raw === text ? quasi.range[0] + 1 : undefined }] : [];
  }
  const right = url.right;
  return isStringNode(right) && right.type !== AST_NODE_TYPES.BinaryExpression ? urlPieces(right) : [];
}

/** An SDK call spelled the 0.x way (`client.agreement.create(…)`): the repair puts the later parent in front. */
function namespaceUse(request: VippsRequest): DeprecatedUse | undefined {
  if (request.transport !== "sdk" || request.node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = request.node.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const holder = callee.object;
  if (holder.computed || holder.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const namespace = holder.property;
  const parent = holder.object;
  if (parent.type === AST_NODE_TYPES.MemberExpression && !parent.computed && parent.property.type === AST_NODE_TYPES.Identifier && parent.property.name === "recurring") {
    return undefined;
  }
  const entry = NAMESPACE_ENTRIES.find((candidate) => candidate.match.sdkNamespaces?.includes(namespace.name));
  const rewrite = entry?.rewrites?.find((candidate) => candidate.from === namespace.name);
  if (!entry) return undefined;
  return { entry, node: namespace, edits: rewrite ? [{ range: namespace.range, text: rewrite.to }] : [], lostFields: [] };
}
