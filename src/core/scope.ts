import { climbTypeWrappers } from "./ast.js";
import { AST_NODE_TYPES, ASTUtils, ScopeType, type TSESLint, type TSESTree } from "./eslint-api.js";
import type { SourceCode } from "./types.js";

/**
 * A name based on `base` (`response`, `response2`, ...) that no variable in reach of `scope` uses, that nothing
 * in the scope refers to outside it, and that is not in `claimed` (names other fixes of the same run took).
 */
export function freshName(scope: TSESLint.Scope.Scope, base: string, claimed: ReadonlySet<string> = new Set()): string {
  const taken = (name: string): boolean => {
    if (claimed.has(name)) return true;
    if (scope.through.some((reference) => reference.identifier.name === name)) return true;
    for (let current: TSESLint.Scope.Scope | null = scope; current; current = current.upper) {
      if (current.set.has(name)) return true;
    }
    return false;
  };
  let name = base;
  for (let index = 2; taken(name); index++) name = `${base}${index}`;
  return name;
}

/**
 * The name of the `const` whose initialiser is `node`, when code at `site` can read it: not shadowed there, and
 * declared before `site` or read by it only later, from inside a function.
 */
export function constNameInReach(sourceCode: SourceCode, node: TSESTree.Node, site: TSESTree.Node): string | undefined {
  const declared = climbTypeWrappers(node);
  const declarator = declared.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== declared ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.parent.kind !== "const"
  ) {
    return undefined;
  }
  const siteScope = sourceCode.getScope(site);
  const variable = ASTUtils.findVariable(siteScope, declarator.id.name);
  if (!variable || variable.defs[0]?.node !== declarator || !readyAt(variable, siteScope, site)) return undefined;
  return declarator.id.name;
}

/** A `const` is safe to read at `site` when it is declared before it, or `site` runs later, inside a function. */
function readyAt(variable: TSESLint.Scope.Variable, siteScope: TSESLint.Scope.Scope, site: TSESTree.Node): boolean {
  const declaration = variable.defs[0]?.node;
  if (declaration && declaration.range[1] <= site.range[0]) return true;
  for (let scope: TSESLint.Scope.Scope | null = siteScope; scope && scope !== variable.scope; scope = scope.upper) {
    if (scope.type === ScopeType.function) return true;
  }
  return false;
}

/**
 * Whether code declares `name` where `node` is: a fix that writes `JSON.stringify(...)` or `Math.round(...)` would
 * call the file's own binding instead. A lib global (`JSON`, `Math`) has a variable without a definition.
 */
export function declaresName(sourceCode: SourceCode, node: TSESTree.Node, name: string): boolean {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) return variable.defs.length > 0;
  }
  return false;
}
