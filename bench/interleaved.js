// The paired measurement behind the benchmark's verdict: one process, one ESLint instance per configuration, and
// every file linted with each configuration in turn (the order rotating from file to file) before moving on. Load
// from other processes then falls on all configurations alike, which whole-run rounds cannot promise on a busy
// machine. Run by bench/run.js; prints JSON totals per configuration, split into Vipps files and the rest.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ESLint } from "eslint";
import { benchConfig, CORPUS_DIR, mentionsVipps } from "./corpus.js";
import { CONFIGS } from "./configs.js";

const passes = Number(process.argv[2] ?? 2);
// A second, identical floor: the difference between the two floors is the noise of this measurement.
const PAIRED = { ...CONFIGS, "floor (control)": CONFIGS.floor };
const names = Object.keys(PAIRED);
const engines = names.map(
  (name) => new ESLint({ cwd: CORPUS_DIR, overrideConfigFile: true, overrideConfig: benchConfig(PAIRED[name]), cache: false }),
);
const files = JSON.parse(readFileSync(join(CORPUS_DIR, "manifest.json"), "utf8")).map((entry) => {
  const filePath = join(CORPUS_DIR, entry.path);
  const text = readFileSync(filePath, "utf8");
  return { filePath, text, group: mentionsVipps(text) ? "vipps" : "other" };
});

const totals = Object.fromEntries(names.map((name) => [name, { vipps: 0, other: 0 }]));
// The first pass warms up the JIT and each instance's config cache and is not counted.
for (let pass = 0; pass <= passes; pass++) {
  for (const [index, file] of files.entries()) {
    for (let offset = 0; offset < names.length; offset++) {
      const which = (index + pass + offset) % names.length;
      const start = performance.now();
      await engines[which].lintText(file.text, { filePath: file.filePath });
      if (pass > 0) totals[names[which]][file.group] += performance.now() - start;
    }
  }
}
process.stdout.write(`${JSON.stringify({ passes, files: files.length, totals })}\n`);
