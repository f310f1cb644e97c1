import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "../core/eslint-api.js";
import { endOfLine, lineBreakOf, semicolon, stringLiteral } from "../core/style.js";
import type { SourceCode } from "../core/types.js";

/**
 * Imports that fixes add: a name from a module, written the way the file loads its modules (ESM `import` or
 * CommonJS `require`), after the file's own imports.
 */

/** A name a fix uses, and the module that exports it. */
export interface ImportedName {
  readonly name: string;
  readonly module: string;
}

type ModuleSystem = "esm" | "commonjs";

/** Whether `name` resolves where `node` is: declared in an enclosing scope, imported, or a declared global. */
export function isNameInScope(sourceCode: SourceCode, node: TSESTree.Node, name: string): boolean {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    if (scope.set.has(name)) return true;
  }
  return false;
}

/** `const x = require("m")`, `const { x } = require("m")` or `require("m")` at the top level of the file. */
function isTopLevelRequire(statement: TSESTree.ProgramStatement): boolean {
  const call =
    statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.length === 1
      ? statement.declarations[0]?.init
      : statement.type === AST_NODE_TYPES.ExpressionStatement
        ? statement.expression
        : undefined;
  return (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === "require" &&
    call.arguments.length === 1 &&
    call.arguments[0]?.type === AST_NODE_TYPES.Literal
  );
}

/**
 * How the file loads modules: ESM where it has an `import` declaration, CommonJS where it has a top-level `require`
 * instead, else what the parser was told (a script is CommonJS).
 */
function moduleSystemOf(sourceCode: SourceCode): ModuleSystem {
  const body = sourceCode.ast.body;
  if (body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration)) return "esm";
  if (body.some(isTopLevelRequire)) return "commonjs";
  return sourceCode.ast.sourceType === "module" ? "esm" : "commonjs";
}

/** The statement that adds the import, in the file's quotes and semicolons. */
function importText(sourceCode: SourceCode, imported: ImportedName, system: ModuleSystem): string {
  const module = stringLiteral(sourceCode, imported.module);
  const semi = semicolon(sourceCode);
  return system === "esm" ? `import { ${imported.name} } from ${module}${semi}` : `const { ${imported.name} } = require(${module})${semi}`;
}

/**
 * A fix that imports `imported.name` from `imported.module`: after the file's last top-level import (or `require`),
 * else before its first statement (after any directive such as "use strict", and above that statement's comments).
 */
export function addImport(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, imported: ImportedName): TSESLint.RuleFix {
  const system = moduleSystemOf(sourceCode);
  const text = importText(sourceCode, imported, system);
  const lineBreak = lineBreakOf(sourceCode);
  const body = sourceCode.ast.body;
  const isImport = system === "esm" ? (statement: TSESTree.ProgramStatement) => statement.type === AST_NODE_TYPES.ImportDeclaration : isTopLevelRequire;
  const lastImport = body.findLast(isImport);
  if (lastImport) return fixer.insertTextAfterRange([0, endOfLine(sourceCode, lastImport)], `${lineBreak}${text}`);
  const lastDirective = body.findLast((statement) => statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined);
  if (lastDirective) return fixer.insertTextAfterRange([0, endOfLine(sourceCode, lastDirective)], `${lineBreak}${text}`);
  const first = body[0];
  if (!first) return fixer.insertTextAfterRange([0, sourceCode.text.length], `${sourceCode.text.length > 0 ? lineBreak : ""}${text}${lineBreak}`);
  // Above the first statement's own comments (a JSDoc stays with its function), below a shebang.
  const leading = sourceCode.getCommentsBefore(first).filter((comment) => (comment.type as string) !== "Shebang");
  const at = leading[0]?.range[0] ?? first.range[0];
  return fixer.insertTextBeforeRange([at, at], `${text}${lineBreak}`);
}
