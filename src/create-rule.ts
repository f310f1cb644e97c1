import { applyDefault, RuleCreator, type ESLintUtils } from "./core/eslint-api.js";

/** Extra `meta.docs` every rule of this plugin states. */
export interface VippsRuleDocs {
  description: string;
  /** In `vipps/recommended`. */
  recommended: boolean;
}

export const REPOSITORY_URL = "https://github.com/vipps-lint/eslint-plugin-vipps";

const createNamedRule = RuleCreator<VippsRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);

/**
 * `RuleCreator`, except that the options merged with their defaults are computed once per distinct options instead
 * of once per file: RuleCreator's `structuredClone` on every file was most of what a rule cost on files without
 * Vipps calls (docs/performance.md). Rules treat their options as read-only, so sharing them is safe.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, VippsRuleDocs>>,
): ReturnType<typeof createNamedRule<Options, MessageIds>> {
  const created = createNamedRule(rule);
  const defaults: Readonly<Options> = rule.meta.defaultOptions ?? rule.defaultOptions ?? ([] as unknown as Options);
  const resolved = new Map<string, Options>();
  return {
    ...created,
    create(context) {
      const key = JSON.stringify(context.options);
      let options = resolved.get(key);
      if (options === undefined) {
        options = applyDefault<Options, Options>(defaults, context.options);
        resolved.set(key, options);
      }
      return rule.create(context, options);
    },
  };
}
