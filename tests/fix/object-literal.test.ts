import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { Linter, type Rule } from "eslint";
import * as espree from "espree";
import { describe, expect, it } from "vitest";
import { quoteString } from "../../src/core/style.js";
import { detectStyle, insertProperties, printKey, printProperty, printValue, removeProperty, type LiteralStyle } from "../../src/fix/object-literal.js";

type Edit = (fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, object: TSESTree.ObjectExpression) => TSESLint.RuleFix[] | undefined;

/** A fixer stand-in for the dry run that tells whether a fix is possible. */
const dryFixer = new Proxy({}, { get: () => () => ({ range: [0, 0], text: "" }) }) as TSESLint.RuleFixer;

/** Runs `edit` once on the object literal assigned to `target` and returns the code after its fix (or undefined). */
function applyOnce(code: string, edit: Edit): string | undefined {
  const rule: Rule.RuleModule = {
    meta: { fixable: "code", schema: [] },
    create(context) {
      const sourceCode = context.sourceCode as unknown as Readonly<TSESLint.SourceCode>;
      return {
        "VariableDeclarator[id.name='target'] > ObjectExpression"(node: Rule.Node) {
          const object = node as unknown as TSESTree.ObjectExpression;
          const fixes = edit(dryFixer, sourceCode, object);
          context.report({
            node,
            message: "edit",
            fix: fixes === undefined ? null : (fixer) => edit(fixer, sourceCode, object) as unknown as Rule.Fix[],
          });
        },
      };
    },
  };
  const linter = new Linter({ configType: "flat" });
  const config: Linter.Config[] = [{ plugins: { test: { rules: { edit: rule } } }, rules: { "test/edit": "error" } }];
  const fix = linter.verify(code, config)[0]?.fix;
  if (!fix) return undefined;
  const output = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
  // Every output must still parse.
  espree.parse(output, { ecmaVersion: "latest", sourceType: "module" });
  return output;
}

const insert =
  (...texts: string[]): Edit =>
  (fixer, sourceCode, object) =>
    insertProperties(fixer, sourceCode, object, texts);

const remove =
  (key: string): Edit =>
  (fixer, sourceCode, object) => {
    const property = object.properties.find((p) => p.type === AST_NODE_TYPES.Property && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === key);
    return property ? removeProperty(fixer, sourceCode, property) : undefined;
  };

const INSERT_CASES: [string, string, string][] = [
    ["empty object", "const target = {};", "const target = { z: 1 };"],
    ["empty object holding a comment", "const target = { /* none */ };", "const target = { /* none */ z: 1 };"],
    ["one line", "const target = { a: 1, b: 2 };", "const target = { a: 1, b: 2, z: 1 };"],
    ["one line with a trailing comma", "const target = { a: 1, };", "const target = { a: 1, z: 1, };"],
    ["one line with a comment after the last property", "const target = { a: 1 /* one */ };", "const target = { a: 1, /* one */ z: 1 };"],
    ["multi-line with a trailing comma", "const target = {\n  a: 1,\n};", "const target = {\n  a: 1,\n  z: 1,\n};"],
    ["multi-line without a trailing comma", "const target = {\n    a: 1\n};", "const target = {\n    a: 1,\n    z: 1\n};"],
    ["multi-line with a line comment after the last property", "const target = {\n  a: 1 // one\n};", "const target = {\n  a: 1, // one\n  z: 1\n};"],
    ["multi-line with a line comment after the comma", "const target = {\n  a: 1, // one\n};", "const target = {\n  a: 1, // one\n  z: 1,\n};"],
    ["multi-line with a comment on its own line at the end", "const target = {\n  a: 1,\n  // more later\n};", "const target = {\n  a: 1,\n  z: 1,\n  // more later\n};"],
    ["tabs", "const target = {\n\ta: 1,\n};", "const target = {\n\ta: 1,\n\tz: 1,\n};"],
    ["a spread last", "const target = { ...base };", "const target = { ...base, z: 1 };"],
];

