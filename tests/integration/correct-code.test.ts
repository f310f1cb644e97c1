// `vipps/recommended` is silent on correct code: tests/fixtures/correct/ holds integrations written from the specs'
// own examples and the facts sheet (every API, transport style, webhook and callback handlers, a client component).
// A finding here is a false alarm, and a rule that cries wolf gets disabled.
import tsParser from "@typescript-eslint/parser";
import { ESLint, type Linter } from "eslint";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { detect } from "../support/detect.js";

const folder = fileURLToPath(new URL("../fixtures/correct/", import.meta.url));

async function lint(config: Linter.Config): Promise<string[]> {
  const eslint = new ESLint({
    cwd: folder,
    overrideConfigFile: true,
    overrideConfig: [{ files: ["**/*.{ts,tsx,mts,cts}"], languageOptions: { parser: tsParser } }, config],
  });
  const results = await eslint.lintFiles(["."]);
  expect(results.length).toBe(13);
  return results.flatMap((result) =>
    result.messages.map(
      (message) => `${result.filePath.slice(folder.length)}:${message.line}:${message.column} ${message.ruleId ?? "parse"} ${message.message}`,
    ),
  );
}

describe("correct integrations", () => {
  it("get no finding from vipps/recommended", async () => {
    expect(await lint(plugin.configs.recommended)).toEqual([]);
  });

  it("get from vipps/all only the findings of its opt-in checks", async () => {
    // require-explicit-checkout-flow asks every eCom initiate to state the flow, which correct code may leave out.
    expect((await lint(plugin.configs.all)).filter((finding) => !finding.includes("vipps/require-explicit-checkout-flow"))).toEqual([]);
  });
});

describe("the correct integrations exercise the rules", () => {
  // Silence means something only where the detection sees the requests: each file's endpoints, in order.
  const endpointsIn = (file: string) =>
    detect(readFileSync(join(folder, file), "utf8"), { typescript: /\.tsx?$/.test(file), sourceType: file.endsWith(".cjs") ? "commonjs" : "module" })
      .requests.map((request) => request.endpoint?.id ?? `${request.api?.name ?? "?"} ${request.urlPattern ?? ""}`);

  it.each([
    ["vipps.ts", ["accesstoken.get"]],
    ["epayment-service.ts", ["epayment.create", "epayment.info", "epayment.capture", "epayment.refund", "epayment.cancel"]],
    ["ecom-service.js", ["ecom.initiate", "ecom.capture", "ecom.details"]],
    ["recurring-service.cjs", ["recurring.createAgreement", "recurring.createCharge", "recurring.updateAgreement"]],
    ["webhook-registration.mjs", ["webhooks.register"]],
    ["login-ciba.ts", ["login.cibaAuthenticate"]],
    ["sdk-payments.ts", ["accesstoken.get", "epayment.create"]],
  ])("%s", (file, endpoints) => {
    expect(endpointsIn(file)).toEqual(endpoints);
  });
});
