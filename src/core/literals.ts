import { AST_NODE_TYPES, type TSESLint, type TSESTree, DefinitionType } from "./eslint-api.js";
import { MAX_DEPTH } from "./limits.js";
import { unwrap } from "./ast.js";
import { findConstantVariable } from "./static.js";
import type { SourceCode } from "./types.js";

/** A string literal, or a template literal without substitutions. */
export type StringLiteralNode = TSESTree.StringLiteral | TSESTree.TemplateLiteral;

export function isStringLiteralNode(node: TSESTree.Node): node is StringLiteralNode {
  return (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string") ||
    (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0)
  );
}

export function getLiteralString(node: StringLiteralNode): string {
  return node.type === AST_NODE_TYPES.Literal ? node.value : (node.quasis[0]?.value.cooked ?? "");
}

/** A constant string a value may take, and where it is written. */
export interface LiteralCandidate {
  readonly literal: StringLiteralNode;
  readonly value: string;
  /** The constant the literal was reached through, when it was not written in place. */
  readonly variable?: TSESLint.Scope.Variable;
}

/**
 * Visits the expressions a value may come from: through the operands of `a || b`, `a ?? b` and `c ? a : b` (not
 * `a && b`: a falsy value is not what code means to send) and the initialisers of `const` bindings. Each expression
 * is visited once (`const b = a || a` chains would otherwise double the work per line), at most MAX_DEPTH steps from
 * `node`. `leaf` gets every other expression, with the constant it was reached through; it returns false to stop.
 */
export function visitValueSources(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  leaf: (expression: TSESTree.Node, variable: TSESLint.Scope.Variable | undefined) => boolean | void,
): void {
  // Most values are one leaf written in place: no walk state is made for them.
  const expression = unwrap(node);
  if (
    expression.type !== AST_NODE_TYPES.LogicalExpression &&
    expression.type !== AST_NODE_TYPES.ConditionalExpression &&
    expression.type !== AST_NODE_TYPES.Identifier
  ) {
    leaf(expression, undefined);
    return;
  }
  visitSource({ sourceCode, leaf, seen: new Set(), stopped: false }, node, undefined, 0);
}

interface SourceWalk {
  readonly sourceCode: SourceCode;
  readonly leaf: (expression: TSESTree.Node, variable: TSESLint.Scope.Variable | undefined) => boolean | void;
  readonly seen: Set<TSESTree.Node>;
  stopped: boolean;
}

function visitSource(walk: SourceWalk, current: TSESTree.Node, variable: TSESLint.Scope.Variable | undefined, depth: number): void {
  if (walk.stopped || depth > MAX_DEPTH) return;
  const expression = unwrap(current);
  if (walk.seen.has(expression)) return;
  walk.seen.add(expression);
  switch (expression.type) {
    case AST_NODE_TYPES.LogicalExpression:
      if (expression.operator !== "&&") {
        visitSource(walk, expression.left, variable, depth + 1);
        visitSource(walk, expression.right, variable, depth + 1);
      }
      return;
    case AST_NODE_TYPES.ConditionalExpression:
      visitSource(walk, expression.consequent, variable, depth + 1);
      visitSource(walk, expression.alternate, variable, depth + 1);
      return;
    case AST_NODE_TYPES.Identifier: {
      const constant = findConstantVariable(walk.sourceCode, expression);
      const def = constant?.defs[0];
      if (def?.type === DefinitionType.Variable && def.node.init) visitSource(walk, def.node.init, variable ?? constant, depth + 1);
      return;
    }
    default:
      if (walk.leaf(expression, variable) === false) walk.stopped = true;
  }
}

/** The literal strings an expression may evaluate to (see `visitValueSources`), with the constant each came through. */
export function getLiteralCandidates(sourceCode: SourceCode, node: TSESTree.Node): LiteralCandidate[] {
  const candidates: LiteralCandidate[] = [];
  visitValueSources(sourceCode, node, (expression, variable) => {
    if (!isStringLiteralNode(expression)) return;
    candidates.push(variable ? { literal: expression, value: getLiteralString(expression), variable } : { literal: expression, value: getLiteralString(expression) });
  });
  return candidates;
}
