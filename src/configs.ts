import type { ESLint, Linter } from "eslint";

type RuleMap = Readonly<Record<string, { meta?: { docs?: { recommended?: boolean } } }>>;

// A type alias (not an interface) so that it fits ESLint's `Record<string, Config>`.
export type VippsConfigs = {
  /** The rules that are right for every Vipps integration, as errors. */
  recommended: Linter.Config;
  /** Every rule, as errors. */
  all: Linter.Config;
  /** `recommended` for ESLint 9's eslintrc mode (`.eslintrc.*`, `plugin:vipps/legacy-recommended`). */
  "legacy-recommended": Linter.LegacyConfig;
  "legacy-all": Linter.LegacyConfig;
};

const severities = (rules: RuleMap, pick: (recommended: boolean) => boolean): Linter.RulesRecord =>
  Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => pick(rule.meta?.docs?.recommended === true))
      .map(([name]) => [`vipps/${name}`, "error"]),
  );

/** The configs, each referring back to the plugin so that `[vipps.configs.recommended]` is complete on its own. */
export function createConfigs(plugin: ESLint.Plugin, rules: RuleMap): VippsConfigs {
  const recommended = severities(rules, (isRecommended) => isRecommended);
  const all = severities(rules, () => true);
  return {
    recommended: { name: "vipps/recommended", plugins: { vipps: plugin }, rules: recommended },
    all: { name: "vipps/all", plugins: { vipps: plugin }, rules: all },
    "legacy-recommended": { plugins: ["vipps"], rules: recommended },
    "legacy-all": { plugins: ["vipps"], rules: all },
  };
}
