import { AST_NODE_TYPES, DefinitionType, type TSESTree } from "../core/eslint-api.js";
import { isFunction, type FunctionNode } from "../core/ast.js";
import { fileMatchesGlobs } from "../core/glob.js";
import { MAX_DEPTH } from "../core/limits.js";
import { memoised } from "../core/memo.js";
import { nodesOfType } from "../core/node-index.js";
import { findVariable } from "../core/static.js";
import type { RuleContext, SourceCode } from "../core/types.js";
import { readSettings } from "../settings.js";

/**
 * Code that runs in the browser, as far as the file shows it: a module marked `"use client"` (React Server
 * Components: https://react.dev/reference/rsc/use-client), a Vue or Svelte component file (its script is bundled for
 * the browser; `.server.` files are not), a file matched by `settings.vipps.clientFiles`, or a function that is a
 * JSX event handler (`onClick={...}`, directly or through a local function, `useCallback` included). And the
 * opposite mark, `"use server"` (https://react.dev/reference/rsc/use-server): functions any browser can call.
 */

export type ClientReason = "use client" | "component file" | "clientFiles";

/** The leading directives of a program or function body. */
function directives(body: readonly TSESTree.Node[]): string[] {
  const found: string[] = [];
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || !statement.directive) break;
    found.push(statement.directive);
  }
  return found;
}

export function hasModuleDirective(program: TSESTree.Program, directive: "use client" | "use server"): boolean {
  return directives(program.body).includes(directive);
}

/** A function with its own `"use server"` directive: an inline server action. */
export function hasUseServerDirective(fn: FunctionNode): boolean {
  return fn.body.type === AST_NODE_TYPES.BlockStatement && directives(fn.body.body).includes("use server");
}

const reasons = new WeakMap<TSESTree.Program, { reason: ClientReason | null }>();

/** Why the whole file runs in the browser; undefined when the file does not show it. */
export function clientFileReason(context: RuleContext): ClientReason | undefined {
  const program = context.sourceCode.ast;
  return (
    memoised(reasons, program, () => {
      if (hasModuleDirective(program, "use client")) return { reason: "use client" as const };
      const filename = context.filename;
      if ((filename.endsWith(".vue") || filename.endsWith(".svelte")) && !(filename.length > 256 ? filename.slice(-256) : filename).includes(".server.")) {
        return { reason: "component file" as const };
      }
      const globs = readSettings(context.settings).clientFiles;
      return { reason: fileMatchesGlobs(context.filename, context.cwd, globs) ? ("clientFiles" as const) : null };
    }).reason ?? undefined
  );
}

const EVENT_ATTRIBUTE = /^on[A-Z]/;

/** `onClick` for a node that is the expression of `onClick={...}`. */
function eventAttributeOf(node: TSESTree.Node): string | undefined {
  const container = node.parent;
  const attribute = container?.type === AST_NODE_TYPES.JSXExpressionContainer ? container.parent : undefined;
  if (attribute?.type !== AST_NODE_TYPES.JSXAttribute || attribute.name.type !== AST_NODE_TYPES.JSXIdentifier) return undefined;
  return EVENT_ATTRIBUTE.test(attribute.name.name) ? attribute.name.name : undefined;
}

const handlerNames = new WeakMap<FunctionNode, { name: string | null }>();

/**
 * The JSX event attribute (`onClick`) whose handler runs `node`: the innermost functions around it are tried, each
 * as the handler itself, as a local function the attribute names (`onClick={pay}`), or as one it calls
 * (`onClick={() => pay()}`). Undefined when no event handler is in sight.
 */
export function eventHandlerOf(sourceCode: SourceCode, node: TSESTree.Node): string | undefined {
  // Only a JSX attribute names a handler: in a file without one (most files) no function around the node is looked at.
  if (nodesOfType(sourceCode, AST_NODE_TYPES.JSXAttribute).length === 0) return undefined;
  let depth = 0;
  for (let current = node.parent; current && depth < MAX_DEPTH; current = current.parent) {
    if (!isFunction(current)) continue;
    depth++;
    const fn = current;
    const name = memoised(handlerNames, fn, () => ({ name: handlerNameOf(sourceCode, fn) ?? null })).name;
    if (name) return name;
  }
  return undefined;
}

function handlerNameOf(sourceCode: SourceCode, fn: FunctionNode): string | undefined {
  const direct = eventAttributeOf(fn);
  if (direct) return direct;
  const binding = bindingOf(fn);
  const variable = binding && findVariable(sourceCode, binding);
  if (!variable || variable.defs.length !== 1) return undefined;
  for (const reference of variable.references) {
    const use = reference.identifier as TSESTree.Node;
    const named = eventAttributeOf(use);
    if (named) return named;
    // `onClick={() => pay()}` / `onClick={async () => { await pay(); }}`: called from a handler written in place.
    const call = use.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== use) continue;
    for (let outer: TSESTree.Node | undefined = call.parent; outer; outer = outer.parent) {
      if (isFunction(outer)) {
        const inline = eventAttributeOf(outer);
        if (inline) return inline;
        break;
      }
    }
  }
  return undefined;
}

/** The name a function is bound to: its declaration's id, or `const pay = () => ...` (also through `useCallback`). */
function bindingOf(fn: FunctionNode): TSESTree.Identifier | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id ?? undefined;
  let holder: TSESTree.Node | undefined = fn.parent;
  if (
    holder?.type === AST_NODE_TYPES.CallExpression &&
    holder.callee.type === AST_NODE_TYPES.Identifier &&
    holder.callee.name === "useCallback" &&
    holder.arguments[0] === fn
  ) {
    holder = holder.parent;
  }
  return holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier ? holder.id : undefined;
}

/** Whether a function is exported from its module: `export function f`, `export const f = ...`, `export default`, `export { f }`. */
export function isExported(sourceCode: SourceCode, fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  const declaration = parent?.type === AST_NODE_TYPES.VariableDeclarator ? parent.parent : undefined;
  if (declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
  const binding = bindingOf(fn);
  const variable = binding && findVariable(sourceCode, binding);
  const def = variable?.defs[0];
  if (!variable || !def || (def.type !== DefinitionType.FunctionName && def.type !== DefinitionType.Variable)) return false;
  return variable.references.some((reference) => {
    const parentOfUse = (reference.identifier as TSESTree.Node).parent;
    return parentOfUse?.type === AST_NODE_TYPES.ExportSpecifier || parentOfUse?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
  });
}
