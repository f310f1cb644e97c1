import tsParser from "@typescript-eslint/parser";
import type { TSESTree } from "@typescript-eslint/utils";
import { Linter, type Rule, type SourceCode } from "eslint";
import * as espree from "espree";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { collectRuleTesterCases, type RecordedCase } from "../support/rule-cases.js";

/**
 * Fixes and suggestions settle, parse, keep comments and stay local, over every case of the rule tests and every file
 * in examples/:
 *
 * - fixes are applied the way `eslint --fix` applies them (in order of range, skipping overlaps) until none is left;
 *   a run fails when the text comes back to an earlier state (circular fixes) or is still changing after ten passes;
 * - each suggestion of the first pass is applied on its own, then the first suggestion offered after it, and so on,
 *   with the same limits;
 * - after every pass the output parses, and every comment of the text before it is still there (same text, counted);
 * - every single edit of a fix or suggestion (before ESLint merges the edits of one report) lies inside a *permitted
 *   statement* of the report. Statements here are top-level statements (direct children of the Program), each with
 *   the comments that end its last line. The report's statement holds the start of the reported node or location.
 *   Its *users* are the statements that read a variable it declares, and, in turn, the statements that read a
 *   variable a user declares. The permitted statements are the report's statement, its users, and every statement
 *   that declares a variable that a permitted statement reads (again in turn). So a fix may change the code the
 *   report is about and the constants that code is built from or built into (a shipping list and its options), but
 *   no code that shares no data with it. One edit may also stand between top-level statements: an insertion (no text
 *   removed) that is a whole import declaration or `require` of the module a repair calls into (an `errorHandler`).
 *
 * Each case runs as written in its test (its rule, its options) and again with every rule of the plugin on and every
 * opt-in option set (`autofix: true`).
 */

type Range = readonly [number, number];

const RULES = plugin.rules as unknown as Record<string, Rule.RuleModule>;
const MAX_PASSES = 10;
/** Every extension the cases and examples use (a bare "**\/*" matches no file in flat config). */
const FILES = ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"];

/** Edits found outside the permitted statements while a pass ran; read and cleared after each pass. */
const localityFailures: string[] = [];

/** Rules whose reports check each edit of their fixes and suggestions before ESLint merges them. */
const checkEdits = (rules: Record<string, Rule.RuleModule>): Record<string, Rule.RuleModule> => Object.fromEntries(
  Object.entries(rules).map(([name, rule]) => [
    name,
    {
      ...rule,
      create(context: Rule.RuleContext) {
        const report = (descriptor: Rule.ReportDescriptor): void => {
          const sourceCode = context.sourceCode;
          const where = reportStart(sourceCode, descriptor);
          const checked = (fix: Rule.ReportFixer | null | undefined, what: string): Rule.ReportFixer | undefined =>
            fix
              ? (fixer) => {
                  const result = fix(fixer);
                  const edits: Rule.Fix[] = result == null ? [] : Symbol.iterator in result ? [...(result)] : [result];
                  const permitted = permittedExtents(sourceCode, where);
                  for (const edit of edits) {
                    if (isAddedImport(edit)) continue;
                    if (!permitted.some(([start, end]) => start <= edit.range[0] && edit.range[1] <= end)) {
                      localityFailures.push(`${name}: ${what} edits [${edit.range.join(", ")}] (${JSON.stringify(sourceCode.text.slice(edit.range[0], edit.range[1]).slice(0, 80))}), outside the statement reported at offset ${where}`);
                    }
                  }
                  return edits;
                }
              : undefined;
          const suggest = "suggest" in descriptor ? descriptor.suggest?.map((suggestion) => ({ ...suggestion, fix: checked(suggestion.fix, "a suggestion")! })) : undefined;
          context.report({ ...descriptor, fix: checked(descriptor.fix, "a fix"), ...(suggest && { suggest }) });
        };
        return rule.create(Object.create(context, { report: { value: report } }) as Rule.RuleContext);
      },
    },
  ]),
);
const checkedPlugin = { ...plugin, rules: checkEdits(RULES) };

