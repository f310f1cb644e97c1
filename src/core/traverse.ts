import type { TSESTree } from "./eslint-api.js";
import { isFunction } from "./ast.js";
import type { SourceCode } from "./types.js";

/** Walks over the AST with the parser's visitor keys, on an explicit stack: no depth of nesting overflows it. */

const isNode = (value: unknown): value is TSESTree.Node =>
  typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";

/** Pushes the children of `node` onto `stack` so that they pop in source order. */
function pushChildren(sourceCode: SourceCode, node: TSESTree.Node, stack: TSESTree.Node[]): void {
  const keys = sourceCode.visitorKeys[node.type] ?? [];
  for (let k = keys.length - 1; k >= 0; k--) {
    const child = (node as unknown as Record<string, unknown>)[keys[k] ?? ""];
    if (Array.isArray(child)) {
      for (let i = child.length - 1; i >= 0; i--) {
        const item: unknown = child[i];
        if (isNode(item)) stack.push(item);
      }
    } else if (isNode(child)) {
      stack.push(child);
    }
  }
}

/** Visits every node under `root` (the whole file by default) once, in source order. */
export function walk(sourceCode: SourceCode, visitor: (node: TSESTree.Node) => void, root: TSESTree.Node = sourceCode.ast): void {
  const stack: TSESTree.Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    visitor(node);
    pushChildren(sourceCode, node, stack);
  }
}

/** Whether `body` (a function body, a catch block) contains a node that `test` accepts, outside nested functions. */
export function containsOwn(sourceCode: SourceCode, body: TSESTree.Node, test: (node: TSESTree.Node) => boolean): boolean {
  const stack: TSESTree.Node[] = [body];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (test(node)) return true;
    if (node !== body && isFunction(node)) continue;
    pushChildren(sourceCode, node, stack);
  }
  return false;
}
