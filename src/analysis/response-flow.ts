import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree, DefinitionType } from "../core/eslint-api.js";
import { argumentAt, climbTypeWrappers, isFunction, isThisParameter, type FunctionNode } from "../core/ast.js";
import { MAX_FLOW_DEPTH } from "../core/limits.js";
import { findVariable, getPropertyKey } from "../core/static.js";
import { containsOwn } from "../core/traverse.js";
import type { SourceCode } from "../core/types.js";
import type { VippsRequest } from "../detect/index.js";

/**
 * Where the response of a Vipps request goes: through `await`, `.then` / `.catch` / `.finally` chains, variables
 * and aliases, destructuring, into property reads, out of the function (returned) or into another function (passed).
 * Scope-aware: variables are followed through their references, never by name.
 *
 * The analysis states facts; rules decide what counts as a check. It is deliberately conservative: anything it cannot
 * follow (a response stored in an object, passed to a function, returned) is an "escape", which rules treat as
 * "someone else owns this response".
 */


/** A read of the resolved response (or SDK result). */
export interface ResponseRead {
  /** The property read (`ok`, `json`, `data`); undefined for a read of the whole value that is neither. */
  readonly property: string | undefined;
  readonly node: TSESTree.Node;
}

/** Where the resolved value is first taken; the places a fix can put a check. */
export type ValueSite =
  /** `const response = await fetch(...)` or `response = await fetch(...)` as a statement. */
  | { readonly kind: "bound"; readonly statement: TSESTree.Statement; readonly name: string; readonly value: TSESTree.Node }
  /** `await fetch(...)` as a statement: the response is dropped. */
  | { readonly kind: "dropped"; readonly statement: TSESTree.ExpressionStatement; readonly value: TSESTree.Node }
  /** `(await fetch(...)).json()`: a property read straight off the awaited value. */
  | { readonly kind: "member"; readonly value: TSESTree.AwaitExpression }
  /** `const { data } = await axios(...)`. */
  | { readonly kind: "destructured"; readonly declaration: TSESTree.VariableDeclaration; readonly value: TSESTree.Node }
  /** The first parameter of a `.then` callback (absent when the callback takes none). */
  | { readonly kind: "callback"; readonly callback: FunctionNode; readonly param: TSESTree.Identifier | undefined; readonly value: TSESTree.Node }
  /** Anything else that takes the value where no check can be inserted. */
  | { readonly kind: "other"; readonly value: TSESTree.Node };

/** How a promise chain from the request ends. */
export interface PromiseEnd {
  readonly kind: "awaited" | "returned" | "passed" | "escaped" | "voided" | "dropped" | "unused";
  /** The expression whose value is the (last) promise at that end. */
  readonly node: TSESTree.Node;
}

export interface ResponseFlow {
  readonly request: VippsRequest;
  /** Every place the resolved value is first taken. */
  readonly sites: readonly ValueSite[];
  /** Every property read of the resolved value, through all bindings and aliases. */
  readonly reads: readonly ResponseRead[];
  /** The value is returned, passed to a function, stored or exported somewhere. */
  readonly escapes: boolean;
  /** The resolved value is taken somewhere and never read (dropped, or bound and unused). */
  readonly unused: boolean;
  readonly promiseEnds: readonly PromiseEnd[];
  /** Rejection handlers on the chain: `.catch(h)` and `.then(_, h)` arguments. */
  readonly rejectionHandlers: readonly TSESTree.Node[];
}

