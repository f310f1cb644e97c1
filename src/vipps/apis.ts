/**
 * What the plugin knows about the Vipps MobilePay APIs, as data. Rules and detection read this module.
 *
 * Methods, paths and body kinds come from the official OpenAPI specs, generated into src/spec/ by scripts/spec.js
 * (`npm run spec`). This module keeps only what the specs do not hold: how messages name endpoints, SDK methods,
 * body shapes, phone formats per field, hosts, API labels and path prefixes, corrections
 * where a newer source overrides a spec, and the few endpoints no spec in ../shared/specs describes.
 *
 * Sources: ../shared/vipps-api-facts.md and the OpenAPI specs it cites (each rule's doc page repeats the ones it uses).
 */

import { SPEC_ENDPOINTS, type EndpointId, type SpecEndpoint } from "../spec/endpoints.generated.js";
// Deprecations are their own table (dates, sources, replacements); endpoints keep only the note.
import { deprecationNote, getDeprecation } from "./deprecations.js";

export type { EndpointId } from "../spec/endpoints.generated.js";

export type ApiName =
  | "accesstoken"
  | "ecom"
  | "epayment"
  | "checkout"
  | "recurring"
  | "webhooks"
  | "login"
  | "userinfo"
  | "management"
  | "partner"
  | "signup";

export interface ApiSpec {
  readonly name: ApiName;
  /** How messages name the API. */
  readonly label: string;
  /** Lower-case path prefixes that identify the API in a URL. */
  readonly pathPrefixes: readonly string[];
  /** A prefix too generic to trust without a Vipps host in the same URL. */
  readonly needsHost?: boolean;
}

export const VIPPS_HOSTS: readonly string[] = [
  "api.vipps.no",
  "apitest.vipps.no",
  "api.vippsbedrift.no",
  "api-test.vippsbedrift.no",
  // The same APIs under the joint Vipps MobilePay brand's domain.
  "api.vippsmobilepay.com",
  "apitest.vippsmobilepay.com",
];

export const APIS: readonly ApiSpec[] = [
  { name: "accesstoken", label: "Access token API", pathPrefixes: ["/accesstoken/"] },
  { name: "ecom", label: "eCom API", pathPrefixes: ["/ecomm/v2/", "/ecomm/v1/"] },
  { name: "epayment", label: "ePayment API", pathPrefixes: ["/epayment/v1/"] },
  { name: "checkout", label: "Checkout API", pathPrefixes: ["/checkout/v3/", "/checkout/v2/"] },
  { name: "recurring", label: "Recurring API", pathPrefixes: ["/recurring/v3/", "/recurring/v2/"] },
  { name: "webhooks", label: "Webhooks API", pathPrefixes: ["/webhooks/v1/"], needsHost: true },
  {
    name: "login",
    label: "Login API",
    pathPrefixes: ["/vipps-login-ciba/", "/access-management-1.0/access/"],
  },
  { name: "userinfo", label: "Userinfo API", pathPrefixes: ["/vipps-userinfo-api/"] },
  { name: "management", label: "Management API", pathPrefixes: ["/management/v1/"], needsHost: true },
  { name: "partner", label: "Partner API", pathPrefixes: ["/partner-api/"], needsHost: true },
  { name: "signup", label: "Signup API", pathPrefixes: ["/v1/partial/signup"], needsHost: true },
];

export type PhoneFormatName = "nsn8" | "msisdn" | "urn-msisdn";

export interface PhoneFormatSpec {
  /** The format in words, as messages say it. */
  readonly description: string;
  /** A correct value, as messages show it. */
  readonly example: string;
}

export const PHONE_FORMATS: Readonly<Record<PhoneFormatName, PhoneFormatSpec>> = {
  nsn8: { description: "8 digits without country code", example: "91234567" },
  msisdn: { description: "an MSISDN: country code and number, digits only", example: "4791234567" },
  "urn-msisdn": { description: '"urn:msisdn:" followed by an MSISDN', example: "urn:msisdn:4791234567" },
};


export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** How a body field is checked: today phone numbers; later rules add their own kinds. */
export interface FieldSpec {
  readonly phone?: PhoneFormatName;
}

export interface SdkMethodSpec {
  /** `@vippsmobilepay/sdk` (the default) or the deprecated `@vippsno/vipps-sdk`. */
  readonly sdk?: "vippsmobilepay" | "vippsno";
  /** Member path from the client, e.g. `payment.create`. */
  readonly path: string;
  /** Which argument carries the request body, when the method sends one. */
  readonly bodyArg?: number;
}

