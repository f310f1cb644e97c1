import type { InvalidTestCase, RunTests } from "@typescript-eslint/rule-tester";
import { describe, expect, it } from "vitest";
import rule from "../../rules/valid-endpoint.js";
import { ENDPOINTS } from "../../src/vipps/apis.js";
import { cjsTester, jsTester, jsWithGlobalsTester, locate, tsTester } from "../support/testers.js";

type MessageIds = "unknownPath" | "wrongMethod" | "rewritePath" | "changeMethod";

const HOST = "https://api.vipps.no";

/** A report of `messageId` at the URL `snippet`, with the message's data where given. */
const at = (code: string, messageId: MessageIds, snippet: string | readonly [string, number], data?: Record<string, string>) => ({
  messageId,
  ...(typeof snippet === "string" ? locate(code, snippet) : locate(code, snippet[0], snippet[1])),
  ...(data && { data }),
});

/** A missing slash or segment: fixed by `--fix`, the only edit being `from` → `to`. */
const fixed = (name: string, code: string, url: string | readonly [string, number], from: string, to: string, data?: Record<string, string>): InvalidTestCase<MessageIds, []> => ({
  name,
  code,
  output: code.replace(from, to),
  errors: [at(code, "unknownPath", url, data)],
});

/** A misspelt or extra segment: reported with a suggestion that rewrites `from` → `to`, no fix. */
const suggested = (name: string, code: string, url: string, from: string, to: string, path: string): InvalidTestCase<MessageIds, []> => ({
  name,
  code,
  output: null,
  errors: [{ ...at(code, "unknownPath", url), suggestions: [{ messageId: "rewritePath", data: { path }, output: code.replace(from, to) }] }],
});

/** Reported without any repair. */
const reported = (name: string, code: string, url: string, messageId: MessageIds, data?: Record<string, string>): InvalidTestCase<MessageIds, []> => ({
  name,
  code,
  output: null,
  errors: [{ ...at(code, messageId, url, data), suggestions: [] }],
});

/** A method the path does not take, with a suggestion that writes the one it takes: `from` → `to`. */
const methodSuggested = (name: string, code: string, url: string, from: string, to: string, method: string): InvalidTestCase<MessageIds, []> => ({
  name,
  code,
  output: null,
  errors: [{ ...at(code, "wrongMethod", url), suggestions: [{ messageId: "changeMethod", data: { method }, output: code.replace(from, to) }] }],
});

// ---------------------------------------------------------------------------------------------------------------------
// The same cases through ESLint's default parser (without and with declared globals) and through typescript-eslint
// ---------------------------------------------------------------------------------------------------------------------

const ePaymentNoPayments = `const base = process.env.VIPPS_BASE_URL;
export async function getPayment(reference) {
  const response = await fetch(\`\${base}/epayment/v1/\${reference}\`, { headers: { Authorization: "Bearer x" } });
  return response.json();
}`;

const ePaymentNoSlash = `const base = process.env.VIPPS_BASE_URL;
export function cancel(reference) {
  // cancel the reservation
  return fetch(\`\${base}/epayment/v1/payments/\${reference}cancel\`, { method: "POST", headers: {} });
}`;

const ePaymentThroughConst = `export function events(payment) {
  const url = process.env.VIPPS_BASE_URL + "/epayment/v1/payments/" + payment.reference + "events";
  return fetch(url);
}`;

const ecomMisspelt = `fetch("${HOST}/ecomm/v2/payment", { method: "POST", body: JSON.stringify({ transaction: { amount: 100 } }) });`;

const ecomGetInitiate = `export const list = () => fetch("${HOST}/ecomm/v2/payments");`;

const ecomPutInitiate = `import axios from "axios";
axios.put("${HOST}/ecomm/v2/payments", { transaction: { amount: 100 } });`;

const ecomPostCancel = `import axios from "axios";
export const cancel = (orderId) => axios.post(\`${HOST}/ecomm/v2/payments/\${orderId}/cancel\`, { transaction: {} });`;

