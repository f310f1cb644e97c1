import tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { AST_NODE_TYPES, type TSESTree } from "../../src/core/eslint-api.js";
import { isFunction } from "../../src/core/ast.js";
import { nodesOfType, nodesOfTypes, nodesOfTypeWithin } from "../../src/core/node-index.js";
import { walk } from "../../src/core/traverse.js";
import type { SourceCode } from "../../src/core/types.js";

/** The SourceCode ESLint hands a rule for `code` (TypeScript with JSX). */
function sourceCodeOf(code: string): SourceCode {
  let found: SourceCode | undefined;
  const rule: TSESLint.RuleModule<string, []> = {
    defaultOptions: [],
    meta: { type: "problem", messages: {}, schema: [] },
    create(context) {
      found = context.sourceCode;
      return {};
    },
  };
  const messages = new Linter({ configType: "flat" }).verify(
    code,
    {
      files: ["**/*.tsx"],
      plugins: { probe: { rules: { index: rule as never } } },
      rules: { "probe/index": "error" },
      languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    "file.tsx",
  );
  expect(messages).toEqual([]);
  if (!found) throw new Error("the probe rule did not run");
  return found;
}

/** What a walk from `root` visits of `type`: the index's reference. */
function walked(sourceCode: SourceCode, type: AST_NODE_TYPES, root: TSESTree.Node = sourceCode.ast): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  walk(sourceCode, (node) => (node.type === type ? found.push(node) : undefined), root);
  return found;
}

const CODE = `
import express from "express";
const app = express();
const label = \`outer \${\`inner \${"deep"} tail\`} end\`;
class Client {
  #token = "t";
  async post(path: string) {
    return this.request("POST", \`\${path}?x=\${1 + 2}\`);
  }
  request(method: string, url: string) {
    return fetch(url, { method, headers: { Authorization: this.#token } });
  }
}
app.post("/vipps/webhook", express.raw({ type: "*/*" }), async (req, res) => {
  const { orderId, transactionInfo: { status } } = req.body;
  if (req.headers["x-ms-date"] === undefined) return res.status(400).end();
  res.json({ ok: orderId === "1" && status === "RESERVED" });
});
export const View = () => <button onClick={() => app.get("/x")}>{label}</button>;
a.b
`;