function reportStart(sourceCode: SourceCode, descriptor: Rule.ReportDescriptor): number {
  if ("node" in descriptor && descriptor.node) return (descriptor.node as { range?: [number, number] }).range?.[0] ?? 0;
  const loc = (descriptor as { loc: { start?: { line: number; column: number }; line?: number; column?: number } }).loc;
  const start = loc.start ?? { line: loc.line ?? 1, column: loc.column ?? 0 };
  return sourceCode.getIndexFromLoc(start);
}

const extentCache = new WeakMap<SourceCode, Map<number, Range[]>>();

/** An insertion of a whole `import … from "…";` or `const … = require("…");` statement (see the top of this file). */
function isAddedImport(edit: Rule.Fix): boolean {
  if (edit.range[0] !== edit.range[1]) return false;
  const text = edit.text.trim();
  return /^import [^;]+ from ["'][^"']+["'];?$/.test(text) || /^(?:const|let|var) [^;=]+ = require\(["'][^"']+["']\);?$/.test(text);
}

/** The extents of the permitted statements of a report starting at `offset` (see the top of this file). */
function permittedExtents(sourceCode: SourceCode, offset: number): Range[] {
  const body = sourceCode.ast.body as unknown as TSESTree.Node[];
  const holding = (position: number) => body.find((statement) => statement.range[0] <= position && position <= statement.range[1]);
  const top = holding(offset);
  if (!top) return [];
  const byFile = extentCache.get(sourceCode) ?? new Map<number, Range[]>();
  extentCache.set(sourceCode, byFile);
  const cached = byFile.get(top.range[0]);
  if (cached) return cached;
  // Each reference as an edge from the statement that reads to the statement that declares.
  const edges = sourceCode.scopeManager.scopes.flatMap((scope) =>
    scope.references.flatMap((reference) => {
      const reader = holding(reference.identifier.range?.[0] ?? -1);
      return (reference.resolved?.defs ?? []).flatMap((definition) => {
        const declarer = holding(definition.node.range?.[0] ?? -1);
        return reader && declarer && reader !== declarer ? [{ reader, declarer }] : [];
      });
    }),
  );
  const closure = (start: Iterable<TSESTree.Node>, step: (statement: TSESTree.Node) => TSESTree.Node[]): Set<TSESTree.Node> => {
    const found = new Set(start);
    const queue = [...found];
    for (let statement = queue.pop(); statement; statement = queue.pop()) {
      for (const next of step(statement)) {
        if (found.has(next)) continue;
        found.add(next);
        queue.push(next);
      }
    }
    return found;
  };
  const users = closure([top], (statement) => edges.filter((edge) => edge.declarer === statement).map((edge) => edge.reader));
  const permitted = closure(users, (statement) => edges.filter((edge) => edge.reader === statement).map((edge) => edge.declarer));
  const comments = sourceCode.getAllComments();
  const extents = [...permitted].map((statement): Range => {
    const sameLine = comments.filter((comment) => comment.range![0] >= statement.range[1] && comment.loc!.start.line === statement.loc.end.line);
    return [statement.range[0], Math.max(statement.range[1], ...sameLine.map((comment) => comment.range![1]))];
  });
  byFile.set(top.range[0], extents);
  return extents;
}

const linter = new Linter();

interface Run {
  readonly config: Linter.Config[];
  readonly filename: string;
}

interface Pass {
  readonly messages: Linter.LintMessage[];
  readonly comments: readonly string[] | undefined;
  readonly locality: readonly string[];
  readonly exception?: string;
}

