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
  /** The file's nodes by type, each list in walk order: the types in `askedTypes` when the file was indexed, and any asked since. */
  readonly byType: Map<string, TypeList>;
  /** The steps of ESLint's traversal of this file, or undefined when the index had to walk (a SourceCode made by hand). */
  readonly steps: readonly TraversalStep[] | undefined;
}

/** The nodes of one type, and whether the walk met them in source order (see `nodesOfType`). */
interface TypeList {
  readonly nodes: TSESTree.Node[];
  inSourceOrder: boolean;
  /** The start offset of the last node added. */
  lastStart: number;
}

const newList = (): TypeList => ({ nodes: [], inSourceOrder: true, lastStart: -1 });

/**
 * Adds the node to its type's list. Whether the list stays in source order is noted here, while the node is in the
 * CPU's cache: a check over the finished list read every node back from memory, a fifth of the index's cost.
 */
function addTo(list: TypeList, node: TSESTree.Node): void {
  const start = node.range[0];
  if (start < list.lastStart) list.inSourceOrder = false;
  list.lastStart = start;
  list.nodes.push(node);
}

const EMPTY: readonly never[] = [];
const indexes = new WeakMap<TSESTree.Program, NodeIndex>();
/**
 * The node types some analysis has asked for in this process. A file's index keeps lists of these only: the other
 * nodes (identifiers above all, the most numerous) are passed over. A type asked for the first time is read off the
 * traversal of the file that asks, in a pass of its own, and is in every later file's index.
 */
const askedTypes = new Set<string>();

/**
 * One pass over the file's nodes puts each in its type's list: reading a node's fields is the costly step (every
 * type is its own object shape), so each node's type is read once, not once per type asked for.
 */
function indexOf(sourceCode: SourceCode): NodeIndex {
  return memoised(indexes, sourceCode.ast, () => {
    const byType = new Map<string, TypeList>();
    for (const type of askedTypes) byType.set(type, newList());
    // ESLint has traversed the file before any rule runs and keeps the steps (`SourceCode#traverse()`, ESLint 9 and
    // later): their node entries are read off instead of walking again. Kind 1 is a node visit, phase 1 its entry
    // (phase 2 is the exit; kind 2, a code path event). Without steps of this file (a SourceCode made by hand), a walk.
    const traversable = sourceCode as unknown as TraversableSourceCode;
    const allSteps = typeof traversable.traverse === "function" ? traversable.traverse() : EMPTY;
    const steps = allSteps.find((step) => step.kind === 1)?.target === sourceCode.ast ? allSteps : undefined;
    const index = { byType, steps };
    if (byType.size > 0) {
      collect(sourceCode, index, (node) => {
        const list = byType.get(node.type);
        if (list) addTo(list, node);
      });
    }
    return index;
  });
}

/** Visits the file's nodes in walk order: off ESLint's traversal steps when the index has them, by a walk otherwise. */
function collect(sourceCode: SourceCode, index: NodeIndex, visit: (node: TSESTree.Node) => void): void {
  if (index.steps) {
    for (const step of index.steps) if (step.kind === 1 && step.phase === 1) visit(step.target as TSESTree.Node);
  } else {
    walk(sourceCode, visit);
  }
}

/** Every node of `type` in the file, in source order. The list is shared: callers must not change it. */
export function nodesOfType<T extends AST_NODE_TYPES>(sourceCode: SourceCode, type: T): readonly NodeOfType<T>[] {
  const index = indexOf(sourceCode);
  let list = index.byType.get(type);
  if (list === undefined) {
    // A type no analysis had asked for when this file was indexed: one pass of its own, and every later file's index has it.
    const found = newList();
    collect(sourceCode, index, (node) => {
      if (node.type === type) addTo(found, node);
    });
    index.byType.set(type, (list = found));
    askedTypes.add(type);
  }
  if (!list.inSourceOrder) {
    // Visitor keys are in source order except a template's quasis (all before its expressions): a list that came out
    // of order is sorted, once (the sort is stable, so nodes that start together keep parent-first order).
    list.nodes.sort((a, b) => a.range[0] - b.range[0]);
    list.inSourceOrder = true;
  }
  return list.nodes.length === 0 ? EMPTY : (list.nodes as readonly TSESTree.Node[] as readonly NodeOfType<T>[]);
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
  const lists = types.map((type) => (root ? nodesOfTypeWithin(sourceCode, type, root) : nodesOfType(sourceCode, type)));
  // A merge of the sorted lists: each step takes the earliest of their heads.
  const heads = lists.map(() => 0);
  const merged: NodeOfType<T>[] = [];
  for (;;) {
    let best = -1;
    let bestNode: NodeOfType<T> | undefined;
    for (let i = 0; i < lists.length; i++) {
      const node = (lists[i] as readonly NodeOfType<T>[])[heads[i] as number];
      if (node !== undefined && (bestNode === undefined || bySourceOrder(node, bestNode) < 0)) {
        best = i;
        bestNode = node;
      }
    }
    if (bestNode === undefined) return merged;
    merged.push(bestNode);
    heads[best] = (heads[best] as number) + 1;
  }
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
