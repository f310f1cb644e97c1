import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { readCommonNumber } from "../../src/vipps/phone.js";

// readCommonNumber answers for libphonenumber-js on the common ways of writing Nordic mobile numbers, so that most
// files never load the library (src/vipps/phone.ts). These hold every answer it gives to the library's own reading,
// over numbers from every prefix of the ranges it knows and of their neighbours, written in many ways.

const MOBILE_TYPES = new Set(["MOBILE", "FIXED_LINE_OR_MOBILE"]);

/** A small deterministic generator, so that a failure can be replayed. */
function digitsFrom(seed: number): () => string {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return String(Math.floor(state / 65536) % 10);
  };
}

/** National numbers: every 4-digit prefix at length 8, and every 3-digit prefix at the other lengths up to 12. */
function nationalNumbers(): string[] {
  const nextDigit = digitsFrom(7);
  const fill = (prefix: string, length: number): string => {
    let number = prefix.slice(0, length);
    while (number.length < length) number += nextDigit();
    return number;
  };
  const numbers: string[] = [];
  for (let prefix = 0; prefix < 10000; prefix++) numbers.push(fill(String(prefix).padStart(4, "0"), 8));
  for (let prefix = 0; prefix < 1000; prefix++) {
    for (const length of [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12]) numbers.push(fill(String(prefix).padStart(3, "0"), length));
  }
  return numbers;
}

const COUNTRY_CALLING_CODES = ["47", "45", "358", "46", "44", "1", "354", "298", "299", "49", "372", "4", "35"];
const DEFAULT_COUNTRIES: CountryCode[] = ["NO", "DK", "SE", "FI", "SJ", "US", "GB"];

const grouped = (digits: string, size: number, separator: string): string =>
  digits.match(new RegExp(`.{1,${size}}`, "g"))?.join(separator) ?? digits;

/** The ways a number is written with a country code, and without one. */
const INTERNATIONAL_WAYS = [
  (code: string, national: string) => `+${code}${national}`,
  (code: string, national: string) => `+${code} ${grouped(national, 2, " ")}`,
  (code: string, national: string) => `(+${code}) ${grouped(national, 3, "-")}`,
  (code: string, national: string) => `00${code}${national}`,
  (code: string, national: string) => `00${code} ${grouped(national, 2, ".")}`,
  (code: string, national: string) => `${code}${national}`,
  (code: string, national: string) => ` + ${code}\u00a0${national} `,
  (code: string, national: string) => `0 0${code}-${national}`,
];
const NATIONAL_WAYS = [
  (national: string) => national,
  (national: string) => grouped(national, 2, " "),
  (national: string) => ` ${grouped(national, 3, "-")}.`,
  (national: string) => `-${national}`,
];

describe("readCommonNumber", () => {
  it("reads every number it answers for as libphonenumber-js with its full metadata reads it", () => {
    let answered = 0;
    let mobile = 0;
    let index = 0;
    const compare = (value: string, defaultCountry: CountryCode): void => {
      const common = readCommonNumber(value, defaultCountry);
      if (!common) return;
      answered++;
      const library = parsePhoneNumberFromString(value, defaultCountry);
      const label = `${JSON.stringify(value)} in ${defaultCountry}`;
      if (!common.isValid()) {
        expect(library?.isValid() === true && library.country !== undefined, label).toBe(false);
        return;
      }
      mobile++;
      expect(
        {
          valid: library?.isValid(),
          country: library?.country,
          mobile: MOBILE_TYPES.has(library?.getType() ?? ""),
          countryCallingCode: library?.countryCallingCode,
          nationalNumber: library?.nationalNumber,
        },
        label,
      ).toEqual({
        valid: true,
        country: common.country,
        mobile: true,
        countryCallingCode: common.countryCallingCode,
        nationalNumber: common.nationalNumber,
      });
    };
    for (const national of nationalNumbers()) {
      index++;
      const defaultCountry = DEFAULT_COUNTRIES[index % DEFAULT_COUNTRIES.length]!;
      // Norway, the default default, and Denmark for every number; the other codes in turn.
      for (const code of ["47", "45", COUNTRY_CALLING_CODES[index % COUNTRY_CALLING_CODES.length]!]) {
        compare(INTERNATIONAL_WAYS[index % INTERNATIONAL_WAYS.length]!(code, national), "NO");
        compare(INTERNATIONAL_WAYS[(index + 3) % INTERNATIONAL_WAYS.length]!(code, national), defaultCountry);
      }
      compare(NATIONAL_WAYS[index % NATIONAL_WAYS.length]!(national), "NO");
      compare(NATIONAL_WAYS[(index + 1) % NATIONAL_WAYS.length]!(national), defaultCountry);
    }
    // Not vacuous: most Nordic mobile numbers written the common ways are answered here.
    expect(mobile).toBeGreaterThan(10000);
    expect(answered - mobile).toBeGreaterThan(1000);
  });

  it("answers for the common ways of writing Norwegian, Danish and Finnish mobile numbers", () => {
    for (const value of ["+47 912 34 567", "(+47) 91 23 45 67", "004791234567", "0047 91234567", "91234567", "912 34 567", "4791234567"]) {
      expect(readCommonNumber(value, "NO"), value).toMatchObject({ country: "NO", countryCallingCode: "47", nationalNumber: "91234567" });
    }
    expect(readCommonNumber("+45 20 12 34 56", "NO")).toMatchObject({ country: "DK", nationalNumber: "20123456" });
    expect(readCommonNumber("+358 40 1234567", "NO")).toMatchObject({ country: "FI", nationalNumber: "401234567" });
    expect(readCommonNumber("+46 70 123 45 67", "NO")).toMatchObject({ country: "SE", nationalNumber: "701234567" });
    expect(readCommonNumber("4712", "NO")?.isValid()).toBe(false);
    expect(readCommonNumber("12345", "NO")?.isValid()).toBe(false);
  });

  it("leaves the rest to the library", () => {
    // Fixed-line and Svalbard numbers, other default countries' national numbers, other characters, long values.
    for (const [value, defaultCountry] of [
      ["22 22 22 22", "NO"],
      ["+47 79 12 34 56", "NO"],
      ["4779123456", "NO"],
      ["91234567", "DK"],
      ["4701234", "NO"],
      ["01234", "NO"],
      ["tel:+4791234567", "NO"],
      ["+47 912 34 567 ext. 2", "NO"],
      [`+47 ${"9".repeat(8)}${" ".repeat(60)}`, "NO"],
    ] as const) {
      expect(readCommonNumber(value, defaultCountry), value).toBeUndefined();
    }
  });
});
