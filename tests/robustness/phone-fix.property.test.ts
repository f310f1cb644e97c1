import fc from "fast-check";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import type { PhoneFormatName } from "../../src/vipps/apis.js";
import { checkPhone, type PhoneOptions } from "../../src/vipps/phone.js";
import { fix, parses } from "./lint.js";

/**
 * For any input, the phone fix either gives a value in the target format that names the same number as the input
 * (as libphonenumber-js reads both), or offers no fix at all.
 */

const OPTIONS: PhoneOptions = { defaultCountry: "NO", msisdnCountries: ["NO", "DK", "FI"] };
const TARGET: Record<PhoneFormatName, RegExp> = {
  nsn8: /^\d{8}$/,
  msisdn: /^[1-9]\d{9,14}$/,
  "urn-msisdn": /^urn:msisdn:[1-9]\d{9,14}$/,
};

/** Numbers written the ways people write them: country codes, 00 and + prefixes, spaces, dashes, brackets, dots. */
const writtenNumber = fc
  .record({
    country: fc.constantFrom("47", "45", "358", "46", "44", "1", "49", ""),
    prefix: fc.constantFrom("+", "00", "(+", "", " +"),
    digits: fc.stringMatching(/^[0-9]{5,12}$/),
    separator: fc.constantFrom("", " ", "-", ".", "/", "\u00a0", "  "),
    group: fc.integer({ min: 1, max: 4 }),
    urn: fc.constantFrom("", "", "urn:msisdn:", "URN:MSISDN:", "urn:customer-token:"),
  })
  .map(({ country, prefix, digits, separator, group, urn }) => {
    const grouped = digits.match(new RegExp(`.{1,${group}}`, "g"))?.join(separator) ?? digits;
    const code = country === "" ? "" : prefix === "(+" ? `(+${country}) ` : `${prefix}${country}${separator}`;
    return urn + code + grouped;
  });

/** Realistic Nordic mobile numbers in many spellings, so that fixes are actually offered often. */
const nordicMobile = fc
  .record({
    number: fc.constantFrom("91234567", "48059154", "41234567", "98765432", "20123456", "30123456", "401234567", "501234567"),
    country: fc.constantFrom("47", "45", "358"),
    style: fc.constantFrom("+C N", "00CN", "C N", "N", "(+C) N", "+C-N"),
  })
  .map(({ number, country, style }) => {
    const spaced = number.replace(/(\d{2})(?=\d)/g, "$1 ");
    return style.replace("C", country).replace("N", style.includes(" ") ? spaced : number);
  });

const anyInput = fc.oneof(
  writtenNumber,
  nordicMobile,
  fc.string(),
  fc.stringMatching(/^[\d\s()+\-./]{0,24}$/),
  fc.string({ unit: fc.constantFrom("0", "1", "4", "7", "9", "+", " ", "-", "(", ")", "٤", "\u2028", "a") }),
);

/** The E.164 number a value names, read the way the rule reads it (`urn:msisdn:` stripped, Norway by default). */
function numberNamed(value: string, format: PhoneFormatName): string | undefined {
  const bare = value.toLowerCase().startsWith("urn:msisdn:") ? value.slice("urn:msisdn:".length) : value;
  const asWritten = parsePhoneNumberFromString(bare, OPTIONS.defaultCountry);
  // An MSISDN is a number with its country code but without a plus.
  const asMsisdn = format === "nsn8" ? undefined : parsePhoneNumberFromString(`+${bare}`);
  return asWritten?.isValid() ? asWritten.number : asMsisdn?.isValid() ? asMsisdn.number : undefined;
}

function fixedNumber(fixed: string, format: PhoneFormatName): string | undefined {
  const digits = format === "urn-msisdn" ? fixed.slice("urn:msisdn:".length) : fixed;
  const parsed = format === "nsn8" ? parsePhoneNumberFromString(digits, "NO") : parsePhoneNumberFromString(`+${digits}`);
  return parsed?.number;
}

