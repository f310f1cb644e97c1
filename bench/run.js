// `npm run bench`: what the plugin adds to an ESLint run, measured against ESLint's own floor and a core rule.
//
// First the start-up line (bench/startup.js): what importing the plugin adds to ESLint's own start-up. Then writes the
// corpus (bench/corpus.js) and runs bench/lint-once.js in a fresh process per measurement: rounds of
// the four configurations, each round in a rotated order so that drift in machine load spreads evenly. Prints
// medians and spreads, per-rule times from ESLint's `stats`, the plugin's time on files without Vipps code, peak
// memory, and a verdict against the targets in docs/performance.md. Figures go to bench/results/latest.json.
//
// Options: --rounds N (default 3), --vipps N (generated files, default 300), --per-package N (default 200),
// --startup-runs N (fresh processes for the start-up line, default 15), --paired-passes N (counted passes of the
// paired run, default 3).

import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem, type } from "node:os";
import { join } from "node:path";
import { ROOT, writeBenchCorpus } from "./corpus.js";
import { measureStartup, STARTUP_TARGET_MS, startupLine } from "./startup.js";

const CONFIG_NAMES = ["floor", "vipps/recommended", "vipps/all", "no-unused-vars"];
const TARGETS = { addedToFloor: 0.03, nonVippsShare: 0.01 };

