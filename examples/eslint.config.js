// The config `npm run demo` lints this folder with: what a shop adds to its own eslint.config.js.
import tsParser from "@typescript-eslint/parser";
import vipps from "eslint-plugin-vipps";

export default [
  { ignores: ["eslint.config.js"] },
  vipps.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parser: tsParser },
  },
  {
    // wrapper.js sends every Vipps request through its own `vippsFetch({ uri, body })`.
    settings: {
      vipps: {
        wrappers: [{ name: "vippsFetch", url: "0.uri", body: "0.body" }],
      },
    },
  },
];