/**
 * Does the fixed value name the number the input names? Either the fix only added the `urn:msisdn:` prefix to the
 * digits as written, or libphonenumber-js reads both as the same valid number.
 */
function expectSameNumber(value: string, fixed: string, format: PhoneFormatName): void {
  if (format === "urn-msisdn" && fixed === `urn:msisdn:${value.replace(/^urn:msisdn:/i, "")}`) return;
  const named = numberNamed(value, format);
  expect(named, `"${value}" names a valid number`).toBeDefined();
  expect(fixedNumber(fixed, format)).toBe(named);
}

describe("checkPhone: a fix names the same number in the target format, or there is none", () => {
  for (const format of Object.keys(TARGET) as PhoneFormatName[]) {
    it(format, () => {
      fc.assert(
        fc.property(anyInput, (value) => {
          const verdict = checkPhone(value, format, OPTIONS);
          if (verdict.kind !== "fixable") return;
          expect(verdict.fixed).toMatch(TARGET[format]);
          expectSameNumber(value, verdict.fixed, format);
          // The fixed value is accepted as it is.
          expect(checkPhone(verdict.fixed, format, OPTIONS).kind).toBe("ok");
        }),
        { numRuns: 2_000 },
      );
    });
  }
});

/** Each field the rule checks, in a request the detection finds, with the value written as a string literal. */
const REQUESTS: Record<PhoneFormatName, (literal: string) => string> = {
  nsn8: (literal) =>
    `fetch("https://api.vipps.no/ecomm/v2/payments", { method: "POST", body: JSON.stringify({ customerInfo: { mobileNumber: ${literal} } }) });`,
  msisdn: (literal) =>
    `fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify({ customer: { phoneNumber: ${literal} } }) });`,
  "urn-msisdn": (literal) =>
    `fetch("https://api.vipps.no/vipps-login-ciba/api/backchannel/authentication", { method: "POST", body: new URLSearchParams({ login_hint: ${literal} }) });`,
};

/** Every line end ESLint knows; the file is written with one of them throughout. */
const lineEnds = fc.constantFrom("\n", "\r\n", "\r", "\u2028", "\u2029");
const PLACEHOLDER = "\u0000value";

/** The request over several lines, between two commented lines, with `lineEnd` for every line end. */
function requestFile(format: PhoneFormatName, literal: string, lineEnd: string): string {
  const request = REQUESTS[format](PLACEHOLDER).replaceAll("{ ", `{${lineEnd}  `);
  return [`// before`, request, `// after`, ""].join(lineEnd).replace(PLACEHOLDER, () => literal);
}

describe("the rule's fix, end to end: same number in the target format, or no fix", () => {
  for (const format of Object.keys(TARGET) as PhoneFormatName[]) {
    it(format, () => {
      fc.assert(
        fc.property(anyInput, fc.constantFrom<"js" | "ts">("js", "ts"), lineEnds, (value, language, lineEnd) => {
          const written = JSON.stringify(value);
          const code = requestFile(format, written, lineEnd);
          const result = fix(code, language);
          expect(parses(result.output, language)).toBe(true);
          if (!result.fixed) {
            expect(result.output).toBe(code);
            return;
          }
          const literal = /(?:mobileNumber|phoneNumber|login_hint): ("(?:[^"\\]|\\.)*")/.exec(result.output)?.[1];
          expect(literal).toBeDefined();
          const fixed = JSON.parse(literal ?? "null") as string;
          expect(fixed).toMatch(TARGET[format]);
          expectSameNumber(value, fixed, format);
          // Only the value changed: every other character, line ends included, is as written.
          expect(result.output).toBe(requestFile(format, literal ?? "", lineEnd));
          expect(fix(result.output, language).fixed).toBe(false);
        }),
        { numRuns: 300 },
      );
    });
  }
});
