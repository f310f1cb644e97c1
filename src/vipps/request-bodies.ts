import type { EndpointId } from "../spec/endpoints.generated.js";
import type { SchemaNode } from "../spec/schemas.generated.js";

/**
 * What `vipps/valid-request-body` knows about request body fields beyond the generated schemas
 * (src/spec/schemas.generated.ts): URL fields and the schemes each accepts, which integer fields hold money, the
 * consequences the facts sheet records, and the corrections where a spec states a limit in the wrong keyword.
 * Every entry names its source.
 */

/** What a URL field accepts. */
export interface UrlFieldSpec {
  /** `https://` only (`http://` is refused); otherwise any absolute URL. */
  readonly https: boolean;
  /** A custom scheme such as `myapp://` is accepted too. */
  readonly appSchemes: boolean;
}

const HTTPS: UrlFieldSpec = { https: true, appSchemes: false };
const HTTPS_OR_APP: UrlFieldSpec = { https: true, appSchemes: true };
const ABSOLUTE: UrlFieldSpec = { https: false, appSchemes: false };

/** URL fields by endpoint and dotted body path. */
const URL_FIELDS: { readonly [id in EndpointId]?: Readonly<Record<string, UrlFieldSpec>> } = {
  // ecom-v2.yaml 2.0.3, MerchantInfo: "The URL must use HTTPS", fallBack "or a custom URL scheme like myapp://";
  // vipps-api-facts.md (eCom): HTTPS since Oct 2022.
  "ecom.initiate": {
    "merchantInfo.callbackPrefix": HTTPS,
    "merchantInfo.consentRemovalPrefix": HTTPS,
    "merchantInfo.shippingDetailsPrefix": HTTPS,
    "merchantInfo.fallBack": HTTPS_OR_APP,
  },
  // epayment-v1.yaml 1.8.1: returnUrl and receiptUrl "must use the https:// scheme or a custom URL scheme";
  // dynamicOptions.callbackUrl and cardPassthrough.cardCallbackUrl "must use HTTPS".
  "epayment.create": {
    returnUrl: HTTPS_OR_APP,
    receiptUrl: HTTPS_OR_APP,
    "shipping.dynamicOptions.callbackUrl": HTTPS,
    "cardPassthrough.cardCallbackUrl": HTTPS,
  },
  // checkout-v3.yaml v3: "Complete URL" for the callback; the other URLs are addresses the user or Vipps opens.
  "checkout.createSession": {
    "merchantInfo.callbackUrl": ABSOLUTE,
    "merchantInfo.returnUrl": ABSOLUTE,
    "merchantInfo.termsAndConditionsUrl": ABSOLUTE,
    "logistics.dynamicOptionsCallback": ABSOLUTE,
  },
  // recurring-v3.yaml 2.6.17, DraftAgreementV3: merchantAgreementUrl "Only HTTPS scheme is allowed",
  // merchantRedirectUrl "HTTPS and deeplinks are allowed".
  "recurring.createAgreement": { merchantAgreementUrl: HTTPS, merchantRedirectUrl: HTTPS_OR_APP },
  "recurring.updateAgreement": { merchantAgreementUrl: HTTPS },
  // webhooks-v1.yaml v1: `url` is `format: uri`; Vipps delivers only to HTTPS (vipps-api-facts.md, Webhooks).
  "webhooks.register": { url: HTTPS },
};

export function urlFieldSpec(endpoint: EndpointId, path: string): UrlFieldSpec | undefined {
  return URL_FIELDS[endpoint]?.[path];
}

/**
 * Integer fields that hold an amount of money in minor units (øre, cents), by key: every API writes amounts as
 * integers in minor units (vipps-api-facts.md: eCom `transaction.amount` in øre, ePayment `amount.value`, Recurring
 * "plain integers in øre", Checkout `Amount.value`).
 */
const MONEY_KEYS: ReadonlySet<string> = new Set([
  "amount",
  "value",
  "price",
  "totalAmount",
  "totalAmountExcludingTax",
  "totalTaxAmount",
  "unitPrice",
  "discount",
  "suggestedMaxAmount",
  "maxAmount",
  "shippingAmount",
  "giftCardAmount",
  "tipAmount",
]);

export function isMoneyKey(key: string): boolean {
  return MONEY_KEYS.has(key);
}

/**
 * ePayment's smallest amount per currency, in minor units (vipps-api-facts.md, ePayment spec 1.8.1: "minimum NOK 100
 * øre, DKK 1 øre, EUR 1 cent"); the schema itself says only `minimum: 0`.
 */
export const EPAYMENT_MINIMUM_AMOUNTS: Readonly<Record<string, number>> = { NOK: 100, DKK: 1, EUR: 1 };