function readFlag(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive whole number`);
  return value;
}

const runScript = (script, args, nodeFlags = []) =>
  JSON.parse(execFileSync(process.execPath, [...nodeFlags, join(ROOT, "bench", script), ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
const measure = (name, stats = false) => runScript("lint-once.js", [name, ...(stats ? ["--stats"] : [])]);

/** How many runs with ESLint's per-rule timing each configuration gets; the verdict uses the median one. */
const STATS_RUNS = 3;
/** The share of a stats run's lint time that its rules took. */
const ruleShare = (run) => {
  const { rules, groups } = run.stats;
  return Object.values(rules).reduce((sum, ms) => sum + ms, 0) / (groups.other.total + groups.vipps.total);
};
/** The element whose `key` is the median of the list's (the lower middle one for an even count). */
const medianBy = (list, key) => [...list].sort((a, b) => key(a) - key(b))[(list.length - 1) >> 1];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const percent = (ratio) => `${ratio >= 0 ? "+" : ""}${(ratio * 100).toFixed(1)}%`;
const pad = (text, width) => String(text).padEnd(width);
/** MET at or under the target; WITHIN NOISE when over it by no more than the measurement's own noise. */
const status = (value, target, noise = 0) => (value <= target ? "MET" : value <= target + noise ? "WITHIN NOISE" : "MISSED");

function main() {
  const rounds = readFlag("rounds", 3);
  const startup = measureStartup({ runs: readFlag("startup-runs", 15) });
  console.log(`${startupLine(startup)}\n`);
  const entries = writeBenchCorpus({ perPackage: readFlag("per-package", 200), maxBytes: 100_000, vippsCount: readFlag("vipps", 300) });
  const vippsFiles = entries.filter((entry) => entry.kind === "vipps").length;
  const loadBefore = loadavg();
  console.log(`Corpus: ${entries.length} files (${entries.length - vippsFiles} from node_modules, ${vippsFiles} generated Vipps integrations)`);
  console.log(`Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${type()}, Node ${process.version}`);
  console.log(`Load average before: ${loadBefore.map((load) => load.toFixed(2)).join(" ")}\n`);

  // A first run that is thrown away: it warms the file system cache for everyone.
  measure("floor");
  const runs = Object.fromEntries(CONFIG_NAMES.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = CONFIG_NAMES.map((_, index) => CONFIG_NAMES[(index + round) % CONFIG_NAMES.length]);
    for (const name of order) runs[name].push(measure(name));
    process.stdout.write(`round ${round + 1}/${rounds} done\n`);
  }
  // ESLint's per-rule timing, three runs a configuration (in rotated order, like the rounds): one run's figure moved
  // by a fifth between two benchmarks on this machine. The run kept is the one with the median share of rule time
  // in its lint time, whole, so that its per-rule rows add up to the figure in the verdict.
  const statsCandidates = Object.fromEntries(CONFIG_NAMES.slice(1).map((name) => [name, []]));
  for (let round = 0; round < STATS_RUNS; round++) {
    const names = Object.keys(statsCandidates);
    for (const name of names.map((_, index) => names[(index + round) % names.length])) statsCandidates[name].push(measure(name, true));
  }
  const statsRuns = Object.fromEntries(Object.entries(statsCandidates).map(([name, list]) => [name, medianBy(list, ruleShare)]));
  process.stdout.write(`per-rule times done (${STATS_RUNS} runs a configuration, the median kept)\n`);
  const pairedRun = runScript("interleaved.js", [String(readFlag("paired-passes", 3))], ["--expose-gc"]);
  const paired = pairedRun.totals;
  const loadAfter = loadavg();

  const summary = Object.fromEntries(
    CONFIG_NAMES.map((name) => {
      const list = runs[name];
      const cpu = list.map((run) => run.cpuMs);
      const wall = list.map((run) => run.milliseconds);
      return [name, { cpu: median(cpu), cpuMin: Math.min(...cpu), cpuMax: Math.max(...cpu), wall: median(wall), wallMin: Math.min(...wall), wallMax: Math.max(...wall), rssMb: Math.max(...list.map((run) => run.maxRssMb)), problems: list[0].problems, fatal: list[0].fatal }];
    }),
  );

  console.log(`\n${pad("configuration", 20)}${pad("CPU median", 13)}${pad("CPU min-max", 20)}${pad("wall median", 13)}${pad("vs floor", 10)}${pad("peak RSS", 11)}problems`);
  const floor = summary.floor;
  for (const name of CONFIG_NAMES) {
    const row = summary[name];
    const range = `${seconds(row.cpuMin)}-${seconds(row.cpuMax)}`;
    console.log(`${pad(name, 20)}${pad(seconds(row.cpu), 13)}${pad(range, 20)}${pad(seconds(row.wall), 13)}${pad(name === "floor" ? "" : percent(row.cpu / floor.cpu - 1), 10)}${pad(`${row.rssMb.toFixed(0)} MB`, 11)}${row.problems}`);
  }

  const all = statsRuns["vipps/all"].stats;
  console.log("\nPer-rule time (ESLint stats, vipps/all and no-unused-vars runs):");
  const ruleRows = [...Object.entries(all.rules), ...Object.entries(statsRuns["no-unused-vars"].stats.rules)];
  for (const [rule, ms] of ruleRows.sort((a, b) => b[1] - a[1])) console.log(`  ${pad(rule, 45)}${ms.toFixed(0).padStart(7)} ms`);
  const other = all.groups.other;
  const vipps = all.groups.vipps;
  const otherShare = other.plugin / other.total;
  console.log(`\nFiles without Vipps code (${other.files}): the plugin spent ${other.plugin.toFixed(0)} ms of their ${seconds(other.total)} lint time (${percent(otherShare).slice(1)}, ${((other.plugin / other.files) * 1000).toFixed(0)} µs a file)`);
  console.log(`Vipps integration files (${vipps.files}): the plugin spent ${vipps.plugin.toFixed(0)} ms of their ${seconds(vipps.total)} lint time (${percent(vipps.plugin / vipps.total).slice(1)})`);

  const total = (name) => paired[name].vipps + paired[name].other;
  console.log("\nPaired, file by file (one process, each file linted with every configuration in turn):");
  console.log(`${pad("configuration", 20)}${pad("all files", 14)}${pad("vs floor", 10)}${pad("non-Vipps files", 18)}vs floor`);
  for (const name of [...CONFIG_NAMES, "floor (control)", "empty rules"]) {
    const versus = (value, base) => (name === "floor" ? "" : percent(value / base - 1));
    console.log(`${pad(name, 20)}${pad(seconds(total(name)), 14)}${pad(versus(total(name), total("floor")), 10)}${pad(seconds(paired[name].other), 18)}${versus(paired[name].other, paired.floor.other)}`);
  }
  console.log(`("empty rules": as many rules as vipps/all that give ESLint no listeners, ESLint's own cost of running that many rules;`);
  console.log(` each file's time is the median of ${pairedRun.passes} passes, with garbage collection outside the timings: see docs/performance.md)`);

  // Two instruments for each target: the paired end-to-end time (what a user waits for, but it carries the noise
  // of a shared machine) and ESLint's own per-rule timing (the plugin's listeners alone, little noise).
  const pluginMs = Object.entries(all.rules).filter(([rule]) => rule.startsWith("vipps/")).reduce((sum, [, ms]) => sum + ms, 0);
  const lintMs = other.total + vipps.total;
  const unusedMs = statsRuns["no-unused-vars"].stats.rules["no-unused-vars"] ?? 0;
  const pairedAdded = total("vipps/all") / total("floor") - 1;
  const pairedOther = paired["vipps/all"].other / paired.floor.other - 1;
  // How far two identical configurations drift apart in this session: figures within it are not distinguishable.
  const noise = Math.abs(total("floor (control)") / total("floor") - 1);
  const noiseOther = Math.abs(paired["floor (control)"].other / paired.floor.other - 1);
  const verdicts = [
    [`vipps/all adds at most ${TARGETS.addedToFloor * 100}% to the floor`, [
      ["paired end-to-end", status(pairedAdded, TARGETS.addedToFloor, noise), `${percent(pairedAdded)} (noise ±${percent(noise).slice(1)})`],
      ["rule time (stats)", status(pluginMs / lintMs, TARGETS.addedToFloor), percent(pluginMs / lintMs)],
    ]],
    ["vipps/all costs less than no-unused-vars alone", [
      ["paired end-to-end", status(total("vipps/all") / total("no-unused-vars") - 1, 0, noise), `${seconds(total("vipps/all"))} vs ${seconds(total("no-unused-vars"))}`],
      ["rule time (stats)", status(pluginMs / unusedMs - 1, 0), `${pluginMs.toFixed(0)} ms vs ${unusedMs.toFixed(0)} ms`],
    ]],
    [`close to nothing on files without Vipps code (under ${TARGETS.nonVippsShare * 100}%)`, [
      ["paired end-to-end", status(pairedOther, TARGETS.nonVippsShare, noiseOther), `${percent(pairedOther)} (noise ±${percent(noiseOther).slice(1)})`],
      ["rule time (stats)", status(otherShare, TARGETS.nonVippsShare), percent(otherShare)],
    ]],
  ];
  // Wall time is what a user waits for; CPU time of the same import is what is left of it on a quiet machine.
  const startupRows = [["import after ESLint", startup.targets.plugin.importMs], ["CPU of that import", startup.targets.plugin.importCpuMs]];
  verdicts.unshift([`importing the plugin adds at most ${STARTUP_TARGET_MS} ms to ESLint's start-up`, startupRows.map(([instrument, figures]) => [
    instrument, status(figures.median, STARTUP_TARGET_MS), `${figures.median.toFixed(0)} ms median (${figures.min.toFixed(0)}-${figures.max.toFixed(0)} ms)`,
  ])]);
  const floorSpread = (floor.cpuMax - floor.cpuMin) / floor.cpu;
  console.log(`\nVerdict (the floor's own run-to-run spread in this session: ${percent(floorSpread).slice(1)} of its CPU time):`);
  for (const [target, checks] of verdicts) {
    console.log(`  ${target}`);
    for (const [instrument, verdict, figure] of checks) console.log(`    ${pad(verdict, 14)}${pad(instrument, 20)}${figure}`);
  }
  console.log(`\nLoad average after: ${loadAfter.map((load) => load.toFixed(2)).join(" ")}`);

  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  const result = { date: new Date().toISOString(), startup, rounds, files: entries.length, vippsFiles, machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryGiB: totalmem() / 2 ** 30, node: process.version, loadBefore, loadAfter }, summary, stats: Object.fromEntries(Object.entries(statsRuns).map(([name, run]) => [name, run.stats])), paired, verdicts };
  writeFileSync(join(ROOT, "bench", "results", "latest.json"), `${JSON.stringify(result, null, 2)}\n`);
}

main();
