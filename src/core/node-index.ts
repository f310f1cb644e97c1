import type { AST_NODE_TYPES, TSESTree } from "./eslint-api.js";
import { memoised } from "./memo.js";
import { walk } from "./traverse.js";
import type { SourceCode } from "./types.js";

/**
 * The nodes of a file by type, shared by every analysis: a finder that wants the file's calls, literals or member
 * reads asks for that type instead of walking the whole tree again. Lists are in source order (by start offset; a
 * node before its descendants that start at the same offset).
 */

export type NodeOfType<T extends AST_NODE_TYPES> = Extract<TSESTree.Node, { type: T }>;

/** What ESLint's `SourceCode#traverse()` (ESLint 9 and later) returns: the steps of its one traversal, cached per file. */
interface TraversalStep {
  readonly kind?: number;
  readonly phase?: number;
  readonly target?: unknown;
}
interface TraversableSourceCode {
  traverse?(): readonly TraversalStep[];
}

interface NodeIndex {
  /** Every node in the order of a walk (parent first, children by visitor keys). */
  readonly nodes: readonly TSESTree.Node[];
  /** The lists asked for so far, each made by one pass over `nodes`. */
  readonly byType: Map<string, readonly TSESTree.Node[]>;
}

const EMPTY: readonly never[] = [];
const indexes = new WeakMap<TSESTree.Program, NodeIndex>();

function indexOf(sourceCode: SourceCode): NodeIndex {
  return memoised(indexes, sourceCode.ast, () => ({ nodes: allNodes(sourceCode), byType: new Map<string, readonly TSESTree.Node[]>() }));
}

/**
 * Every node of the file in walk order. ESLint has already traversed the file before any rule runs and keeps the
 * steps (`SourceCode#traverse()`): their node entries are read off instead of walking again. Without them (a
 * SourceCode made by hand), one walk.
 */
function allNodes(sourceCode: SourceCode): TSESTree.Node[] {
  const nodes: TSESTree.Node[] = [];
  const traversable = sourceCode as unknown as TraversableSourceCode;
  if (typeof traversable.traverse === "function") {
    // Kind 1 is a node visit, phase 1 its entry (phase 2 is the exit; kind 2, code path events).
    for (const step of traversable.traverse()) if (step.kind === 1 && step.phase === 1) nodes.push(step.target as TSESTree.Node);
    if (nodes[0] === sourceCode.ast) return nodes;
    nodes.length = 0;
  }
  walk(sourceCode, (node) => nodes.push(node));
  return nodes;
}

/** Every node of `type` in the file, in source order. The list is shared: callers must not change it. */
export function nodesOfType<T extends AST_NODE_TYPES>(sourceCode: SourceCode, type: T): readonly NodeOfType<T>[] {
  const index = indexOf(sourceCode);
  let list = index.byType.get(type);
  if (list === undefined) {
    const found: TSESTree.Node[] = [];
    // Visitor keys are in source order except a template's quasis (all before its expressions): a list that comes
    // out of order is sorted once (the sort is stable, so nodes that start together keep parent-first order).
    let sorted = true;
    for (const node of index.nodes) {
      if (node.type !== type) continue;
      const last = found[found.length - 1];
      if (last !== undefined && last.range[0] > node.range[0]) sorted = false;
      found.push(node);
    }
    list = sorted ? found : found.sort((a, b) => a.range[0] - b.range[0]);
    index.byType.set(type, list.length === 0 ? EMPTY : list);
  }
  return list as readonly NodeOfType<T>[];
}

/**
 * The nodes of `type` in the subtree of `root` (`root` itself included), in source order: what a walk from `root`
 * would visit. Found by a binary search on start offsets, so a query costs the size of its answer, not the file's.
 */
export function nodesOfTypeWithin<T extends AST_NODE_TYPES>(sourceCode: SourceCode, type: T, root: TSESTree.Node): NodeOfType<T>[] {
  const list = nodesOfType(sourceCode, type);
  const [start, end] = root.range;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as TSESTree.Node).range[0] < start) low = middle + 1;
    else high = middle;
  }
  const found: NodeOfType<T>[] = [];
  for (let i = low; i < list.length; i++) {
    const node = list[i] as NodeOfType<T>;
    const [nodeStart, nodeEnd] = node.range;
    if (nodeStart > end) break;
    if (nodeEnd > end) continue;
    // Inside the range is inside the subtree, except for an ancestor spanning the same text (`a.b` and its
    // statement without a semicolon) and an empty node at either edge: those are asked of the parent links.
    const ambiguous = (nodeStart === start && nodeEnd === end) || nodeStart === nodeEnd;
    if (!ambiguous || isWithin(node, root)) found.push(node);
  }
  return found;
}

/**
 * The nodes of several types, in the subtree of `root` when given (the whole file otherwise), merged in source order:
 * the order in which one walk would visit them (a node before those inside it).
 */
export function nodesOfTypes<T extends AST_NODE_TYPES>(sourceCode: SourceCode, types: readonly T[], root?: TSESTree.Node): NodeOfType<T>[] {
  if (types.length === 1) return root ? nodesOfTypeWithin(sourceCode, types[0] as T, root) : [...nodesOfType(sourceCode, types[0] as T)];
  const found: NodeOfType<T>[] = [];
  if (root) {
    for (const type of types) for (const node of nodesOfTypeWithin(sourceCode, type, root)) found.push(node);
    return found.sort(bySourceOrder);
  }
  // The whole file: one pass over the walk order, which is source order but for template quasis.
  let sorted = true;
  for (const node of indexOf(sourceCode).nodes) {
    if (!(types as readonly string[]).includes(node.type)) continue;
    const last = found[found.length - 1];
    if (last !== undefined && last.range[0] > node.range[0]) sorted = false;
    found.push(node as NodeOfType<T>);
  }
  return sorted ? found : found.sort(bySourceOrder);
}

/** Earlier start first; at the same start the node around the other (longer, or the ancestor of an equal one). */
function bySourceOrder(a: TSESTree.Node, b: TSESTree.Node): number {
  const byStart = a.range[0] - b.range[0];
  if (byStart !== 0) return byStart;
  const byEnd = b.range[1] - a.range[1];
  if (byEnd !== 0) return byEnd;
  return isWithin(b, a) ? -1 : isWithin(a, b) ? 1 : 0;
}

/** Whether `root` is `node` or one of its ancestors. */
function isWithin(node: TSESTree.Node, root: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (current === root) return true;
    if (current.range[0] < root.range[0] || current.range[1] > root.range[1]) return false;
  }
  return false;
}
