import { AST_NODE_TYPES, DefinitionType, type TSESTree } from "../core/eslint-api.js";
import { climbTypeWrappers, enclosingFunction, type FunctionNode } from "../core/ast.js";
import { memoised } from "../core/memo.js";
import { nodesOfTypeWithin } from "../core/node-index.js";
import type { SourceCode } from "../core/types.js";

/**
 * What a file's own functions hand back, for the detection of clients made by factories (instances.ts) and of the
 * project's own request wrappers (local-wrappers.ts). Only functions called by name are followed: a function
 * declaration, or a function or arrow kept in a variable; their calls are found through the scope manager, never by
 * name.
 */

/**
 * The function that returns the value of `node`: `return node`, or an arrow whose body is `node`. Type wrappers
 * (`as`, `!`, `satisfies`) keep the value. A `return` inside a `try` block with a handler is not counted: the
 * function may then hand back something else.
 */
export function functionReturning(node: TSESTree.Node): FunctionNode | undefined {
  const value = climbTypeWrappers(node);
  const parent = value.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value) return parent;
  if (parent.type !== AST_NODE_TYPES.ReturnStatement || parent.argument !== value) return undefined;
  const fn = enclosingFunction(parent);
  if (!fn || isInsideTry(parent, fn)) return undefined;
  return fn;
}

type ClassMember = TSESTree.MethodDefinition | TSESTree.PropertyDefinition;

/** `request` or `#request`; undefined for a computed key. */
function memberName(member: ClassMember): string | undefined {
  if (member.computed) return undefined;
  if (member.key.type === AST_NODE_TYPES.Identifier) return member.key.name;
  return member.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.key.name}` : undefined;
}

const callKey = (name: string, isStatic: boolean): string => `${isStatic ? "static " : ""}${name}`;

const thisCallsCache = new WeakMap<TSESTree.ClassBody, Map<string, TSESTree.CallExpression[]>>();

/**
 * The `this.name(...)` calls in a class whose `this` is that class's instance (or the class, in static members),
 * by name: computed once per class from the calls in its body. A call in a nested plain function or another class
 * has another `this` and is left out; a subclass's calls are out of reach.
 */
function thisCallsIn(sourceCode: SourceCode, body: TSESTree.ClassBody): Map<string, TSESTree.CallExpression[]> {
  return memoised(thisCallsCache, body, () => {
    const found = new Map<string, TSESTree.CallExpression[]>();
    for (const node of nodesOfTypeWithin(sourceCode, AST_NODE_TYPES.CallExpression, body)) {
      if (node.callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      const callee = node.callee;
      if (callee.object.type !== AST_NODE_TYPES.ThisExpression || callee.computed) continue;
      const name = callee.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${callee.property.name}` : callee.property.name;
      const owner = thisOwner(callee.object, body);
      if (owner === undefined) continue;
      const key = callKey(name, owner.static);
      const list = found.get(key) ?? [];
      list.push(node);
      found.set(key, list);
    }
    return found;
  });
}

/** The member of `body` whose `this` a `this` expression is: through arrows, up to the first method or field. */
function thisOwner(node: TSESTree.Node, body: TSESTree.ClassBody): ClassMember | undefined {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (parent.type === AST_NODE_TYPES.FunctionExpression) {
      const member = parent.parent;
      return member?.type === AST_NODE_TYPES.MethodDefinition && member.parent === body ? member : undefined;
    }
    if (parent.type === AST_NODE_TYPES.FunctionDeclaration || parent.type === AST_NODE_TYPES.StaticBlock) return undefined;
    if (parent.type === AST_NODE_TYPES.PropertyDefinition) return parent.parent === body && parent.value === child ? parent : undefined;
    if (parent.type === AST_NODE_TYPES.ClassBody) return undefined;
  }
  return undefined;
}

/** Whether `node` sits in the block of a `try` with a `catch` clause, within `fn`. */
function isInsideTry(node: TSESTree.Node, fn: FunctionNode): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler) return true;
  }
  return false;
}

/**
 * The calls of a function by its name in this file, or of a class method through `this` in its own class: `name(...)` where `name` is the function declaration's or the
 * variable's binding. Generators are left out (their calls return iterators); for an async function, the call is
 * its promise.
 */
export function callsOf(sourceCode: SourceCode, fn: FunctionNode): TSESTree.CallExpression[] {
  if (fn.generator) return [];
  const member = fn.parent;
  if ((member?.type === AST_NODE_TYPES.MethodDefinition && member.kind === "method") || member?.type === AST_NODE_TYPES.PropertyDefinition) {
    const name = member.value === fn ? memberName(member) : undefined;
    return name === undefined ? [] : (thisCallsIn(sourceCode, member.parent).get(callKey(name, member.static)) ?? []);
  }
  const owner = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : bindingDeclarator(fn);
  if (!owner) return [];
  const calls: TSESTree.CallExpression[] = [];
  // A function declaration also declares its parameters: only the binding of its name counts.
  const bindings = sourceCode
    .getDeclaredVariables(owner)
    .filter((variable) => variable.defs.some((def) => def.node === owner && (def.type === DefinitionType.FunctionName || def.type === DefinitionType.Variable)));
  for (const variable of bindings) {
    // A name that is assigned again may hold another function by the time it is called.
    if (variable.references.some((reference) => reference.isWrite() && reference.identifier.parent !== owner)) return [];
    for (const reference of variable.references) {
      const identifier = reference.identifier;
      const callee = climbTypeWrappers(identifier);
      const call = callee.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee) calls.push(call);
    }
  }
  return calls;
}

/** `const name = () => ...` or `const name = function () {...}`: the declarator, when the id is a plain name. */
function bindingDeclarator(fn: FunctionNode): TSESTree.VariableDeclarator | undefined {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== fn || parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return parent;
}
