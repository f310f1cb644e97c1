import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import plugin from "../../src/index.js";

/** Helpers for the robustness tests: lint a snippet with every rule of the plugin, as JavaScript or TypeScript. */

export type Language = "js" | "jsx" | "ts" | "tsx";

export const LANGUAGES: readonly Language[] = ["js", "ts"];

const linter = new Linter();

export function configFor(language: Language, extra: Linter.Config = {}): Linter.Config[] {
  const jsx = language === "jsx" || language === "tsx";
  const typescript = language === "ts" || language === "tsx";
  return [
    {
      files: ["**/*.{js,jsx,ts,tsx}"],
      languageOptions: {
        ...(typescript && { parser: tsParser }),
        ecmaVersion: "latest",
        sourceType: "module",
        parserOptions: { ecmaFeatures: { jsx } },
      },
    },
    plugin.configs.all,
    extra,
  ];
}

const filenameFor = (language: Language): string => `src/file.${language}`;

/** Lint messages; throws what a rule throws. */
export function lint(code: string, language: Language, extra?: Linter.Config): Linter.LintMessage[] {
  return linter.verify(code, configFor(language, extra), { filename: filenameFor(language) });
}

export function fix(code: string, language: Language, extra?: Linter.Config): Linter.FixReport {
  return linter.verifyAndFix(code, configFor(language, extra), { filename: filenameFor(language) });
}

/** Does the code parse as `language` (no rules)? */
export function parses(code: string, language: Language): boolean {
  const [languageConfig] = configFor(language);
  return !linter.verify(code, [languageConfig ?? {}], { filename: filenameFor(language) }).some((message) => message.fatal);
}

/** The names of the plugin's rules, with the `vipps/` prefix. */
export const RULE_IDS: readonly string[] = Object.keys(plugin.rules).map((name) => `vipps/${name}`);
