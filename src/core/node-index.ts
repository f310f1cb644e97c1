import type { AST_NODE_TYPES, TSESTree } from "./eslint-api.js";
import { memoised } from "./memo.js";
import { walk } from "./traverse.js";
import type { SourceCode } from "./types.js";

/**
 * The nodes of a file by type, from one walk per file shared by every analysis: a finder that wants the file's calls,
 * literals or member reads asks for that type instead of walking the whole tree again. Lists are in source order
 * (by start offset; a node before its descendants that start at the same offset).
 */

export type NodeOfType<T extends AST_NODE_TYPES> = Extract<TSESTree.Node, { type: T }>;

const EMPTY: readonly never[] = [];
const indexes = new WeakMap<TSESTree.Program, ReadonlyMap<string, readonly TSESTree.Node[]>>();

function indexOf(sourceCode: SourceCode): ReadonlyMap<string, readonly TSESTree.Node[]> {
  return memoised(indexes, sourceCode.ast, () => {
    const byType = new Map<string, TSESTree.Node[]>();
    // The walk follows the parser's visitor keys, which are in source order except a template's quasis (all before
    // its expressions): a list that comes out of order is sorted once (the sort is stable, so ties keep walk order).
    let unsorted: Set<TSESTree.Node[]> | undefined;
    walk(sourceCode, (node) => {
      const list = byType.get(node.type);
      if (list === undefined) {
        byType.set(node.type, [node]);
        return;
      }
      const last = list[list.length - 1];
      if (last !== undefined && last.range[0] > node.range[0]) (unsorted ??= new Set()).add(list);
      list.push(node);
    });
    if (unsorted) for (const list of unsorted) list.sort((a, b) => a.range[0] - b.range[0]);
    return byType;
  });
}

/** Every node of `type` in the file, in source order. The list is shared: callers must not change it. */
export function nodesOfType<T extends AST_NODE_TYPES>(sourceCode: SourceCode, type: T): readonly NodeOfType<T>[] {
  return (indexOf(sourceCode).get(type) ?? EMPTY) as readonly NodeOfType<T>[];
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
  const found: NodeOfType<T>[] = [];
  for (const type of types) {
    const list = root ? nodesOfTypeWithin(sourceCode, type, root) : nodesOfType(sourceCode, type);
    for (const node of list) found.push(node);
  }
  return types.length > 1 ? found.sort(bySourceOrder) : found;
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