const ecomNoSlashAfterPayments = `import axios from "axios";
export const capture = (orderId) => axios.post(\`${HOST}/ecomm/v2/payments\${orderId}/capture\`, { transaction: {} });`;

const ecomDetailsMissing = `import axios from "axios";
export const details = (orderId) => axios.get(\`${HOST}/ecomm/v2/payments/\${orderId}\`);`;

const checkoutPlural = `import ky from "ky";
export const create = (session) => ky.post("${HOST}/checkout/v3/sessions", { json: session }).json();`;

const checkoutGetWithoutReference = `import got from "got";
export const info = () => got.get("${HOST}/checkout/v3/session").json();`;

const recurringInstance = `import axios from "axios";
const vipps = axios.create({ baseURL: "${HOST}" });
export function charge(agreementId, body) {
  return vipps.post(\`/recurring/v3/agreements/\${agreementId}/charge\`, body);
}`;

const recurringNoSlash = `import got from "got";
export const charges = (agreementId) => got(\`${HOST}/recurring/v3/agreements/\${agreementId}charges\`).json();`;

const recurringPut = `import superagent from "superagent";
export const update = (agreementId, body) => superagent.put(\`${HOST}/recurring/v3/agreements/\${agreementId}\`).send(body);`;

const loginTokens = `import axios from "axios";
export const token = (form) => axios.post("${HOST}/access-management-1.0/access/oauth2/tokens", form);`;

const loginNoSlash = `export const token = (form) => fetch("${HOST}/access-management-1.0/access/oauth2token", { method: "POST", body: form });`;

const loginGetToken = `export const token = () => fetch("${HOST}/access-management-1.0/access/oauth2/token");`;

const cibaMisspelt = `export const start = (form) => fetch("${HOST}/vipps-login-ciba/api/backchannel/authentications", { method: "POST", body: form });`;

const webhooksSingular = `import axios from "axios";
export const list = () => axios.get("${HOST}/webhooks/v1/webhook");`;

const webhooksPut = `import axios from "axios";
export const update = (id, body) => axios.put(\`${HOST}/webhooks/v1/webhooks/\${id}\`, body);`;

const webhooksByEvidence = `export function webhooks(config, msn) {
  return fetch(\`\${config.apiUrl}/webhooks/v1/webhook\`, { headers: { "Merchant-Serial-Number": msn } });
}`;

/** Every endpoint the plugin knows, called with fetch as its spec writes it: realistic correct code. */
const everyEndpoint = ENDPOINTS.filter((endpoint) => !endpoint.callbackResponse && endpoint.path.startsWith("/")).map(
  (endpoint) => `fetch(\`\${process.env.VIPPS_BASE_URL}${endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => `\${${name === "Reference" ? "reference" : name}}`)}\`, { method: "${endpoint.method}", headers });`,
);

const ePaymentNoReference = `fetch("${HOST}/epayment/v1/payments/cancel", { method: "POST", body: "{}" });`;

