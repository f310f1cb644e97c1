import { AST_NODE_TYPES, type TSESTree } from "./eslint-api.js";

/** Questions about node kinds and places that detection, analysis, fixes and rules all ask. */

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

export function isFunction(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

export type TypeWrapper =
  | TSESTree.TSAsExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.TSNonNullExpression
  | TSESTree.TSTypeAssertion;

/** What changes the type but not the value: `x as T`, `x satisfies T`, `x!`, `<T>x`. */
export function isTypeWrapper(node: TSESTree.Node): node is TypeWrapper {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion
  );
}

/** Goes up through type wrappers to the outermost node that has the same value. */
export function climbTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && isTypeWrapper(current.parent)) current = current.parent;
  return current;
}

/** Strips what changes the type but not the value: `x as T`, `x satisfies T`, `x!`, `<T>x`. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (isTypeWrapper(current)) current = current.expression;
  return current;
}

/**
 * The name a call's callee ends in: `verify` of `verify()`, `createHmac` of `crypto.createHmac()` and of
 * `crypto["createHmac"]()`; undefined for anything else (a call's result, a computed key that is not a string).
 */
export function calleeName(callee: TSESTree.Node): string | undefined {
  const target = unwrap(callee);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property = target.property;
  if (!target.computed) return property.type === AST_NODE_TYPES.Identifier ? property.name : undefined;
  return property.type === AST_NODE_TYPES.Literal && typeof property.value === "string" ? property.value : undefined;
}

/** A call's argument at `index`, unless it is missing or spread. */
export function argumentAt(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): TSESTree.Node | undefined {
  const node = call.arguments[index];
  return node && node.type !== AST_NODE_TYPES.SpreadElement ? node : undefined;
}

/** TypeScript's `this` parameter (`function (this: Window, event)`): a type annotation, not an argument. */
export function isThisParameter(param: TSESTree.Parameter): boolean {
  return param.type === AST_NODE_TYPES.Identifier && param.name === "this";
}

/** The parameters a function is called with: its parameters without a TypeScript `this` parameter. */
export function argumentParameters(fn: FunctionNode): TSESTree.Parameter[] {
  return fn.params.filter((param) => !isThisParameter(param));
}

/** Whether statements can be inserted before and after this statement: it sits in a list of statements. */
export function isInStatementList(statement: TSESTree.Node): boolean {
  const parent = statement.parent;
  return (
    parent !== undefined &&
    (parent.type === AST_NODE_TYPES.Program ||
      parent.type === AST_NODE_TYPES.BlockStatement ||
      parent.type === AST_NODE_TYPES.StaticBlock ||
      parent.type === AST_NODE_TYPES.TSModuleBlock ||
      (parent.type === AST_NODE_TYPES.SwitchCase && parent.consequent.includes(statement as TSESTree.Statement)))
  );
}

/** The statement, directly in a list of statements, that holds `node`; undefined past a function boundary. */
export function enclosingStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (isInStatementList(current)) return current;
    if (current !== node && isFunction(current)) return undefined;
  }
  return undefined;
}

/**
 * The function a node is in, or undefined at the top level of the module and in class static blocks and field
 * initialisers (where `await` is not allowed either).
 */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (isFunction(parent)) return parent;
    if (parent.type === AST_NODE_TYPES.StaticBlock || parent.type === AST_NODE_TYPES.PropertyDefinition) return undefined;
  }
  return undefined;
}