/** Where the facts sheet records what the API does with a mistake, by API and dotted path. */
const CONSEQUENCES: Readonly<Record<string, string>> = {
  // vipps-api-facts.md (eCom): "`fallBack` (capital B: `fallback` gives HTTP 500)".
  "ecom:merchantInfo.fallBack": "eCom sends HTTP 500",
  // vipps-api-facts.md (eCom): merchantSerialNumber is a string; "an integer gives HTTP 500".
  "ecom:merchantInfo.merchantSerialNumber": "eCom sends HTTP 500",
};

/** What the API does when `path` (the field as the spec names it) is misspelt or mistyped, where known. */
export function consequenceOf(api: string, path: string): string | undefined {
  return CONSEQUENCES[`${api}:${path}`];
}

/**
 * Fields the live API takes that a spec in ../shared/specs lacks, by endpoint and the dotted path of the object that
 * holds them (`""` for the body itself), as schema fragments.
 */
const FIELDS_MISSING_FROM_SPECS: { readonly [id in EndpointId]?: Readonly<Record<string, Readonly<Record<string, SchemaNode>>>> } = {
  // Checkout API guide (developer.vippsmobilepay.com/docs/APIs/checkout-api/checkout-api-guide/, API version 3.0.0):
  // "setting the type property to PAYMENT or SUBSCRIPTION"; checkout-v3.yaml (v3) predates it. The subscription
  // object's shape is not in the spec, so anything is accepted there.
  // The same guide's session requests of a `type` carry `reference` beside it, outside `transaction`.
  "checkout.createSession": { "": { type: { type: "string", enum: ["PAYMENT", "SUBSCRIPTION"] }, reference: { type: "string" }, subscription: {} } },
  // Recurring charges guide (developer.vippsmobilepay.com/docs/APIs/recurring-api/how-it-works/charges/
  // recurring-charges-howitworks): charge bodies carry `type: "RECURRING"` (or "UNSCHEDULED") and `processingMode`;
  // vipps-api-facts.md (Recurring): `processingMode: "SINGLE_ATTEMPT"`. recurring-v3.yaml 2.6.17 has neither.
  "recurring.createCharge": { "": { type: { type: "string", enum: ["RECURRING", "UNSCHEDULED"] }, processingMode: { type: "string" } } },
};

/**
 * Fields a spec requires that the live API does not always need, by endpoint and the dotted path of the object that
 * holds them.
 */
const NOT_ALWAYS_REQUIRED: { readonly [id in EndpointId]?: Readonly<Record<string, readonly string[]>> } = {
  // Checkout sessions of a `type` may give `reference` beside it (above) instead of in `transaction`.
  "checkout.createSession": { transaction: ["reference"] },
};

export function isAlwaysRequired(endpoint: EndpointId, objectPath: string, key: string): boolean {
  return !NOT_ALWAYS_REQUIRED[endpoint]?.[objectPath]?.includes(key);
}

export function fieldsMissingFromSpec(endpoint: EndpointId, objectPath: string): Readonly<Record<string, SchemaNode>> | undefined {
  return FIELDS_MISSING_FROM_SPECS[endpoint]?.[objectPath];
}

/** A limit a spec states with the wrong keyword, stated with the right one. */
export interface SchemaFieldCorrection {
  readonly minLength?: number;
  readonly maxLength?: number;
}

// recurring-v3.yaml 2.6.17 writes `minimum: 1, maximum: 45` on the string `description` of CreateChargeV3 (a
// number's bounds, which validators ignore on strings); vipps-api-facts.md (Recurring): "`description` ≤ 45
// characters".
const DESCRIPTION_LENGTH: SchemaFieldCorrection = { minLength: 1, maxLength: 45 };

const FIELD_CORRECTIONS: { readonly [id in EndpointId]?: Readonly<Record<string, SchemaFieldCorrection>> } = {
  "recurring.createCharge": { description: DESCRIPTION_LENGTH },
  "recurring.v2.createCharge": { description: DESCRIPTION_LENGTH },
};

export function schemaFieldCorrection(endpoint: EndpointId, path: string): SchemaFieldCorrection | undefined {
  return FIELD_CORRECTIONS[endpoint]?.[path];
}

/**
 * How a boolean is spelt where the API wants a string enum instead: eCom's `staticShippingDetails[].isDefault` is
 * `"Y"` or `"N"` (ecom-v2.yaml 2.0.3, ShippingDetails; vipps-api-facts.md), where ePayment and Checkout take a boolean.
 */
export function booleanSpelling(allowed: readonly unknown[], value: boolean): string | undefined {
  return allowed.length === 2 && allowed.includes("Y") && allowed.includes("N") ? (value ? "Y" : "N") : undefined;
}
