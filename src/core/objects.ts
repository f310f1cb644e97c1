import { AST_NODE_TYPES, type TSESTree } from "./eslint-api.js";
import { MAX_DEPTH } from "./limits.js";
import { getPropertyKey, lookupProperty, mayHidePropertiesWith, resolveExpression } from "./static.js";
import type { SourceCode } from "./types.js";

/**
 * Object literals as code builds them: the literal a value is built from (through constants, `JSON.stringify`,
 * `new URLSearchParams`, `qs.stringify`, `Object.freeze`), the property that gives a key its value, a dotted path, and
 * whether an object may hold properties nobody can name.
 */

const isCallTo = (sourceCode: SourceCode, node: TSESTree.CallExpression, object: readonly string[], method: string): boolean => {
  const callee = node.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    object.includes(callee.object.name) &&
    getPropertyKey(sourceCode, callee) === method
  );
};

export const isNewUrlSearchParams = (node: TSESTree.Node): node is TSESTree.NewExpression =>
  node.type === AST_NODE_TYPES.NewExpression &&
  node.callee.type === AST_NODE_TYPES.Identifier &&
  node.callee.name === "URLSearchParams";

/**
 * Follows a value to the object literal it is built from: through constants, `JSON.stringify(x)`,
 * `new URLSearchParams(x)`, `qs.stringify(x)` and type-only wrappers.
 */
export function resolveObjectLiteral(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  depth = 0,
): TSESTree.ObjectExpression | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = resolveExpression(sourceCode, node);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) return expression;
  let inner: TSESTree.Node | undefined;
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    if (
      isCallTo(sourceCode, expression, ["JSON"], "stringify") ||
      isCallTo(sourceCode, expression, ["qs", "querystring"], "stringify") ||
      isCallTo(sourceCode, expression, ["Object"], "freeze")
    ) {
      inner = expression.arguments[0];
    }
  } else if (isNewUrlSearchParams(expression)) {
    inner = expression.arguments[0];
  }
  return inner && inner.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectLiteral(sourceCode, inner, depth + 1) : undefined;
}

/**
 * The property that gives `key` its value in an object literal: the last one written wins, and spreads of object
 * literals in reach are looked into (spreads out of reach are passed over). A getter for the key gives undefined.
 * Bounded and answered once per object and key (`lookupProperty` in src/core/static.ts).
 */
export function findProperty(sourceCode: SourceCode, object: TSESTree.ObjectExpression, key: string): TSESTree.Property | undefined {
  return lookupProperty(sourceCode, object, key, resolveObjectLiteral);
}

/** The property at a dotted path (`customerInfo.mobileNumber`), following nested literals and constants. */
export function findField(
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  path: string,
): TSESTree.Property | undefined {
  const keys = path.split(".");
  let current: TSESTree.ObjectExpression | undefined = object;
  for (let index = 0; current && index < keys.length; index++) {
    const property = findProperty(sourceCode, current, keys[index] ?? "");
    if (!property) return undefined;
    if (index === keys.length - 1) return property;
    current = resolveObjectLiteral(sourceCode, property.value);
  }
  return undefined;
}

/**
 * True when the object may hold properties nobody can name from the code: a spread of something out of reach (also
 * inside spread object literals), a computed key that is not a constant, or a getter. Bounded like `findProperty`.
 */
export function mayHideProperties(sourceCode: SourceCode, object: TSESTree.ObjectExpression): boolean {
  return mayHidePropertiesWith(sourceCode, object, resolveObjectLiteral);
}
