import { AST_NODE_TYPES, type TSESTree } from "../core/eslint-api.js";
import { climbTypeWrappers, type FunctionNode } from "../core/ast.js";
import { findVariable } from "../core/static.js";
import type { SourceCode } from "../core/types.js";
import { callsOf, functionReturning } from "./local-calls.js";

/**
 * Client instances made by the project's own factories, which reference tracking does not follow: it follows an
 * instance into variables and assignments (`const client = Client(...)`, a module-level `client = Client(...)` in an
 * init function), but not out of a function through `return`. Here:
 *
 * - `function getVippsClient() { return Client({...}) }`: each call `getVippsClient()` holds the instance;
 * - `let client; function getClient() { if (!client) client = Client(...); return client; }`: the same, through the
 *   variable the instance was stored in;
 * - `async function getClient() { return Client(...) }`: each `await getClient()` holds it.
 *
 * The caller follows each of these expressions as it follows the factory call itself, a bounded number of levels
 * deep (MAX_INSTANCE_DEPTH), so a factory that calls another factory is followed too.
 */
export function instancesReturnedFrom(sourceCode: SourceCode, instance: TSESTree.Node): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  for (const fn of returningFunctions(sourceCode, instance)) {
    for (const call of callsOf(sourceCode, fn)) {
      if (!fn.async) {
        found.push(call);
        continue;
      }
      const awaited = climbTypeWrappers(call).parent;
      if (awaited?.type === AST_NODE_TYPES.AwaitExpression) found.push(awaited);
    }
  }
  return found;
}

/** The functions that return the instance held by `node`: directly, or through the one variable it is stored in. */
function returningFunctions(sourceCode: SourceCode, node: TSESTree.Node): FunctionNode[] {
  const direct = functionReturning(node);
  if (direct) return [direct];
  const holder = climbTypeWrappers(node);
  const parent = holder.parent;
  let target: TSESTree.Node | undefined;
  const functions: FunctionNode[] = [];
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === holder) {
    target = parent.id;
  } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === holder && STORING.has(parent.operator)) {
    target = parent.left;
    // `return (client ??= Client(...))`: the assignment's own value is the instance.
    const fn = functionReturning(parent);
    if (fn) functions.push(fn);
  }
  const variable = target?.type === AST_NODE_TYPES.Identifier ? findVariable(sourceCode, target) : null;
  for (const reference of variable?.references ?? []) {
    if (!reference.isRead()) continue;
    const fn = functionReturning(reference.identifier);
    if (fn && !functions.includes(fn)) functions.push(fn);
  }
  return functions;
}

/** Assignments that store the right-hand side (the lazy ones only when the variable is empty). */
const STORING: ReadonlySet<string> = new Set(["=", "??=", "||="]);
