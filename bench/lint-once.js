// One benchmark measurement in a fresh process, as one `eslint` run in CI would be: lints bench/.corpus with the
// named configuration and prints the figures as JSON. Run by bench/run.js; `--stats` adds ESLint's per-file,
// per-rule times; `--only vipps` or `--only other` lints just the generated Vipps files or just the rest (for
// profiling one side).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ESLint } from "eslint";
import { CONFIGS } from "./configs.js";
import { benchConfig, CORPUS_DIR, mentionsVipps } from "./corpus.js";

async function main() {
  const [name, ...flags] = process.argv.slice(2);
  const extra = name === undefined ? undefined : CONFIGS[name];
  if (!extra) throw new Error(`usage: node bench/lint-once.js <${Object.keys(CONFIGS).join("|")}> [--stats]`);
  const stats = flags.includes("--stats");
  const only = flags[flags.indexOf("--only") + 1];
  if (flags.includes("--only") && only !== "vipps" && only !== "other") throw new Error("--only takes vipps or other");
  const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, "manifest.json"), "utf8")).filter(
    (entry) => !flags.includes("--only") || entry.path.startsWith("vipps/") === (only === "vipps"),
  );
  const eslint = new ESLint({
    cwd: CORPUS_DIR,
    overrideConfigFile: true,
    overrideConfig: benchConfig(extra),
    cache: false,
    stats,
  });
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const results = await eslint.lintFiles(manifest.map((entry) => entry.path));
  const cpu = process.cpuUsage(cpuStart);
  const milliseconds = performance.now() - start;

  const output = {
    name,
    milliseconds,
    // User and system time of all the process's threads: less sensitive than wall time to other load.
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    files: results.length,
    fatal: results.filter((result) => result.fatalErrorCount > 0).length,
    problems: results.reduce((sum, result) => sum + result.messages.length, 0),
  };
  if (stats) output.stats = summarizeStats(results);
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

/** Per-rule totals, and the plugin's own time on files that mention Vipps and on those that do not. */
function summarizeStats(results) {
  const rules = {};
  const groups = {
    vipps: { files: 0, total: 0, parse: 0, plugin: 0, rules: {} },
    other: { files: 0, total: 0, parse: 0, plugin: 0, rules: {} },
  };
  for (const result of results) {
    const group = groups[mentionsVipps(result.source ?? readFileSync(result.filePath, "utf8")) ? "vipps" : "other"];
    group.files++;
    for (const pass of result.stats?.times.passes ?? []) {
      group.total += pass.total ?? 0;
      group.parse += pass.parse.total;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) {
        rules[rule] = (rules[rule] ?? 0) + time.total;
        group.rules[rule] = (group.rules[rule] ?? 0) + time.total;
        if (rule.startsWith("vipps/")) group.plugin += time.total;
      }
    }
  }
  return { rules, groups };
}

await main();
