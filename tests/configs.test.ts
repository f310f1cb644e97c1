// Which files the flat configs reach when ESLint walks a directory (`eslint .`), as users run it: a TypeScript
// project must not lint zero `.ts` files and exit 0. The packed-install test (scripts/test-package.js) checks the same
// on the published package with ESLint 9.22, the latest 9 and 10; this test keeps the reason close to src/configs.ts.
import { ESLint, type Linter } from "eslint";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import tseslint from "typescript-eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import plugin from "../src/index.js";

const RULE = "vipps/mobile-number-format";

/** An ePayment request whose phone number has spaces: one RULE finding in every file below. */
const request = (indent = "") =>
  `${indent}await fetch("https://api.vipps.no/epayment/v1/payments", {
${indent}  method: "POST",
${indent}  body: JSON.stringify({ customer: { phoneNumber: "+47 91 23 45 67" }, reference: orderId }),
${indent}});`;

// The TypeScript files have syntax espree cannot parse, so a finding in them proves typescript-eslint's parser ran.
const TYPESCRIPT_FILES: Record<string, string> = {
  "checkout.ts": `export async function pay(orderId: string): Promise<void> {\n${request("  ")}\n}\n`,
  "checkout.mts": `export async function pay(orderId: string): Promise<void> {\n${request("  ")}\n}\n`,
  "checkout.cts": `async function pay(orderId: string): Promise<void> {\n${request("  ")}\n}\nmodule.exports = { pay };\n`,
  "page.tsx": `export async function pay(orderId: string): Promise<JSX.Element> {\n${request("  ")}\n  return <p>{orderId}</p>;\n}\n`,
};
const JAVASCRIPT_FILES: Record<string, string> = {
  "checkout.js": `export async function pay(orderId) {\n${request("  ")}\n}\n`,
  "checkout.mjs": `export async function pay(orderId) {\n${request("  ")}\n}\n`,
  "checkout.cjs": `async function pay(orderId) {\n${request("  ")}\n}\nmodule.exports = { pay };\n`,
};

/** `eslint .` in a fresh directory holding `files`, with `config` as the whole eslint.config.js. */
async function lintDirectory(files: Record<string, string>, config: Linter.Config[]) {
  const dir = mkdtempSync(join(tmpdir(), "vipps-configs-"));
  directories.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(["."]);
  return new Map(
    results.map((result) => [
      result.filePath.slice(dir.length + 1),
      {
        findings: result.messages.filter((message) => message.ruleId === RULE).length,
        fatal: result.messages.filter((message) => message.fatal).map((message) => message.message),
      },
    ]),
  );
}

const directories: string[] = [];
afterAll(() => {
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

// typescript-eslint's base config: its parser for every file, no `files` and no rules of its own.
const tsBase = tseslint.configs.base as Linter.Config;
const everyFile = (findings: number) =>
  Object.fromEntries(
    Object.keys({ ...TYPESCRIPT_FILES, ...JAVASCRIPT_FILES }).map((name) => [name, { findings, fatal: [] }]),
  );

describe.each(["recommended", "all"] as const)("configs.%s walking a directory", (name) => {
  let withTypeScript: Awaited<ReturnType<typeof lintDirectory>>;
  beforeAll(async () => {
    withTypeScript = await lintDirectory({ ...TYPESCRIPT_FILES, ...JAVASCRIPT_FILES }, [tsBase, plugin.configs[name]]);
  });

  it("with tseslint.configs.base lints every .ts, .tsx, .mts, .cts, .js, .mjs and .cjs file and reports in each", () => {
    expect(Object.fromEntries(withTypeScript)).toEqual(everyFile(1));
  });

  it("alone lints a JavaScript project", async () => {
    const results = await lintDirectory(JAVASCRIPT_FILES, [plugin.configs[name]]);
    expect(Object.fromEntries(results)).toEqual(
      Object.fromEntries(Object.keys(JAVASCRIPT_FILES).map((file) => [file, { findings: 1, fatal: [] }])),
    );
  });

  it("alone fails loudly on a .ts file that ESLint cannot parse, instead of skipping it", async () => {
    const results = await lintDirectory({ "checkout.ts": TYPESCRIPT_FILES["checkout.ts"] ?? "" }, [plugin.configs[name]]);
    expect(results.get("checkout.ts")?.fatal).toEqual([expect.stringContaining("Parsing error")]);
  });
});

describe("why the configs carry `files`", () => {
  it("without them, tseslint.configs.base and the rules lint no TypeScript file at all", async () => {
    const withoutFiles = Object.fromEntries(
      Object.entries(plugin.configs.recommended).filter(([key]) => key !== "files"),
    ) as Linter.Config;
    // A real project has its eslint.config.js, which ESLint lints, so the run succeeds and looks fine.
    const results = await lintDirectory({ ...TYPESCRIPT_FILES, "eslint.config.js": "export default [];\n" }, [
      tsBase,
      withoutFiles,
    ]);
    // ESLint's default `files` match .js, .mjs and .cjs only: the directory walk skips every TypeScript file.
    expect([...results.keys()]).toEqual(["eslint.config.js"]);
  });
});
