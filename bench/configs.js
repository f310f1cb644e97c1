// The configurations the benchmark compares, each on top of the same languages and settings (bench/corpus.js).
import plugin from "../dist/index.js";

export const CONFIGS = {
  /** No rules: parsing, scope analysis and traversal, what every ESLint run pays. */
  floor: [],
  "vipps/recommended": [plugin.configs.recommended],
  "vipps/all": [plugin.configs.all],
  /** A core rule nearly every project runs, as a reference cost. */
  "no-unused-vars": [{ rules: { "no-unused-vars": "error" } }],
};
