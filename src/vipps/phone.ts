import { createRequire } from "node:module";
import type { CountryCode } from "libphonenumber-js";
import type { PhoneFormatName } from "./apis.js";

/**
 * Phone numbers, behind one small API over libphonenumber-js: is a value in the format an API field expects, and if
 * not, what is the same number in that format?
 */

export interface PhoneOptions {
  /** Region assumed for numbers written without a country code. */
  readonly defaultCountry: CountryCode;
  /** Countries whose numbers an MSISDN field takes. */
  readonly msisdnCountries: readonly CountryCode[];
}

export type PhoneVerdict =
  | { readonly kind: "ok" }
  | { readonly kind: "fixable"; readonly fixed: string }
  | { readonly kind: "invalid" }
  | { readonly kind: "foreign"; readonly country: string; readonly allowed: readonly string[] };

const OK: PhoneVerdict = { kind: "ok" };
const INVALID: PhoneVerdict = { kind: "invalid" };
const URN_MSISDN = "urn:msisdn:";
/** Characters people write numbers with; anything else is not a number we should guess at. */
const PHONE_LIKE = /^[\d\s()+\-./\u00a0]+$/;
const MOBILE_TYPES = new Set(["MOBILE", "FIXED_LINE_OR_MOBILE"]);
const NSN8 = /^\d{8}$/;
/** The APIs' MSISDN pattern: country code and subscriber number, 10 to 15 digits. */
const MSISDN = /^[1-9]\d{9,14}$/;

/**
 * Verdicts by options (`NO|NO,DK,FI`), format and value. Parsing with libphonenumber-js is most of the rule's cost,
 * and code bases repeat the same few numbers (test numbers, a support line) across files. Verdicts are immutable, so
 * one is shared.
 */
const verdicts = new Map<string, Map<PhoneFormatName, Map<string, PhoneVerdict>>>();
let cachedVerdicts = 0;
/** Distinct numbers kept before the cache starts over: far more than a code base writes. */
const MAX_CACHED_VERDICTS = 2048;
/** Longer values (no number is this long) are judged each time, so that the cache stays within a few hundred kB. */
const MAX_CACHED_VALUE_LENGTH = 64;

/**
 * The verdicts of the options last asked about. ESLint hands every file of a configuration the same options object,
 * so their key is made once, not per number; other options (a fresh object, say) are looked up by their key.
 */
let lastOptions: PhoneOptions | undefined;
let lastVerdicts: Map<PhoneFormatName, Map<string, PhoneVerdict>> | undefined;

/** Checks `value` against `format`; a fix is offered only when it names the same number. */
export function checkPhone(value: string, format: PhoneFormatName, options: PhoneOptions): PhoneVerdict {
  if (value.length > MAX_CACHED_VALUE_LENGTH) return judgePhone(value, format, options);
  if (cachedVerdicts >= MAX_CACHED_VERDICTS) {
    verdicts.clear();
    cachedVerdicts = 0;
    lastOptions = undefined;
  }
  if (options !== lastOptions || !lastVerdicts) {
    // Country codes hold no "|" or ",": the key reads back one way only.
    const key = `${options.defaultCountry}|${options.msisdnCountries.join(",")}`;
    lastVerdicts = verdicts.get(key);
    if (!lastVerdicts) verdicts.set(key, (lastVerdicts = new Map<PhoneFormatName, Map<string, PhoneVerdict>>()));
    lastOptions = options;
  }
  let byValue = lastVerdicts.get(format);
  if (!byValue) lastVerdicts.set(format, (byValue = new Map<string, PhoneVerdict>()));
  let verdict = byValue.get(value);
  if (verdict === undefined) {
    verdict = judgePhone(value, format, options);
    byValue.set(value, verdict);
    cachedVerdicts++;
  }
  return verdict;
}

