import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { enclosingStatement, isInStatementList } from "../../src/core/ast.js";
import { freshName } from "../../src/core/scope.js";
import { indentUnit, semicolon, stringLiteral, templateText } from "../../src/core/style.js";
import type { SourceCode } from "../../src/core/types.js";
import { addFirstParameter, appendToBlock, insertAtFunctionStart, insertStatementsAfter, insertStatementsBefore, operandText, prependToBlock, rangeWithParens } from "../../src/fix/statements.js";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";

type Fixes = TSESLint.RuleFix | TSESLint.RuleFix[] | undefined;

/** Runs `edit` on the parsed `code` inside a one-off rule and returns the code with its fix applied. */
function applyFix(code: string, edit: (fixer: TSESLint.RuleFixer, sourceCode: SourceCode) => Fixes): string {
  const rule: TSESLint.RuleModule<"edit"> = {
    meta: { type: "problem", fixable: "code", messages: { edit: "edit" }, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        Program(node) {
          context.report({ node, messageId: "edit", fix: (fixer) => edit(fixer, context.sourceCode) ?? null });
        },
      };
    },
  };
  const linter = new Linter();
  const config = [
    {
      files: ["**/*.ts"],
      plugins: { test: { rules: { edit: rule as unknown as Linter.RuleEntry } } },
      languageOptions: { parser: tsParser },
      rules: { "test/edit": "error" },
    },
  ] as unknown as Linter.Config[];
  // One pass: the one-off rule reports on every pass.
  const fix = linter.verify(code, config, "file.ts").find((message) => message.fix)?.fix;
  return fix ? code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]) : code;
}

/** Reads facts from the parsed `code` inside a one-off rule. */
function inspect<T>(code: string, read: (sourceCode: SourceCode) => T): T {
  let value: T | undefined;
  applyFix(code, (_fixer, sourceCode) => {
    value = read(sourceCode);
    return undefined;
  });
  return value as T;
}

const find = <K extends AST_NODE_TYPES>(sourceCode: SourceCode, type: K, nth = 0): Extract<TSESTree.Node, { type: K }> => {
  const found: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === type) found.push(node);
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof (item as TSESTree.Node).type === "string") visit(item as TSESTree.Node);
      }
    }
  };
  visit(sourceCode.ast);
  const node = found[nth];
  if (!node) throw new Error(`no ${type} #${nth}`);
  return node as Extract<TSESTree.Node, { type: K }>;
};

describe("file style", () => {
  it("finds the indentation unit: two spaces, four spaces, tabs, and two spaces by default", () => {
    expect(inspect("function f() {\n  a();\n    b();\n}", indentUnit)).toBe("  ");
    expect(inspect("function f() {\n    a();\n}", indentUnit)).toBe("    ");
    expect(inspect("function f() {\n\ta();\n}", indentUnit)).toBe("\t");
    expect(inspect("a();", indentUnit)).toBe("  ");
  });

  it("ignores the one-space continuation lines of block comments", () => {
    expect(inspect("/**\n * Doc.\n */\nfunction f() {\n    a();\n}", indentUnit)).toBe("    ");
  });

  it("writes semicolons unless the file has none", () => {
    expect(inspect("a();\nb()", semicolon)).toBe(";");
    expect(inspect("a()\nb()", semicolon)).toBe("");
  });

  it("writes strings in the file's quotes and escapes template text", () => {
    expect(inspect("a('x');", (sourceCode) => stringLiteral(sourceCode, "it's"))).toBe("'it\\'s'");
    expect(inspect('a("x");', (sourceCode) => stringLiteral(sourceCode, 'say "hi"'))).toBe('"say \\"hi\\""');
    expect(inspect('a("x");', (sourceCode) => stringLiteral(sourceCode, "one\ntwo\r\u2028"))).toBe('"one\\ntwo\\r\\u2028"');
    expect(templateText("a `b` ${c} \\d")).toBe("a \\`b\\` \\${c} \\\\d");
  });
});

describe("statement insertion", () => {
  it("inserts after a statement and the comment that ends its line, at its indentation, with nested levels", () => {
    const code = "async function f() {\n    const r = await g(); // get\n    return r;\n}";
    const output = applyFix(code, (fixer, sourceCode) =>
      insertStatementsAfter(fixer, sourceCode, find(sourceCode, AST_NODE_TYPES.VariableDeclaration), ["if (!r) {", "\tthrow 1;", "}"]),
    );
    expect(output).toBe("async function f() {\n    const r = await g(); // get\n    if (!r) {\n        throw 1;\n    }\n    return r;\n}");
  });

  it("inserts before a statement at its indentation", () => {
    const code = "function f() {\n  // comment\n  return g();\n}";
    const output = applyFix(code, (fixer, sourceCode) =>
      insertStatementsBefore(fixer, sourceCode, find(sourceCode, AST_NODE_TYPES.ReturnStatement), ["const x = 1;", "if (x) {", "\ty();", "}"]),
    );
    expect(output).toBe("function f() {\n  // comment\n  const x = 1;\n  if (x) {\n    y();\n  }\n  return g();\n}");
  });

  it("knows where statements may go", () => {
    const facts = inspect("if (a) b();\n{ c(); }", (sourceCode) => ({
      unbraced: isInStatementList(find(sourceCode, AST_NODE_TYPES.ExpressionStatement, 0)),
      braced: isInStatementList(find(sourceCode, AST_NODE_TYPES.ExpressionStatement, 1)),
      top: isInStatementList(find(sourceCode, AST_NODE_TYPES.IfStatement)),
    }));
    expect(facts).toEqual({ unbraced: false, braced: true, top: true });
  });

  it("finds the enclosing statement, but not across a function boundary", () => {
    const facts = inspect("const a = b(c);\nlist.map((x) => x.y);", (sourceCode) => ({
      call: enclosingStatement(find(sourceCode, AST_NODE_TYPES.Identifier, 2))?.type,
      arrowBody: enclosingStatement(find(sourceCode, AST_NODE_TYPES.MemberExpression, 1)),
    }));
    expect(facts).toEqual({ call: AST_NODE_TYPES.VariableDeclaration, arrowBody: undefined });
  });
});

