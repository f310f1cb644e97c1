/**
 * What the plugin knows about the Vipps MobilePay APIs, as data. Rules and detection read this module; adding an
 * endpoint, an SDK method or a checked field is an edit here and nowhere else.
 *
 * Sources: ../shared/vipps-api-facts.md and the OpenAPI specs it cites (each rule's doc page repeats the ones it uses).
 */

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

export interface EndpointSpec {
  /** Stable id, `api.name`, used in settings and messages. */
  readonly id: string;
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

export const ENDPOINTS: readonly EndpointSpec[] = [
  {
    id: "accesstoken.get",
    api: "accesstoken",
    label: "get access token",
    method: "POST",
    path: "/accesstoken/get",
    sdk: [{ path: "auth.getToken" }],
  },

  // eCom API v2 — vippsas/vipps-ecom-api docs/swagger.yaml
  {
    id: "ecom.initiate",
    api: "ecom",
    label: "initiate payment",
    method: "POST",
    path: "/ecomm/v2/payments",
    fields: { "customerInfo.mobileNumber": { phone: "nsn8" } },
    shapes: [["merchantInfo.merchantSerialNumber", "transaction"]],
  },
  { id: "ecom.capture", api: "ecom", label: "capture payment", method: "POST", path: "/ecomm/v2/payments/{orderId}/capture" },
  { id: "ecom.cancel", api: "ecom", label: "cancel payment", method: "PUT", path: "/ecomm/v2/payments/{orderId}/cancel" },
  { id: "ecom.refund", api: "ecom", label: "refund payment", method: "POST", path: "/ecomm/v2/payments/{orderId}/refund" },
  { id: "ecom.details", api: "ecom", label: "get payment details", method: "GET", path: "/ecomm/v2/payments/{orderId}/details" },
  {
    id: "ecom.status",
    api: "ecom",
    label: "get payment status",
    method: "GET",
    path: "/ecomm/v2/payments/{orderId}/status",
    deprecated: "use /details instead",
  },
  {
    id: "ecom.approveTest",
    api: "ecom",
    label: "approve test payment",
    method: "POST",
    path: "/ecomm/v2/integration-test/payments/{orderId}/approve",
    fields: { customerPhoneNumber: { phone: "nsn8" } },
  },
  {
    id: "ecom.shippingDetailsResponse",
    api: "ecom",
    label: "shipping details callback response",
    method: "POST",
    path: "/v2/payments/{orderId}/shippingDetails",
    callbackResponse: true,
    shapes: [
      ["shippingDetails", "addressId"],
      ["shippingDetails", "orderId"],
    ],
  },

  // ePayment API v1 — vippsas/vipps-epayment-api docs/epayment.v1.yml
  {
    id: "epayment.create",
    api: "epayment",
    label: "create payment",
    method: "POST",
    path: "/epayment/v1/payments",
    fields: { "customer.phoneNumber": { phone: "msisdn" } },
    shapes: [["amount", "paymentMethod", "userFlow"]],
    sdk: [{ path: "payment.create", bodyArg: 1 }, { sdk: "vippsno", path: "ePayment.createPayment", bodyArg: 0 }],
  },
  {
    id: "epayment.info",
    api: "epayment",
    label: "get payment",
    method: "GET",
    path: "/epayment/v1/payments/{reference}",
    sdk: [{ path: "payment.info" }, { sdk: "vippsno", path: "ePayment.getPayment" }],
  },
  {
    id: "epayment.events",
    api: "epayment",
    label: "get payment event log",
    method: "GET",
    path: "/epayment/v1/payments/{reference}/events",
    sdk: [{ path: "payment.history" }, { sdk: "vippsno", path: "ePayment.getPaymentEventLog" }],
  },
  {
    id: "epayment.cancel",
    api: "epayment",
    label: "cancel payment",
    method: "POST",
    path: "/epayment/v1/payments/{reference}/cancel",
    sdk: [{ path: "payment.cancel" }, { sdk: "vippsno", path: "ePayment.cancelPayment" }],
  },
  {
    id: "epayment.capture",
    api: "epayment",
    label: "capture payment",
    method: "POST",
    path: "/epayment/v1/payments/{reference}/capture",
    sdk: [{ path: "payment.capture", bodyArg: 2 }, { sdk: "vippsno", path: "ePayment.capturePayment", bodyArg: 1 }],
  },
  {
    id: "epayment.refund",
    api: "epayment",
    label: "refund payment",
    method: "POST",
    path: "/epayment/v1/payments/{reference}/refund",
    sdk: [{ path: "payment.refund", bodyArg: 2 }, { sdk: "vippsno", path: "ePayment.refundPayment", bodyArg: 1 }],
  },
  {
    id: "epayment.forceApprove",
    api: "epayment",
    label: "force approve test payment",
    method: "POST",
    path: "/epayment/v1/test/payments/{reference}/approve",
    fields: { "customer.phoneNumber": { phone: "msisdn" } },
    sdk: [
      { path: "payment.forceApprove", bodyArg: 2 },
      { sdk: "vippsno", path: "ePayment.forceApprovePayment", bodyArg: 1 },
    ],
  },

  // Checkout API v3 — vippsas/vipps-checkout-api docs/swagger.yaml
  {
    id: "checkout.createSession",
    api: "checkout",
    label: "create session",
    method: "POST",
    path: "/checkout/v3/session",
    fields: { "prefillCustomer.phoneNumber": { phone: "msisdn" } },
    shapes: [
      ["merchantInfo.callbackAuthorizationToken", "transaction.reference"],
      ["merchantInfo.returnUrl", "transaction.paymentDescription"],
    ],
    sdk: [{ path: "checkout.create", bodyArg: 2 }, { sdk: "vippsno", path: "checkout.createSession", bodyArg: 0 }],
  },
  {
    id: "checkout.getSession",
    api: "checkout",
    label: "get session",
    method: "GET",
    path: "/checkout/v3/session/{reference}",
    sdk: [{ path: "checkout.info" }, { sdk: "vippsno", path: "checkout.getSessionDetails" }],
  },

  // Recurring API v3 — vippsas/vipps-recurring-api docs/openapi.yaml
  {
    id: "recurring.createAgreement",
    api: "recurring",
    label: "create agreement",
    method: "POST",
    path: "/recurring/v3/agreements",
    fields: { phoneNumber: { phone: "msisdn" } },
    shapes: [["merchantAgreementUrl", "merchantRedirectUrl", "pricing"]],
    sdk: [
      { path: "recurring.agreement.create", bodyArg: 1 },
      { path: "agreement.create", bodyArg: 1 },
    ],
  },
  {
    id: "recurring.listAgreements",
    api: "recurring",
    label: "list agreements",
    method: "GET",
    path: "/recurring/v3/agreements",
    sdk: [{ path: "recurring.agreement.list" }, { path: "agreement.list" }],
  },
  {
    id: "recurring.agreementInfo",
    api: "recurring",
    label: "get agreement",
    method: "GET",
    path: "/recurring/v3/agreements/{agreementId}",
    sdk: [{ path: "recurring.agreement.info" }, { path: "agreement.info" }],
  },
  {
    id: "recurring.updateAgreement",
    api: "recurring",
    label: "update agreement",
    method: "PATCH",
    path: "/recurring/v3/agreements/{agreementId}",
    sdk: [
      { path: "recurring.agreement.update", bodyArg: 2 },
      { path: "agreement.update", bodyArg: 2 },
    ],
  },
  {
    id: "recurring.forceAccept",
    api: "recurring",
    label: "force accept test agreement",
    method: "PATCH",
    path: "/recurring/v3/agreements/{agreementId}/accept",
    fields: { phoneNumber: { phone: "msisdn" } },
    sdk: [
      { path: "recurring.agreement.forceAccept", bodyArg: 2 },
      { path: "agreement.forceAccept", bodyArg: 2 },
    ],
  },
  {
    id: "recurring.createCharge",
    api: "recurring",
    label: "create charge",
    method: "POST",
    path: "/recurring/v3/agreements/{agreementId}/charges",
    sdk: [
      { path: "recurring.charge.create", bodyArg: 2 },
      { path: "charge.create", bodyArg: 2 },
    ],
  },
  {
    id: "recurring.createCharges",
    api: "recurring",
    label: "create charges",
    method: "POST",
    path: "/recurring/v3/agreements/charges",
    sdk: [{ path: "recurring.charge.createMultiple", bodyArg: 1 }],
  },
  {
    id: "recurring.listCharges",
    api: "recurring",
    label: "list charges",
    method: "GET",
    path: "/recurring/v3/agreements/{agreementId}/charges",
    sdk: [{ path: "recurring.charge.list" }, { path: "charge.list" }],
  },
  {
    id: "recurring.chargeInfo",
    api: "recurring",
    label: "get charge",
    method: "GET",
    path: "/recurring/v3/agreements/{agreementId}/charges/{chargeId}",
    sdk: [{ path: "recurring.charge.info" }, { path: "recurring.charge.infoById" }, { path: "charge.info" }],
  },
  {
    id: "recurring.cancelCharge",
    api: "recurring",
    label: "cancel charge",
    method: "DELETE",
    path: "/recurring/v3/agreements/{agreementId}/charges/{chargeId}",
    sdk: [{ path: "recurring.charge.cancel" }, { path: "charge.cancel" }],
  },
  {
    id: "recurring.captureCharge",
    api: "recurring",
    label: "capture charge",
    method: "POST",
    path: "/recurring/v3/agreements/{agreementId}/charges/{chargeId}/capture",
    sdk: [
      { path: "recurring.charge.capture", bodyArg: 3 },
      { path: "charge.capture", bodyArg: 3 },
    ],
  },
  {
    id: "recurring.refundCharge",
    api: "recurring",
    label: "refund charge",
    method: "POST",
    path: "/recurring/v3/agreements/{agreementId}/charges/{chargeId}/refund",
    sdk: [
      { path: "recurring.charge.refund", bodyArg: 3 },
      { path: "charge.refund", bodyArg: 3 },
    ],
  },

  // Webhooks API v1
  {
    id: "webhooks.register",
    api: "webhooks",
    label: "register webhook",
    method: "POST",
    path: "/webhooks/v1/webhooks",
    sdk: [{ path: "webhook.register", bodyArg: 1 }],
  },
  {
    id: "webhooks.list",
    api: "webhooks",
    label: "list webhooks",
    method: "GET",
    path: "/webhooks/v1/webhooks",
    sdk: [{ path: "webhook.list" }],
  },
  {
    id: "webhooks.delete",
    api: "webhooks",
    label: "delete webhook",
    method: "DELETE",
    path: "/webhooks/v1/webhooks/{id}",
    sdk: [{ path: "webhook.delete" }],
  },

  // Login API, merchant-initiated (CIBA) — vippsas/vipps-login-api
  {
    id: "login.cibaAuthenticate",
    api: "login",
    label: "backchannel authentication",
    method: "POST",
    path: "/vipps-login-ciba/api/backchannel/authentication",
    form: true,
    fields: { login_hint: { phone: "urn-msisdn" } },
  },
  {
    id: "login.token",
    api: "login",
    label: "token",
    method: "POST",
    path: "/access-management-1.0/access/oauth2/token",
    form: true,
  },
  { id: "userinfo.get", api: "userinfo", label: "get userinfo", method: "GET", path: "/vipps-userinfo-api/userinfo/{sub}" },
];

const apiByName = new Map(APIS.map((api) => [api.name, api]));

export function getApi(name: ApiName): ApiSpec {
  // Every ApiName has an entry in APIS; the fallback only keeps the type honest.
  return apiByName.get(name) ?? { name, label: name, pathPrefixes: [] };
}

export function getEndpoint(id: string): EndpointSpec | undefined {
  return ENDPOINTS.find((endpoint) => endpoint.id === id);
}
