import type { EndpointId } from "../spec/endpoints.generated.js";

/**
 * What Vipps sends to a merchant's server: Webhooks API deliveries and the callbacks of eCom, ePayment express and
 * Checkout. (Finding the handlers in code is src/detect/inbound.ts.) Sources: ../shared/vipps-api-facts.md
 * ("Webhooks", "eCom"), the Webhooks API spec (../shared/specs/webhooks-v1.yaml, v1), the request-authentication page
 * https://developer.vippsmobilepay.com/docs/APIs/webhooks-api/request-authentication/ and the events page
 * https://developer.vippsmobilepay.com/docs/APIs/webhooks-api/events/.
 */

/** What an inbound Vipps handler receives. */
export type InboundKind =
  /** A Webhooks API delivery (ePayment and Recurring events), signed with HMAC-SHA256. */
  | "webhook"
  /** eCom `POST [callbackPrefix]/v2/payments/{orderId}`: the payment update. */
  | "ecom-callback"
  /** eCom `POST [shippingDetailsPrefix]/v2/payments/{orderId}/shippingDetails` (express checkout). */
  | "ecom-shipping"
  /** eCom `DELETE [consentRemovalPrefix]/v2/consents/{userId}`. */
  | "ecom-consent"
  /** ePayment express `shipping.dynamicOptions.callbackUrl`. */
  | "epayment-shipping"
  /** Checkout `merchantInfo.callbackUrl` and `logistics.dynamicOptionsCallback`. */
  | "checkout-callback"
  /** A handler the file shows to be a Vipps callback, without showing which API's. */
  | "callback";

export const INBOUND_KINDS: readonly InboundKind[] = [
  "webhook",
  "ecom-callback",
  "ecom-shipping",
  "ecom-consent",
  "epayment-shipping",
  "checkout-callback",
  "callback",
];

/** The headers of a webhook delivery, lower-case (facts sheet, "Webhooks"). */
export const WEBHOOK_DATE_HEADER = "x-ms-date";
export const WEBHOOK_CONTENT_HASH_HEADER = "x-ms-content-sha256";
export const WEBHOOK_SIGNED_HEADERS = "x-ms-date;host;x-ms-content-sha256";

/**
 * Every webhook event name (facts sheet, "Webhooks"; the events page above). The Webhooks spec lists only two as
 * examples, not as an enum, so the list is kept here. Recurring spells `canceled` with one "l", ePayment `cancelled`.
 */
export const WEBHOOK_EVENTS: readonly string[] = [
  ...["created", "aborted", "expired", "cancelled", "captured", "refunded", "authorized", "terminated"].map((state) => `epayments.payment.${state}.v1`),
  ...["activated", "rejected", "stopped", "expired"].map((state) => `recurring.agreement-${state}.v1`),
  ...["reserved", "captured", "canceled", "refunded", "failed", "creation-failed"].map((state) => `recurring.charge-${state}.v1`),
];

/** The start of every event name: a string that starts so is meant as one (and is a typo when it is not in the list). */
export const WEBHOOK_EVENT_PREFIX = /^(?:epayments\.payment\.|recurring\.(?:agreement|charge)-)/;

/**
 * Fields of webhook payloads that together show a Vipps delivery: ePayment events carry `msn`, `reference`,
 * `pspReference` and `name`; Recurring events `agreementId` and `chargeId` (the events page above). `msn` is the one
 * Vipps-specific name, so a payload counts only when `msn` is read with one of the others: `pspReference` alone is
 * Adyen's too.
 */
export const WEBHOOK_PAYLOAD_KEY_FIELD = "msn";
export const WEBHOOK_PAYLOAD_FIELDS: readonly string[] = ["reference", "pspReference", "name", "agreementId", "chargeId", "eventType"];

/**
 * The eCom callback payload (ecom-v2.yaml, TransactionInfoCallback): `transactionInfo` read with `orderId` or
 * `merchantSerialNumber` shows a payment update.
 */
export const ECOM_CALLBACK_KEY_FIELD = "transactionInfo";
export const ECOM_CALLBACK_FIELDS: readonly string[] = ["orderId", "merchantSerialNumber"];

/**
 * The body fields of outbound requests that tell Vipps where to call the merchant, with what is called there. eCom
 * and Checkout fields are in the specs (the `callbackUrlField` of their callback endpoints in
 * src/spec/endpoints.generated.ts), and so is the path Vipps appends to an eCom prefix; the webhook registration's
 * `url` and ePayment's `shipping.dynamicOptions.callbackUrl` are request fields (webhooks-v1.yaml RegisterRequest,
 * epayment-v1.yaml DynamicShippingOptions).
 */
export interface CallbackRegistration {
  readonly endpoint: EndpointId;
  readonly field: string;
  readonly kind: InboundKind;
  /** The path Vipps appends to the registered URL, with `{name}` for a path parameter. */
  readonly suffix: string;
}

export const CALLBACK_REGISTRATIONS: readonly CallbackRegistration[] = [
  { endpoint: "webhooks.register", field: "url", kind: "webhook", suffix: "" },
  { endpoint: "ecom.initiate", field: "merchantInfo.callbackPrefix", kind: "ecom-callback", suffix: "/v2/payments/{orderId}" },
  { endpoint: "ecom.initiate", field: "merchantInfo.shippingDetailsPrefix", kind: "ecom-shipping", suffix: "/v2/payments/{orderId}/shippingDetails" },
  { endpoint: "ecom.initiate", field: "merchantInfo.consentRemovalPrefix", kind: "ecom-consent", suffix: "/v2/consents/{userId}" },
  { endpoint: "epayment.create", field: "shipping.dynamicOptions.callbackUrl", kind: "epayment-shipping", suffix: "" },
  { endpoint: "checkout.createSession", field: "merchantInfo.callbackUrl", kind: "checkout-callback", suffix: "" },
  { endpoint: "checkout.createSession", field: "logistics.dynamicOptionsCallback", kind: "checkout-callback", suffix: "" },
];

/**
 * The eCom callback routes (ecom-v2.yaml callbacks; eCom path parameters as `:name`, `[name]`, `{name}` or `${…}`
 * are one segment): tried on the lower-cased route, longest first.
 */
export const ECOM_CALLBACK_ROUTES: readonly { readonly pattern: RegExp; readonly kind: InboundKind; readonly method: string }[] = [
  { pattern: /\/v2\/payments\/[^/]+\/shippingdetails\/?$/, kind: "ecom-shipping", method: "POST" },
  { pattern: /\/v2\/consents\/[^/]+\/?$/, kind: "ecom-consent", method: "DELETE" },
  { pattern: /\/v2\/payments\/[^/]+\/?$/, kind: "ecom-callback", method: "POST" },
];