/** Follows the response of one request. */
export function analyzeResponseFlow(sourceCode: SourceCode, request: VippsRequest): ResponseFlow | undefined {
  if (!request.response || request.response.failure === "callback") return undefined;
  const sites: ValueSite[] = [];
  const reads: ResponseRead[] = [];
  const promiseEnds: PromiseEnd[] = [];
  const rejectionHandlers: TSESTree.Node[] = [];
  let escapes = false;
  let unusedSites = 0;
  const seenVariables = new Set<TSESLint.Scope.Variable>();

  /** Reads of a variable that holds the value, each followed as a value position. */
  const followValueVariable = (variable: TSESLint.Scope.Variable | undefined, depth: number): void => {
    if (!variable) {
      escapes = true;
      return;
    }
    if (seenVariables.has(variable)) return;
    seenVariables.add(variable);
    const readRefs = variable.references.filter((reference) => reference.isRead());
    if (readRefs.length === 0) unusedSites++;
    for (const reference of readRefs) followValue(reference.identifier, depth + 1, false);
  };

  const followPattern = (pattern: TSESTree.Node, depth: number): void => {
    if (pattern.type === AST_NODE_TYPES.Identifier) {
      followValueVariable(findVariable(sourceCode, pattern) ?? undefined, depth);
      return;
    }
    if (pattern.type !== AST_NODE_TYPES.ObjectPattern) {
      escapes = true;
      return;
    }
    for (const property of pattern.properties) {
      if (property.type === AST_NODE_TYPES.RestElement) {
        escapes = true;
        continue;
      }
      const name = getPropertyKey(sourceCode, property);
      if (name === null) escapes = true;
      else reads.push({ property: name, node: property });
    }
  };

  /** `node` evaluates to the resolved response. `first` marks the place the value is first taken. */
  const followValue = (start: TSESTree.Node, depth: number, first: boolean): void => {
    if (depth > MAX_FLOW_DEPTH) {
      escapes = true;
      return;
    }
    const node = climbTypeWrappers(start);
    const parent = node.parent;
    if (!parent) return;
    switch (parent.type) {
      case AST_NODE_TYPES.ExpressionStatement:
        if (first) {
          sites.push({ kind: "dropped", statement: parent, value: node });
          unusedSites++;
        }
        return;
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init !== node) break;
        const declaration = parent.parent;
        if (declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) {
          escapes = true;
          return;
        }
        if (parent.id.type === AST_NODE_TYPES.Identifier) {
          if (first) sites.push(
            declaration.declarations.length === 1
              ? { kind: "bound", statement: declaration, name: parent.id.name, value: node }
              : { kind: "other", value: node },
          );
        } else if (parent.id.type === AST_NODE_TYPES.ObjectPattern && declaration.declarations.length === 1) {
          if (first) sites.push({ kind: "destructured", declaration, value: node });
        } else {
          if (first) sites.push({ kind: "other", value: node });
        }
        followPattern(parent.id, depth);
        return;
      }
      case AST_NODE_TYPES.AssignmentExpression: {
        if (parent.right !== node || parent.operator !== "=") break;
        if (parent.left.type === AST_NODE_TYPES.Identifier && parent.parent.type === AST_NODE_TYPES.ExpressionStatement) {
          if (first) sites.push({ kind: "bound", statement: parent.parent, name: parent.left.name, value: node });
        } else {
          if (first) sites.push({ kind: "other", value: node });
        }
        if (parent.left.type === AST_NODE_TYPES.Identifier || parent.left.type === AST_NODE_TYPES.ObjectPattern) followPattern(parent.left, depth);
        else escapes = true;
        return;
      }
      case AST_NODE_TYPES.MemberExpression: {
        if (parent.object !== node) break;
        if (first) sites.push(node.type === AST_NODE_TYPES.AwaitExpression ? { kind: "member", value: node } : { kind: "other", value: node });
        const name = getPropertyKey(sourceCode, parent);
        if (name === null) escapes = true;
        else reads.push({ property: name, node: parent });
        return;
      }
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === node) break;
        followValue(parent, depth + 1, first);
        return;
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.AwaitExpression:
        followValue(parent, depth + 1, first);
        return;
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.SwitchStatement:
        // `if (!response)`, `response === undefined`: neither a check nor a use.
        if (first) sites.push({ kind: "other", value: node });
        reads.push({ property: undefined, node });
        return;
      default:
        break;
    }
    // Returned, passed to a function, stored, spread, yielded: another piece of code owns the value.
    if (first) sites.push({ kind: "other", value: node });
    escapes = true;
  };

  /** The first argument of `.then(callback)`: its first parameter is the resolved value. */
  const followCallback = (callback: TSESTree.Node | undefined, depth: number): void => {
    if (!callback) return;
    if (callback.type !== AST_NODE_TYPES.ArrowFunctionExpression && callback.type !== AST_NODE_TYPES.FunctionExpression) {
      sites.push({ kind: "other", value: callback });
      escapes = true;
      return;
    }
    // A TypeScript `this` parameter is no argument: the value is the first parameter after it.
    const param = callback.params.find((candidate) => !isThisParameter(candidate));
    if (!param) {
      sites.push({ kind: "callback", callback, param: undefined, value: callback });
      unusedSites++;
      return;
    }
    sites.push(
      param.type === AST_NODE_TYPES.Identifier
        ? { kind: "callback", callback, param, value: param }
        : { kind: "other", value: param },
    );
    if (param.type === AST_NODE_TYPES.Identifier) {
      const variable = sourceCode.getDeclaredVariables(callback).find((candidate) => candidate.name === param.name);
      followValueVariable(variable, depth);
    } else {
      followPattern(param, depth);
    }
  };

  const seenPromiseVariables = new Set<TSESLint.Scope.Variable>();
  const followPromiseVariable = (target: TSESTree.Identifier, holder: TSESTree.Node, depth: number, carriesResponse: boolean): void => {
    const variable = findVariable(sourceCode, target) ?? undefined;
    if (!variable) {
      promiseEnds.push({ kind: "escaped", node: holder });
      return;
    }
    if (seenPromiseVariables.has(variable)) return;
    seenPromiseVariables.add(variable);
    const readRefs = variable.references.filter((reference) => reference.isRead());
    if (readRefs.length === 0) promiseEnds.push({ kind: "unused", node: holder });
    for (const reference of readRefs) followPromise(reference.identifier, depth + 1, carriesResponse);
  };

  /** `start` evaluates to a promise of the response (or of what a chain made of it). */
  const followPromise = (start: TSESTree.Node, depth: number, carriesResponse: boolean): void => {
    if (depth > MAX_FLOW_DEPTH) {
      promiseEnds.push({ kind: "escaped", node: start });
      return;
    }
    const node = climbTypeWrappers(start);
    const parent = node.parent;
    if (!parent) return;
    switch (parent.type) {
      case AST_NODE_TYPES.AwaitExpression:
        promiseEnds.push({ kind: "awaited", node });
        if (carriesResponse) followValue(parent, depth + 1, true);
        return;
      case AST_NODE_TYPES.MemberExpression: {
        const call = parent.parent;
        if (parent.object !== node || call.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) break;
        const name = getPropertyKey(sourceCode, parent);
        if (name === "then") {
          if (carriesResponse) followCallback(argumentAt(call, 0), depth);
          const onRejected = argumentAt(call, 1);
          if (onRejected) rejectionHandlers.push(onRejected);
          // What `.then(callback)` resolves to is the callback's result, no longer the response.
          followPromise(call, depth + 1, false);
          return;
        }
        if (name === "catch") {
          const handler = argumentAt(call, 0);
          if (handler) rejectionHandlers.push(handler);
        } else if (name !== "finally") {
          break;
        }
        // `.catch()` and `.finally()` pass the value on when nothing failed.
        followPromise(call, depth + 1, carriesResponse);
        return;
      }
      case AST_NODE_TYPES.ExpressionStatement:
        promiseEnds.push({ kind: "dropped", node });
        return;
      case AST_NODE_TYPES.ReturnStatement:
        promiseEnds.push({ kind: "returned", node });
        return;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        promiseEnds.push({ kind: parent.body === node ? "returned" : "escaped", node });
        return;
      case AST_NODE_TYPES.UnaryExpression:
        promiseEnds.push({ kind: parent.operator === "void" ? "voided" : "escaped", node });
        return;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        promiseEnds.push({ kind: parent.callee === node ? "escaped" : "passed", node });
        return;
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier && parent.parent.parent.type !== AST_NODE_TYPES.ExportNamedDeclaration) {
          followPromiseVariable(parent.id, node, depth, carriesResponse);
          return;
        }
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right === node && parent.operator === "=" && parent.left.type === AST_NODE_TYPES.Identifier) {
          followPromiseVariable(parent.left, node, depth, carriesResponse);
          return;
        }
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === node) break;
        followPromise(parent, depth + 1, carriesResponse);
        return;
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.type === AST_NODE_TYPES.SequenceExpression && parent.expressions.at(-1) !== node) {
          promiseEnds.push({ kind: "dropped", node });
          return;
        }
        followPromise(parent, depth + 1, carriesResponse);
        return;
      default:
        break;
    }
    promiseEnds.push({ kind: "escaped", node });
  };

  followPromise(request.response.node, 0, true);
  return {
    request,
    sites,
    reads,
    escapes,
    unused: unusedSites > 0,
    promiseEnds,
    rejectionHandlers,
  };
}