function lintPass(text: string, run: Run): Pass {
  localityFailures.length = 0;
  let messages: Linter.LintMessage[];
  try {
    messages = linter.verify(text, run.config, { filename: run.filename });
  } catch (error) {
    // A rule that throws (such as ESLint's "Fix objects must not be overlapped") is a failure of this text.
    return { messages: [], comments: undefined, locality: [], exception: error instanceof Error ? error.message : String(error) };
  }
  const fatal = messages.some((message) => message.fatal);
  const comments = fatal ? undefined : linter.getSourceCode()?.getAllComments().map((comment) => `${comment.type}:${comment.value}`);
  return { messages, comments, locality: [...localityFailures] };
}

/** Comments of `before` missing from `after`, counted (a comment written twice must stay twice). */
function lostComments(before: readonly string[], after: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const comment of after) left.set(comment, (left.get(comment) ?? 0) + 1);
  return before.filter((comment) => {
    const count = left.get(comment) ?? 0;
    left.set(comment, count - 1);
    return count <= 0;
  });
}

/** Applies fixes as ESLint does: by range, skipping one that overlaps or touches the end of the one before. */
function applyFixes(text: string, fixes: readonly { range: Range; text: string }[]): string {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = "";
  let position = 0;
  let lastEnd = -Infinity;
  for (const fix of sorted) {
    if (lastEnd >= fix.range[0]) continue;
    output += text.slice(position, fix.range[0]) + fix.text;
    position = fix.range[1];
    lastEnd = fix.range[1];
  }
  return output + text.slice(position);
}

/**
 * Runs passes from `text` until `next` has nothing more to apply; returns the failures. `next` picks what a pass
 * applies, or undefined when the text has settled.
 */
function settle(text: string, run: Run, next: (pass: Pass) => { range: Range; text: string }[] | undefined, first?: Pass): string[] {
  const failures: string[] = [];
  const seen = new Set([text]);
  let pass = first ?? lintPass(text, run);
  if (pass.exception !== undefined) return [`exception: ${pass.exception}`];
  if (pass.comments === undefined) return [];
  for (let count = 1; ; count++) {
    failures.push(...pass.locality);
    const edits = next(pass);
    if (!edits || edits.length === 0) return failures;
    if (count > MAX_PASSES) return [...failures, `still changing after ${MAX_PASSES} passes`];
    const output = applyFixes(text, edits);
    if (seen.has(output)) return [...failures, `circular: pass ${count} brings back an earlier text:\n${output}`];
    seen.add(output);
    const after = lintPass(output, run);
    if (after.exception !== undefined) return [...failures, `pass ${count} gives code on which a rule throws: ${after.exception}:\n${output}`];
    if (after.comments === undefined) return [...failures, `pass ${count} gives code that does not parse:\n${output}`];
    const lost = lostComments(pass.comments ?? [], after.comments);
    if (lost.length > 0) return [...failures, `pass ${count} loses comments ${JSON.stringify(lost)}:\n${output}`];
    text = output;
    pass = after;
  }
}

const allFixes = (pass: Pass) => pass.messages.flatMap((message) => (message.fix ? [message.fix] : []));
const firstSuggestion = (pass: Pass) => {
  const suggestion = pass.messages.find((message) => message.suggestions?.length)?.suggestions?.[0];
  return suggestion && [suggestion.fix];
};

/** Fixes to a fixed point, then each suggestion of the first pass followed to its own fixed point. */
function checkRun(text: string, run: Run): string[] {
  const first = lintPass(text, run);
  if (first.exception !== undefined) return [`exception: ${first.exception}`];
  const unlinted = first.messages.find((message) => message.fatal || message.ruleId === null);
  if (first.comments === undefined || unlinted) return [`not linted as set up here: ${unlinted?.message ?? "no source code"}`];
  const failures = settle(text, run, allFixes, first).map((failure) => `fixes: ${failure}`);
  first.messages.forEach((message, index) => {
    for (const suggestion of message.suggestions ?? []) {
      let taken = false;
      const pick = (pass: Pass) => {
        if (taken) return firstSuggestion(pass);
        taken = true;
        return [suggestion.fix];
      };
      failures.push(...settle(text, run, pick, first).map((failure) => `suggestion "${suggestion.desc}" of problem ${index + 1} (${message.ruleId}): ${failure}`));
    }
  });
  return [...new Set(failures)];
}

