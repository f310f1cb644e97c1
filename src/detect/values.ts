import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isTypeWrapper } from "../ast.js";
import { HOLE } from "../vipps/urls.js";

/** How far constant bindings are followed; a guard against cycles and pathological code. */
const MAX_DEPTH = 12;

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Strips what changes the type but not the value: `x as T`, `x satisfies T`, `x!`, `<T>x`. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (isTypeWrapper(current)) current = current.expression;
  return current;
}

/** The variable an identifier refers to, when it is bound once and never written again. */
export function findConstantVariable(
  sourceCode: SourceCode,
  identifier: TSESTree.Identifier,
): TSESLint.Scope.Variable | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def?.type !== TSESLint.Scope.DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return undefined;
  const writes = variable.references.filter((reference) => reference.isWrite() && reference.init !== true);
  return writes.length === 0 ? variable : undefined;
}

/** The initialiser of the constant an identifier names, or undefined. */
export function resolveConstantInit(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const def = findConstantVariable(sourceCode, identifier)?.defs[0];
  return def?.type === TSESLint.Scope.DefinitionType.Variable ? (def.node.init ?? undefined) : undefined;
}

/**
 * Follows constant bindings and type-only wrappers to the expression that gives a value.
 * Stops at anything else; returns the input when there is nothing to follow.
 */
export function resolveExpression(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  for (let depth = 0; depth < MAX_DEPTH && current.type === AST_NODE_TYPES.Identifier; depth++) {
    const init = resolveConstantInit(sourceCode, current);
    if (!init) break;
    current = unwrap(init);
  }
  return current;
}

/** A fully static string (literal, constant, template or concatenation of those), or undefined. */
export function getStaticString(sourceCode: SourceCode, node: TSESTree.Node): string | undefined {
  const result = ASTUtils.getStaticValue(unwrap(node), sourceCode.getScope(node));
  return typeof result?.value === "string" ? result.value : undefined;
}

/**
 * The statically known parts of a string expression, with HOLE where a part is unknown:
 * `${process.env.BASE}/ecomm/v2/payments/${id}/capture` gives "\0/ecomm/v2/payments/\0/capture".
 */
export function getStringPattern(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): string {
  if (depth > MAX_DEPTH) return HOLE;
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return typeof expression.value === "string" ? expression.value : HOLE;
    case AST_NODE_TYPES.TemplateLiteral: {
      let text = "";
      expression.quasis.forEach((quasi, index) => {
        text += quasi.value.cooked ?? HOLE;
        const part = expression.expressions[index];
        if (part) text += getStringPattern(sourceCode, part, depth + 1);
      });
      return text;
    }
    case AST_NODE_TYPES.BinaryExpression:
      return expression.operator === "+"
        ? getStringPattern(sourceCode, expression.left, depth + 1) + getStringPattern(sourceCode, expression.right, depth + 1)
        : HOLE;
    case AST_NODE_TYPES.Identifier: {
      const init = resolveConstantInit(sourceCode, expression);
      return init ? getStringPattern(sourceCode, init, depth + 1) : HOLE;
    }
    case AST_NODE_TYPES.NewExpression:
      return isNewUrl(expression) ? getNewUrlPattern(sourceCode, expression, depth) : HOLE;
    case AST_NODE_TYPES.MemberExpression: {
      // `url.href` of a `new URL(...)` constant, or a constant object's property.
      if (ASTUtils.getPropertyName(expression) === "href") {
        const target = resolveExpression(sourceCode, expression.object);
        if (target.type === AST_NODE_TYPES.NewExpression && isNewUrl(target)) {
          return getNewUrlPattern(sourceCode, target, depth);
        }
      }
      return getStaticString(sourceCode, expression) ?? HOLE;
    }
    case AST_NODE_TYPES.CallExpression: {
      // `url.toString()`
      const callee = expression.callee;
      if (callee.type === AST_NODE_TYPES.MemberExpression && ASTUtils.getPropertyName(callee) === "toString") {
        return getStringPattern(sourceCode, callee.object, depth + 1);
      }
      return HOLE;
    }
    default:
      return HOLE;
  }
}

function isNewUrl(node: TSESTree.NewExpression): boolean {
  return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "URL";
}

function getNewUrlPattern(sourceCode: SourceCode, node: TSESTree.NewExpression, depth: number): string {
  const [pathArg, baseArg] = node.arguments;
  if (!pathArg || pathArg.type === AST_NODE_TYPES.SpreadElement) return HOLE;
  const path = getStringPattern(sourceCode, pathArg, depth + 1);
  if (!baseArg || baseArg.type === AST_NODE_TYPES.SpreadElement || /^[a-z]+:\/\//i.test(path)) return path;
  const base = getStringPattern(sourceCode, baseArg, depth + 1);
  return base.endsWith("/") && path.startsWith("/") ? base + path.slice(1) : base + path;
}

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
 * The literal strings an expression may evaluate to: the expression itself, the operands of `a || "…"`, `a ?? "…"`
 * and `c ? "…" : "…"`, and constants that resolve to those.
 */
export function getLiteralCandidates(sourceCode: SourceCode, node: TSESTree.Node): LiteralCandidate[] {
  const candidates: LiteralCandidate[] = [];
  const visit = (current: TSESTree.Node, variable: TSESLint.Scope.Variable | undefined, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const expression = unwrap(current);
    if (isStringLiteralNode(expression)) {
      candidates.push(variable ? { literal: expression, value: getLiteralString(expression), variable } : { literal: expression, value: getLiteralString(expression) });
      return;
    }
    switch (expression.type) {
      case AST_NODE_TYPES.LogicalExpression:
        if (expression.operator !== "&&") {
          visit(expression.left, variable, depth + 1);
          visit(expression.right, variable, depth + 1);
        }
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        visit(expression.consequent, variable, depth + 1);
        visit(expression.alternate, variable, depth + 1);
        return;
      case AST_NODE_TYPES.Identifier: {
        const constant = findConstantVariable(sourceCode, expression);
        const def = constant?.defs[0];
        if (def?.type === TSESLint.Scope.DefinitionType.Variable && def.node.init) visit(def.node.init, variable ?? constant, depth + 1);
        return;
      }
      default:
        return;
    }
  };
  visit(node, undefined, 0);
  return candidates;
}
