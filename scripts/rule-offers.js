#!/usr/bin/env node
// Writes the "What each rule offers where" table in docs/recipes.md from the built rules' metadata, so that it cannot
// drift from them. `--check` only compares and fails when the table is out of date (npm run docs:check).
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import plugin from "../dist/src/index.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const RECIPES = join(ROOT, "docs/recipes.md");
const BEGIN = "<!-- begin generated: rule offers (npm run docs) -->";
const END = "<!-- end generated: rule offers -->";

/** Whether a rule has repairs that --fix applies only under `autofix: true` (the rule kit's `docs.optInRepairs`). */
const hasOptInRepairs = (meta) => (meta.docs?.optInRepairs?.length ?? 0) > 0;

const rows = Object.entries(plugin.rules)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, { meta }]) =>
    [
      `[${name}](rules/${name}.md)`,
      "✅",
      meta.fixable ? (hasOptInRepairs(meta) ? "🔧 ¹" : "🔧") : "—",
      meta.hasSuggestions ? "💡" : "—",
    ].join(" | "),
  );

const table = [
  "| Rule | Findings in the editor | `--fix` and fix on save | Quick Fix suggestions |",
  "| :--- | :--- | :--- | :--- |",
  ...rows.map((row) => `| ${row} |`),
  "",
  "¹ The repairs that change what a payment flow does apply with `--fix` only under `autofix: true`; without it they",
  "are Quick Fix suggestions. The rule's page says which they are.",
].join("\n");

const text = await readFile(RECIPES, "utf8");
const start = text.indexOf(BEGIN);
const end = text.indexOf(END);
if (start < 0 || end < start) throw new Error(`docs/recipes.md lacks the markers ${BEGIN} … ${END}`);
const updated = `${text.slice(0, start + BEGIN.length)}\n\n${table}\n\n${text.slice(end)}`;

if (process.argv.includes("--check")) {
  if (updated !== text) {
    console.error("docs/recipes.md: the rule offers table is out of date; run `npm run docs`.");
    process.exitCode = 1;
  }
} else if (updated !== text) {
  await writeFile(RECIPES, updated);
  console.log("docs/recipes.md: rule offers table updated");
}