describe("insertProperties", () => {
  it.each(INSERT_CASES)("%s", (_name, code, expected) => {
    expect(applyOnce(code, insert("z: 1"))).toBe(expected);
  });

  it("adds several properties at once, each on its own line", () => {
    expect(applyOnce("const target = {\n  a: 1\n};", insert("y: 1", "z: 2"))).toBe("const target = {\n  a: 1,\n  y: 1,\n  z: 2\n};");
    expect(applyOnce("const target = { a: 1 /* c */ };", insert("y: 1", "z: 2"))).toBe("const target = { a: 1, /* c */ y: 1, z: 2 };");
  });

  it("indents an empty multi-line object from its closing brace, in the style around it", () => {
    const code = "const outer = {\n  list: [],\n  target: null,\n};\nconst target = {\n  // soon\n};";
    expect(applyOnce(code, insert("z: 1"))).toBe("const outer = {\n  list: [],\n  target: null,\n};\nconst target = {\n  // soon\n  z: 1\n};");
  });

  it("shifts a multi-line value to where the property lands", () => {
    const code = "const target = {\n    a: 1,\n};";
    const value = printValue({ b: [1, "x"] }, { keyQuote: undefined, stringQuote: '"', indentUnit: "  ", trailingComma: true });
    expect(applyOnce(code, insert(`v: ${value}`))).toBe('const target = {\n    a: 1,\n    v: {\n      b: [\n        1,\n        "x",\n      ],\n    },\n};');
  });
});

const REMOVE_CASES: [string, string, string][] = [
    ["a property on its own line", "const target = {\n  a: 1,\n  gone: 2,\n  b: 3,\n};", "const target = {\n  a: 1,\n  b: 3,\n};"],
    ["the first of one line", "const target = { gone: 2, b: 3 };", "const target = { b: 3 };"],
    ["the last without a trailing comma", "const target = { a: 1, gone: 2 };", "const target = { a: 1 };"],
    ["the last of several lines", "const target = {\n  a: 1,\n  gone: 2\n};", "const target = {\n  a: 1\n};"],
    ["the only property", "const target = { gone: 2 };", "const target = {};"],
    ["keeps a comment before it", "const target = {\n  a: 1,\n  /* why */ gone: 2,\n};", "const target = {\n  a: 1,\n  /* why */\n};"],
    ["keeps a comment after it", "const target = {\n  gone: 2, // why\n  a: 1,\n};", "const target = {\n  // why\n  a: 1,\n};"],
    ["keeps a comment between it and the previous property", "const target = { a: 1, /* why */ gone: 2 };", "const target = { a: 1 /* why */ };"],
];

describe("removeProperty", () => {
  it.each(REMOVE_CASES)("%s", (_name, code, expected) => {
    expect(applyOnce(code, remove("gone"))).toBe(expected);
  });

  it("declines when removing would lose a comment inside the property", () => {
    expect(applyOnce("const target = { gone: /* keep me */ 2 };", remove("gone"))).toBeUndefined();
  });
});

/** ESLint's line terminators other than `\n`: every case above holds with each, and new lines take the file's own. */
const OTHER_LINE_ENDS = [
  ["CRLF", "\r\n"],
  ["CR", "\r"],
  ["U+2028", "\u2028"],
  ["U+2029", "\u2029"],
] as const;

