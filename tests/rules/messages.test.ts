import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

/** The rendered text of each finding, as a user reads it in the editor or the CLI. */
function messagesFor(code: string, rules: Linter.RulesRecord): string[] {
  const linter = new Linter({ configType: "flat" });
  return linter
    .verify(code, [{ files: ["**/*.js"], plugins: { vipps: plugin }, rules }], "file.js")
    .map((message) => message.message);
}

describe("rendered messages", () => {
  it("mobile-number-format names the API, field, format and value", () => {
    const ecom = (phone: string) =>
      `fetch("https://api.vipps.no/ecomm/v2/payments", { method: "POST", body: JSON.stringify({ customerInfo: { mobileNumber: "${phone}" } }) });`;
    const rules: Linter.RulesRecord = { "vipps/mobile-number-format": "error" };
    expect(messagesFor(ecom("+47 91 23 45 67"), rules)).toEqual([
      'eCom API customerInfo.mobileNumber must be 8 digits without country code, like "91234567"; got "+47 91 23 45 67".',
    ]);
    expect(messagesFor(ecom("1234"), rules)).toEqual([
      'eCom API customerInfo.mobileNumber must be 8 digits without country code, like "91234567"; got "1234", which is not a valid mobile number.',
    ]);
    expect(messagesFor(ecom("+46 70 123 45 67"), rules)).toEqual([
      'eCom API customerInfo.mobileNumber takes mobile numbers from NO only; got "+46 70 123 45 67", a number from SE.',
    ]);
  });
});

describe("invalid options", () => {
  const lint = (options: unknown) => () =>
    new Linter({ configType: "flat" }).verify(
      `fetch("https://api.vipps.no/ecomm/v2/payments", { method: "POST", body: "{}" });`,
      [{ files: ["**/*.js"], plugins: { vipps: plugin }, rules: { "vipps/mobile-number-format": ["error", options] } }],
      "file.js",
    );

  it("are schema errors that name the option", () => {
    expect(lint({ defaultCountry: "XX" })).toThrow(/"vipps\/mobile-number-format":\s+Value "XX" should be equal to one of the allowed values/);
    expect(lint({ msisdnCountries: [] })).toThrow(/Value \[\] should NOT have fewer than 1 items/);
    expect(lint({ defaultContry: "NO" })).toThrow(/Unexpected property "defaultContry". Expected properties: "defaultCountry", "msisdnCountries"/);
    expect(lint("NO")).toThrow(/Value "NO" should be object/);
  });
});
