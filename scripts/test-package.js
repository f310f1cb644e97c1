#!/usr/bin/env node
// The packed-install test: the plugin as users meet it. `npm pack`s the plugin, installs the tarball into temporary
// projects with ESLint 9 and, separately, ESLint 10 (and the oldest 9.x the peer dependency allows), and runs the
// `eslint` CLI there in every set-up the docs describe.
// Config files, hooks and CI commands come from the docs themselves (code blocks marked
// `<!-- package-test: <set-up>/<file> -->`), so a recipe that stops working fails here.
//
//   npm run test:package              run every check
//   npm run test:package -- --update  rewrite the expected findings and --fix output from ESLint 10's results
//   npm run test:package -- --keep    keep the temporary projects for a look afterwards
import { execFile, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { lineEdits } from "./line-edits.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const FIXTURES = join(ROOT, "tests/fixtures/package");
const EXPECTED = join(FIXTURES, "expected.json");
const update = process.argv.includes("--update");
const keep = process.argv.includes("--keep");
const started = Date.now();
const timings = [];
let failures = 0;

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const pass = (label) => console.log(`ok    ${label}`);
const fail = (label, detail) => {
  failures += 1;
  console.log(`FAIL  ${label}${detail ? `\n      ${String(detail).trim().split("\n").join("\n      ")}` : ""}`);
};
const skip = (label, why) => console.log(`skip  ${label}: ${why}`);
const check = (label, problem) => (problem ? fail(label, problem) : pass(label));

/** Runs a program without a shell; never throws, the caller judges the exit code. */
function run(file, args, options = {}) {
  return new Promise((resolve) => {
    execFile(file, args, { maxBuffer: 64 * 1024 * 1024, ...options }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a command line from the docs (a hook, a CI step) the way a shell would. */
function runShell(command, options) {
  return new Promise((resolve) => {
    const child = spawn("sh", ["-c", command], options);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

async function timed(label, action) {
  const start = Date.now();
  const result = await action();
  timings.push(`${label} ${seconds(Date.now() - start)}`);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Recipes and expectations

/**
 * Code blocks the docs mark for this test, by set-up: `<!-- package-test: flat/eslint.config.js -->` then a fence.
 * README.md and docs/*.md may show the same file of a set-up (the README's install snippets repeat the recipes); they
 * must then show the same text, since the set-up runs once. `problems` lists disagreements and unmarked snippets.
 */
async function readRecipes() {
  const docs = [
    join(ROOT, "README.md"),
    ...(await readdir(join(ROOT, "docs")))
      .filter((name) => name.endsWith(".md"))
      .map((name) => join(ROOT, "docs", name)),
  ];
  const recipes = new Map();
  const problems = [];
  for (const doc of docs) {
    const text = await readFile(doc, "utf8");
    const source = relative(ROOT, doc);
    for (const match of text.matchAll(/<!-- package-test: ([\w-]+)\/(\S+) -->\s*\n(`{3,})[^\n]*\n([\s\S]*?)\n\3/g)) {
      const [, setup, path, , content] = match;
      if (!recipes.has(setup)) recipes.set(setup, []);
      const recipe = { path, content: `${content}\n`, source };
      const shown = recipes.get(setup).find((known) => known.path === path);
      if (!shown) recipes.get(setup).push(recipe);
      else if (shown.content !== recipe.content)
        problems.push(`${setup}/${path}: ${shown.source} and ${source} show different text for the same file`);
    }
    if (source === "README.md") problems.push(...unmarkedConfigBlocks(text, source));
  }
  return { recipes, problems };
}

/** Languages of config files: a README block in one of these is a config snippet, which the test must run. */
const CONFIG_LANGUAGES = new Set(["js", "mjs", "cjs", "ts", "mts", "cts", "json", "jsonc", "yaml", "yml"]);

/** Config snippets without a package-test mark before their fence: one line at a time, so the walk is linear. */
function unmarkedConfigBlocks(text, source) {
  const problems = [];
  let fence;
  let previous = "";
  text.split("\n").forEach((line, index) => {
    const opener = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (fence) {
      if (opener && line.trim() === fence) fence = undefined;
    } else if (opener) {
      fence = opener[1];
      if (CONFIG_LANGUAGES.has(opener[2]) && !previous.startsWith("<!-- package-test: "))
        problems.push(`${source}:${index + 1}: a ${opener[2]} block without a <!-- package-test: <set-up>/<file> --> mark`);
    }
    if (line.trim() !== "") previous = line.trim();
  });
  return problems;
}

/**
 * One finding as the expectation file spells it: `line:column rule messageId`, then `(fix)` when --fix repairs it and
 * `(suggest: messageId, ...)` for the Quick Fixes it offers.
 */
function describeFinding(message) {
  const suggestions = (message.suggestions ?? []).map((suggestion) => suggestion.messageId ?? suggestion.desc);
  return [
    `${message.line}:${message.column} ${message.ruleId ?? "(fatal)"} ${message.messageId ?? message.message}`,
    message.fix ? " (fix)" : "",
    suggestions.length > 0 ? ` (suggest: ${suggestions.join(", ")})` : "",
  ].join("");
}

/**
 * tests/fixtures/package/expected.json: for each integration file (by its path in the test project), its findings and
 * what --fix changes in it, as line hunks `{ line, from, to }` against the fixture.
 */
const expected = update ? { findings: {}, fixes: {} } : await readExpected();

async function readExpected() {
  const byFile = JSON.parse(await readFile(EXPECTED, "utf8"));
  const pick = (key) => Object.fromEntries(Object.entries(byFile).map(([file, entry]) => [file, entry[key]]));
  return { findings: pick("findings"), fixes: pick("fixes") };
}

const fixtureSource = (setup, file) => readFile(join(FIXTURES, setup.fixtureRoot ?? "", file), "utf8");

/** The line hunks that turn `before` into `after`: runs of removed and added lines, at their line in `before`. */
function diffLines(before, after) {
  const hunks = [];
  let hunk;
  for (const edit of lineEdits(before.split("\n"), after.split("\n"))) {
    if (edit.op === " ") {
      hunk = undefined;
      continue;
    }
    if (!hunk) {
      hunk = { line: edit.op === "-" ? edit.oldLine : edit.oldLine + 1, from: [], to: [] };
      hunks.push(hunk);
    }
    (edit.op === "-" ? hunk.from : hunk.to).push(edit.text);
  }
  return hunks;
}

/** The fixture with the expected hunks applied: what --fix must write. */
async function expectedFixed(setup, file) {
  const lines = (await fixtureSource(setup, file)).split("\n");
  // From the last hunk up, so that earlier line numbers stay true.
  for (const hunk of [...(expected.fixes[keyOf(setup, file)] ?? [])].reverse())
    lines.splice(hunk.line - 1, hunk.from.length, ...hunk.to);
  return lines.join("\n");
}

/** In --update mode, records what ESLint 10 reported; two set-ups that disagree on one file are a failure. */
function record(kind, file, value, label) {
  const known = expected[kind][file];
  if (known === undefined) expected[kind][file] = value;
  else if (JSON.stringify(known) !== JSON.stringify(value))
    fail(`${label}: ${file} differs between set-ups`, JSON.stringify(value));
}

/**
 * The expectation's key for a file: its path in the project, and the set-up's variant when its config changes what
 * the rules do with the same file (`src/checkout.js (autofix)`).
 */
const keyOf = (setup, file) => (setup.variant ? `${file} (${setup.variant})` : file);

function compareFindings(label, results, { setup, projectDir }) {
  const problems = [];
  for (const result of results) {
    const file = keyOf(setup, relative(projectDir, result.filePath));
    const actual = result.messages.map(describeFinding);
    if (update) {
      record("findings", file, actual, label);
      continue;
    }
    const wanted = expected.findings[file];
    if (!wanted) problems.push(`${file}: no expectation in tests/fixtures/package/expected.json (run with --update)`);
    else if (JSON.stringify(actual) !== JSON.stringify(wanted)) {
      problems.push(`${file}:\n  expected ${JSON.stringify(wanted)}\n  actual   ${JSON.stringify(actual)}`);
    }
  }
  return problems.join("\n");
}

/** The exit code ESLint must give for the set-up's files: 1 when any error is expected, else 0. */
const exitFor = (setup, afterFix) =>
  setup.files.some((file) =>
    (expected.findings[keyOf(setup, file)] ?? []).some((finding) => !afterFix || !finding.includes(" (fix)")),
  )
    ? 1
    : 0;

/** ESLint's JSON output; a failure shows what ESLint said instead. */
function parseJson(label, ran) {
  try {
    return JSON.parse(ran.stdout);
  } catch {
    fail(label, `exit code ${ran.code}, no JSON on stdout:\n${ran.stdout.slice(0, 400)}${ran.stderr.slice(0, 2000)}`);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Installation

async function packPlugin(workDir) {
  // prepack builds, so the tarball holds what the sources say today.
  const packed = await run("npm", ["pack", "--json", "--pack-destination", workDir], { cwd: ROOT });
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const [{ filename, files }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("[")));
  return { tarball: join(workDir, filename), files: files.map((file) => file.path) };
}

async function readDevDependency(name) {
  const manifest = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8"));
  return manifest.devDependencies[name];
}

/**
 * The ESLint versions the set-ups run on: the oldest the peer dependency allows, and the newest 9 and 10. Each is one
 * install, shared by its projects (each links it as its node_modules).
 */
async function eslintVersions() {
  const manifest = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8"));
  const oldest = /\d+\.\d+\.\d+/.exec(manifest.peerDependencies.eslint)?.[0];
  if (!oldest) throw new Error(`no version in peerDependencies.eslint: ${manifest.peerDependencies.eslint}`);
  return [
    { key: "oldest", spec: oldest },
    { key: "9", spec: "^9" },
    { key: "10", spec: "^10" },
  ];
}

async function installBase(workDir, tarball, { key, spec }) {
  const baseDir = join(workDir, `eslint-${key}`);
  await mkdir(baseDir);
  await writeFile(join(baseDir, "package.json"), JSON.stringify({ name: `base-eslint-${key}`, private: true }));
  const packages = [
    tarball,
    `eslint@${spec}`,
    `typescript-eslint@${await readDevDependency("typescript-eslint")}`,
    `typescript@${await readDevDependency("typescript")}`,
    "jiti@^2",
    "@microsoft/eslint-formatter-sarif@^3",
    "lint-staged@^16",
  ];
  const installed = await run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...packages],
    { cwd: baseDir },
  );
  if (installed.code !== 0) throw new Error(`npm install (ESLint ${spec}) failed:\n${installed.stderr}`);
  const { version } = JSON.parse(await readFile(join(baseDir, "node_modules/eslint/package.json"), "utf8"));
  const help = await run(process.execPath, [join(baseDir, "node_modules/eslint/bin/eslint.js"), "--help"]);
  return { key, version, baseDir, supportsConcurrency: help.stdout.includes("--concurrency") };
}

// ---------------------------------------------------------------------------------------------------------------
// Set-ups

/**
 * Each set-up is a project: its config from the docs, a copy of the integration files, node_modules linked to the
 * base install. `files` are what it lints and what the expectations cover. Only TypeScript set-ups (a TypeScript
 * file in `files`, or `typescript: true`) get the TypeScript fixtures: in a JavaScript project `eslint .` would
 * rightly report them as parsing errors.
 */
const JS_FILES = ["src/checkout.js", "src/express.js", "src/clean.js", "src/vipps-server.js"];
const TS_FILES = [...JS_FILES, "src/checkout.ts", "src/pay-button.tsx"];
const SETUPS = [
  {
    name: "flat",
    eslint: ["oldest", "9", "10"],
    files: JS_FILES,
    packageType: "module",
    // The JSON findings of every set-up show the silence on clean.js; this one also runs the default formatter on it.
    checkQuiet: true,
    extraChecks: [checkEditor, checkCache, checkConcurrency, checkCiWorkflows],
  },
  // The opt-in recipe: rules with an `autofix` option repair under --fix what they otherwise suggest.
  { name: "autofix", eslint: ["oldest", "9", "10"], files: JS_FILES, packageType: "module", variant: "autofix" },
  { name: "define-config", eslint: ["oldest", "9", "10"], files: JS_FILES, packageType: "module" },
  { name: "cjs", eslint: ["oldest", "9", "10"], files: JS_FILES, packageType: "commonjs" },
  { name: "typescript", eslint: ["oldest", "9", "10"], files: TS_FILES, packageType: "module" },
  {
    name: "ts-config",
    eslint: ["oldest", "9", "10"],
    files: TS_FILES,
    packageType: "module",
    extraChecks: [checkConfigTypes],
  },
  { name: "eslintrc", eslint: ["oldest", "9"], files: TS_FILES, env: { ESLINT_USE_FLAT_CONFIG: "false" } },
  {
    name: "monorepo",
    eslint: ["oldest", "9", "10"],
    files: ["packages/admin/src/pay.js", "packages/shop/src/pay.js"],
    fixtureRoot: "monorepo",
    packageType: "module",
  },
  // These two take their ESLint config from another set-up's recipe and add their own files.
  {
    name: "lint-staged",
    eslint: ["10"],
    files: [],
    packageType: "module",
    configFrom: "typescript",
    typescript: true,
    extraChecks: [checkLintStaged],
    needsGit: true,
  },
  {
    name: "git-hook",
    eslint: ["10"],
    files: [],
    packageType: "module",
    configFrom: "flat",
    extraChecks: [checkGitHook],
    needsGit: true,
  },
];

const isTypeScript = (file) => /\.[cm]?tsx?$/.test(file);
const isTypeScriptSetup = (setup) => setup.typescript === true || setup.files.some(isTypeScript);

async function createProject(base, setup, recipes) {
  const projectDir = join(base.baseDir, "projects", setup.name);
  await mkdir(projectDir, { recursive: true });
  await symlink(join(base.baseDir, "node_modules"), join(projectDir, "node_modules"), "dir");
  const typescript = isTypeScriptSetup(setup);
  await cp(join(FIXTURES, setup.fixtureRoot ?? ""), projectDir, {
    recursive: true,
    filter: (source) =>
      !relative(FIXTURES, source).startsWith("expected") &&
      (setup.fixtureRoot || !relative(FIXTURES, source).startsWith("monorepo")) &&
      (typescript || !isTypeScript(source)),
  });
  const manifest = {
    name: `vipps-${setup.name}`,
    private: true,
    ...(setup.packageType && { type: setup.packageType }),
  };
  const own = recipes.get(setup.name) ?? [];
  const borrowed = (recipes.get(setup.configFrom) ?? []).filter((recipe) => recipe.path.startsWith("eslint.config."));
  for (const { path, content } of [...borrowed, ...own]) {
    // A package.json recipe shows the part that matters; the project's name and module type stay.
    if (path === "package.json") Object.assign(manifest, JSON.parse(content));
    else {
      await mkdir(dirname(join(projectDir, path)), { recursive: true });
      await writeFile(join(projectDir, path), content, { mode: path.includes("hooks/") ? 0o755 : 0o644 });
    }
  }
  await writeFile(join(projectDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return projectDir;
}

function eslintIn(base, projectDir, setup) {
  const bin = join(base.baseDir, "node_modules/eslint/bin/eslint.js");
  return (args) => run(process.execPath, [bin, ...args], { cwd: projectDir, env: { ...process.env, ...setup.env } });
}

async function runSetup(base, setup, recipes) {
  const tag = `ESLint ${base.version} ${setup.name}`;
  if (setup.needsGit && !gitVersion) return skip(tag, "git is not installed");
  const projectDir = await createProject(base, setup, recipes);
  const eslint = eslintIn(base, projectDir, setup);
  const context = { base, setup, projectDir, eslint, tag };
  if (setup.files.length > 0) {
    await checkLintAndFix(context);
    await checkDirectoryRun(context);
  }
  for (const extra of setup.extraChecks ?? []) await extra(context);
}

/** Findings in JSON, a clean file exits 0 with no output, and --fix writes the expected files with the right exit code. */
async function checkLintAndFix({ setup, projectDir, eslint, tag }) {
  const linted = await eslint(["--format", "json", ...setup.files]);
  const results = parseJson(`${tag}: --format json`, linted);
  if (results) {
    const wantExit = exitFor(setup, false);
    const problems = [
      compareFindings(tag, results, { setup, projectDir }),
      !update && linted.code !== wantExit ? `exit code ${linted.code}, expected ${wantExit}\n${linted.stderr}` : "",
    ];
    check(`${tag}: findings (--format json), exit code ${linted.code}`, problems.filter(Boolean).join("\n"));
  }

  const clean = setup.files.filter(
    (file) => setup.checkQuiet && !update && (expected.findings[keyOf(setup, file)] ?? []).length === 0,
  );
  if (clean.length > 0) {
    const quiet = await eslint(clean);
    check(
      `${tag}: silent on correct code (${clean.join(", ")})`,
      quiet.code !== 0 || quiet.stdout.trim() ? `exit ${quiet.code}\n${quiet.stdout}${quiet.stderr}` : "",
    );
  }

  const fixed = await eslint(["--fix", ...setup.files]);
  const problems = [];
  for (const file of setup.files) {
    const content = await readFile(join(projectDir, file), "utf8");
    if (update) record("fixes", keyOf(setup, file), diffLines(await fixtureSource(setup, file), content), tag);
    else if (content !== (await expectedFixed(setup, file))) {
      problems.push(
        `${file} after --fix differs from its fixes in tests/fixtures/package/expected.json; --fix made:\n${JSON.stringify(diffLines(await fixtureSource(setup, file), content), null, 2)}`,
      );
    }
  }
  const wantExit = exitFor(setup, true);
  if (!update && fixed.code !== wantExit)
    problems.push(`exit code ${fixed.code}, expected ${wantExit}\n${fixed.stdout}${fixed.stderr}`);
  check(`${tag}: --fix output, exit code ${fixed.code}`, problems.join("\n"));
}

/**
 * `eslint .`, as users run it: ESLint walks the project and lints only what some config's `files` matches, so a
 * config that leaves out an extension skips those files and still exits 0. Every file of the set-up must be linted,
 * with its expected findings; any other file ESLint lints (the config file itself) must be clean; and each TypeScript
 * file with an expected finding reports it, counted by rule in the label.
 */
async function checkDirectoryRun({ setup, projectDir, eslint, tag }) {
  if (update) return;
  await restoreSources(setup, projectDir);
  const ran = await eslint(["--format", "json", "."]);
  const results = parseJson(`${tag}: eslint .`, ran);
  if (!results) return;
  const byFile = new Map(results.map((result) => [relative(projectDir, result.filePath), result]));
  const problems = [];
  const skipped = setup.files.filter((file) => !byFile.has(file));
  if (skipped.length > 0) problems.push(`not linted by \`eslint .\`: ${skipped.join(", ")}`);
  problems.push(
    compareFindings(
      tag,
      results.filter((result) => setup.files.includes(relative(projectDir, result.filePath))),
      { setup, projectDir },
    ),
  );
  for (const [file, result] of byFile) {
    if (!setup.files.includes(file) && result.messages.length > 0)
      problems.push(`${file}: ${result.messages.map(describeFinding).join("; ")}`);
  }
  const wantExit = exitFor(setup, false);
  if (ran.code !== wantExit) problems.push(`exit code ${ran.code}, expected ${wantExit}\n${ran.stderr}`);
  const reportedInTypeScript = [];
  for (const file of setup.files.filter(isTypeScript)) {
    const wantedRules = new Set((expected.findings[keyOf(setup, file)] ?? []).map((finding) => finding.split(" ")[1]));
    for (const ruleId of wantedRules) {
      const count = (byFile.get(file)?.messages ?? []).filter((message) => message.ruleId === ruleId).length;
      if (count === 0) problems.push(`${file}: no ${ruleId} finding; is the TypeScript file linted at all?`);
      reportedInTypeScript.push(`${file}: ${count} ${ruleId}`);
    }
  }
  check(
    `${tag}: eslint . lints all ${setup.files.length} files${reportedInTypeScript.length ? ` (${reportedInTypeScript.join(", ")})` : ""}, exit code ${ran.code}`,
    problems.filter(Boolean).join("\n"),
  );
}

// What an editor integration does (the VS Code ESLint extension): lintText with the project's ESLint, as you type, and
// again with fix: true on save. Prints, per file, the findings with their suggestions and the fixed text.
const EDITOR_SCRIPT = `
import { ESLint } from "eslint";
import { readFile } from "node:fs/promises";
const asYouType = new ESLint();
const onSave = new ESLint({ fix: true });
const files = JSON.parse(process.env.LINT_FILES);
const report = [];
for (const filePath of files) {
  const text = await readFile(filePath, "utf8");
  const [typed] = await asYouType.lintText(text, { filePath });
  const [saved] = await onSave.lintText(text, { filePath });
  report.push({ filePath, messages: typed.messages, output: saved.output ?? text });
}
console.log(JSON.stringify(report));
`;

async function checkEditor({ setup, projectDir, tag }) {
  if (update) return;
  await restoreSources(setup, projectDir);
  const env = { ...process.env, LINT_FILES: JSON.stringify(setup.files) };
  const ran = await run(process.execPath, ["--input-type=module", "-e", EDITOR_SCRIPT], { cwd: projectDir, env });
  const report = parseJson(`${tag}: editor`, ran);
  if (!report) return;
  const problems = [
    compareFindings(
      tag,
      report.map((entry) => ({ ...entry, filePath: join(projectDir, entry.filePath) })),
      { setup, projectDir },
    ),
  ];
  for (const { filePath, messages, output } of report) {
    if (output !== (await expectedFixed(setup, filePath))) problems.push(`${filePath}: fix on save wrote\n${output}`);
    for (const message of messages) {
      for (const suggestion of message.suggestions ?? []) {
        if (!suggestion.desc?.trim() || !suggestion.fix)
          problems.push(`${filePath}:${message.line}: a ${message.ruleId} suggestion without desc or fix`);
      }
    }
  }
  check(
    `${tag}: editor (Node API lintText as you type, fix on save, suggestions with descriptions)`,
    problems.filter(Boolean).join("\n"),
  );
}

/** --fix has rewritten the integration files; later checks start from the originals again. */
async function restoreSources(setup, projectDir) {
  for (const file of setup.files) await cp(join(FIXTURES, setup.fixtureRoot ?? "", file), join(projectDir, file));
}

/** The second run with --cache takes the results from the cache instead of linting again. */
async function checkCache({ setup, projectDir, eslint, tag }) {
  if (update) return;
  await restoreSources(setup, projectDir);
  const first = await eslint(["--cache", "--format", "json", ...setup.files]);
  const second = await eslint(["--cache", "--debug", "--format", "json", ...setup.files]);
  const problems = [];
  const wantExit = exitFor(setup, false);
  if (first.code !== wantExit || second.code !== wantExit) {
    problems.push(`exit codes ${first.code}, ${second.code}; expected ${wantExit}\n${first.stderr.slice(0, 2000)}`);
  }
  for (const ran of [first, second]) {
    const results = parseJson(`${tag}: --cache`, ran);
    if (results) problems.push(compareFindings(tag, results, { setup, projectDir }));
  }
  for (const file of setup.files) {
    if (!second.stderr.includes(`Skipping file since it hasn't changed: ${join(projectDir, file)}`)) {
      problems.push(`the second run linted ${file} again instead of using .eslintcache`);
    }
  }
  check(`${tag}: --cache (second run served from the cache)`, problems.filter(Boolean).join("\n"));
}

async function checkConcurrency({ base, setup, projectDir, eslint, tag }) {
  if (update) return;
  if (!base.supportsConcurrency)
    return skip(`${tag}: --concurrency auto`, `ESLint ${base.version} has no --concurrency`);
  const linted = await eslint(["--concurrency", "auto", "--format", "json", ...setup.files]);
  const results = parseJson(`${tag}: --concurrency auto`, linted);
  if (results) {
    const problem =
      compareFindings(tag, results, { setup, projectDir }) ||
      (linted.code !== exitFor(setup, false) ? `exit code ${linted.code}\n${linted.stderr}` : "");
    check(`${tag}: --concurrency auto, exit code ${linted.code}`, problem);
  }
}

/**
 * The CI recipes: each `run: npx eslint ...` step of the documented workflows, as written. The gate fails on the
 * integration files; the SARIF step writes a log that names each reported rule with its description and help URL.
 */
async function checkCiWorkflows({ setup, projectDir, tag }) {
  if (update) return;
  const workflows = (recipesByName.get(setup.name) ?? []).filter((recipe) =>
    recipe.path.startsWith(".github/workflows/"),
  );
  if (workflows.length === 0)
    return fail(`${tag}: CI workflows`, "no .github/workflows recipe marked for this set-up in the docs");
  await restoreSources(setup, projectDir);
  const wantExit = exitFor(setup, false);
  for (const workflow of workflows) {
    for (const [, command] of workflow.content.matchAll(/^\s*(?:-\s*)?run:\s*(npx eslint .*)$/gm)) {
      const ran = await runShell(command, { cwd: projectDir, env: process.env });
      const sarifFile = /--output-file[ =](\S+)/.exec(command)?.[1];
      if (!sarifFile) {
        check(
          `${tag}: ${workflow.path}: \`${command}\` fails the job on the findings`,
          ran.code === wantExit ? "" : `exit ${ran.code}\n${ran.stdout}${ran.stderr}`,
        );
        continue;
      }
      check(
        `${tag}: ${workflow.path}: \`${command}\` exit code ${ran.code}`,
        ran.code === wantExit ? "" : `exit ${ran.code}\n${ran.stderr}`,
      );
      await checkSarif(`${tag}: SARIF`, join(projectDir, sarifFile), setup);
    }
  }
}

async function checkSarif(label, sarifPath, setup) {
  let log;
  try {
    log = JSON.parse(await readFile(sarifPath, "utf8"));
  } catch (error) {
    return fail(label, `no SARIF log at ${sarifPath}: ${error.message}`);
  }
  const problems = [];
  const [sarifRun] = log.runs ?? [];
  if (log.version !== "2.1.0" || !sarifRun) problems.push(`not a SARIF 2.1.0 log with a run`);
  const ruleMeta = plugin.rules;
  const reported = new Set((sarifRun?.results ?? []).map((result) => result.ruleId));
  const described = new Map((sarifRun?.tool?.driver?.rules ?? []).map((rule) => [rule.id, rule]));
  for (const ruleId of reported) {
    const meta = ruleMeta[ruleId.replace(/^vipps\//, "")]?.meta;
    const entry = described.get(ruleId);
    if (!meta) problems.push(`result for unknown rule ${ruleId}`);
    else if (entry?.shortDescription?.text !== meta.docs.description)
      problems.push(`${ruleId}: description ${JSON.stringify(entry?.shortDescription?.text)}`);
    else if (entry.helpUri !== meta.docs.url)
      problems.push(`${ruleId}: helpUri ${JSON.stringify(entry.helpUri)}, expected ${meta.docs.url}`);
  }
  const expectedCount = setup.files.flatMap((file) => expected.findings[keyOf(setup, file)] ?? []).length;
  if ((sarifRun?.results ?? []).length !== expectedCount)
    problems.push(`${sarifRun?.results?.length} results, expected ${expectedCount}`);
  check(
    `${label}: ${reported.size} rule(s) with description and help URL, ${sarifRun?.results?.length ?? 0} results`,
    problems.join("\n"),
  );
}

/**
 * `import vipps from "eslint-plugin-vipps"` type-checks in the documented eslint.config.ts against this ESLint's
 * types, with every package's declarations checked too (no skipLibCheck).
 */
async function checkConfigTypes({ base, projectDir, tag }) {
  if (update) return;
  const tsconfig = {
    compilerOptions: {
      module: "nodenext",
      target: "es2022",
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
    },
    files: ["eslint.config.ts"],
  };
  await writeFile(join(projectDir, "tsconfig.json"), JSON.stringify(tsconfig));
  const tsc = await run(process.execPath, [join(base.baseDir, "node_modules/typescript/bin/tsc"), "-p", "."], {
    cwd: projectDir,
  });
  check(`${tag}: eslint.config.ts type-checks (tsc)`, tsc.code === 0 ? "" : tsc.stdout + tsc.stderr);
}

/** The lint-staged recipe repairs what --fix repairs and stages it; a finding --fix cannot repair stops the commit. */
async function checkLintStaged({ base, setup, projectDir, tag }) {
  if (update) return;
  const git = gitIn(projectDir);
  await initRepository(git);
  const lintStaged = (args = []) =>
    run(process.execPath, [join(base.baseDir, "node_modules/lint-staged/bin/lint-staged.js"), ...args], {
      cwd: projectDir,
    });

  await git(["add", "src/checkout.ts"]);
  const repaired = await lintStaged();
  const staged = await git(["show", ":src/checkout.ts"]);
  check(
    `${tag}: lint-staged fixes and stages src/checkout.ts, exit code ${repaired.code}`,
    repaired.code !== 0
      ? `${repaired.stdout}${repaired.stderr}`
      : staged.stdout !== (await expectedFixed(setup, "src/checkout.ts"))
        ? `staged:\n${staged.stdout}`
        : "",
  );

  await git(["add", "src/checkout.js"]);
  const blocked = await lintStaged();
  check(
    `${tag}: lint-staged stops the commit on src/checkout.js, exit code ${blocked.code}`,
    blocked.code === 0 ? "lint-staged passed" : "",
  );
}

/** The plain git hook: a commit with a finding is refused, a correct one goes through. */
async function checkGitHook({ projectDir, tag }) {
  if (update) return;
  const git = gitIn(projectDir);
  await initRepository(git);
  const hooksPath = (recipesByName.get("git-hook") ?? []).find((recipe) => recipe.path.includes("hooks/"))?.path;
  if (!hooksPath) return fail(`${tag}: hook`, "no hooks/ recipe marked for this set-up in the docs");
  await git(["config", "core.hooksPath", dirname(hooksPath)]);
  const env = { ...process.env, PATH: `${join(projectDir, "node_modules/.bin")}:${process.env.PATH}` };
  await git(["add", "src/clean.js"]);
  const accepted = await git(["commit", "-q", "-m", "Correct integration"], { env });
  check(`${tag}: commit of correct code accepted`, accepted.code === 0 ? "" : accepted.stdout + accepted.stderr);
  await git(["add", "src/checkout.js"]);
  const refused = await git(["commit", "-q", "-m", "Wrong phone numbers"], { env });
  const said = refused.stdout + refused.stderr;
  check(
    `${tag}: commit with findings refused`,
    refused.code !== 0 && said.includes("vipps/") ? "" : `exit ${refused.code}\n${said}`,
  );
}

const gitIn =
  (cwd) =>
  (args, options = {}) =>
    run(
      "git",
      ["-c", "user.name=Package Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args],
      { cwd, ...options },
    );

async function initRepository(git) {
  await git(["init", "-q"]);
  await git(["add", "package.json", "eslint.config.js"]);
  await git(["commit", "-q", "-m", "Set-up"]);
}

// ---------------------------------------------------------------------------------------------------------------
// attw: the published entry points resolve to types in every module resolution mode.

async function checkTypesResolve(tarball) {
  // require("eslint-plugin-vipps") works on every Node the package supports (require(esm), Node 20.19+ and 22.12+,
  // and the "module.exports" export makes it return the plugin); attw still warns that CommonJS resolves to ESM, so
  // that one rule is off.
  const attw = await run(
    process.execPath,
    [
      join(ROOT, "node_modules/@arethetypeswrong/cli/dist/index.js"),
      tarball,
      "--ignore-rules",
      "cjs-resolves-to-esm",
      "--format",
      "table-flipped",
    ],
    { cwd: ROOT },
  );
  check(`attw: types of the published entry points`, attw.code === 0 ? "" : attw.stdout + attw.stderr);
}

// ---------------------------------------------------------------------------------------------------------------

const gitVersion = (await run("git", ["--version"])).code === 0;
const { recipes: recipesByName, problems: recipeProblems } = await readRecipes();
/** The plugin as built for the tarball, for its rules' metadata. */
let plugin;

const workDir = await mkdtemp(join(tmpdir(), "vipps-package-test-"));
try {
  const { tarball, files } = await timed("pack", () => packPlugin(workDir));
  plugin = (await import(pathToFileURL(join(ROOT, "dist/index.js")).href)).default;
  const missingDocs = Object.keys(plugin.rules).filter((name) => !files.includes(`docs/rules/${name}.md`));
  check(
    `tarball: ${files.length} files, dist and every rule's doc page`,
    missingDocs.length
      ? `missing docs: ${missingDocs.join(", ")}`
      : files.includes("dist/index.js") && files.includes("dist/src/index.d.ts")
        ? ""
        : "no dist/index.js or dist/src/index.d.ts",
  );
  check(
    `recipes: README.md's config snippets are marked, and agree with docs/ where both show a file`,
    recipeProblems.join("\n"),
  );
  for (const setup of SETUPS) {
    const missing = setup.files.length > 0 && !recipesByName.has(setup.name);
    if (missing)
      fail(
        `recipe for set-up "${setup.name}"`,
        "no code block marked <!-- package-test: " + setup.name + "/... --> in README.md or docs/",
      );
  }
  const versions = await eslintVersions();
  const bases = await timed("install", () =>
    Promise.all(versions.map((version) => installBase(workDir, tarball, version))),
  );
  for (const base of bases) pass(`installed eslint-plugin-vipps with ESLint ${base.version}`);
  await timed("attw", () => checkTypesResolve(tarball));
  // Each ESLint version's set-ups run one after the other, the versions side by side.
  await timed("set-ups", () =>
    Promise.all(
      bases.map(async (base) => {
        for (const setup of SETUPS.filter(
          (candidate) => candidate.eslint.includes(base.key) && (!update || base.key === "10"),
        )) {
          await runSetup(base, setup, recipesByName);
        }
      }),
    ),
  );

  const recommended = Object.keys(plugin.configs.recommended.rules);
  // The files as `recommended` lints them; variants (`src/checkout.js (autofix)`) change rule options.
  const reported = new Set(
    Object.entries(expected.findings)
      .filter(([key]) => !/ \([\w-]+\)$/.test(key))
      .flatMap(([, findings]) => findings)
      .map((finding) => finding.split(" ")[1]),
  );
  const unexercised = recommended.filter((ruleId) => !reported.has(ruleId));
  check(
    `every rule in recommended reports on the integration files (${recommended.length - unexercised.length}/${recommended.length})`,
    unexercised.length
      ? `not reported: ${unexercised.join(", ")}; add a case to tests/fixtures/package/ and run --update`
      : "",
  );

  if (update && failures === 0) {
    const byFile = Object.fromEntries(
      Object.keys(expected.findings).map((file) => [
        file,
        { findings: expected.findings[file], fixes: expected.fixes[file] ?? [] },
      ]),
    );
    await writeFile(EXPECTED, `${JSON.stringify(byFile, null, 2)}\n`);
    console.log(`updated ${relative(ROOT, EXPECTED)}`);
  }
} catch (error) {
  fail("package test", error.stack ?? error);
} finally {
  if (keep) console.log(`kept ${workDir}`);
  else await rm(workDir, { recursive: true, force: true });
}

console.log(
  `\n${failures === 0 ? "package test passed" : `package test FAILED: ${failures} check(s)`} in ${seconds(Date.now() - started)} (${timings.join(", ")}; ${availableParallelism()} CPUs)`,
);
process.exitCode = failures === 0 ? 0 : 1;