describe("node index", () => {
  const sourceCode = sourceCodeOf(CODE);
  const types = [...new Set(allNodes(sourceCode).map((node) => node.type))];

  it("lists every node of a type as a walk visits them, in source order", () => {
    for (const type of types) {
      const expected = walked(sourceCode, type);
      // A walk visits a template's quasis before its expressions: nested templates' quasis are the one type it
      // visits out of source order.
      if (type === AST_NODE_TYPES.TemplateElement) expected.sort((a, b) => a.range[0] - b.range[0]);
      expect(nodesOfType(sourceCode, type), type).toEqual(expected);
    }
    const quasis = nodesOfType(sourceCode, AST_NODE_TYPES.TemplateElement).map((quasi) => quasi.value.raw);
    expect(quasis.slice(0, 4)).toEqual(["outer ", "inner ", " tail", " end"]);
  });

  it("lists the nodes under a root as a walk from that root visits them", () => {
    const roots = allNodes(sourceCode).filter((node) => isFunction(node) || node.type === AST_NODE_TYPES.ClassBody || node.type === AST_NODE_TYPES.CallExpression);
    expect(roots.length).toBeGreaterThan(10);
    for (const root of roots) {
      for (const type of [AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.MemberExpression, AST_NODE_TYPES.Literal, AST_NODE_TYPES.Property, AST_NODE_TYPES.Identifier]) {
        expect(nodesOfTypeWithin(sourceCode, type, root)).toEqual(walked(sourceCode, type, root));
      }
    }
  });

  it("leaves out an ancestor that spans the same text as the root", () => {
    // `a.b` without a semicolon: the statement and its expression have one range.
    const member = nodesOfType(sourceCode, AST_NODE_TYPES.MemberExpression).at(-1);
    const statement = member?.parent;
    expect(statement?.type).toBe(AST_NODE_TYPES.ExpressionStatement);
    expect(statement?.range).toEqual(member?.range);
    if (!member || !statement) return;
    expect(nodesOfTypeWithin(sourceCode, AST_NODE_TYPES.ExpressionStatement, member)).toEqual([]);
    expect(nodesOfTypeWithin(sourceCode, AST_NODE_TYPES.ExpressionStatement, statement)).toEqual([statement]);
    expect(nodesOfTypeWithin(sourceCode, AST_NODE_TYPES.MemberExpression, statement)).toEqual([member]);
  });

  it("merges several types in the order of one walk, parent first", () => {
    const merged = [AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.MemberExpression, AST_NODE_TYPES.VariableDeclarator] as const;
    const inWalk = (root: TSESTree.Node = sourceCode.ast): TSESTree.Node[] => {
      const found: TSESTree.Node[] = [];
      walk(sourceCode, (node) => ((merged as readonly string[]).includes(node.type) ? found.push(node) : undefined), root);
      return found;
    };
    expect(nodesOfTypes(sourceCode, merged)).toEqual(inWalk());
    for (const fn of allNodes(sourceCode).filter(isFunction)) expect(nodesOfTypes(sourceCode, merged, fn.body)).toEqual(inWalk(fn.body));
  });

  it("walks the file itself when the SourceCode keeps no traversal steps", () => {
    const other = sourceCodeOf(CODE);
    // The fields a hand-made SourceCode has, without ESLint's `traverse()`.
    const bare = { ast: other.ast, text: other.text, visitorKeys: other.visitorKeys } as unknown as SourceCode;
    for (const type of [AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.Literal, AST_NODE_TYPES.Property]) {
      expect(nodesOfType(bare, type).map((node) => node.range)).toEqual(nodesOfType(sourceCode, type).map((node) => node.range));
    }
  });

  it("answers a type asked for the first time in a file already indexed, and in the files indexed after it", () => {
    // The first file is indexed for the types asked so far; the second asks one of them, which indexes it; then a
    // type no file has asked for yet is asked in both, and in a third file indexed after that.
    const first = sourceCodeOf(`${CODE}\nconst late = new Map([[1, 2]]);`);
    const second = sourceCodeOf(`${CODE}\nfunction later() { return new Set(); }`);
    expect(nodesOfType(first, AST_NODE_TYPES.CallExpression)).toEqual(walked(first, AST_NODE_TYPES.CallExpression));
    expect(nodesOfType(second, AST_NODE_TYPES.CallExpression)).toEqual(walked(second, AST_NODE_TYPES.CallExpression));
    const neverAsked = AST_NODE_TYPES.NewExpression;
    for (const file of [first, second]) {
      expect(nodesOfType(file, neverAsked)).toEqual(walked(file, neverAsked));
      expect(nodesOfType(file, neverAsked)).toHaveLength(1);
    }
    const third = sourceCodeOf(`${CODE}\nconst again = new WeakMap();`);
    expect(nodesOfType(third, neverAsked)).toEqual(walked(third, neverAsked));
    expect(nodesOfType(third, AST_NODE_TYPES.ClassBody)).toEqual(walked(third, AST_NODE_TYPES.ClassBody));
    expect(nodesOfType(third, AST_NODE_TYPES.TSEnumDeclaration)).toEqual([]);
    // A list the index built while the file was indexed is put in source order too (nested templates' quasis).
    const quasis = nodesOfType(third, AST_NODE_TYPES.TemplateElement);
    expect(quasis.map((quasi) => quasi.value.raw).slice(0, 4)).toEqual(["outer ", "inner ", " tail", " end"]);
    expect(quasis).toEqual([...walked(third, AST_NODE_TYPES.TemplateElement)].sort((a, b) => a.range[0] - b.range[0]));
  });
});

function allNodes(sourceCode: SourceCode): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  walk(sourceCode, (node) => found.push(node));
  return found;
}
