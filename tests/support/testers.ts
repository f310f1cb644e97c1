import { RuleTester } from "@typescript-eslint/rule-tester";
import * as espree from "espree";
import globals from "globals";

type TesterLanguageOptions = NonNullable<ConstructorParameters<typeof RuleTester>[0]>["languageOptions"];

/**
 * The language options each tester here was made with (RuleTester keeps its config private), so that
 * tests/robustness/fix-stability.test.ts can lint a recorded case the way its tester does. Testers made elsewhere
 * use RuleTester's default: @typescript-eslint/parser.
 */
export const testerLanguageOptions = new WeakMap<RuleTester, TesterLanguageOptions>();

function tester(languageOptions?: TesterLanguageOptions): RuleTester {
  const made = new RuleTester(languageOptions ? { languageOptions } : undefined);
  if (languageOptions) testerLanguageOptions.set(made, languageOptions);
  return made;
}

/** TypeScript through @typescript-eslint/parser, no globals declared (as in most TypeScript projects). */
export const tsTester = tester();

/** Plain JavaScript through ESLint's default parser, no globals declared. */
export const jsTester = tester({ parser: espree, parserOptions: { ecmaFeatures: { jsx: true } } });

/** JavaScript with the browser and Node globals declared, as `globals` users configure it. */
export const jsWithGlobalsTester = tester({ parser: espree, globals: { ...globals.browser, ...globals.node } });

/** CommonJS scripts. */
export const cjsTester = tester({ parser: espree, sourceType: "commonjs" });

/**
 * The location of the first occurrence of `snippet` (or its `nth` occurrence) in `code`, as the rule tester states it:
 * 1-based lines and columns, the end exclusive.
 */
export function locate(code: string, snippet: string, nth = 1) {
  let index = -1;
  for (let count = 0; count < nth; count++) {
    index = code.indexOf(snippet, index + 1);
    if (index < 0) throw new Error(`snippet not found: ${snippet}`);
  }
  const position = (offset: number) => {
    // Lines as ESLint counts them: each of its five line ends starts a new one.
    const before = code.slice(0, offset).split(/\r\n|[\r\n\u2028\u2029]/);
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  };
  const start = position(index);
  const end = position(index + snippet.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
