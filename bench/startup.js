// `npm run bench:startup`: what importing the plugin adds to ESLint's own start-up, as every lint-staged run and
// editor start pays it.
//
// Each measurement is a fresh `node` process (this file with --child) that does `await import("eslint")` and then
// times `await import(<dist/index.js>)` with performance.now(). Baseline processes import ESLint alone. The two
// kinds alternate so that drift in machine load touches both alike; the first rounds are thrown away (they warm the
// file system cache). Also reported: the whole process, spawn to exit, with and without the plugin.
//
// Options:
//   --runs N        measured processes of each kind (default 15, after 2 warm-ups)
//   --modules       also list the modules the plugin import loads, by package (one extra process)
//   --import SPEC   measure SPEC (a package specifier, or a path) instead of the plugin; repeatable
//   --after SPEC    import SPEC too, untimed, after ESLint and before the measured import, in every process (the
//                  baseline's too): e.g. --after @typescript-eslint/parser for a project that lints TypeScript
//   --json          print the figures as JSON instead of text
//
// Needs a build (dist/); `npm run bench:startup` builds first.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire, register } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MessageChannel } from "node:worker_threads";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PLUGIN_ENTRY = join(ROOT, "dist", "index.js");
const WARM_UPS = 2;
/** docs/performance.md's target: the plugin adds at most this to ESLint's start-up. */
export const STARTUP_TARGET_MS = 40;

/** A package specifier resolves from the project root; anything path-like is a file. */
function toUrl(target) {
  if (target === "plugin") return pathToFileURL(PLUGIN_ENTRY).href;
  if (/^[./]/.test(target)) return pathToFileURL(resolve(target)).href;
  return import.meta.resolve(target);
}

