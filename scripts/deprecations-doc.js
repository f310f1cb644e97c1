#!/usr/bin/env node
// Writes the list of retired and retiring APIs in docs/rules/no-deprecated-api.md from the built deprecation table
// (src/vipps/deprecations.ts), so that the page cannot drift from what the rule reports. `--check` only compares and
// fails when the list is out of date (npm run docs:check).
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEPRECATIONS } from "../dist/src/vipps/deprecations.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PAGE = join(ROOT, "docs/rules/no-deprecated-api.md");
const BEGIN = "<!-- begin generated: deprecations (npm run docs) -->";
const END = "<!-- end generated: deprecations -->";

/** A table cell: pipes escaped, and URLs as links so that the table stays readable. */
const cell = (text) => text.replaceAll("|", "\\|").replace(/https:\/\/[^\s;),]+/g, (url) => `<${url}>`);
const code = (values) => values.map((value) => `\`${value}\``).join(", ");

/** What an entry matches, in words. */
function matches({ match }) {
  const parts = [];
  if (match.endpoints) parts.push(`requests to ${code(match.endpoints)}`);
  if (match.paths) parts.push(`${code(match.paths)} in a string${match.needsVippsInFile ? " (in a file that mentions Vipps)" : ""}`);
  if (match.hosts) parts.push(match.paths ? `on ${code(match.hosts)}` : `${code(match.hosts)} as a host`);
  if (match.modules) parts.push(`imports and requires of ${code(match.modules)}`);
  if (match.sdkNamespaces) parts.push(`SDK calls through ${code(match.sdkNamespaces.map((name) => `client.${name}`))}`);
  if (match.scopes) parts.push(`the scope ${code(match.scopes)}`);
  return parts.join(" ");
}

function repair(entry) {
  if (!entry.rewrites) return "—";
  const edits = entry.rewrites.map((rewrite) => `\`${rewrite.from}\` → \`${rewrite.to}\``).join("; ");
  return entry.responseOf ? `🔧 ${edits} (💡 when the file reads a field the new response lacks)` : `🔧 ${edits}`;
}

const rows = DEPRECATIONS.map((entry) =>
  [
    `\`${entry.id}\``,
    cell(`${entry.what} ${entry.status}`),
    entry.since ?? "—",
    cell(entry.replacement),
    cell(matches(entry)),
    repair(entry),
    entry.option ? `\`${entry.option}: true\`` : "always",
    cell(entry.source),
  ].join(" | "),
);

const table = [
  "| Entry | What | Since | Use instead | Found as | Repair | Reported | Source |",
  "| :--- | :--- | :--- | :--- | :--- | :--- | :--- | :--- |",
  ...rows.map((row) => `| ${row} |`),
].join("\n");

const text = await readFile(PAGE, "utf8");
const start = text.indexOf(BEGIN);
const end = text.indexOf(END);
if (start < 0 || end < start) throw new Error(`docs/rules/no-deprecated-api.md lacks the markers ${BEGIN} … ${END}`);
const updated = `${text.slice(0, start + BEGIN.length)}\n\n${table}\n\n${text.slice(end)}`;

if (process.argv.includes("--check")) {
  if (updated !== text) {
    console.error("docs/rules/no-deprecated-api.md: the list of deprecations is out of date; run `npm run docs`.");
    process.exitCode = 1;
  }
} else if (updated !== text) {
  await writeFile(PAGE, updated);
  console.log("docs/rules/no-deprecated-api.md: list of deprecations updated");
}
