import type { EndpointId } from "../spec/endpoints.generated.js";

/**
 * Hand-kept facts about request bodies that the specs do not hold as schema: where a field of another API (or of an
 * older version) goes in this endpoint's body, and the rules the specs and the facts sheet state in words. Which
 * field exists where comes from the generated schemas (src/spec/schemas.generated.ts); entries here only name the
 * mapping and the condition, each with its source. tests/analysis/body-rules.facts.test.ts holds every path here to the
 * schemas: a `path` must be absent from the endpoint's schema, a `replacement` present.
 */

/** The facts sheet, as sources cite it. */
const FACTS = "vipps-api-facts.md";

/** A field that belongs to another API or to an older version of this one, and what this endpoint takes instead. */
export interface FieldEquivalent {
  /** The endpoints whose request body this entry is about. */
  readonly endpoints: readonly EndpointId[];
  /** The dotted path as the other API writes it (not a path of these endpoints' schemas). */
  readonly path: string;
  /** Where the path belongs, as messages say it: `ePayment API`, `Recurring API v2`. */
  readonly origin: string;
  /** The dotted path that carries the same value in these endpoints' bodies, when one does. */
  readonly replacement?: string;
  /** What to do instead, when there is no replacement or the value changes shape. */
  readonly note?: string;
  /**
   * The value carries over unchanged and the replacement has the same parent object: renaming the key is the
   * repair. `fix` applies with --fix (a rename the spec's changelog states); `suggestion` is offered only.
   */
  readonly rename?: "fix" | "suggestion";
  readonly source: string;
}

const ECOM_INITIATE: readonly EndpointId[] = ["ecom.initiate"];
const EPAYMENT_CREATE: readonly EndpointId[] = ["epayment.create"];
const RECURRING_AGREEMENT: readonly EndpointId[] = ["recurring.createAgreement"];

const ECOM_SOURCE = `${FACTS} (eCom API v2; ePayment API v1); ecom-v2.yaml 2.0.3, epayment-v1.yaml 1.8.1`;
const RECURRING_SOURCE = `${FACTS} (Recurring API v3: "v2 customerPhoneNumber became v3 phoneNumber"); recurring-v3.yaml 2.6.17 (DraftAgreement v2 and v3)`;

export const FIELD_EQUIVALENTS: readonly FieldEquivalent[] = [
  // ePayment fields in an eCom initiate body.
  { endpoints: ECOM_INITIATE, path: "merchantInfo.returnUrl", origin: "Checkout and ePayment APIs", replacement: "merchantInfo.fallBack", rename: "suggestion", source: ECOM_SOURCE },
  { endpoints: ECOM_INITIATE, path: "returnUrl", origin: "ePayment API", replacement: "merchantInfo.fallBack", source: ECOM_SOURCE },
  { endpoints: ECOM_INITIATE, path: "reference", origin: "ePayment API", replacement: "transaction.orderId", source: ECOM_SOURCE },
  { endpoints: ECOM_INITIATE, path: "paymentDescription", origin: "ePayment API", replacement: "transaction.transactionText", source: ECOM_SOURCE },
  {
    endpoints: ECOM_INITIATE,
    path: "customer.phoneNumber",
    origin: "ePayment API",
    replacement: "customerInfo.mobileNumber",
    note: "eight digits without the country code",
    source: ECOM_SOURCE,
  },
  { endpoints: ECOM_INITIATE, path: "amount", origin: "ePayment API", replacement: "transaction.amount", note: "an integer in øre, not { currency, value }", source: ECOM_SOURCE },
  { endpoints: ECOM_INITIATE, path: "merchantInfo.callbackUrl", origin: "Checkout API", replacement: "merchantInfo.callbackPrefix", rename: "suggestion", source: ECOM_SOURCE },
  // eCom fields in an ePayment create body.
  { endpoints: EPAYMENT_CREATE, path: "merchantInfo.fallBack", origin: "eCom API", replacement: "returnUrl", source: ECOM_SOURCE },
  { endpoints: EPAYMENT_CREATE, path: "merchantInfo.returnUrl", origin: "Checkout API", replacement: "returnUrl", source: ECOM_SOURCE },
  {
    endpoints: EPAYMENT_CREATE,
    path: "merchantInfo.callbackPrefix",
    origin: "eCom API",
    note: "the ePayment API calls no callback: register a webhook with the Webhooks API",
    source: `${ECOM_SOURCE}; webhooks-v1.yaml`,
  },
  {
    endpoints: EPAYMENT_CREATE,
    path: "merchantInfo.merchantSerialNumber",
    origin: "eCom API",
    note: "the ePayment API takes it in the Merchant-Serial-Number header",
    source: ECOM_SOURCE,
  },
  {
    endpoints: EPAYMENT_CREATE,
    path: "merchantInfo.paymentType",
    origin: "eCom API",
    note: "ePayment express checkout is `shipping` with `profile.scope`",
    source: ECOM_SOURCE,
  },
  { endpoints: EPAYMENT_CREATE, path: "customerInfo.mobileNumber", origin: "eCom API", replacement: "customer.phoneNumber", note: "an MSISDN such as 4791234567", source: ECOM_SOURCE },
  { endpoints: EPAYMENT_CREATE, path: "transaction.orderId", origin: "eCom API", replacement: "reference", source: ECOM_SOURCE },
  { endpoints: EPAYMENT_CREATE, path: "transaction.transactionText", origin: "eCom API", replacement: "paymentDescription", source: ECOM_SOURCE },
  { endpoints: EPAYMENT_CREATE, path: "transaction.amount", origin: "eCom API", replacement: "amount.value", note: "with amount.currency", source: ECOM_SOURCE },
  // Recurring v2 fields in a v3 agreement body.
  { endpoints: RECURRING_AGREEMENT, path: "customerPhoneNumber", origin: "Recurring API v2", replacement: "phoneNumber", rename: "fix", source: RECURRING_SOURCE },
  { endpoints: RECURRING_AGREEMENT, path: "price", origin: "Recurring API v2", replacement: "pricing.amount", note: 'in `pricing: { type: "LEGACY", amount, currency }`', source: RECURRING_SOURCE },
  { endpoints: RECURRING_AGREEMENT, path: "currency", origin: "Recurring API v2", replacement: "pricing.currency", source: RECURRING_SOURCE },
  { endpoints: RECURRING_AGREEMENT, path: "intervalCount", origin: "Recurring API v2", replacement: "interval.count", note: "with interval.unit", source: RECURRING_SOURCE },
  {
    endpoints: RECURRING_AGREEMENT,
    path: "variableAmount",
    origin: "Recurring API v2",
    replacement: "pricing.suggestedMaxAmount",
    note: 'with `pricing.type: "VARIABLE"`',
    source: RECURRING_SOURCE,
  },
  { endpoints: RECURRING_AGREEMENT, path: "campaign.campaignPrice", origin: "Recurring API v2", replacement: "campaign.price", rename: "fix", source: RECURRING_SOURCE },
  { endpoints: RECURRING_AGREEMENT, path: "initialCharge.currency", origin: "Recurring API v2", note: "v3 charges take no currency", source: RECURRING_SOURCE },
  {
    endpoints: ["recurring.createCharge"],
    path: "currency",
    origin: "Recurring API v2",
    note: "v3 charges take no currency",
    source: `${FACTS} (Recurring API v3: "no currency in v3"); recurring-v3.yaml 2.6.17`,
  },
  {
    endpoints: ["recurring.updateAgreement"],
    path: "price",
    origin: "Recurring API v2",
    replacement: "pricing.amount",
    source: RECURRING_SOURCE,
  },
];