function judgePhone(value: string, format: PhoneFormatName, options: PhoneOptions): PhoneVerdict {
  switch (format) {
    case "nsn8":
      if (NSN8.test(value)) return OK;
      return toFormat(value, options.defaultCountry, [options.defaultCountry], NSN8, (number) => number.nationalNumber);
    case "msisdn":
      if (MSISDN.test(value)) return OK;
      return toFormat(value, options.defaultCountry, options.msisdnCountries, MSISDN, (number) => number.countryCallingCode + number.nationalNumber);
    case "urn-msisdn": {
      const hasPrefix = value.toLowerCase().startsWith(URN_MSISDN);
      // Other hints (`urn:customer-token:...`) and values that are no number at all are not ours to judge.
      if (!hasPrefix && (value.startsWith("urn:") || !PHONE_LIKE.test(value))) return OK;
      const number = hasPrefix ? value.slice(URN_MSISDN.length) : value;
      // A blank value is no number; there is nothing to prefix.
      if (!hasPrefix && value.trim() === "") return OK;
      const verdict = judgePhone(number, "msisdn", options);
      if (verdict.kind === "ok") return value.startsWith(URN_MSISDN) ? OK : { kind: "fixable", fixed: URN_MSISDN + number };
      return verdict.kind === "fixable" ? { kind: "fixable", fixed: URN_MSISDN + verdict.fixed } : verdict;
    }
  }
}

function toFormat(
  value: string,
  defaultCountry: CountryCode,
  allowed: readonly CountryCode[],
  target: RegExp,
  format: (number: { countryCallingCode: string; nationalNumber: string }) => string,
): PhoneVerdict {
  // An empty value means "no number to prefill"; leave it alone.
  if (value.trim() === "") return OK;
  if (!PHONE_LIKE.test(value)) return INVALID;
  const number = readCommonNumber(value, defaultCountry) ?? phoneLibrary().parsePhoneNumberFromString(value, defaultCountry);
  if (!number?.isValid() || !number.country) return INVALID;
  if (!allowed.includes(number.country)) return { kind: "foreign", country: number.country, allowed };
  if (!MOBILE_TYPES.has(number.getType() ?? "")) return INVALID;
  const fixed = format(number);
  // A real number the API's pattern cannot hold (a short Finnish number as a 9-digit MSISDN) gets no fix.
  return target.test(fixed) ? { kind: "fixable", fixed } : INVALID;
}

/** What the library's parse of a number says, as far as toFormat asks. */
interface ParsedNumber {
  isValid(): boolean;
  readonly country?: CountryCode | undefined;
  getType(): string | undefined;
  readonly countryCallingCode: string;
  readonly nationalNumber: string;
}

/** A number the library reads as no valid number. */
const NO_NUMBER: ParsedNumber = { isValid: () => false, getType: () => undefined, countryCallingCode: "", nationalNumber: "" };

/**
 * Mobile numbers of the countries Vipps MobilePay serves, and Sweden's (a common foreign number), as national
 * numbers after the country code: the library's full metadata (version 1.13) reads these as valid numbers of that
 * country and of type MOBILE or FIXED_LINE_OR_MOBILE, and none of them as another type. None starts with a national
 * prefix, so none is shortened when read. tests/vipps/phone-common.test.ts holds them to the library's readings.
 */
const COMMON_MOBILES: ReadonlyMap<string, { readonly country: CountryCode; readonly mobile: RegExp }> = new Map([
  ["47", { country: "NO", mobile: /^(?:45(?:[0-24-9]\d|3[0-57-9])\d{4}|(?:4[016-8]|9\d)\d{6})$/ }],
  [
    "45",
    {
      country: "DK",
      mobile: /^(?:(?:2[6-8]|6[78]|96)\d{6}|(?:2[0-59]|3[0-689]|[457]\d|6[0-69]|8[126-9]|9[1-47-9])[1-9]\d{5})$/,
    },
  ],
  ["358", { country: "FI", mobile: /^(?:4[0-8]|50)\d{4,8}$/ }],
  ["46", { country: "SE", mobile: /^7[023689]\d{7}$/ }],
]);
/** Norwegian national numbers: 8 digits, or 5 beginning with 0 (the library's metadata for NO). */
const NORWEGIAN_NATIONAL = /^(?:0|[2-9]\d{3})\d{4}$/;
/**
 * A number written the common ways: `+` or `(+CC)` or nothing before digits separated by spaces, dots and dashes.
 * The library reads such a value as its digits, with the plus if there is one (it skips what comes before the first
 * digit or plus, and what follows the last digit). Short values only: it refuses values over 250 characters.
 */
