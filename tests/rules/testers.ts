import { RuleTester } from "@typescript-eslint/rule-tester";
import * as espree from "espree";
import globals from "globals";

/** A rule as the rule tester takes it. */
export type TesterRule = Parameters<RuleTester["run"]>[1];
export type TesterCases = Parameters<RuleTester["run"]>[2];

/**
 * The rule tester brings its own copy of @typescript-eslint/utils (8.72, the newest published) beside ours (8.73);
 * the two copies' types differ only in private members.
 */
export const asTesterRule = (rule: unknown): TesterRule => rule as TesterRule;

/** typescript-eslint's parser. */
export const tsTester = new RuleTester();
/** ESLint's default JavaScript parser. */
export const jsTester = new RuleTester({ languageOptions: { parser: espree, parserOptions: { ecmaVersion: "latest", sourceType: "module" } } });

const nodeGlobals = { globals: { ...globals.node } };

/**
 * Runs the same cases three ways: JavaScript without any declared globals (so `fetch` is an undeclared name, as in
 * most TypeScript projects), JavaScript with Node's globals, and TypeScript.
 */
export function runInEveryParser(name: string, rule: TesterRule, cases: TesterCases): void {
  jsTester.run(`${name} (JavaScript, no globals declared)`, rule, cases);
  jsTester.run(`${name} (JavaScript, Node globals)`, rule, {
    valid: cases.valid.map((test) => (typeof test === "string" ? { code: test, languageOptions: nodeGlobals } : { ...test, languageOptions: nodeGlobals })),
    invalid: cases.invalid.map((test) => ({ ...test, languageOptions: nodeGlobals })),
  });
  tsTester.run(`${name} (TypeScript)`, rule, cases);
}
