// `npm run test:corpus`: every rule of the plugin, with fixes applied, over every JS/TS file in node_modules and the
// generated Vipps integrations. Fails on any exception thrown while linting, any fixed output or suggestion that
// no longer parses, and any fix that a second pass would change again. Prints the counts.
//
// `--sample` lints a fixed sample instead (every fifth node_modules file in sorted order, and the Vipps files); CI
// runs that.
//
// Every file is linted again with its line ends converted to CRLF, CR and U+2028 (ESLint counts all of them as line
// ends; fixes must too), and a fixed or suggested output of a converted file must use that line end alone. The
// sample converts every Vipps file and every sixth sampled node_modules file, to keep CI within about a minute more.

import { join, relative, sep } from "node:path";
import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { Linter } from "eslint";
import plugin from "../dist/index.js";
import { languageOptionsFor, listNodeModulesFiles, ROOT, sourceTypeOf, VIPPS_SETTINGS } from "../bench/corpus.js";
import { generateVippsFiles } from "../bench/vipps-corpus.js";

const sample = process.argv.includes("--sample");
const MAX_BYTES = 1_000_000;
const MIN_REAL_FILES = 5_000;
const SAMPLE_EVERY = 5;
const SAMPLE_CONVERT_EVERY = 6;

/** The line ends a file is converted to, besides the ones it is written with. */
const LINE_END_VARIANTS = [
  { label: "CRLF", lineEnd: "\r\n" },
  { label: "CR", lineEnd: "\r" },
  { label: "U+2028", lineEnd: "\u2028" },
];
const LINE_ENDS = /\r\n|[\r\n\u2028\u2029]/g;

/** The kinds of line end in a text, counted in one pass. */
function lineEndKinds(text) {
  const kinds = new Set();
  for (const match of text.matchAll(LINE_ENDS)) kinds.add(match[0]);
  return kinds;
}

/** Names a line end in a failure message. */
const describeLineEnd = (lineEnd) => JSON.stringify(lineEnd);

const linter = new Linter({ cwd: ROOT });
const configCache = new Map();