const COMMON_SHAPE = /^[ \u00a0]{0,4}(\+|\(\+\d{1,3}\)|(?=\d))[\d \u00a0.-]{0,40}[ \u00a0]{0,4}$/;
const NOT_DIGIT = /\D/g;

/**
 * The library's reading of `value`, for the common ways of writing a Nordic mobile number and for plainly too-short
 * Norwegian ones, read without loading the library (which costs more than the rest of the plugin together);
 * undefined when the library must read it.
 */
export function readCommonNumber(value: string, defaultCountry: CountryCode): ParsedNumber | undefined {
  const shape = COMMON_SHAPE.exec(value);
  if (!shape) return undefined;
  const digits = value.replace(NOT_DIGIT, "");
  if (digits === "") return undefined;
  let international: string;
  if (shape[1] !== "") international = digits;
  // Numbers without a plus are read in the default country: only Norway's rules are written out here.
  else if (defaultCountry !== "NO") return undefined;
  // 00 is how Norway dials out.
  else if (digits.startsWith("00")) international = digits.slice(2);
  else if (digits.length === 8) return mobileNumber("47", digits);
  // The library reads a number too long to be Norwegian that starts with 47 and is Norwegian after it as written
  // without its plus.
  else if (digits.length === 10 && digits.startsWith("47")) international = digits;
  // Shorter than any Norwegian number but the 5-digit ones beginning with 0: no number, unless the 47 before one
  // (470xxxx) is read as the country code.
  else if (digits.length < 8 && !NORWEGIAN_NATIONAL.test(digits) && !digits.startsWith("0") && !digits.startsWith("470")) {
    return NO_NUMBER;
  } else return undefined;
  for (const length of [2, 3]) {
    const countryCallingCode = international.slice(0, length);
    if (COMMON_MOBILES.has(countryCallingCode)) return mobileNumber(countryCallingCode, international.slice(length));
  }
  return undefined;
}

function mobileNumber(countryCallingCode: string, nationalNumber: string): ParsedNumber | undefined {
  const common = COMMON_MOBILES.get(countryCallingCode);
  if (!common?.mobile.test(nationalNumber)) return undefined;
  return { isValid: () => true, country: common.country, getType: () => "MOBILE", countryCallingCode, nationalNumber };
}

// libphonenumber-js with its full metadata takes longer to load than the rest of the plugin together, and most files
// never check a phone number: it is loaded on the first check. Rules run synchronously, hence require() of its
// CommonJS build rather than import().
const require = createRequire(import.meta.url);
let loadedPhoneLibrary: typeof import("libphonenumber-js/max") | undefined;

function phoneLibrary(): typeof import("libphonenumber-js/max") {
  loadedPhoneLibrary ??= require("libphonenumber-js/max") as typeof import("libphonenumber-js/max");
  return loadedPhoneLibrary;
}

/**
 * Every region code libphonenumber-js knows, for option schemas, which are built at start-up. They are the keys of
 * its metadata (what `getCountries()` returns); the small metadata file has the same regions as the full one and
 * costs about a millisecond, where the library would cost tens.
 */
export const COUNTRY_CODES: readonly CountryCode[] = Object.keys(
  (require("libphonenumber-js/metadata.min.json") as { countries: Record<string, unknown> }).countries,
) as CountryCode[];