/** Whether a chain that ended this way lets a rejection go unnoticed. */
export function isLostEnd(end: PromiseEnd): boolean {
  return end.kind === "dropped" || end.kind === "unused";
}

/**
 * The `catch` clauses that would receive a failure of `node`: the nearest enclosing `try` whose block holds it within
 * the same function, and further out only while each catch rethrows.
 */
export function enclosingCatchClauses(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.CatchClause[] {
  const clauses: TSESTree.CatchClause[] = [];
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && !isFunction(parent); child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.TryStatement || parent.block !== child || !parent.handler) continue;
    clauses.push(parent.handler);
    if (!containsOwn(sourceCode, parent.handler.body, isRethrow)) break;
  }
  return clauses;
}

/** `throw`, or handing the failure on as `Promise.reject(...)`. */
export function isRethrow(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ThrowStatement) return true;
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === "Promise" &&
    ASTUtils.getPropertyName(node.callee) === "reject"
  );
}

/** Whether the error a catch clause or rejection handler receives is read anywhere. */
export function isErrorUsed(sourceCode: SourceCode, owner: TSESTree.CatchClause | FunctionNode): boolean {
  return sourceCode
    .getDeclaredVariables(owner)
    .filter((variable) => owner.type === AST_NODE_TYPES.CatchClause || variable.defs.some((def) => def.type === DefinitionType.Parameter))
    .some((variable) => variable.references.some((reference) => reference.isRead()));
}
