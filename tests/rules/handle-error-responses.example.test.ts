import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import rule from "../../rules/handle-error-responses.js";

// The rule on examples/error-handling.ts: what it finds, and that its repairs converge, parse and hold.
const code = readFileSync(new URL("../../examples/error-handling.ts", import.meta.url), "utf8");
const linter = new Linter();
const plugin = { rules: { "handle-error-responses": rule } } as unknown as NonNullable<Linter.Config["plugins"]>[string];
const config = (options: Record<string, unknown> = {}): Linter.Config[] => [
  {
    files: ["**/*.ts"],
    plugins: { vipps: plugin },
    languageOptions: { parser: tsParser },
    rules: { "vipps/handle-error-responses": ["error", options] },
  },
];
const lint = (source: string, options?: Record<string, unknown>) => linter.verify(source, config(options), "error-handling.ts");

describe("examples/error-handling.ts", () => {
  it("reports each unhandled case once and leaves the correct functions alone", () => {
    expect(lint(code).map((message) => `${message.line}:${message.column} ${message.messageId}`)).toEqual([
      "25:26 uncheckedStatus",
      "53:9 uncheckedStatus",
      "64:5 lostRejection",
      "69:5 swallowedError",
      "89:24 uncheckedResult",
    ]);
  });

  it("names the API and the endpoint in each message and suggestion", () => {
    expect(lint(code).map((message) => [message.message, message.suggestions?.map((suggestion) => suggestion.desc)])).toEqual([
      [
        'The response of ePayment API "create payment" is read without a check of its HTTP status, so an error answer from Vipps goes unnoticed. Check `response.ok` before using it.',
        ['Check `response.ok` after ePayment API "create payment" and throw an error with the status and body.'],
      ],
      [
        'The response of ePayment API "capture payment" is dropped without a check of its HTTP status, so an error answer from Vipps goes unnoticed. Check `response.ok` before using it.',
        ['Check `response.ok` after ePayment API "capture payment" and throw an error with the status and body.'],
      ],
      [
        'The promise of ePayment API "refund payment" is neither awaited, returned nor given a rejection handler, so a failed request goes unnoticed. Await it or add a `.catch()` handler.',
        ['Await ePayment API "refund payment" so that its failure reaches the caller.'],
      ],
      [
        'This handler discards the error of ePayment API "cancel payment", so a failed request goes unnoticed. Log it, pass it on or rethrow it.',
        ['Log and rethrow the error in this handler for ePayment API "cancel payment".'],
      ],
      [
        'The result of ePayment API "create payment" is read without a check of `.ok`; the SDK reports failures as `{ ok: false, error }`, so this one goes unnoticed. Check `result.ok` before using `.data`.',
        ['Check `result.ok` on the result of ePayment API "create payment" and throw an error with the SDK\'s error.'],
      ],
    ]);
    const withHandler = linter.verify(code, config({ errorHandler: { name: "reportVippsError", module: "./errors.js" } }), "error-handling.ts");
    expect(withHandler.map((message) => message.suggestions?.[0]?.desc)).toEqual([
      'Check `response.ok` after ePayment API "create payment" and call reportVippsError(response).',
      'Check `response.ok` after ePayment API "capture payment" and call reportVippsError(response).',
      'Await ePayment API "refund payment" so that its failure reaches the caller.',
      'Pass the error to reportVippsError in this handler for ePayment API "cancel payment".',
      'Check `result.ok` on the result of ePayment API "create payment" and call reportVippsError(result.error).',
    ]);
    // Named without its module and not in scope: a call would be a ReferenceError, so only the await is offered.
    const unreachable = linter.verify(code, config({ errorHandler: "reportVippsError" }), "error-handling.ts");
    expect(unreachable.map((message) => message.suggestions?.[0]?.desc)).toEqual([
      undefined,
      undefined,
      'Await ePayment API "refund payment" so that its failure reaches the caller.',
      undefined,
      undefined,
    ]);
  });

  it("applies no fix without autofix: the repairs are suggestions", () => {
    expect(linter.verifyAndFix(code, config(), "error-handling.ts").fixed).toBe(false);
  });

  it("each suggestion parses and removes its own problem", () => {
    for (const message of lint(code)) {
      const [suggestion] = message.suggestions ?? [];
      expect(suggestion, `${message.line} has a suggestion`).toBeDefined();
      if (!suggestion) continue;
      const fixed = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
      const after = lint(fixed);
      expect(after.some((problem) => problem.fatal)).toBe(false);
      const count = (problems: Linter.LintMessage[]) => problems.filter((problem) => problem.messageId === message.messageId).length;
      expect(count(after), `${message.messageId} at line ${message.line}`).toBe(count(lint(code)) - 1);
    }
  });

  for (const options of [{ autofix: true }, { autofix: true, errorHandler: { name: "reportVippsError", module: "./errors.js" } }]) {
    it(`fixes everything under ${JSON.stringify(options)}, and a second run changes nothing`, () => {
      const first = linter.verifyAndFix(code, config(options), "error-handling.ts");
      expect(first.fixed).toBe(true);
      expect(first.messages).toEqual([]);
      const second = linter.verifyAndFix(first.output, config(options), "error-handling.ts");
      expect(second.fixed).toBe(false);
      expect(second.output).toBe(first.output);
      // The handler is imported once, however many repairs call it.
      if (options.errorHandler) expect(first.output.split('import { reportVippsError } from "./errors.js";')).toHaveLength(2);
      // Comments survive.
      for (const comment of code.match(/\/\/.*$/gm) ?? []) expect(first.output).toContain(comment);
    });
  }
});

describe("options", () => {
  it.each([
    [{ autofix: "yes" }],
    [{ errorHandler: "report vipps error" }],
    [{ errorHandler: "" }],
    [{ errorHandler: "a..b" }],
    // Calls with these as the first word do not parse, or call something else than a project function.
    ...["await", "yield", "let", "static", "delete", "super", "while", "for", "return", "this", "enum", "null", "await.report", "super.report"].map(
      (errorHandler): [Record<string, unknown>] => [{ errorHandler }],
    ),
    [{ logger: "console" }],
  ])("rejects %j as a schema error", (options) => {
    expect(() => lint("fetch('https://api.vipps.no/epayment/v1/payments');", options)).toThrow(/Key "vipps\/handle-error-responses":\s+Value .* should /);
  });
});

describe("errorHandler names", () => {
  it("accepts dotted names whose later words are reserved words (they are property names)", () => {
    for (const errorHandler of ["log.delete", "vipps.await", "reportVippsError", "$report", "_.noop"]) {
      expect(() => lint("fetch('https://api.vipps.no/epayment/v1/payments');", { errorHandler })).not.toThrow();
    }
  });

  it("refuses a reserved first word with a message of its own where the schema is not checked", () => {
    const context = { options: [{ errorHandler: "await" }], sourceCode: {}, settings: {} };
    expect(() => (rule.create as unknown as (context: unknown) => unknown)(context)).toThrow(/option errorHandler "await" cannot be called as written/);
  });
});
