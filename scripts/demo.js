// `npm run demo`: lints examples/ with the built plugin (the npm script builds first) through ESLint's Node API, and
// shows the findings, what `eslint --fix` would change as a unified diff per file, and a summary. Nothing is written.
// The exit code is 0 whatever the findings (it is a demo); 1 when ESLint itself fails.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";

const root = fileURLToPath(new URL("..", import.meta.url));
const examples = path.join(root, "examples");

const useColor = process.stdout.isTTY && !("NO_COLOR" in process.env) && process.env.TERM !== "dumb";
const style = (code) => (text) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);
const bold = style("1");
const dim = style("2");
const red = style("31");
const green = style("32");
const yellow = style("33");
const cyan = style("36");

const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** The edit script that turns `before` into `after`, line by line, from a longest common subsequence. */
function lineEdits(before, after) {
  // common[i][j]: length of the longest common subsequence of before[i..] and after[j..].
  const common = Array.from({ length: before.length + 1 }, () => new Uint32Array(after.length + 1));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const edits = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      edits.push({ op: " ", text: before[i], oldLine: ++i, newLine: ++j });
    } else if (i < before.length && (j === after.length || common[i + 1][j] >= common[i][j + 1])) {
      edits.push({ op: "-", text: before[i], oldLine: ++i, newLine: j });
    } else {
      edits.push({ op: "+", text: after[j], oldLine: i, newLine: ++j });
    }
  }
  return edits;
}

/** A unified diff (three lines of context) of two versions of a file. */
function unifiedDiff(name, before, after, context = 3) {
  const lines = (text) => text.replace(/\n$/, "").split("\n");
  const edits = lineEdits(lines(before), lines(after));
  const hunks = [];
  edits.forEach((edit, index) => {
    if (edit.op === " ") return;
    const start = Math.max(0, index - context);
    const end = Math.min(edits.length, index + context + 1);
    const last = hunks.at(-1);
    if (last && start <= last.end) last.end = end;
    else hunks.push({ start, end });
  });
  const output = [bold(`--- a/${name}`), bold(`+++ b/${name}`)];
  for (const { start, end } of hunks) {
    const hunk = edits.slice(start, end);
    const oldCount = hunk.filter((edit) => edit.op !== "+").length;
    const newCount = hunk.filter((edit) => edit.op !== "-").length;
    // A side without lines is numbered by the line before the hunk, as diff(1) does.
    const oldStart = hunk[0].oldLine - (hunk[0].op === "+" ? 0 : 1) + (oldCount > 0 ? 1 : 0);
    const newStart = hunk[0].newLine - (hunk[0].op === "-" ? 0 : 1) + (newCount > 0 ? 1 : 0);
    output.push(cyan(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`));
    for (const edit of hunk) {
      const line = edit.op + edit.text;
      output.push(edit.op === "-" ? red(line) : edit.op === "+" ? green(line) : line);
    }
  }
  return output.join("\n");
}

function describe(message) {
  const notes = [];
  if (message.fix) notes.push("fixable");
  if (message.suggestions?.length) notes.push(plural(message.suggestions.length, "suggestion"));
  const where = `${message.line}:${message.column}`.padEnd(7);
  const rule = message.ruleId ?? "parse error";
  const severity = message.severity === 2 ? red("error") : yellow("warning");
  const suffix = notes.length > 0 ? cyan(` (${notes.join(", ")})`) : "";
  return `  ${dim(where)} ${severity}  ${message.message}  ${dim(rule)}${suffix}`;
}

async function main() {
  const options = { cwd: examples, overrideConfigFile: path.join(examples, "eslint.config.js") };
  const results = await new ESLint(options).lintFiles(["."]);
  // The same run with fixes applied in memory: `outputFixes` is never called, so examples/ stays as it is.
  const fixedResults = await new ESLint({ ...options, fix: true }).lintFiles(["."]);
  const fixedOutput = new Map(fixedResults.map((result) => [result.filePath, result.output]));
  const byName = (a, b) => a.filePath.localeCompare(b.filePath);
  results.sort(byName);

  console.log(bold(`eslint-plugin-vipps on examples/ (config: examples/eslint.config.js)\n`));
  let findings = 0;
  let fixable = 0;
  let suggestions = 0;
  for (const result of results) {
    const name = path.relative(root, result.filePath);
    findings += result.messages.length;
    fixable += result.messages.filter((message) => message.fix).length;
    suggestions += result.messages.filter((message) => message.suggestions?.length).length;
    if (result.messages.length === 0) {
      console.log(`${bold(name)}  ${green("no findings")}`);
      continue;
    }
    console.log(`${bold(name)}  ${plural(result.messages.length, "finding")}`);
    for (const message of result.messages) console.log(describe(message));
  }

  const changed = results.filter((result) => fixedOutput.get(result.filePath) !== undefined);
  console.log(bold(`\nWhat \`eslint --fix\` would change (${plural(changed.length, "file")}):\n`));
  for (const result of changed) {
    const before = await readFile(result.filePath, "utf8");
    console.log(`${unifiedDiff(path.relative(root, result.filePath), before, fixedOutput.get(result.filePath))}\n`);
  }

  const withFindings = results.filter((result) => result.messages.length > 0).length;
  console.log(
    bold(
      `${plural(results.length, "file")} linted, ${withFindings} with findings: ${plural(findings, "finding")}, ` +
        `${fixable} fixable by --fix, ${suggestions} with suggestions.`,
    ),
  );
}

if (!existsSync(path.join(root, "dist", "src", "index.js"))) {
  console.error(red("dist/ is missing: run `npm run build` first (`npm run demo` does)."));
  process.exitCode = 1;
} else {
  try {
    await main();
  } catch (error) {
    console.error(red(`The demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    process.exitCode = 1;
  }
}
