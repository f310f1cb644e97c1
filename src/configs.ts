import type { ESLint, Linter } from "eslint";

type RuleMap = Readonly<
  Record<string, { meta?: { docs?: { recommended?: boolean; allConfigOptions?: Readonly<Record<string, unknown>> } } }>
>;

// A type alias (not an interface) so that it fits ESLint's `Record<string, Config>`.
export type VippsConfigs = {
  /** The rules that are right for every Vipps integration, as errors, on JavaScript and TypeScript files. */
  recommended: Linter.Config;
  /** Every rule, as errors, on JavaScript and TypeScript files. */
  all: Linter.Config;
  /** `recommended` for ESLint 9's eslintrc mode (`.eslintrc.*`, `plugin:vipps/legacy-recommended`). */
  "legacy-recommended": Linter.LegacyConfig;
  "legacy-all": Linter.LegacyConfig;
};

const severities = (rules: RuleMap, pick: (recommended: boolean) => boolean, withAllOptions = false): Linter.RulesRecord =>
  Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => pick(rule.meta?.docs?.recommended === true))
      .map(([name, rule]) => {
        const options = withAllOptions ? rule.meta?.docs?.allConfigOptions : undefined;
        return [`vipps/${name}`, options ? ["error", options] : "error"];
      }),
  );

/**
 * The files the flat configs apply to. Naming them also makes `eslint .` lint them: ESLint lints only the files that
 * some config object's `files` matches (`.js`, `.mjs` and `.cjs` by default), and `tseslint.configs.base` sets a
 * parser without `files`, so without this list a TypeScript project could lint no `.ts` file at all and exit 0.
 */
export const LINTED_FILES = [
  "**/*.js",
  "**/*.mjs",
  "**/*.cjs",
  "**/*.jsx",
  "**/*.ts",
  "**/*.tsx",
  "**/*.mts",
  "**/*.cts",
];

/** The configs, each referring back to the plugin so that `[vipps.configs.recommended]` is complete on its own. */
export function createConfigs(plugin: ESLint.Plugin, rules: RuleMap): VippsConfigs {
  const recommended = severities(rules, (isRecommended) => isRecommended);
  const all = severities(rules, () => true, true);
  return {
    recommended: { name: "vipps/recommended", files: [...LINTED_FILES], plugins: { vipps: plugin }, rules: recommended },
    all: { name: "vipps/all", files: [...LINTED_FILES], plugins: { vipps: plugin }, rules: all },
    "legacy-recommended": { plugins: ["vipps"], rules: recommended },
    "legacy-all": { plugins: ["vipps"], rules: all },
  };
}