const shared: RunTests<MessageIds, []> = {
  valid: [
    { name: "every endpoint the plugin knows, as its spec writes it", code: everyEndpoint.join("\n") },
    { name: "every ePayment endpoint as the spec writes it", code: `const base = "${HOST}/epayment/v1";
export const all = (reference) => [
  fetch(\`\${base}/payments\`, { method: "POST", body: "{}" }),
  fetch(\`\${base}/payments/\${reference}\`),
  fetch(\`\${base}/payments/\${reference}/events\`),
  fetch(\`\${base}/payments/\${reference}/cancel\`, { method: "POST" }),
  fetch(\`\${base}/payments/\${reference}/capture\`, { method: "POST", body: "{}" }),
  fetch(\`\${base}/payments/\${reference}/refund\`, { method: "POST", body: "{}" }),
  fetch(\`\${base}/test/payments/\${reference}/approve\`, { method: "POST", body: "{}" }),
];` },
    { name: "eCom endpoints, a static order id included", code: `import axios from "axios";
axios.post("${HOST}/ecomm/v2/payments", {});
axios.post("${HOST}/ecomm/v2/payments/order-123/capture", {});
axios.put(\`${HOST}/ecomm/v2/payments/\${order.id}/cancel\`, {});
axios.get(\`${HOST}/ecomm/v2/payments/\${encodeURIComponent(orderId)}/details\`);
axios.get(\`${HOST}/ecomm/v2/payments/\${orderId}/status\`);` },
    { name: "a different case: the gateway routes /accessToken/get", code: `fetch("${HOST}/accessToken/get", { method: "POST" });` },
    { name: "a trailing slash", code: `export const info = (reference) => fetch(\`${HOST}/epayment/v1/payments/\${reference}/\`);` },
    { name: "a query string", code: `fetch("${HOST}/recurring/v3/agreements?status=ACTIVE&pageSize=100");` },
    { name: "a part that may be anything (an action)", code: `import axios from "axios";
export const act = (orderId, action) => axios.post(\`${HOST}/ecomm/v2/payments/\${orderId}/\${action}\`, {});` },
    { name: "a part that may be anything (a path)", code: `import axios from "axios";
export const call = (path) => axios.post(\`${HOST}/epayment/v1/\${path}\`, {});` },
    { name: "a call's result in the path", code: `fetch(\`${HOST}/epayment/v1/\${route()}\`);` },
    { name: "a base URL and a path, both unknown", code: `export const call = (base, path) => fetch(\`\${base}\${path}\`, { method: "POST" });` },
    { name: "the batch charges endpoint no spec lists", code: `import axios from "axios";
axios.post("${HOST}/recurring/v3/agreements/charges", []);` },
    { name: "a Recurring v2 endpoint (retired, but an endpoint: vipps/deprecated-api's case)", code: `import axios from "axios";
export const agreement = (agreementId) => axios.get(\`${HOST}/recurring/v2/agreements/\${agreementId}\`);` },
    { name: "an API version without known endpoints", code: `fetch("${HOST}/checkout/v2/session/abc");` },
    { name: "Login endpoints the spec does not list", code: `import axios from "axios";
axios.post("${HOST}/access-management-1.0/access/oauth2/revoke", "token=x");
axios.get("${HOST}/access-management-1.0/access/userinfo");` },
    { name: "options spread from elsewhere may set the method", code: `export const create = (options) => fetch("${HOST}/ecomm/v2/payments", { ...options, body: "{}" });` },
    { name: "HEAD is the gateway's to answer", code: `import axios from "axios";
axios.head("${HOST}/ecomm/v2/payments");` },
    { name: "SDK calls carry no URL", code: `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "k", useTestMode: true });
export const info = (token, reference) => client.payment.info(token, reference);` },
    { name: "a body recognised by its shape has no URL", code: `export const body = { amount: { value: 100, currency: "NOK" }, paymentMethod: { type: "WALLET" }, userFlow: "WEB_REDIRECT" };` },
    { name: "a path that is not a Vipps API's", code: `fetch("https://example.com/ecommerce/v2/payment");` },
    { name: "Webhooks paths need a Vipps host", code: `import axios from "axios";
axios.get("/webhooks/v1/webhook");` },
  ],
  invalid: [
    fixed("ePayment: no /payments/ before the reference", ePaymentNoPayments, "`${base}/epayment/v1/${reference}`", "/v1/${reference}", "/v1/payments/${reference}", {
      api: "ePayment API",
      method: "GET",
      path: "/epayment/v1/…",
      target: "GET /epayment/v1/…",
      nearest: '"GET /epayment/v1/payments/{reference}"',
    }),
    fixed("ePayment: no slash before cancel", ePaymentNoSlash, "`${base}/epayment/v1/payments/${reference}cancel`", "${reference}cancel", "${reference}/cancel"),
    fixed(
      "ePayment: no slash before events, through a concatenated constant",
      ePaymentThroughConst,
      ["url", 2],
      '+ payment.reference + "events"',
      '+ payment.reference + "/events"',
    ),
    reported("ePayment: no reference", ePaymentNoReference, `"${HOST}/epayment/v1/payments/cancel"`, "unknownPath", {
      api: "ePayment API",
      method: "POST",
      path: "/epayment/v1/payments/cancel",
      target: "POST /epayment/v1/payments/cancel",
      // Dropping "cancel" or adding the reference: one edit each.
      nearest: '"POST /epayment/v1/payments" or "POST /epayment/v1/payments/{reference}/cancel"',
    }),
    suggested("eCom: payment for payments", ecomMisspelt, `"${HOST}/ecomm/v2/payment"`, "/v2/payment\"", '/v2/payments"', "/ecomm/v2/payments"),
    reported("eCom: GET on initiate", ecomGetInitiate, `"${HOST}/ecomm/v2/payments"`, "wrongMethod", {
      api: "eCom API",
      method: "GET",
      path: "/ecomm/v2/payments",
      target: "GET /ecomm/v2/payments",
      nearest: '"POST /ecomm/v2/payments"',
    }),
    methodSuggested("eCom: PUT on initiate", ecomPutInitiate, `"${HOST}/ecomm/v2/payments"`, "axios.put", "axios.post", "POST"),
    methodSuggested("eCom: POST on cancel, which takes PUT", ecomPostCancel, "`https://api.vipps.no/ecomm/v2/payments/${orderId}/cancel`", "axios.post", "axios.put", "PUT"),
    methodSuggested(
      "eCom: a method in the options, in lower case",
      `fetch("${HOST}/ecomm/v2/payments/order-1/refund", { method: 'put', body: "{}" });`,
      `"${HOST}/ecomm/v2/payments/order-1/refund"`,
      "'put'",
      "'post'",
      "POST",
    ),
    // axios.delete(url, config) takes no body where axios.put(url, body) does: not rewritten.
    {
      name: "axios: a shortcut that would read its arguments differently",
      code: `import axios from "axios";
axios.get("${HOST}/ecomm/v2/payments", { headers: {} });`,
      output: null,
      errors: [{ messageId: "wrongMethod", line: 2, column: 11, suggestions: [] }],
    },
    fixed("eCom: no slash after payments", ecomNoSlashAfterPayments, "`https://api.vipps.no/ecomm/v2/payments${orderId}/capture`", "payments${orderId}", "payments/${orderId}"),
    fixed("eCom: GET on a payment without /details", ecomDetailsMissing, "`https://api.vipps.no/ecomm/v2/payments/${orderId}`", "${orderId}`", "${orderId}/details`", {
      api: "eCom API",
      method: "GET",
      path: "/ecomm/v2/payments/…",
      target: "GET /ecomm/v2/payments/…",
      nearest: '"GET /ecomm/v2/payments/{orderId}/details"',
    }),
    suggested("Checkout: sessions for session", checkoutPlural, `"${HOST}/checkout/v3/sessions"`, "/sessions", "/session", "/checkout/v3/session"),
    methodSuggested("Checkout: GET without a reference", checkoutGetWithoutReference, `"${HOST}/checkout/v3/session"`, "got.get", "got.post", "POST"),
    suggested(
      "Recurring: charge for charges, through an instance's base URL",
      recurringInstance,
      "`/recurring/v3/agreements/${agreementId}/charge`",
      "/charge`",
      "/charges`",
      "/recurring/v3/agreements/…/charges",
    ),
    fixed("Recurring: no slash before charges", recurringNoSlash, "`https://api.vipps.no/recurring/v3/agreements/${agreementId}charges`", "}charges", "}/charges"),
    reported("Recurring: PUT on an agreement, which takes PATCH", recurringPut, "`https://api.vipps.no/recurring/v3/agreements/${agreementId}`", "wrongMethod", {
      api: "Recurring API",
      method: "PUT",
      path: "/recurring/v3/agreements/…",
      target: "PUT /recurring/v3/agreements/…",
      nearest: '"GET /recurring/v3/agreements/{agreementId}" or "PATCH /recurring/v3/agreements/{agreementId}"',
    }),
    suggested("Login: tokens for token", loginTokens, `"${HOST}/access-management-1.0/access/oauth2/tokens"`, "/tokens", "/token", "/access-management-1.0/access/oauth2/token"),
    fixed("Login: no slash in oauth2/token", loginNoSlash, `"${HOST}/access-management-1.0/access/oauth2token"`, "oauth2token", "oauth2/token"),
    reported("Login: GET on the token endpoint", loginGetToken, `"${HOST}/access-management-1.0/access/oauth2/token"`, "wrongMethod"),
    suggested(
      "Login (CIBA): authentications for authentication",
      cibaMisspelt,
      `"${HOST}/vipps-login-ciba/api/backchannel/authentications"`,
      "/authentications",
      "/authentication",
      "/vipps-login-ciba/api/backchannel/authentication",
    ),
    suggested("Webhooks: webhook for webhooks", webhooksSingular, `"${HOST}/webhooks/v1/webhook"`, "/webhook\"", '/webhooks"', "/webhooks/v1/webhooks"),
    suggested(
      "Webhooks: a request found by its evidence (a Vipps header) is judged too",
      webhooksByEvidence,
      "`${config.apiUrl}/webhooks/v1/webhook`",
      "/webhook`",
      "/webhooks`",
      "/webhooks/v1/webhooks",
    ),
    reported("Webhooks: PUT on a registration", webhooksPut, "`https://api.vipps.no/webhooks/v1/webhooks/${id}`", "wrongMethod", {
      api: "Webhooks API",
      method: "PUT",
      path: "/webhooks/v1/webhooks/…",
      target: "PUT /webhooks/v1/webhooks/…",
      nearest: '"DELETE /webhooks/v1/webhooks/{id}"',
    }),
  ],
};