/** The config for a file (every rule of the plugin, or none), cached per language so it is built once. */
function configFor(filename, sourceType, withRules) {
  const key = `${filename.slice(filename.lastIndexOf("."))}:${sourceType}:${withRules}`;
  let config = configCache.get(key);
  if (!config) {
    config = [
      { files: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"], languageOptions: languageOptionsFor(filename, sourceType) },
      // Comments in dependencies switch other rules on; only the plugin's rules are under test.
      { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" }, settings: VIPPS_SETTINGS },
      ...(withRules ? [plugin.configs.all] : []),
    ];
    configCache.set(key, config);
  }
  return config;
}

const parses = (text, filename, sourceType) =>
  !linter.verify(text, configFor(filename, sourceType, false), { filename }).some((message) => message.fatal);

/** Applies one fix or suggestion to the text. */
const applyFix = (text, fix) => text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);

function collectFiles() {
  const real = listNodeModulesFiles();
  const skipped = real.filter((file) => file.size > MAX_BYTES);
  const kept = real.filter((file) => file.size <= MAX_BYTES).filter((_, index) => !sample || index % SAMPLE_EVERY === 0);
  const files = kept.map((file) => {
    const text = readFileSync(file.path, "utf8");
    const name = relative(ROOT, file.path).split(sep).join("/");
    // A virtual name outside node_modules, which flat config ignores by default.
    return { name, filename: join(ROOT, "corpus", name.replaceAll("node_modules/", "~nm~/")), text, sourceType: sourceTypeOf(file.path, text), kind: "real" };
  });
  for (const file of generateVippsFiles(300)) {
    const name = `bench/.corpus/vipps/${file.esm ? "module" : "commonjs"}/${file.name}`;
    files.push({ name, filename: join(ROOT, "corpus", "vipps", file.name), text: file.text, sourceType: file.esm ? "module" : "commonjs", kind: "vipps" });
  }
  const converted = files
    .filter((file, index) => !sample || file.kind === "vipps" || index % SAMPLE_CONVERT_EVERY === 0)
    .flatMap((file) =>
      LINE_END_VARIANTS.map(({ label, lineEnd }) => ({ ...file, name: `${file.name} [${label}]`, original: file.name, text: file.text.replace(LINE_ENDS, lineEnd), lineEnd, variant: true })),
    );
  return { files: [...files, ...converted], skipped };
}

function main() {
  const started = performance.now();
  const { files, skipped } = collectFiles();
  const counts = { converted: 0, real: 0, vipps: 0, unparseable: 0, withProblems: 0, problems: 0, realProblems: 0, fixable: 0, fixedFiles: 0, suggestions: 0 };
  const byRule = {};
  /** Problems per original file, to compare with its converted copies (which come after all originals). */
  const problemCounts = new Map();
  const byExtension = {};
  const failures = [];
  /** The originals left out as unparseable: their converted copies are left out too (originals come first). */
  const unparseable = new Set();

  for (const file of files) {
    const { filename, sourceType, text } = file;
    const config = configFor(filename, sourceType, true);
    let messages;
    try {
      messages = linter.verify(text, config, { filename });
    } catch (error) {
      failures.push(`${file.name}: exception while linting: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (messages.some((message) => message.fatal)) {
      // Converting line ends keeps a file parseable: all five are line ends to JavaScript and TypeScript alike. A
      // copy of a file left out as unparseable (ESM syntax the source type sniffing missed) is left out with it.
      if (!file.variant) {
        counts.unparseable++;
        unparseable.add(file.name);
      } else if (!unparseable.has(file.original)) {
        failures.push(`${file.name}: does not parse with converted line ends`);
      }
      continue;
    }
    /** A fixed or suggested output of a converted file that brings in another line end. */
    const foreignLineEnds = (output) =>
      file.variant ? [...lineEndKinds(output)].filter((kind) => kind !== file.lineEnd).map(describeLineEnd) : [];
    // A file that no config applies to would pass without being linted at all.
    const fromEslint = messages.find((message) => message.ruleId === null && message.message.startsWith("No matching configuration"));
    if (fromEslint) {
      failures.push(`${file.name}: ESLint says "${fromEslint.message}"`);
      continue;
    }
    const problems = messages.filter((message) => message.ruleId?.startsWith("vipps/"));
    if (file.variant) {
      counts.converted++;
      // Line ends change no finding.
      const before = problemCounts.get(file.original);
      if (before !== undefined && before !== problems.length) failures.push(`${file.name}: ${problems.length} problems, ${before} with the original line ends`);
    } else {
      counts[file.kind]++;
      problemCounts.set(file.name, problems.length);
      const extension = filename.slice(filename.lastIndexOf(".") + 1);
      byExtension[extension] = (byExtension[extension] ?? 0) + 1;
      if (problems.length > 0) counts.withProblems++;
      counts.problems += problems.length;
      if (file.kind === "real") counts.realProblems += problems.length;
      for (const problem of problems) byRule[problem.ruleId] = (byRule[problem.ruleId] ?? 0) + 1;
    }
    for (const problem of problems) {
      if (problem.fix) counts.fixable++;
      for (const suggestion of problem.suggestions ?? []) {
        counts.suggestions++;
        const suggested = applyFix(text, suggestion.fix);
        if (!parses(suggested, filename, sourceType)) {
          failures.push(`${file.name}:${problem.line}:${problem.column}: suggestion "${suggestion.desc}" of ${problem.ruleId} gives code that does not parse`);
        }
        const foreign = foreignLineEnds(suggested);
        if (foreign.length > 0) failures.push(`${file.name}:${problem.line}:${problem.column}: suggestion "${suggestion.desc}" of ${problem.ruleId} writes line ends ${foreign.join(", ")}`);
      }
    }
    if (!problems.some((problem) => problem.fix)) continue;

    try {
      const first = linter.verifyAndFix(text, config, { filename });
      if (!first.fixed) continue;
      counts.fixedFiles++;
      if (!parses(first.output, filename, sourceType)) {
        failures.push(`${file.name}: the fixed output does not parse`);
        continue;
      }
      const foreign = foreignLineEnds(first.output);
      if (foreign.length > 0) failures.push(`${file.name}: the fixed output writes line ends ${foreign.join(", ")}`);
      const second = linter.verifyAndFix(first.output, config, { filename });
      if (second.fixed) failures.push(`${file.name}: a second fix pass changes the output again`);
    } catch (error) {
      failures.push(`${file.name}: exception while fixing: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Corpus run${sample ? " (sample: every " + SAMPLE_EVERY + "th node_modules file)" : ""}, all ${Object.keys(plugin.rules).length} rules, in ${seconds} s`);
  console.log(`  files linted:        ${counts.real + counts.vipps} (${counts.real} from node_modules, ${counts.vipps} Vipps integrations)`);
  console.log(`  converted:           ${counts.converted} more runs with line ends converted to ${LINE_END_VARIANTS.map(({ label }) => label).join(", ")}${sample ? ` (every Vipps file, every ${SAMPLE_CONVERT_EVERY}th sampled node_modules file)` : ""}`);
  console.log(`  by extension:        ${Object.entries(byExtension).sort().map(([ext, n]) => `.${ext} ${n}`).join(", ")}`);
  console.log(`  not parseable as-is: ${counts.unparseable} (left out); larger than 1 MB: ${skipped.length} (left out)`);
  console.log(`  problems:            ${counts.problems} in ${counts.withProblems} files (${Object.entries(byRule).map(([rule, n]) => `${rule} ${n}`).join(", ") || "none"}); ${counts.realProblems} in node_modules code`);
  console.log(`  fixes:               ${counts.fixable} fixable problems; ${counts.fixedFiles} files fixed, each output parsed and stable on a second pass`);
  console.log(`  suggestions:         ${counts.suggestions} applied, each output parsed`);
  console.log(`  failures:            ${failures.length}`);
  for (const failure of failures.slice(0, 50)) console.log(`    ${failure}`);
  if (!sample && counts.real < MIN_REAL_FILES) failures.push(`only ${counts.real} real files linted; the run needs ${MIN_REAL_FILES}`);
  if (failures.length > 0) {
    if (!sample && counts.real < MIN_REAL_FILES) console.log(`  ${failures.at(-1)}`);
    process.exitCode = 1;
  }
}

main();
