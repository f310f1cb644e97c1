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

/**
 * As many rules as `vipps/all`, each giving ESLint no listeners: what ESLint itself spends on a file for every
 * configured rule (a rule context, the rule's `create`, its listeners' registration). Only the paired run has it,
 * to show which part of the plugin's figure any plugin with that many rules would pay.
 */
const emptyRule = { meta: { type: "problem", schema: [] }, create: () => ({}) };
export const EMPTY_RULES = [
  {
    plugins: { empty: { rules: Object.fromEntries(Object.keys(plugin.configs.all.rules).map((id) => [id.replace("vipps/", ""), emptyRule])) } },
    rules: Object.fromEntries(Object.keys(plugin.configs.all.rules).map((id) => [id.replace("vipps/", "empty/"), "error"])),
  },
];