/** A condition on a body's fields, judged only on what the code shows. */
export type FieldCondition =
  /** The field's value is this literal. */
  | { readonly path: string; readonly is: string | number | boolean }
  /** The field is written. */
  | { readonly path: string; readonly present: true }
  /** The field is not written (and nothing hidden could write it). */
  | { readonly path: string; readonly absent: true }
  /** The field is a string holding every one of these space-separated words. */
  | { readonly path: string; readonly containsWords: readonly string[] }
  /** The body carries no top-level field but these. */
  | { readonly onlyFields: readonly string[] };

/** A rule a source states in words: when every `when` holds, `require` must hold too. */
export interface StatedRule {
  readonly id: string;
  readonly endpoints: readonly EndpointId[];
  readonly when: readonly FieldCondition[];
  readonly require: FieldCondition;
  /** The rule as messages state it. */
  readonly says: string;
  readonly source: string;
}

/** `profile.scope` words ePayment express checkout needs. */
export const EXPRESS_PROFILE_WORDS: readonly string[] = ["name", "address", "email", "phoneNumber"];

export const STATED_RULES: readonly StatedRule[] = [
  {
    id: "expressNeedsWallet",
    endpoints: EPAYMENT_CREATE,
    when: [{ path: "shipping", present: true }],
    require: { path: "paymentMethod.type", is: "WALLET" },
    says: 'express checkout (a body with shipping) needs paymentMethod.type "WALLET"',
    source: `${FACTS} (ePayment 1.8.1: "Express (Aug 2025): needs paymentMethod.type: WALLET")`,
  },
  {
    id: "expressNeedsProfile",
    endpoints: EPAYMENT_CREATE,
    when: [{ path: "shipping", present: true }],
    require: { path: "profile.scope", containsWords: EXPRESS_PROFILE_WORDS },
    says: `express checkout (a body with shipping) needs profile.scope with "${EXPRESS_PROFILE_WORDS.join(" ")}"`,
    source: `${FACTS} (ePayment 1.8.1: express needs profile.scope containing name address email phoneNumber)`,
  },
  {
    id: "shippingOptionsExclusive",
    endpoints: EPAYMENT_CREATE,
    when: [{ path: "shipping.fixedOptions", present: true }],
    require: { path: "shipping.dynamicOptions", absent: true },
    says: "shipping takes fixedOptions or dynamicOptions, never both",
    source: `${FACTS} (ePayment API v1: "never both"); epayment-v1.yaml 1.8.1, schema Shipping ("either dynamicOptions or fixedOptions")`,
  },
  {
    id: "singleAttemptNoRetry",
    endpoints: ["recurring.createCharge"],
    when: [{ path: "processingMode", is: "SINGLE_ATTEMPT" }],
    require: { path: "retryDays", is: 0 },
    says: 'processingMode "SINGLE_ATTEMPT" needs retryDays 0',
    source: `${FACTS} (Recurring: "processingMode: SINGLE_ATTEMPT needs retryDays: 0")`,
  },
  {
    id: "stopAlone",
    endpoints: ["recurring.updateAgreement", "recurring.v2.updateAgreementPatch"],
    when: [{ path: "status", is: "STOPPED" }],
    require: { onlyFields: ["status"] },
    says: 'an update that sets status "STOPPED" carries nothing else',
    source: `${FACTS} (Recurring: "A PATCH that sets status: STOPPED must carry nothing else")`,
  },
];
