import { RuleTester } from "@typescript-eslint/rule-tester";
import type { Linter } from "eslint";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { testerLanguageOptions } from "./testers.js";

/**
 * Every case that tests/rules/*.test.ts hands to a RuleTester, recorded instead of run: `RuleTester.prototype.run`
 * is swapped for a recorder while the test modules are imported, so the test files stay as they are. Each test file
 * runs in a module graph of its own, so the import here does not touch the real run of those files.
 */

export interface RecordedCase {
  /** Test file, suite and case name, for failure messages. */
  readonly title: string;
  readonly rule: unknown;
  readonly code: string;
  readonly options: readonly unknown[];
  readonly filename: string | undefined;
  /** The tester's language options with the case's own on top. */
  readonly languageOptions: Linter.LanguageOptions;
  readonly settings: Record<string, unknown> | undefined;
}

interface TestCase {
  readonly code: string;
  readonly name?: string;
  readonly options?: readonly unknown[];
  readonly filename?: string;
  readonly languageOptions?: Linter.LanguageOptions;
  readonly settings?: Record<string, unknown>;
}

const RULE_TESTS = fileURLToPath(new URL("../rules/", import.meta.url));

/**
 * Imports the rule test files and returns their cases. Call it inside a skipped suite (`describe.skip`), so that any
 * `describe`/`it` a test file declares at its top level is collected there as skipped rather than run a second time.
 */
export async function collectRuleTesterCases(): Promise<RecordedCase[]> {
  const cases: RecordedCase[] = [];
  const originalRun = Object.getOwnPropertyDescriptor(RuleTester.prototype, "run");
  if (!originalRun) throw new Error("RuleTester.prototype.run not found: the recorder needs updating");
  const record = function record(this: RuleTester, suite: string, rule: unknown, tests: { valid: (string | TestCase)[]; invalid: TestCase[] }) {
    const testerOptions = (testerLanguageOptions.get(this) ?? {}) as Linter.LanguageOptions;
    for (const test of [...tests.valid, ...tests.invalid]) {
      const item: TestCase = typeof test === "string" ? { code: test } : test;
      cases.push({
        title: `${suite}: ${item.name ?? item.code.slice(0, 60)}`,
        rule,
        code: item.code,
        options: item.options ?? [],
        filename: item.filename,
        languageOptions: mergeLanguageOptions(testerOptions, item.languageOptions ?? {}),
        settings: item.settings,
      });
    }
  };
  Object.defineProperty(RuleTester.prototype, "run", { ...originalRun, value: record });
  try {
    const files = readdirSync(RULE_TESTS).filter((file) => file.endsWith(".test.ts")).sort();
    for (const file of files) {
      const path = RULE_TESTS + file;
      // Only files that call a RuleTester hold cases.
      if (!readFileSync(path, "utf8").includes(".run(")) continue;
      await import(pathToFileURL(path).href);
    }
  } finally {
    Object.defineProperty(RuleTester.prototype, "run", originalRun);
  }
  return cases;
}

function mergeLanguageOptions(base: Linter.LanguageOptions, own: Linter.LanguageOptions): Linter.LanguageOptions {
  const parserOptions = { ...(base.parserOptions as object | undefined), ...(own.parserOptions as object | undefined) };
  return { ...base, ...own, parserOptions };
}
