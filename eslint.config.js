// The plugin's own lint: typescript-eslint's type-checked rules and eslint-plugin-eslint-plugin on the rules and
// their tests.
import js from "@eslint/js";
import eslintPlugin from "eslint-plugin-eslint-plugin";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/", "node_modules/", "examples/", "bench/.corpus/", "coverage/", "tests/fixtures/"] },
  js.configs.recommended,
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ["**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    files: ["rules/**/*.ts", "src/**/*.ts"],
    extends: [eslintPlugin.configs.rules],
    rules: {
      // RuleCreator adds docs.url; tests/meta.test.ts checks that each one points at its doc page.
      "eslint-plugin/require-meta-docs-url": "off",
      // ESLint 9 has no meta.languages; the rules work on any JavaScript-like language ESLint parses.
      "eslint-plugin/require-meta-languages": "off",
      "eslint-plugin/require-meta-docs-description": ["error", { pattern: "^(Enforce|Require|Disallow) " }],
      // Rules report through the rule kit (kit.report), where this plugin cannot see fixes and suggestions; ESLint's
      // rule tester refuses a fix or suggestion the metadata does not declare, and every rule's tests produce both.
      "eslint-plugin/require-meta-has-suggestions": "off",
      "eslint-plugin/require-meta-fixable": "off",
    },
  },
  {
    // One value import of @typescript-eslint/utils loads its scope manager (~180 modules) at start-up
    // (docs/performance.md, "Start-up"): values come from src/core/eslint-api.ts, types may come from anywhere.
    files: ["rules/**/*.ts", "src/**/*.ts"],
    ignores: ["src/core/eslint-api.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@typescript-eslint/utils",
              message: "Import values from src/core/eslint-api.ts; it loads them without the scope manager.",
              allowTypeImports: true,
            },
            { name: "libphonenumber-js", message: "Load it through src/vipps/phone.ts, on the first phone check.", allowTypeImports: true },
            { name: "libphonenumber-js/max", message: "Load it through src/vipps/phone.ts, on the first phone check.", allowTypeImports: true },
          ],
        },
      ],
    },
  },
  { files: ["tests/rules/**/*.ts"], extends: [eslintPlugin.configs.tests] },
);
