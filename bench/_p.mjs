import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Linter } from "eslint";
import plugin from "../dist/src/index.js";
import { CORPUS_DIR, benchConfig } from "./corpus.js";
const manifest = JSON.parse(readFileSync(CORPUS_DIR + "/manifest.json", "utf8")).filter(e => e.kind === "real");
const rule = plugin.rules["mobile-number-format"];
let t = 0, creates = 0;
const timed = { meta: rule.meta, create(context) { const s = performance.now(); const l = rule.create(context); creates += performance.now() - s; return { Program(n) { const s = performance.now(); l.Program(n); t += performance.now() - s; } }; } };
const linter = new Linter();
const config = benchConfig([{ plugins: { t: { rules: { r: timed } } }, rules: { "t/r": "error" } }]);
const files = manifest.map(e => ({ path: CORPUS_DIR + "/" + e.path, text: readFileSync(CORPUS_DIR + "/" + e.path, "utf8") }));
for (let r = 0; r < 3; r++) {
  t = 0; creates = 0; const s = performance.now();
  for (const f of files) linter.verify(f.text, config, { filename: f.path });
  console.log(r, t.toFixed(1), creates.toFixed(1), (performance.now() - s).toFixed(0));
}