describe("function bodies", () => {
  it("turns an expression body into a block that returns it, keeping its parentheses and comments, and makes it async", () => {
    const code = "list.map((x) => ({ a: x /* keep */ }));";
    const output = applyFix(code, (fixer, sourceCode) =>
      insertAtFunctionStart(fixer, sourceCode, find(sourceCode, AST_NODE_TYPES.ArrowFunctionExpression), ["check(x);"], true),
    );
    expect(output).toBe("list.map(async (x) => {\n  check(x);\n  return ({ a: x /* keep */ });\n});");
  });

  it("inserts at the start of a block body at its statements' indentation", () => {
    const code = "const f = async function (x) {\n    return x;\n};";
    const output = applyFix(code, (fixer, sourceCode) =>
      insertAtFunctionStart(fixer, sourceCode, find(sourceCode, AST_NODE_TYPES.FunctionExpression), ["check(x);"], true),
    );
    expect(output).toBe("const f = async function (x) {\n    check(x);\n    return x;\n};");
  });

  it("fills an empty block and appends after a trailing comment", () => {
    const empty = applyFix("try {\n  a();\n} catch {}", (fixer, sourceCode) =>
      prependToBlock(fixer, sourceCode, find(sourceCode, AST_NODE_TYPES.BlockStatement, 1), ["log();", "throw 1;"]),
    );
    expect(empty).toBe("try {\n  a();\n} catch {\n  log();\n  throw 1;\n}");
    const appended = applyFix("try {\n  a();\n} catch (e) {\n  b(); // note\n}", (fixer, sourceCode) =>
      appendToBlock(fixer, sourceCode, find(sourceCode, AST_NODE_TYPES.BlockStatement, 1), ["throw e;"]),
    );
    expect(appended).toBe("try {\n  a();\n} catch (e) {\n  b(); // note\n  throw e;\n}");
  });

  it("adds a first parameter to a function that takes none", () => {
    const output = applyFix("p.then(async () => done());", (fixer, sourceCode) =>
      addFirstParameter(fixer, sourceCode, find(sourceCode, AST_NODE_TYPES.ArrowFunctionExpression), "response"),
    );
    expect(output).toBe("p.then(async (response) => done());");
  });
});

describe("expressions", () => {
  it("parenthesises operands that would otherwise split", () => {
    const texts = inspect("a ? b() : c();\nf(x);\n(y || z);", (sourceCode) => [
      operandText(sourceCode, find(sourceCode, AST_NODE_TYPES.ConditionalExpression)),
      operandText(sourceCode, find(sourceCode, AST_NODE_TYPES.CallExpression, 2)),
      operandText(sourceCode, find(sourceCode, AST_NODE_TYPES.LogicalExpression)),
    ]);
    expect(texts).toEqual(["(a ? b() : c())", "f(x)", "y || z"]);
  });

  it("covers every pair of parentheses around a node", () => {
    const output = applyFix("const v = ((await f())).json();", (fixer, sourceCode) =>
      fixer.replaceTextRange(rangeWithParens(sourceCode, find(sourceCode, AST_NODE_TYPES.AwaitExpression)), "r"),
    );
    expect(output).toBe("const v = r.json();");
  });
});

describe("freshName", () => {
  const scopeOfFunction = (sourceCode: SourceCode) =>
    sourceCode.getScope(find(sourceCode, AST_NODE_TYPES.ReturnStatement));

  it("takes the base name when it is free", () => {
    expect(inspect("function f() {\n  return 1;\n}", (sourceCode) => freshName(scopeOfFunction(sourceCode), "response"))).toBe("response");
  });

  it("avoids names declared here or further out, names referred to from here, and names claimed by other fixes", () => {
    const code = "const response = 1;\nfunction f(response2) {\n  use(response3);\n  return 1;\n}";
    expect(inspect(code, (sourceCode) => freshName(scopeOfFunction(sourceCode), "response"))).toBe("response4");
    expect(inspect(code, (sourceCode) => freshName(scopeOfFunction(sourceCode), "response", new Set(["response4"])))).toBe("response5");
  });
});