const hasAutofixOption = (rule: Rule.RuleModule): boolean => {
  const schema = rule.meta?.schema;
  const first = Array.isArray(schema) ? (schema[0] as { properties?: Record<string, unknown> } | undefined) : undefined;
  return first?.properties?.autofix !== undefined;
};

/** Every rule on; opt-in options set; `own` (the case's options for its rule) kept. */
function everyRuleOptedIn(own: Record<string, readonly unknown[]> = {}): Linter.RulesRecord {
  return Object.fromEntries(
    Object.entries(RULES).map(([name, rule]) => {
      const [first, ...rest] = own[name] ?? [];
      const options = hasAutofixOption(rule) ? [{ ...(first as object | undefined), autofix: true }, ...rest] : first === undefined ? [] : [first, ...rest];
      return [`vipps/${name}`, ["error", ...options]];
    }),
  );
}

function caseRuns(testCase: RecordedCase): { label: string; run: Run }[] {
  const name = Object.entries(RULES).find(([, rule]) => rule === testCase.rule)?.[0];
  if (!name) throw new Error(`${testCase.title}: the rule is not one of the plugin's`);
  const languageOptions = { ...testCase.languageOptions, parser: testCase.languageOptions.parser ?? tsParser };
  const typescript = languageOptions.parser === tsParser;
  const jsx = (languageOptions.parserOptions as { ecmaFeatures?: { jsx?: boolean } } | undefined)?.ecmaFeatures?.jsx === true;
  // RuleTester's default file names.
  const filename = testCase.filename ?? (typescript ? (jsx ? "react.tsx" : "file.ts") : "file.js");
  const base = { files: FILES, languageOptions, plugins: { vipps: checkedPlugin }, ...(testCase.settings && { settings: testCase.settings }) };
  return [
    { label: "as tested", run: { filename, config: [{ ...base, rules: { [`vipps/${name}`]: ["error", ...testCase.options] } }] } },
    { label: "every rule, opt-ins on", run: { filename, config: [{ ...base, rules: everyRuleOptedIn({ [name]: testCase.options }) }] } },
  ] as { label: string; run: Run }[];
}

const cases: RecordedCase[] = [];
// Importing the rule tests records their cases; any describe/it they declare lands here, skipped.
describe.skip("rule test files, imported for their cases", async () => {
  cases.push(...(await collectRuleTesterCases()));
});

/** Rules that break each promise on purpose: the check must catch every one. */
const BROKEN_RULES: Record<string, Rule.RuleModule> = {
  // `a;` becomes `b;` and back.
  circular: {
    meta: { fixable: "code" },
    create: (context) => ({
      ExpressionStatement(node) {
        const name = node.expression.type === "Identifier" ? node.expression.name : "";
        if (name === "a" || name === "b") context.report({ node, message: "flip", fix: (fixer) => fixer.replaceText(node.expression, name === "a" ? "b" : "a") });
      },
    }),
  },
  // Rewrites a statement without the comment after it.
  "loses-comment": {
    meta: { fixable: "code" },
    create: (context) => ({
      "ExpressionStatement[expression.name='lose']"(node: Rule.Node) {
        const comment = context.sourceCode.getCommentsAfter(node)[0];
        if (comment) context.report({ node, message: "lose", fix: (fixer) => fixer.replaceTextRange([node.range![0], comment.range![1]], "kept;") });
      },
    }),
  },
  // Reports on `far;` and edits the statement before it, which shares nothing with it.
  "edits-elsewhere": {
    meta: { fixable: "code" },
    create: (context) => ({
      "ExpressionStatement[expression.name='far']"(node: Rule.Node) {
        const before = context.sourceCode.ast.body[0];
        if (before && before !== node) context.report({ node, message: "far", fix: (fixer) => fixer.insertTextBefore(before, "near; ") });
      },
    }),
  },
  // A suggestion that does not parse.
  "breaks-syntax": {
    meta: { hasSuggestions: true },
    create: (context) => ({
      "ExpressionStatement[expression.name='broken']"(node: Rule.Node) {
        context.report({ node, message: "broken", suggest: [{ desc: "break it", fix: (fixer) => fixer.insertTextAfter(node, " )(") }] });
      },
    }),
  },
};