/** Endpoints the plugin knows that no spec in ../shared/specs describes (their facts are kept below, with sources). */
export type OffSpecEndpointId = "recurring.createCharges" | "login.cibaAuthenticate" | "userinfo.get";

/** Every endpoint id the plugin knows: the specs' and the off-spec ones. */
export type KnownEndpointId = EndpointId | OffSpecEndpointId;

export interface EndpointSpec {
  /** Stable id, `api.name`, used in settings and messages. */
  readonly id: KnownEndpointId;
  readonly api: ApiName;
  /** How messages name the endpoint. */
  readonly label: string;
  readonly method: HttpMethod;
  /** Path template; `{name}` stands for one path segment. */
  readonly path: string;
  /** Request bodies sent form-encoded rather than as JSON. */
  readonly form?: boolean;
  /** Body fields the rules check, by dotted path. */
  readonly fields?: Readonly<Record<string, FieldSpec>>;
  /**
   * Body shapes unmistakable enough to recognise without a call: any one alternative, each a list of dotted key paths
   * that must all be present.
   */
  readonly shapes?: readonly (readonly string[])[];
  /** The SDK methods that call this endpoint. */
  readonly sdk?: readonly SdkMethodSpec[];
  /** A body the merchant sends back to Vipps in answer to a callback, rather than a request. */
  readonly callbackResponse?: boolean;
  readonly deprecated?: string;
}

/** What the specs do not say about an endpoint. */
interface EndpointKnowledge {
  readonly label: string;
  readonly fields?: Readonly<Record<string, FieldSpec>>;
  readonly shapes?: readonly (readonly string[])[];
  readonly sdk?: readonly SdkMethodSpec[];
}