/** The package a file belongs to: the part after the last node_modules/, or "(plugin)" for the project's own files. */
export function packageOf(file) {
  const marker = `${sep}node_modules${sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return file.startsWith(ROOT) ? "(plugin)" : "(other)";
  const parts = file.slice(at + marker.length).split(sep);
  return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? "(other)");
}

// ---- child: one fresh process, one measurement ------------------------------------------------------------------

async function child(target, listModules, preloads) {
  const require = createRequire(import.meta.url);
  // ESM files reach the loader's hooks (on their own thread, so they report by message); CommonJS files loaded by
  // require() inside CommonJS do not, and are found as new keys of require.cache.
  const esmFiles = new Set();
  let port;
  if (listModules) {
    const channel = new MessageChannel();
    port = channel.port1;
    port.on("message", (url) => {
      if (url.startsWith("file:")) esmFiles.add(fileURLToPath(url));
    });
    register("./startup-hooks.js", { parentURL: import.meta.url, data: { port: channel.port2 }, transferList: [channel.port2] });
  }

  const startEslint = performance.now();
  await import("eslint");
  const eslintMs = performance.now() - startEslint;
  const result = { eslintMs };
  for (const preload of preloads) await import(toUrl(preload));
  if (target !== "baseline") {
    const cjsBefore = new Set(Object.keys(require.cache));
    const esmBefore = listModules ? await drained(esmFiles) : new Set();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await import(toUrl(target));
    result.importMs = performance.now() - start;
    // CPU time of the main thread and the loader's: less disturbed than wall time by other load on the machine.
    const cpu = process.cpuUsage(cpuStart);
    result.importCpuMs = (cpu.user + cpu.system) / 1000;
    if (listModules) {
      const esmAfter = await drained(esmFiles);
      const loaded = new Set([...esmAfter].filter((file) => !esmBefore.has(file)));
      for (const file of Object.keys(require.cache)) if (!cjsBefore.has(file)) loaded.add(file);
      result.modules = [...loaded].sort();
    }
  }
  port?.close();
  process.stdout.write(JSON.stringify(result));
}

/** The ESM files reported so far, once the messages already posted by the hooks thread have arrived. */
async function drained(files) {
  for (let turn = 0; turn < 3; turn++) await sleep(20);
  return new Set(files);
}

// ---- parent: spawn, collect, summarise --------------------------------------------------------------------------

function runChild(target, { listModules = false, preloads = [] } = {}) {
  const start = performance.now();
  const args = [fileURLToPath(import.meta.url), "--child", target, ...(listModules ? ["--modules"] : []), ...preloads.flatMap((preload) => ["--after", preload])];
  const run = spawnSync(process.execPath, args, { cwd: process.cwd(), encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  const processMs = performance.now() - start;
  if (run.status !== 0) throw new Error(`start-up child for ${target} failed:\n${run.stderr}`);
  return { ...JSON.parse(run.stdout), processMs };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const spread = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length });
const ms = (value) => `${value.toFixed(0)} ms`;
const signed = (value) => `${value >= 0 ? "+" : "-"}${ms(Math.abs(value))}`;
const describe = (figures) => `${ms(figures.median)} median (${ms(figures.min)}-${ms(figures.max)}, ${figures.runs} runs)`;

/** Median and spread of each target's import after ESLint, of ESLint alone, and of whole processes with and without. */
export function measureStartup({ runs = 15, targets = ["plugin"], preloads = [] } = {}) {
  if (targets.includes("plugin") && !existsSync(PLUGIN_ENTRY)) throw new Error("no dist/index.js: run `npm run build` first");
  const samples = { baseline: [], ...Object.fromEntries(targets.map((target) => [target, []])) };
  const kinds = Object.keys(samples);
  for (let round = 0; round < WARM_UPS + runs; round++) {
    // Rotated order: no kind always runs right after another.
    for (let index = 0; index < kinds.length; index++) {
      const kind = kinds[(index + round) % kinds.length];
      const sample = runChild(kind, { preloads });
      if (round >= WARM_UPS) samples[kind].push(sample);
    }
  }
  const baseline = samples.baseline;
  return {
    eslint: spread(baseline.map((sample) => sample.eslintMs)),
    baselineProcess: spread(baseline.map((sample) => sample.processMs)),
    targets: Object.fromEntries(
      targets.map((target) => [
        target,
        {
          importMs: spread(samples[target].map((sample) => sample.importMs)),
          importCpuMs: spread(samples[target].map((sample) => sample.importCpuMs)),
          process: spread(samples[target].map((sample) => sample.processMs)),
        },
      ]),
    ),
  };
}

/** One process that lists the files `target`'s import loads after ESLint's, grouped by package. */
export function modulesLoadedBy(target = "plugin", preloads = []) {
  const files = runChild(target, { listModules: true, preloads }).modules;
  const byPackage = new Map();
  for (const file of files) byPackage.set(packageOf(file), (byPackage.get(packageOf(file)) ?? 0) + 1);
  return { total: files.length, byPackage: [...byPackage].sort((a, b) => b[1] - a[1]), files: files.map((file) => relative(ROOT, file)) };
}

/** The one line bench/run.js prints first. */
export function startupLine(figures, target = "plugin") {
  const plugin = figures.targets[target];
  return `Start-up: importing the plugin after ESLint takes ${describe(plugin.importMs)} (CPU ${ms(plugin.importCpuMs.median)}); ESLint alone ${describe(figures.eslint)}; whole process ${ms(plugin.process.median)} with the plugin, ${ms(figures.baselineProcess.median)} without`;
}

/** Every value given to a repeatable flag. */
const valuesOf = (argv, flag) => argv.flatMap((arg, index) => (argv[index - 1] === flag ? [arg] : []));

function readRuns(argv) {
  const index = argv.indexOf("--runs");
  if (index < 0) return 15;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error("--runs takes a positive whole number");
  return value;
}

async function main(argv) {
  const childIndex = argv.indexOf("--child");
  const preloads = valuesOf(argv, "--after");
  if (childIndex >= 0) return child(argv[childIndex + 1], argv.includes("--modules"), preloads);

  const targets = valuesOf(argv, "--import");
  const figures = measureStartup({ runs: readRuns(argv), targets: targets.length > 0 ? targets : ["plugin"], preloads });
  const modules = argv.includes("--modules") ? Object.fromEntries(Object.keys(figures.targets).map((target) => [target, modulesLoadedBy(target, preloads)])) : undefined;
  if (argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify({ ...figures, modules }, null, 2)}\n`);
    return;
  }
  if (figures.targets.plugin) {
    const verdict = (figures) => (figures.median <= STARTUP_TARGET_MS ? "MET" : "MISSED");
    const { importMs, importCpuMs } = figures.targets.plugin;
    console.log(`${startupLine(figures)}\nTarget: at most ${STARTUP_TARGET_MS} ms: ${verdict(importMs)} (wall), ${verdict(importCpuMs)} (CPU)\n`);
  }
  if (preloads.length > 0) console.log(`Every process imports ${preloads.join(", ")} after ESLint, before the measured import.`);
  console.log(`ESLint alone: import("eslint") ${describe(figures.eslint)}; whole process ${describe(figures.baselineProcess)}`);
  for (const [target, row] of Object.entries(figures.targets)) {
    console.log(`${target}: import after ESLint ${describe(row.importMs)}, CPU ${describe(row.importCpuMs)}; whole process ${describe(row.process)} (${signed(row.process.median - figures.baselineProcess.median)} against ESLint alone)`);
    const listing = modules?.[target];
    if (listing) {
      console.log(`  ${listing.total} modules loaded after ESLint's, by package:`);
      for (const [name, count] of listing.byPackage) console.log(`    ${String(count).padStart(5)}  ${name}`);
    }
  }
}

// Run as a script (not when bench/run.js imports the functions above).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