describe.each(OTHER_LINE_ENDS)("with %s line ends", (_name, lineEnd) => {
  const converted = (text: string): string => text.replaceAll("\n", lineEnd);

  it.each(INSERT_CASES)("insertProperties: %s", (_case, code, expected) => {
    expect(applyOnce(converted(code), insert("z: 1"))).toBe(converted(expected));
  });

  it.each(REMOVE_CASES)("removeProperty: %s", (_case, code, expected) => {
    expect(applyOnce(converted(code), remove("gone"))).toBe(converted(expected));
  });

  it("removes a property on its own line without touching the next line", () => {
    // With `\n` taken for the only line end, the removal ran on to the end of the file.
    const code = converted("const target = {\n  gone: 2,\n  b: 3,\n};\nconst after = 1;\n");
    expect(applyOnce(code, remove("gone"))).toBe(converted("const target = {\n  b: 3,\n};\nconst after = 1;\n"));
  });

  it("shifts a printed multi-line value with the file's line end", () => {
    const value = printValue({ b: [1, "x"] }, { keyQuote: undefined, stringQuote: '"', indentUnit: "  ", trailingComma: false });
    expect(applyOnce(converted("const target = {\n  a: 1,\n};"), insert(`v: ${value}`))).toBe(
      converted('const target = {\n  a: 1,\n  v: {\n    b: [\n      1,\n      "x"\n    ]\n  },\n};'),
    );
  });
});

describe("a file that mixes line ends", () => {
  it("writes new lines with its most frequent line end", () => {
    expect(applyOnce("const target = {\r\n  a: 1,\r\n};\n// done\r\n", insert("z: 1"))).toBe("const target = {\r\n  a: 1,\r\n  z: 1,\r\n};\n// done\r\n");
  });
});

describe("style and printing", () => {
  const style = (code: string): LiteralStyle => {
    let found: LiteralStyle | undefined;
    applyOnce(code, (_fixer, sourceCode, object) => {
      found = detectStyle(sourceCode, object);
      return undefined;
    });
    if (!found) throw new Error("no target");
    return found;
  };

  it("reads quotes, indentation and trailing commas from the object and the code around it", () => {
    expect(style("const target = {\n    \"a\": 'x',\n    \"b\": 2\n};")).toEqual({ keyQuote: '"', stringQuote: "'", indentUnit: "    ", trailingComma: false });
    expect(style("const outer = {\n\tinner: {\n\t\ttarget: 1,\n\t},\n};\nconst target = {};")).toEqual({
      keyQuote: undefined,
      stringQuote: '"',
      indentUnit: "\t",
      trailingComma: false,
    });
    expect(style("const target = { a: { b: 'x', 'c': 1 } };")).toEqual({ keyQuote: undefined, stringQuote: "'", indentUnit: "  ", trailingComma: false });
  });

  // The file's indentation, where the object and the objects around it show none, is the file's unit: the ` * `
  // lines of a JSDoc block are one space in and are no indentation (the fallback took the first indented line).
  it("falls back to the file's indentation unit, past the lines of a JSDoc block", () => {
    const code = "/**\n * Payments.\n */\nfunction pay() {\n    return 1;\n}\nconst target = { a: 1 };";
    expect(style(code).indentUnit).toBe("    ");
    expect(style("/**\n * Payments.\n */\nconst target = { a: 1 };").indentUnit).toBe("  ");
  });

  it("quotes keys that are not identifiers, and escapes strings", () => {
    const bare: LiteralStyle = { keyQuote: undefined, stringQuote: "'", indentUnit: "  ", trailingComma: false };
    expect(printKey("Content-Type", bare)).toBe("'Content-Type'");
    expect(printKey("amount", bare)).toBe("amount");
    expect(printKey("amount", { ...bare, keyQuote: '"' })).toBe('"amount"');
    expect(quoteString("it's", "'")).toBe("'it\\'s'");
    // A raw \r, U+2028 or U+2029 in a printed string would end its line (or, before ES2019, not parse).
    expect(quoteString("a\\b\nc\rd\u2028e\u2029f", '"')).toBe('"a\\\\b\\nc\\rd\\u2028e\\u2029f"');
    expect(printProperty("a", "1", bare)).toBe("a: 1");
    expect(printValue([], bare)).toBe("[]");
    expect(printValue({ a: null, b: true }, bare)).toBe("{\n  a: null,\n  b: true\n}");
  });
});
