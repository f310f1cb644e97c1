import { ESLintUtils } from "@typescript-eslint/utils";

/** Extra `meta.docs` every rule of this plugin states. */
export interface VippsRuleDocs {
  description: string;
  /** In `vipps/recommended`. */
  recommended: boolean;
}

export const REPOSITORY_URL = "https://github.com/vipps-lint/eslint-plugin-vipps";

export const createRule = ESLintUtils.RuleCreator<VippsRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