jsTester.run("valid-endpoint (JavaScript, no globals declared)", rule, shared);
jsWithGlobalsTester.run("valid-endpoint (JavaScript, globals declared)", rule, shared);
tsTester.run("valid-endpoint (TypeScript)", rule, shared);

const cjsRequest = `const request = require("request-promise");
module.exports = (orderId) => request.post({ uri: \`${HOST}/ecomm/v2/payments/\${orderId}refund\`, json: {} });`;

cjsTester.run("valid-endpoint (CommonJS)", rule, {
  valid: [
    { name: "request-promise on a known endpoint", code: `const request = require("request-promise");
module.exports = (orderId) => request.post({ uri: \`${HOST}/ecomm/v2/payments/\${orderId}/refund\`, json: {} });` },
  ],
  invalid: [fixed("request-promise: no slash before refund", cjsRequest, "`https://api.vipps.no/ecomm/v2/payments/${orderId}refund`", "}refund", "}/refund")],
});

tsTester.run("valid-endpoint (TypeScript only)", rule, {
  valid: [
    { name: "a typed reference", code: `export const info = (reference: string) => fetch(\`${HOST}/epayment/v1/payments/\${reference as string}\`);` },
  ],
  invalid: [
    fixed(
      "a URL with a type assertion",
      `export const cancel = (reference: string) => fetch(\`${HOST}/epayment/v1/payments/\${reference}cancel\` as string, { method: "POST" });`,
      "`https://api.vipps.no/epayment/v1/payments/${reference}cancel` as string",
      "}cancel",
      "}/cancel",
    ),
    {
      name: "a shared constant is reported, not rewritten for one of its readers",
      code: `const URL_CAPTURE = "${HOST}/ecomm/v2/payments/capture";
fetch(URL_CAPTURE, { method: "POST", body: "{}" });
console.log(URL_CAPTURE);`,
      output: null,
      errors: [{ messageId: "unknownPath", line: 2, column: 7 }],
    },
  ],
});

describe("valid-endpoint metadata", () => {
  it("is recommended and fixable, and names its suggestion-only repair", () => {
    expect(rule.meta.docs?.recommended).toBe(true);
    expect(rule.meta.fixable).toBe("code");
    expect(rule.meta.docs?.suggestionOnly).toEqual(["rewritePath", "changeMethod"]);
  });
});