// In this order ENDPOINTS lists them first, as before the specs were generated: detection tries shapes in this order.
const KNOWLEDGE: { readonly [id in EndpointId]?: EndpointKnowledge } = {
  "accesstoken.get": { label: "get access token", sdk: [{ path: "auth.getToken" }] },

  // eCom API v2
  "ecom.initiate": {
    label: "initiate payment",
    fields: { "customerInfo.mobileNumber": { phone: "nsn8" } },
    shapes: [["merchantInfo.merchantSerialNumber", "transaction"]],
  },
  "ecom.capture": { label: "capture payment" },
  "ecom.cancel": { label: "cancel payment" },
  "ecom.refund": { label: "refund payment" },
  "ecom.details": { label: "get payment details" },
  "ecom.status": { label: "get payment status" },
  "ecom.approveTest": { label: "approve test payment", fields: { customerPhoneNumber: { phone: "nsn8" } } },
  "ecom.shippingDetailsResponse": {
    label: "shipping details callback response",
    shapes: [
      ["shippingDetails", "addressId"],
      ["shippingDetails", "orderId"],
    ],
  },

  // ePayment API v1
  "epayment.create": {
    label: "create payment",
    fields: { "customer.phoneNumber": { phone: "msisdn" } },
    shapes: [["amount", "paymentMethod", "userFlow"]],
    sdk: [{ path: "payment.create", bodyArg: 1 }, { sdk: "vippsno", path: "ePayment.createPayment", bodyArg: 0 }],
  },
  "epayment.info": {
    label: "get payment",
    sdk: [{ path: "payment.info" }, { sdk: "vippsno", path: "ePayment.getPayment" }],
  },
  "epayment.events": {
    label: "get payment event log",
    sdk: [{ path: "payment.history" }, { sdk: "vippsno", path: "ePayment.getPaymentEventLog" }],
  },
  "epayment.cancel": {
    label: "cancel payment",
    sdk: [{ path: "payment.cancel" }, { sdk: "vippsno", path: "ePayment.cancelPayment" }],
  },
  "epayment.capture": {
    label: "capture payment",
    sdk: [{ path: "payment.capture", bodyArg: 2 }, { sdk: "vippsno", path: "ePayment.capturePayment", bodyArg: 1 }],
  },
  "epayment.refund": {
    label: "refund payment",
    sdk: [{ path: "payment.refund", bodyArg: 2 }, { sdk: "vippsno", path: "ePayment.refundPayment", bodyArg: 1 }],
  },
  "epayment.forceApprove": {
    label: "force approve test payment",
    fields: { "customer.phoneNumber": { phone: "msisdn" } },
    sdk: [
      { path: "payment.forceApprove", bodyArg: 2 },
      { sdk: "vippsno", path: "ePayment.forceApprovePayment", bodyArg: 1 },
    ],
  },

  // Checkout API v3
  "checkout.createSession": {
    label: "create session",
    fields: { "prefillCustomer.phoneNumber": { phone: "msisdn" } },
    shapes: [
      ["merchantInfo.callbackAuthorizationToken", "transaction.reference"],
      ["merchantInfo.returnUrl", "transaction.paymentDescription"],
    ],
    sdk: [{ path: "checkout.create", bodyArg: 2 }, { sdk: "vippsno", path: "checkout.createSession", bodyArg: 0 }],
  },
  "checkout.getSession": {
    label: "get session",
    sdk: [{ path: "checkout.info" }, { sdk: "vippsno", path: "checkout.getSessionDetails" }],
  },

  // Recurring API v3
  "recurring.createAgreement": {
    label: "create agreement",
    fields: { phoneNumber: { phone: "msisdn" } },
    shapes: [["merchantAgreementUrl", "merchantRedirectUrl", "pricing"]],
    sdk: [
      { path: "recurring.agreement.create", bodyArg: 1 },
      { path: "agreement.create", bodyArg: 1 },
    ],
  },
  "recurring.listAgreements": {
    label: "list agreements",
    sdk: [{ path: "recurring.agreement.list" }, { path: "agreement.list" }],
  },
  "recurring.agreementInfo": {
    label: "get agreement",
    sdk: [{ path: "recurring.agreement.info" }, { path: "agreement.info" }],
  },
  "recurring.updateAgreement": {
    label: "update agreement",
    sdk: [
      { path: "recurring.agreement.update", bodyArg: 2 },
      { path: "agreement.update", bodyArg: 2 },
    ],
  },
  "recurring.forceAccept": {
    label: "force accept test agreement",
    fields: { phoneNumber: { phone: "msisdn" } },
    sdk: [
      { path: "recurring.agreement.forceAccept", bodyArg: 2 },
      { path: "agreement.forceAccept", bodyArg: 2 },
    ],
  },
  "recurring.createCharge": {
    label: "create charge",
    sdk: [
      { path: "recurring.charge.create", bodyArg: 2 },
      { path: "charge.create", bodyArg: 2 },
    ],
  },
  "recurring.listCharges": {
    label: "list charges",
    sdk: [{ path: "recurring.charge.list" }, { path: "charge.list" }],
  },
  "recurring.chargeInfo": {
    label: "get charge",
    sdk: [{ path: "recurring.charge.info" }, { path: "charge.info" }],
  },
  // The SDK's `infoById` calls the spec's charge-by-id path, which needs no agreement id.
  "recurring.fetchChargeById": { label: "get charge", sdk: [{ path: "recurring.charge.infoById" }] },
  "recurring.cancelCharge": {
    label: "cancel charge",
    sdk: [{ path: "recurring.charge.cancel" }, { path: "charge.cancel" }],
  },
  "recurring.captureCharge": {
    label: "capture charge",
    sdk: [
      { path: "recurring.charge.capture", bodyArg: 3 },
      { path: "charge.capture", bodyArg: 3 },
    ],
  },
  "recurring.refundCharge": {
    label: "refund charge",
    sdk: [
      { path: "recurring.charge.refund", bodyArg: 3 },
      { path: "charge.refund", bodyArg: 3 },
    ],
  },

  // Webhooks API v1
  "webhooks.register": { label: "register webhook", sdk: [{ path: "webhook.register", bodyArg: 1 }] },
  "webhooks.list": { label: "list webhooks", sdk: [{ path: "webhook.list" }] },
  "webhooks.delete": { label: "delete webhook", sdk: [{ path: "webhook.delete" }] },

  // Login API
  "login.token": { label: "token" },
};

/**
 * Endpoints no spec in ../shared/specs holds. Recurring's batch charge endpoint is newer than the Recurring spec
 * (2023-12) and is what the SDK's `charge.createMultiple` calls; CIBA and Userinfo have specs of their own that the
 * project does not carry (vippsas/vipps-login-api merchant-initiated-login-integration.md; vipps-api-facts.md).
 */
