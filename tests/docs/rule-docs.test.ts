// The code examples of every docs/rules/*.md page, linted with that page's rule (after typescript-eslint's docs test):
// a page must not show code the rule does not flag as incorrect, flags as correct, or repairs other than shown.
//
// Convention: an example is a fenced code block whose info string has a marker after the language.
//
//   ```js incorrect        the page's rule reports at least one problem here, and nothing else does (no parse error)
//   ```ts correct          nothing is reported
//   ```ts fixed            the output of `--fix` (Linter#verifyAndFix) on the nearest incorrect block above it
//   ```ts suggestion       the output of taking editor suggestions on the nearest incorrect block above it: the first
//                          suggestion of the first problem that has one, then lint again, until none is left
//   ```ts correct fixed    (or `correct suggestion`) both: that output, which is also reported clean
//
// Rule options go in the incorrect or correct block itself as an inline config comment, which ESLint reads and the
// reader sees: `/* eslint vipps/handle-error-responses: ["error", { "autofix": true }] */`. Shared settings, which
// comments cannot set, go in the info string as single-quoted JSON: ```` ```js incorrect settings='{"vipps": {…}}' ````;
// fixed and suggestion blocks use their incorrect block's. Languages: ts, tsx, mts, cts (@typescript-eslint/parser);
// js, jsx, mjs (espree, module); cjs (espree, commonjs). Unmarked blocks (config snippets, JSON) are not examples and
// are skipped; an unknown marker fails, so a typo cannot hide an example. Every page needs an incorrect and a correct
// example.
//
// The pages are read with a CommonMark parser (mdast-util-from-markdown) rather than a pattern, so fences of any
// length, `~~~` fences, fences inside list items and the info string are read the way GitHub renders them.
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import * as espree from "espree";
import type { Code, Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../rules/index.js";
import plugin from "../../src/index.js";

const DOCS_DIR = join(import.meta.dirname, "..", "..", "docs", "rules");

type Kind = "incorrect" | "correct";
type Output = "fixed" | "suggestion";

interface Example {
  /** The test's name within the page: `Incorrect #2`, `Suggestion #1 (of Incorrect #1)`. */
  name: string;
  /** `docs/rules/page.md:line`, for failure messages. */
  where: string;
  lang: string;
  code: string;
  /** Set on incorrect and correct blocks, and on output blocks that are also correct. */
  kind?: Kind;
  output?: Output;
  /** For an output block: the incorrect block whose fix or suggestions it shows. */
  source?: Example;
  settings?: Record<string, unknown>;
}

interface Page {
  file: string;
  rule: string | undefined;
  examples: Example[];
  /** Marker mistakes, reported by the page's own test. */
  problems: string[];
}

const MARKERS = new Set(["incorrect", "correct", "fixed", "suggestion"]);
const LANGUAGES = new Set(["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"]);
// `settings='…'`: single-quoted JSON, which therefore holds no single quote; a negated class keeps the match linear.
const SETTINGS_PATTERN = /(?:^|\s)settings='([^']*)'/;
// Suggestions taken one after another on one block before giving up: no page example needs more.
const MAX_SUGGESTION_PASSES = 20;

/** The fenced code blocks of a markdown document, in document order; the walk visits each node once. */
function codeBlocks(node: Nodes): Code[] {
  if (node.type === "code") return [node];
  return "children" in node ? node.children.flatMap((child) => codeBlocks(child)) : [];
}

function readPage(file: string): Page {
  const rule = file.replace(/\.md$/, "");
  const page: Page = { file, rule: rule in rules ? rule : undefined, examples: [], problems: [] };
  if (!page.rule) page.problems.push(`${file} documents no rule of the plugin`);
  const counts = new Map<string, number>();
  const nextNumber = (label: string) => {
    const count = (counts.get(label) ?? 0) + 1;
    counts.set(label, count);
    return count;
  };
  let lastIncorrect: Example | undefined;
  for (const block of codeBlocks(fromMarkdown(readFileSync(join(DOCS_DIR, file), "utf8")))) {
    const where = `docs/rules/${file}:${block.position?.start.line ?? "?"}`;
    const meta = block.meta ?? "";
    const settingsMatch = SETTINGS_PATTERN.exec(meta);
    const words = meta.replace(SETTINGS_PATTERN, " ").split(/\s+/).filter(Boolean);
    const markers = words.filter((word) => MARKERS.has(word));
    const lang = block.lang ?? "";
    // In a linted language the info string holds markers only, so that a misspelt one fails instead of hiding.
    if (!LANGUAGES.has(lang) && markers.length === 0 && !settingsMatch) continue;
    const unknown = words.filter((word) => !MARKERS.has(word));
    if (unknown.length > 0) page.problems.push(`${where}: unknown marker ${unknown.join(", ")}`);
    if (!LANGUAGES.has(lang)) page.problems.push(`${where}: an example in "${lang}", which is not linted`);
    if (markers.length === 0) {
      if (settingsMatch) page.problems.push(`${where}: settings on a block that is not an example`);
      continue;
    }

    const output = markers.find((word): word is Output => word === "fixed" || word === "suggestion");
    const kind = markers.find((word): word is Kind => word === "incorrect" || word === "correct");
    const valid =
      markers.length === new Set(markers).size &&
      (output ? markers.length === 1 || (markers.length === 2 && kind === "correct") : markers.length === 1);
    if (!valid) {
      page.problems.push(`${where}: markers "${markers.join(" ")}" (use one of incorrect, correct, fixed, suggestion; correct may join fixed or suggestion)`);
      continue;
    }

    let settings: Record<string, unknown> | undefined;
    if (settingsMatch) {
      if (output) page.problems.push(`${where}: settings belong on the incorrect block whose output this is`);
      try {
        const parsed: unknown = JSON.parse(settingsMatch[1] ?? "");
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
        settings = parsed as Record<string, unknown>;
      } catch (error) {
        page.problems.push(`${where}: settings are not a JSON object (${(error as Error).message})`);
      }
    }

    // An output block is linted as its incorrect block was, with that block's settings.
    const example: Example = { name: "", where, lang, code: block.value, settings: output ? lastIncorrect?.settings : settings };
    if (kind) example.kind = kind;
    if (output) {
      example.output = output;
      if (!lastIncorrect) page.problems.push(`${where}: a ${output} block with no incorrect block above it`);
      else if (lastIncorrect.lang !== lang) page.problems.push(`${where}: in "${lang}", its incorrect block in "${lastIncorrect.lang}"`);
      example.source = lastIncorrect;
      const label = output === "fixed" ? "Fixed" : "Suggestion";
      example.name = `${label} #${nextNumber(label)} (of ${lastIncorrect?.name ?? "nothing"})`;
    } else {
      const label = kind === "incorrect" ? "Incorrect" : "Correct";
      example.name = `${label} #${nextNumber(label)}`;
      if (kind === "incorrect") lastIncorrect = example;
    }
    page.examples.push(example);
  }
  return page;
}

