import type { TSESLint, TSESTree } from "../src/core/eslint-api.js";
import type { CountryCode } from "libphonenumber-js";
import { getLiteralCandidates } from "../src/core/literals.js";
import { getFieldValue, type FieldValue } from "../src/detect/body.js";
import type { VippsRequest } from "../src/detect/index.js";
import { defineVippsRule } from "../src/rule-kit.js";
import { PHONE_FORMATS, type PhoneFormatName } from "../src/vipps/apis.js";
import { checkPhone, COUNTRY_CODES, type PhoneOptions } from "../src/vipps/phone.js";

type MessageIds = "wrongFormat" | "invalidNumber" | "foreignNumber";
type Options = [{ defaultCountry?: CountryCode; msisdnCountries?: CountryCode[] }];

/** A constant string written somewhere that a phone field takes as its value. */
interface PhoneValue {
  readonly value: string;
  /** The value as the code writes it, where that differs (a form string's encoding: `+` for a space). */
  readonly written?: string;
  /** Where the report points. */
  readonly reportNode: TSESTree.Node;
  readonly reportRange?: readonly [number, number];
  /** The source range the fix rewrites and how the new value is written there; undefined when no fix is safe. */
  readonly replace?: { readonly range: readonly [number, number]; readonly write: (value: string) => string };
}

export default defineVippsRule<Options, MessageIds>({
  name: "mobile-number-format",
  meta: {
    type: "problem",
    docs: {
      description: "Require phone numbers sent to Vipps APIs in the exact format each API expects",
      recommended: true,
    },
    fixable: "code",
    schema: {
      type: "array",
      // Country codes are listed once, by reference, so that the option table in the docs stays readable.
      definitions: { country: { type: "string", enum: [...COUNTRY_CODES] } },
      items: [
        {
          type: "object",
          additionalProperties: false,
          properties: {
            defaultCountry: {
              $ref: "#/definitions/country",
              description: "Region assumed for numbers written without a country code (ISO 3166-1 alpha-2).",
            },
            msisdnCountries: {
              type: "array",
              items: { $ref: "#/definitions/country" },
              uniqueItems: true,
              minItems: 1,
              description: "Countries whose mobile numbers MSISDN fields (ePayment, Checkout, Recurring, Login) accept.",
            },
          },
        },
      ],
      minItems: 0,
      maxItems: 1,
    },
    defaultOptions: [{ defaultCountry: "NO", msisdnCountries: ["NO", "DK", "FI"] }],
    messages: {
      wrongFormat: '{{api}} {{field}} must be {{format}}, like "{{example}}"; got "{{value}}".',
      invalidNumber:
        '{{api}} {{field}} must be {{format}}, like "{{example}}"; got "{{value}}", which is not a valid mobile number.',
      foreignNumber:
        '{{api}} {{field}} takes mobile numbers from {{allowed}} only; got "{{value}}", a number from {{country}}.',
    },
  },
  create(kit) {
    const { options, sourceCode } = kit;
    // Both are set: ESLint merges meta.defaultOptions into the options.
    const phoneOptions = options as PhoneOptions;
    // A body shared by several calls is checked once.
    const checked = new Set<string>();

    const check = (request: VippsRequest, field: string, format: PhoneFormatName): void => {
      const site = request.body && getFieldValue(sourceCode, request.body, field);
      if (!site) return;
      for (const phone of phoneValues(sourceCode, site)) {
        const key = `${phone.replace?.range[0] ?? phone.reportNode.range[0]}:${field}`;
        if (checked.has(key)) continue;
        checked.add(key);
        const verdict = checkPhone(phone.value, format, phoneOptions);
        if (verdict.kind === "ok") continue;
        const data = {
          api: kit.labels(request).api,
          field,
          format: PHONE_FORMATS[format].description,
          example: PHONE_FORMATS[format].example,
          value: phone.written ?? phone.value,
        };
        const loc = phone.reportRange
          ? { start: sourceCode.getLocFromIndex(phone.reportRange[0]), end: sourceCode.getLocFromIndex(phone.reportRange[1]) }
          : phone.reportNode.loc;
        if (verdict.kind === "fixable") {
          const replace = phone.replace;
          kit.report({
            at: { loc },
            messageId: "wrongFormat",
            data,
            repairs: [replace && kit.repair(undefined, (fixer) => fixer.replaceTextRange([...replace.range], replace.write(verdict.fixed)))],
          });
        } else if (verdict.kind === "invalid") {
          kit.report({ at: { loc }, messageId: "invalidNumber", data });
        } else {
          const { api, value } = data;
          const allowed = verdict.allowed.join(", ");
          kit.report({ at: { loc }, messageId: "foreignNumber", data: { api, field, value, country: verdict.country, allowed } });
        }
      }
    };

    return {
      Program() {
        for (const request of kit.requests()) {
          // Most endpoints have no fields to check: no entries are listed for them.
          const fields = request.endpoint?.fields;
          if (!fields) continue;
          for (const [field, spec] of Object.entries(fields)) {
            if (spec.phone) check(request, field, spec.phone);
          }
        }
      },
    };
  },
});

/** The constant strings a field's value may take, each with where to report and how to rewrite it. */
function phoneValues(sourceCode: Readonly<TSESLint.SourceCode>, site: FieldValue): PhoneValue[] {
  if (site.formValue) {
    const range = site.formValue.range;
    const written = sourceCode.text.slice(range[0], range[1]);
    return [
      {
        value: site.formValue.value,
        ...(written !== site.formValue.value && { written }),
        reportNode: site.node,
        reportRange: range,
        replace: { range, write: (value) => value },
      },
    ];
  }
  if (!site.expression) return [];
  return getLiteralCandidates(sourceCode, site.expression).map((candidate) => {
    const literal = candidate.literal;
    // A constant used elsewhere too is reported where this body uses it, and not rewritten under the other uses.
    const onlyUse = !candidate.variable || readCount(candidate.variable) === 1;
    return {
      value: candidate.value,
      reportNode: candidate.variable ? site.node : literal,
      ...(onlyUse && {
        replace: {
          range: literal.range,
          // The literal's opening quote, read only for a fix: most numbers need none.
          write: (value: string) => {
            const quote = sourceCode.text.charAt(literal.range[0]);
            return quote + value + quote;
          },
        },
      }),
    };
  });
}

/** How often a constant is read, counted up to 2 (all the caller asks is whether it is read once). */
function readCount(variable: TSESLint.Scope.Variable): number {
  let reads = 0;
  for (const reference of variable.references) if (reference.isRead() && ++reads > 1) break;
  return reads;
}