const OFF_SPEC_ENDPOINTS: readonly EndpointSpec[] = [
  {
    id: "recurring.createCharges",
    api: "recurring",
    label: "create charges",
    method: "POST",
    path: "/recurring/v3/agreements/charges",
    sdk: [{ path: "recurring.charge.createMultiple", bodyArg: 1 }],
  },
  {
    id: "login.cibaAuthenticate",
    api: "login",
    label: "backchannel authentication",
    method: "POST",
    path: "/vipps-login-ciba/api/backchannel/authentication",
    form: true,
    fields: { login_hint: { phone: "urn-msisdn" } },
  },
  { id: "userinfo.get", api: "userinfo", label: "get userinfo", method: "GET", path: "/vipps-userinfo-api/userinfo/{sub}" },
];

/** Where a source newer than a spec says something else about an endpoint or one of its body fields. */
export interface SpecCorrection {
  readonly endpoint: KnownEndpointId;
  /** Dotted body field path; absent when the correction is about the endpoint as a whole. */
  readonly field?: string;
  /** Which body the field is in. */
  readonly body?: "request" | "response";
  readonly change: "removed" | "transferred";
  readonly note: string;
  readonly since: string;
  readonly source: string;
}

export const SPEC_CORRECTIONS: readonly SpecCorrection[] = [
  {
    endpoint: "recurring.createAgreement",
    field: "countryCode",
    body: "request",
    change: "removed",
    note: "the Recurring API no longer takes countryCode",
    since: "2025-07",
    source: "Recurring API changelog (vipps-api-facts.md, Recurring)",
  },
  {
    endpoint: "recurring.agreementInfo",
    field: "countryCode",
    body: "response",
    change: "removed",
    note: "the Recurring API no longer returns countryCode",
    since: "2025-07",
    source: "Recurring API changelog (vipps-api-facts.md, Recurring)",
  },
  ...(["checkout.createSession", "checkout.getSession"] as const).map(
    (endpoint): SpecCorrection => ({
      endpoint,
      change: "transferred",
      note: "Checkout was sold to Kustom, whose own Checkout API (HTTP Basic, POST /orders) replaces it",
      since: "2026-06",
      source: "Technical update June 2026 (vipps-api-facts.md, Checkout API v3)",
    }),
  ),
];

export function specCorrections(id: KnownEndpointId): readonly SpecCorrection[] {
  return SPEC_CORRECTIONS.filter((correction) => correction.endpoint === id);
}

/** `recurring.v2.listAgreements` → "list agreements": a readable name for endpoints without a kept label. */
function labelFromId(id: string): string {
  const name = id.slice(id.lastIndexOf(".") + 1);
  return name.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`).trim();
}

function fromSpec(endpoint: SpecEndpoint): EndpointSpec {
  const knowledge = KNOWLEDGE[endpoint.id];
  const deprecation = getDeprecation(endpoint.id);
  return {
    id: endpoint.id,
    api: endpoint.api,
    label: knowledge?.label ?? labelFromId(endpoint.id),
    method: endpoint.method,
    path: endpoint.path,
    ...(endpoint.body === "form" && { form: true }),
    ...(knowledge?.fields && { fields: knowledge.fields }),
    ...(knowledge?.shapes && { shapes: knowledge.shapes }),
    ...(knowledge?.sdk && { sdk: knowledge.sdk }),
    ...(endpoint.callback && { callbackResponse: true }),
    ...((deprecation ?? endpoint.deprecated) && { deprecated: deprecation ? deprecationNote(deprecation) : "deprecated in the spec" }),
  };
}

const specById = new Map(SPEC_ENDPOINTS.map((endpoint) => [endpoint.id, endpoint]));
const keptOrder = Object.keys(KNOWLEDGE) as EndpointId[];

export const ENDPOINTS: readonly EndpointSpec[] = [
  ...keptOrder.flatMap((id) => {
    const endpoint = specById.get(id);
    return endpoint ? [fromSpec(endpoint)] : [];
  }),
  ...SPEC_ENDPOINTS.filter((endpoint) => !(endpoint.id in KNOWLEDGE)).map(fromSpec),
  ...OFF_SPEC_ENDPOINTS,
];

const apiByName = new Map(APIS.map((api) => [api.name, api]));

export function getApi(name: ApiName): ApiSpec {
  // Every ApiName has an entry in APIS; the fallback only keeps the type honest.
  return apiByName.get(name) ?? { name, label: name, pathPrefixes: [] };
}

const endpointById = new Map<string, EndpointSpec>(ENDPOINTS.map((endpoint) => [endpoint.id, endpoint]));

export function getEndpoint(id: string): EndpointSpec | undefined {
  return endpointById.get(id);
}
