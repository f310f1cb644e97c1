// The paired measurement behind the benchmark's verdict: one process, one ESLint instance per configuration, and
// every file linted with each configuration in turn (the order rotating from file to file) before moving on. Load
// from other processes then falls on all configurations alike, which whole-run rounds cannot promise on a busy
// machine. Run by bench/run.js; prints JSON totals per configuration, split into Vipps files and the rest.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ESLint } from "eslint";
import { benchConfig, CORPUS_DIR, mentionsVipps } from "./corpus.js";
import { CONFIGS, EMPTY_RULES } from "./configs.js";

const passes = Number(process.argv[2] ?? 3);
// A second, identical floor: the difference between the two floors is the noise of this measurement.
const PAIRED = { ...CONFIGS, "floor (control)": CONFIGS.floor, "empty rules": EMPTY_RULES };
const names = Object.keys(PAIRED);
const engines = names.map(
  (name) => new ESLint({ cwd: CORPUS_DIR, overrideConfigFile: true, overrideConfig: benchConfig(PAIRED[name]), cache: false }),
);
const files = JSON.parse(readFileSync(join(CORPUS_DIR, "manifest.json"), "utf8")).map((entry) => {
  const filePath = join(CORPUS_DIR, entry.path);
  const text = readFileSync(filePath, "utf8");
  return { filePath, text, group: mentionsVipps(text) ? "vipps" : "other" };
});

// Garbage collection is a quarter of the lint time, and a collection is charged to whichever lint it interrupts:
// a young-generation collection copies whatever is alive at that moment (the file being linted), and a full one
// costs as much as a hundred files. So, with --expose-gc, the young generation is emptied before every timed lint
// and the whole heap every FULL_COLLECTION_EVERY files, outside the timings: the collections inside a lint are the
// ones its own allocations cause, which is each configuration's fair share.
const collect = typeof globalThis.gc === "function" ? globalThis.gc : undefined;
const FULL_COLLECTION_EVERY = 100;

// times[file][configuration]: one lint time per counted pass.
const times = files.map(() => names.map(() => []));
// The first pass warms up the JIT and each instance's config cache and is not counted.
for (let pass = 0; pass <= passes; pass++) {
  for (const [index, file] of files.entries()) {
    if (collect && index % FULL_COLLECTION_EVERY === 0) collect();
    for (let offset = 0; offset < names.length; offset++) {
      const which = (index + pass + offset) % names.length;
      collect?.({ type: "minor" });
      const start = performance.now();
      await engines[which].lintText(file.text, { filePath: file.filePath });
      if (pass > 0) times[index][which].push(performance.now() - start);
    }
  }
}

// Each file's time for a configuration is the median of its passes: a lint that a stalled virtual CPU or a
// collection caused by other work stretched tenfold counts once instead of adding its whole stretch to the sum.
// Five identical configurations over 1,500 files: sums of three passes spread 1.6% apart, medians 1.0%.
const median = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];
const totals = Object.fromEntries(names.map((name) => [name, { vipps: 0, other: 0 }]));
const sums = Object.fromEntries(names.map((name) => [name, { vipps: 0, other: 0 }]));
for (const [index, file] of files.entries()) {
  for (const [which, name] of names.entries()) {
    totals[name][file.group] += median(times[index][which]);
    sums[name][file.group] += times[index][which].reduce((sum, time) => sum + time, 0);
  }
}
process.stdout.write(`${JSON.stringify({ passes, files: files.length, collectionsOutsideTimings: collect !== undefined, totals, sums })}\n`);
