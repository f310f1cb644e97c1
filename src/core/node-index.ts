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
  /** The file's nodes by type, each list in walk order. */
  readonly byType: ReadonlyMap<string, TSESTree.Node[]>;
  /** The lists already put in source order (see `nodesOfType`). */
  readonly ordered: Set<string>;
}

const EMPTY: readonly never[] = [];
const indexes = new WeakMap<TSESTree.Program, NodeIndex>();

/**
 * One pass over the file's nodes puts each in its type's list: reading a node's fields is the costly step (every
 * type is its own object shape), so each node's type is read once, not once per type asked for.
 */
function indexOf(sourceCode: SourceCode): NodeIndex {
  return memoised(indexes, sourceCode.ast, () => {
    const byType = new Map<string, TSESTree.Node[]>();
    const add = (node: TSESTree.Node): void => {
      const list = byType.get(node.type);
      if (list === undefined) byType.set(node.type, [node]);
      else list.push(node);
    };
    // ESLint has traversed the file before any rule runs and keeps the steps (`SourceCode#traverse()`, ESLint 9 and
    // later): their node entries are read off instead of walking again. Kind 1 is a node visit, phase 1 its entry
    // (phase 2 is the exit; kind 2, a code path event). Without steps of this file (a SourceCode made by hand), a walk.
    const traversable = sourceCode as unknown as TraversableSourceCode;
    const steps = typeof traversable.traverse === "function" ? traversable.traverse() : EMPTY;
    if (steps.find((step) => step.kind === 1)?.target === sourceCode.ast) {
      for (const step of steps) if (step.kind === 1 && step.phase === 1) add(step.target as TSESTree.Node);
    } else {
      walk(sourceCode, add);
    }
    return { byType, ordered: new Set<string>() };
  });
}

/** Every node of `type` in the file, in source order. The list is shared: callers must not change it. */
export function nodesOfType<T extends AST_NODE_TYPES>(sourceCode: SourceCode, type: T): readonly NodeOfType<T>[] {
  const { byType, ordered } = indexOf(sourceCode);
  const list = byType.get(type);
  if (list === undefined) return EMPTY;
  if (!ordered.has(type)) {
    // Visitor keys are in source order except a template's quasis (all before its expressions): a list that is out
    // of order is sorted, once (the sort is stable, so nodes that start together keep parent-first order).
    for (let i = 1; i < list.length; i++) {
      if ((list[i - 1] as TSESTree.Node).range[0] > (list[i] as TSESTree.Node).range[0]) {
        list.sort((a, b) => a.range[0] - b.range[0]);
        break;
      }
    }
    ordered.add(type);
  }
  return list as readonly TSESTree.Node[] as readonly NodeOfType<T>[];
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