describe("the check itself", () => {
  const run = (rule: string): Run => ({
    filename: "file.js",
    config: [{ files: FILES, plugins: { broken: { rules: checkEdits(BROKEN_RULES) } }, rules: { [`broken/${rule}`]: "error" } }],
  });

  it.each([
    ["circular", "a;\n", /circular: pass 2 brings back an earlier text/],
    ["loses-comment", "lose; // why\nother;\n", /pass 1 loses comments \["Line: why"\]/],
    ["edits-elsewhere", "const x = 1;\nfar;\n", /edits-elsewhere: a fix edits \[0, 0\]/],
    ["breaks-syntax", "broken;\n", /suggestion "break it" .* pass 1 gives code that does not parse/],
  ])("catches %s", (rule, code, expected) => {
    expect(checkRun(code, run(rule)).join("\n")).toMatch(expected);
  });

  it("lets a fix change a constant the reported statement reads", () => {
    const far: Rule.RuleModule = {
      meta: { fixable: "code" },
      create: (context) => ({
        "CallExpression[callee.name='use']"(node: Rule.Node) {
          const declared = context.sourceCode.ast.body[0];
          if (declared?.type === "VariableDeclaration" && !context.sourceCode.getText(declared).includes("2"))
            context.report({ node, message: "use", fix: (fixer) => fixer.replaceText(declared.declarations[0]!.init!, "2") });
        },
      }),
    };
    const config = [{ files: FILES, plugins: { ok: { rules: checkEdits({ far }) } }, rules: { "ok/far": "error" } }] as Linter.Config[];
    expect(checkRun("const limit = 1;\nuse(limit);\n", { filename: "file.js", config })).toEqual([]);
  });
});

describe("fixes and suggestions settle, parse, keep comments and stay local", () => {
  it("finds the rule tests' cases", () => {
    expect(cases.length).toBeGreaterThan(300);
  });

  it("over every rule-tester case", () => {
    const failures: string[] = [];
    for (const testCase of cases) {
      for (const { label, run } of caseRuns(testCase)) {
        for (const failure of checkRun(testCase.code, run)) failures.push(`${testCase.title} [${label}]: ${failure}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  const examples = fileURLToPath(new URL("../../examples/", import.meta.url));
  const files = readdirSync(examples).filter((file) => /\.(?:[cm]?js|tsx?)$/.test(file) && file !== "eslint.config.js");
  it.each(files)("examples/%s", (file) => {
    const typescript = /\.tsx?$/.test(file);
    const languageOptions: Linter.LanguageOptions = {
      parser: typescript ? tsParser : espree,
      sourceType: file.endsWith(".cjs") ? "commonjs" : "module",
      parserOptions: { ecmaFeatures: { jsx: file.endsWith(".tsx") } },
    };
    // As examples/eslint.config.js sets it up.
    const settings = { vipps: { wrappers: [{ name: "vippsFetch", url: "0.uri", body: "0.body" }] } };
    const base = { files: FILES, languageOptions, plugins: { vipps: checkedPlugin }, settings };
    const defaults = Object.fromEntries(Object.keys(RULES).map((name) => [`vipps/${name}`, "error"])) as Linter.RulesRecord;
    const text = readFileSync(examples + file, "utf8");
    const failures = [
      ...checkRun(text, { filename: file, config: [{ ...base, rules: defaults }] }),
      ...checkRun(text, { filename: file, config: [{ ...base, rules: everyRuleOptedIn() }] }).map((failure) => `opt-ins on: ${failure}`),
    ];
    expect(failures).toEqual([]);
  });
});