const linter = new Linter();

function configFor(rule: string, example: Example): Linter.Config[] {
  const parser = example.lang.endsWith("ts") || example.lang === "tsx" ? tsParser : espree;
  return [
    {
      files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
      plugins: { vipps: plugin },
      languageOptions: {
        parser,
        sourceType: example.lang === "cjs" ? "commonjs" : "module",
        parserOptions: { ecmaFeatures: { jsx: example.lang.endsWith("x") } },
      },
      settings: example.settings ?? {},
      rules: { [`vipps/${rule}`]: "error" },
    },
  ];
}

const fileNameOf = (example: Example) => `example.${example.lang}`;

const describeMessages = (messages: Linter.LintMessage[]) =>
  messages.map((message) => `  ${message.line}:${message.column} ${message.ruleId ?? "(no rule)"} ${message.message}`).join("\n");

function lint(rule: string, example: Example, code = example.code): Linter.LintMessage[] {
  return linter.verify(code, configFor(rule, example), fileNameOf(example));
}

/** What taking the editor suggestions on `source` one by one leads to, and how many were taken. */
function applySuggestions(rule: string, source: Example): { output: string; taken: number } {
  let output = source.code;
  for (let taken = 0; taken < MAX_SUGGESTION_PASSES; taken++) {
    const suggestion = lint(rule, source, output).find((message) => message.suggestions?.length)?.suggestions?.[0];
    if (!suggestion) return { output, taken };
    output = output.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + output.slice(suggestion.fix.range[1]);
  }
  throw new Error(`${source.where}: suggestions still offered after ${MAX_SUGGESTION_PASSES} were taken`);
}

function checkExample(rule: string, example: Example): void {
  if (example.output && example.source) {
    const { source } = example;
    if (example.output === "fixed") {
      const fixed = linter.verifyAndFix(source.code, configFor(rule, source), fileNameOf(source));
      expect(fixed.fixed, `${source.where}: --fix changes nothing in the incorrect block`).toBe(true);
      expect(fixed.output, `${example.where}: the output of --fix on ${source.name}`).toBe(example.code);
    } else {
      const { output, taken } = applySuggestions(rule, source);
      expect(taken, `${source.where}: the rule offers no suggestion on the incorrect block`).toBeGreaterThan(0);
      expect(output, `${example.where}: the output of the suggestions on ${source.name}`).toBe(example.code);
    }
  }
  if (example.kind === "incorrect") {
    const messages = lint(rule, example);
    expect(messages.length, `${example.where}: the rule reports nothing on an incorrect example`).toBeGreaterThan(0);
    const others = messages.filter((message) => message.fatal || message.ruleId !== `vipps/${rule}`);
    expect(others, `${example.where}: problems other than the rule's:\n${describeMessages(others)}`).toEqual([]);
  }
  if (example.kind === "correct") {
    const messages = lint(rule, example);
    expect(messages, `${example.where}: reported on a correct example:\n${describeMessages(messages)}`).toEqual([]);
  }
}

const pages = readdirSync(DOCS_DIR)
  .filter((file) => file.endsWith(".md"))
  .sort()
  .map(readPage);

describe("docs/rules", () => {
  it("has a page for every rule", () => {
    expect(pages.map((page) => page.rule).filter(Boolean)).toEqual(Object.keys(rules).sort());
  });

  for (const page of pages) {
    it(`${page.file} › marks its examples, at least one incorrect and one correct`, () => {
      expect(page.problems).toEqual([]);
      const kinds = new Set(page.examples.map((example) => example.kind));
      expect(kinds.has("incorrect"), `${page.file} has no incorrect example`).toBe(true);
      expect(kinds.has("correct"), `${page.file} has no correct example`).toBe(true);
    });

    const { rule } = page;
    if (!rule) continue;
    for (const example of page.examples) {
      it(`${page.file} › ${example.name}`, () => checkExample(rule, example));
    }
  }
});
