import { describe, expect, it } from "vitest";
import { checkPhone, type PhoneOptions } from "../../src/vipps/phone.js";

// checkPhone keeps its verdicts across files (src/vipps/phone.ts): these hold it to answering by format, options and
// value, whatever was asked before, and within its bounds.

const NORDIC: PhoneOptions = { defaultCountry: "NO", msisdnCountries: ["NO", "DK", "FI"] };
const NORWAY: PhoneOptions = { defaultCountry: "NO", msisdnCountries: ["NO"] };
const DENMARK: PhoneOptions = { defaultCountry: "DK", msisdnCountries: ["DK"] };

describe("checkPhone asked the same value again", () => {
  it("answers by the options given, not by those of an earlier call", () => {
    for (let round = 0; round < 2; round++) {
      expect(checkPhone("+45 20 12 34 56", "msisdn", NORDIC)).toEqual({ kind: "fixable", fixed: "4520123456" });
      expect(checkPhone("+45 20 12 34 56", "msisdn", NORWAY)).toEqual({ kind: "foreign", country: "DK", allowed: ["NO"] });
      expect(checkPhone("+47 912 34 567", "msisdn", DENMARK)).toEqual({ kind: "foreign", country: "NO", allowed: ["DK"] });
      // Without a country code the number is read in the default country.
      expect(checkPhone("91 23 45 67", "msisdn", NORWAY)).toEqual({ kind: "fixable", fixed: "4791234567" });
      expect(checkPhone("91 23 45 67", "msisdn", DENMARK)).toEqual({ kind: "fixable", fixed: "4591234567" });
      expect(checkPhone("20 12 34 56", "msisdn", NORWAY)).toEqual({ kind: "invalid" });
      expect(checkPhone("20 12 34 56", "msisdn", DENMARK)).toEqual({ kind: "fixable", fixed: "4520123456" });
    }
  });

  it("answers by the format asked for", () => {
    for (let round = 0; round < 2; round++) {
      expect(checkPhone("+47 912 34 567", "nsn8", NORDIC)).toEqual({ kind: "fixable", fixed: "91234567" });
      expect(checkPhone("+47 912 34 567", "msisdn", NORDIC)).toEqual({ kind: "fixable", fixed: "4791234567" });
      expect(checkPhone("+47 912 34 567", "urn-msisdn", NORDIC)).toEqual({ kind: "fixable", fixed: "urn:msisdn:4791234567" });
    }
  });

  it("gives the same verdicts past the cache's size, and for values too long to keep", () => {
    expect(checkPhone("+47 912 34 567", "msisdn", NORDIC)).toEqual({ kind: "fixable", fixed: "4791234567" });
    // Values that are no number are answered without the library: cheap to ask many of.
    for (let index = 0; index < 2100; index++) expect(checkPhone(`x${index}`, "msisdn", NORDIC)).toEqual({ kind: "invalid" });
    expect(checkPhone("+47 912 34 567", "msisdn", NORDIC)).toEqual({ kind: "fixable", fixed: "4791234567" });
    const long = `+47 912 34 567${" ".repeat(100)}`;
    expect(checkPhone(long, "msisdn", NORDIC)).toEqual(checkPhone("+47 912 34 567", "msisdn", NORDIC));
    expect(checkPhone(long, "msisdn", NORWAY)).toEqual({ kind: "fixable", fixed: "4791234567" });
  });
});
