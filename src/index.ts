import type { ESLint } from "eslint";
import packageJson from "../package.json" with { type: "json" };
import { rules } from "../rules/index.js";
import { createConfigs, type VippsConfigs } from "./configs.js";

export type { VippsSettings, WrapperSetting } from "./settings.js";

export interface VippsPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: "vipps" };
  rules: NonNullable<ESLint.Plugin["rules"]>;
  configs: VippsConfigs;
}

const plugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace: "vipps" },
  rules: rules as unknown as VippsPlugin["rules"],
  configs: {} as VippsConfigs,
} satisfies VippsPlugin;

plugin.configs = createConfigs(plugin, rules);

const vipps: VippsPlugin = plugin;
export default vipps;
// `require("eslint-plugin-vipps")` (eslint.config.cjs, ESLint 9's eslintrc mode) returns the plugin itself rather than
// a namespace object: Node's require(esm) hands back this export when it is present.
export { vipps as "module.exports" };
