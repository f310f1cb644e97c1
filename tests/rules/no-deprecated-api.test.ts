import type { InvalidTestCase, RunTests } from "@typescript-eslint/rule-tester";
import type { ESLintUtils } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import rule from "../../rules/no-deprecated-api.js";
import { DEPRECATIONS, fieldsLostByReplacement } from "../../src/vipps/deprecations.js";
import { cjsTester, jsTester, jsWithGlobalsTester, locate, tsTester } from "../support/testers.js";

type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;
type Options = ESLintUtils.InferOptionsTypeFromRule<typeof rule>;

const entry = (id: string) => {
  const found = DEPRECATIONS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no deprecation ${id}`);
  return found;
};

/** The message data of entry `id`, as the rule fills it in. */
const dataOf = (id: string, fields = "") => {
  const { what, status, since, replacement, source } = entry(id);
  return { what, status, when: since ? ` (${since})` : "", replacement, source, fields };
};

/** The error of entry `id`, reported at the nth `snippet` of `code`. */
const at = (code: string, snippet: string, id: string, nth = 1, messageId: MessageIds = "retired") => ({
  messageId,
  data: dataOf(id),
  ...locate(code, snippet, nth),
});

/** An invalid case: code, errors at snippets, and the output (null when the finding has no mechanical repair). */
const invalid = (
  name: string,
  code: string,
  errors: readonly (readonly [snippet: string, id: string])[],
  output: string | null,
  options?: Options,
): InvalidTestCase<MessageIds, Options> => ({
  name,
  code,
  output,
  errors: errors.map(([snippet, id], index) => at(code, snippet, id, errors.slice(0, index).filter(([other]) => other === snippet).length + 1)),
  ...(options && { options }),
});

const statusFetch = `
const BASE = "https://api.vipps.no";
export async function status(orderId, headers) {
  // poll the order
  const response = await fetch(\`\${BASE}/ecomm/v2/payments/\${orderId}/status\`, { headers });
  return response.json();
}`;

const statusAxios = `
import axios from "axios";
export const status = (orderId) => axios.get("https://api.vipps.no/ecomm/v2/payments/" + orderId + "/status");`;

const statusFieldsRead = `
import axios from "axios";
export async function paid(orderId) {
  const { data } = await axios.get(\`https://api.vipps.no/ecomm/v2/payments/\${orderId}/status\`);
  return data.transactionInfo.status === "RESERVE";
}`;

const recurringV2 = `
import got from "got";
const base = process.env.VIPPS_URL;
export const draft = (body) => got.post(\`\${base}/recurring/v2/agreements\`, { json: body });
export const RECURRING = "https://api.vipps.no/recurring/v2";`;

const ecomV1 = `
const request = require("request-promise");
module.exports = (body) => request.post({ uri: "https://api.vipps.no/ecomm/v1/payments", json: body });`;

const signup = `
export const signUp = (body) => fetch("https://api.vippsbedrift.no/v1/partial/signup", { method: "POST", body: JSON.stringify(body) });
export const LOGIN_REQUESTS = "https://api.vipps.no/signup/v1/loginRequests";`;

const partner = `
import axios from "axios";
const VIPPS = "https://api.vipps.no";
export const salesUnit = (msn) => fetch(\`\${VIPPS}/partner-api/v0/salesunits/\${msn}\`);
export const merchant = (orgno) => fetch(\`\${VIPPS}/partner-api/v0/merchants/\${orgno}\`);
export const order = (body) => axios.post(VIPPS + "/partner-api/v1/products/orders", body);`;

const mobilePayApis = `
const MOBILEPAY = "https://api.mobilepay.dk";
export const pay = (body) => fetch(\`\${MOBILEPAY}/v1/payments\`, { method: "POST", body: JSON.stringify(body) });
export const agreements = () => fetch("https://api.sandbox.mobilepay.dk/subscriptions/api/providers/p1/agreements");`;

const landingHosts = `
export const isVippsRedirect = (url) => url.startsWith("https://pay.mobilepay.dk/") || url.startsWith("https://pay.mobilepay.fi/");
export const ALLOWED = ["pay.mobilepay.dk", "pay.vipps.no"];
export const CSP = "default-src 'self'; frame-src https://pay.mobilepay.fi";`;

const vippsnoSdk = `
import Vipps from "@vippsno/vipps-sdk";
export const client = new Vipps({ merchantSerialNumber: "123456" });`;

const sdkZeroX = `
import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key", useTestMode: true });
export async function subscribe(token, body) {
  const created = await client.agreement.create(token, body);
  return client.charge.list(token, created.data.agreementId);
}`;

const nninScopes = `
const scope = "openid nnin name";
export const authorizeUrl = (base) => base + "?client_id=x&scope=openid%20nnin&state=abcdefgh";
export const options = { scope: ["openid", "nnin"] };`;

const checkoutCalls = `
import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export const session = (body) => client.checkout.create("id", "secret", body);
export const viaFetch = (body) => fetch("https://api.vipps.no/checkout/v3/session", { method: "POST", body: JSON.stringify(body) });`;

const shared: RunTests<MessageIds, Options> = {
  valid: [
    { name: "a host named in prose", code: `export const hint = "Pay at pay.mobilepay.dk or in the app";` },
    { name: "a host that only starts like the retired one", code: `export const url = "https://pay.mobilepay.dk.example.com/x";` },
    { name: "the new landing page hosts", code: `export const ALLOWED = ["pay.vipps.dk", "https://pay.vipps.fi/"];` },
    { name: "a /status path of another service", code: `export const s = (id) => fetch(\`https://api.example.com/orders/\${id}/status\`);` },
    { name: "an ePayment path in a Vipps file", code: `export const s = (ref) => fetch(\`https://api.vipps.no/epayment/v1/payments/\${ref}\`);` },
    { name: "Recurring v3 paths", code: `export const d = (body) => fetch("https://api.vipps.no/recurring/v3/agreements", { method: "POST", body });` },
    { name: "a version that only starts with v2", code: `export const d = "https://api.vipps.no/recurring/v20/agreements";` },
    {
      name: "the 1.x SDK spelling",
      code: `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export const a = (token, body) => client.recurring.agreement.create(token, body);`,
    },
    { name: "Checkout v3 without the checkout option", code: checkoutCalls },
    { name: "a partner API of another vendor", code: `export const o = () => fetch("https://api.acme.example/partner-api/v1/orders");` },
    { name: "a payments path on another host", code: `export const p = () => fetch("https://api.example.com/v1/payments");` },
    { name: "nnin outside a scope", code: `export const label = "nnin";` },
    { name: "the current scope", code: `export const scope = "openid nin name";` },
    { name: "a module that only starts like the retired SDK", code: `import x from "@vippsno/vipps-sdk-types"; export default x;` },
  ],
  invalid: [
    invalid("eCom /status through fetch: the path becomes /details", statusFetch, [["`${BASE}/ecomm/v2/payments/${orderId}/status`", "ecom-status"]], statusFetch.replace("}/status`", "}/details`")),
    invalid(
      "eCom /status through axios, a concatenated URL",
      statusAxios,
      [['"https://api.vipps.no/ecomm/v2/payments/" + orderId + "/status"', "ecom-status"]],
      statusAxios.replace('"/status"', '"/details"'),
    ),
    {
      name: "eCom /status whose answer is read for a field /details lacks: a suggestion",
      code: statusFieldsRead,
      output: null,
      errors: [
        {
          ...at(statusFieldsRead, "`https://api.vipps.no/ecomm/v2/payments/${orderId}/status`", "ecom-status", 1, "retiredFieldsRead"),
          data: dataOf("ecom-status", "transactionInfo"),
          suggestions: [{ messageId: "switchAnyway", data: dataOf("ecom-status", "transactionInfo"), output: statusFieldsRead.replace("}/status`", "}/details`") }],
        },
      ],
    },
    invalid(
      "Recurring v2 through got and in a base URL constant",
      recurringV2,
      [
        ["`${base}/recurring/v2/agreements`", "recurring-v2"],
        ['"https://api.vipps.no/recurring/v2"', "recurring-v2"],
      ],
      null,
    ),
    invalid("eCom v1", ecomV1, [['"https://api.vipps.no/ecomm/v1/payments"', "ecom-v1"]], null),
    invalid(
      "the Signup API and its login requests",
      signup,
      [
        ['"https://api.vippsbedrift.no/v1/partial/signup"', "signup-api"],
        ['"https://api.vipps.no/signup/v1/loginRequests"', "signup-login-requests"],
      ],
      null,
    ),
    invalid(
      "the Partner API: the one-to-one paths are rewritten, the merchant lookup is not",
      partner,
      [
        ["`${VIPPS}/partner-api/v0/salesunits/${msn}`", "partner-api"],
        ["`${VIPPS}/partner-api/v0/merchants/${orgno}`", "partner-api"],
        ['"/partner-api/v1/products/orders"', "partner-api"],
      ],
      partner.replace("/partner-api/v0/salesunits/", "/management/v1/sales-units/").replace("/partner-api/v1/products/orders", "/management/v1/product-orders"),
    ),
    invalid(
      "MobilePay App Payments (host from a constant) and Subscriptions",
      mobilePayApis,
      [
        ["`${MOBILEPAY}/v1/payments`", "mobilepay-app-payments"],
        ['"https://api.sandbox.mobilepay.dk/subscriptions/api/providers/p1/agreements"', "mobilepay-subscriptions"],
      ],
      null,
    ),
    invalid(
      "landing page hosts in redirect checks, an allow-list and a CSP",
      landingHosts,
      [
        ['"https://pay.mobilepay.dk/"', "mobilepay-landing-dk"],
        ['"https://pay.mobilepay.fi/"', "mobilepay-landing-fi"],
        ['"pay.mobilepay.dk"', "mobilepay-landing-dk"],
        [`"default-src 'self'; frame-src https://pay.mobilepay.fi"`, "mobilepay-landing-fi"],
      ],
      landingHosts.replaceAll("pay.mobilepay.dk", "pay.vipps.dk").replaceAll("pay.mobilepay.fi", "pay.vipps.fi"),
    ),
    invalid("the deprecated SDK's import", vippsnoSdk, [['"@vippsno/vipps-sdk"', "vippsno-sdk"]], null),
    invalid(
      "the SDK's 0.x spellings",
      sdkZeroX,
      [
        ["agreement", "sdk-0x-namespaces"],
        ["charge", "sdk-0x-namespaces"],
      ],
      sdkZeroX.replace("client.agreement.", "client.recurring.agreement.").replace("client.charge.", "client.recurring.charge."),
    ),
    invalid(
      "the nnin scope in a scope constant, a query string and a scope list",
      nninScopes,
      [
        ['"openid nnin name"', "login-nnin-scope"],
        ['"?client_id=x&scope=openid%20nnin&state=abcdefgh"', "login-nnin-scope"],
        ['"nnin"', "login-nnin-scope"],
      ],
      nninScopes.replace("openid nnin name", "openid nin name").replace("%20nnin", "%20nin").replace('"nnin"', '"nin"'),
    ),
    invalid(
      "Checkout v3 through the SDK and fetch, under the checkout option",
      checkoutCalls,
      [
        ['client.checkout.create("id", "secret", body)', "checkout-v3"],
        ['"https://api.vipps.no/checkout/v3/session"', "checkout-v3"],
      ],
      null,
      [{ checkout: true }],
    ),
  ],
};

jsTester.run("no-deprecated-api (JavaScript, no globals declared)", rule, shared);
jsWithGlobalsTester.run("no-deprecated-api (JavaScript, globals declared)", rule, shared);
tsTester.run("no-deprecated-api (TypeScript)", rule, shared);

const requireSdk = `const Vipps = require("@vippsno/vipps-sdk");
module.exports = new Vipps({});`;
cjsTester.run("no-deprecated-api (CommonJS)", rule, {
  valid: [],
  invalid: [invalid("the deprecated SDK's require", requireSdk, [['"@vippsno/vipps-sdk"', "vippsno-sdk"]], null)],
});

const typed = `const base: string = "https://api.vipps.no";
export const statusOf = (id: string) => fetch(\`\${base}/ecomm/v2/payments/\${id}/status\` as string);
export const hosts: readonly string[] = ["pay.mobilepay.fi"] as const;`;
tsTester.run("no-deprecated-api (TypeScript only)", rule, {
  valid: [],
  invalid: [
    invalid(
      "type assertions around the URL and the allow-list",
      typed,
      [
        ["`${base}/ecomm/v2/payments/${id}/status`", "ecom-status"],
        ['"pay.mobilepay.fi"', "mobilepay-landing-fi"],
      ],
      typed.replace("}/status`", "}/details`").replace('"pay.mobilepay.fi"', '"pay.vipps.fi"'),
    ),
  ],
});

describe("the deprecation data", () => {
  it("gives every entry a source, a replacement and a date where the source has one", () => {
    for (const deprecation of DEPRECATIONS) {
      expect(deprecation.source, deprecation.id).not.toBe("");
      expect(deprecation.replacement, deprecation.id).not.toBe("");
      if (deprecation.since !== undefined) expect(deprecation.since, deprecation.id).toMatch(/^\d{4}-(?:\d{2}(?:-\d{2})?|Q[1-4])$/);
    }
  });

  it("derives the fields /details lacks from the generated response schemas", () => {
    expect(fieldsLostByReplacement(entry("ecom-status"))).toEqual(["transactionInfo"]);
  });

  it("turns the checkout entry on in vipps/all only", () => {
    expect(rule.meta.docs?.allConfigOptions).toEqual({ checkout: true });
    expect(rule.meta.defaultOptions).toEqual([{ checkout: false }]);
  });
});
