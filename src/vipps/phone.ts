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
 * Verdicts by format, options and value. Parsing with libphonenumber-js is most of the rule's cost, and code bases
 * repeat the same few numbers (test numbers, a support line) across files. Verdicts are immutable, so one is shared.
 */
const verdicts = new Map<string, PhoneVerdict>();
/** Distinct numbers kept before the cache starts over: far more than a code base writes. */
const MAX_CACHED_VERDICTS = 2048;
/** Longer values (no number is this long) are judged each time, so that the cache stays within a few hundred kB. */
const MAX_CACHED_VALUE_LENGTH = 64;

/** Checks `value` against `format`; a fix is offered only when it names the same number. */
export function checkPhone(value: string, format: PhoneFormatName, options: PhoneOptions): PhoneVerdict {
  if (value.length > MAX_CACHED_VALUE_LENGTH) return judgePhone(value, format, options);
  // Country codes and format names hold no "|" or ",": the key reads back one way only.
  const key = `${format}|${options.defaultCountry}|${options.msisdnCountries.join(",")}|${value}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    if (verdicts.size >= MAX_CACHED_VERDICTS) verdicts.clear();
    verdict = judgePhone(value, format, options);
    verdicts.set(key, verdict);
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
  const number = phoneLibrary().parsePhoneNumberFromString(value, defaultCountry);
  if (!number?.isValid() || !number.country) return INVALID;
  if (!allowed.includes(number.country)) return { kind: "foreign", country: number.country, allowed };
  if (!MOBILE_TYPES.has(number.getType() ?? "")) return INVALID;
  const fixed = format(number);
  // A real number the API's pattern cannot hold (a short Finnish number as a 9-digit MSISDN) gets no fix.
  return target.test(fixed) ? { kind: "fixable", fixed } : INVALID;
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
