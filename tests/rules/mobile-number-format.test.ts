import rule from "../../rules/mobile-number-format.js";
import { cjsTester, jsTester, jsWithGlobalsTester, locate, tsTester } from "../support/testers.js";

const ECOM_URL = "https://api.vipps.no/ecomm/v2/payments";

/** A report of `messageId` at `snippet`. */
const at = (code: string, messageId: "wrongFormat" | "invalidNumber" | "foreignNumber", snippet: string, nth = 1) => ({
  messageId,
  ...locate(code, snippet, nth),
});

/** An invalid case whose every `[from, to]` literal is reported as wrongly formatted and rewritten to `to`. */
const repaired = (code: string, ...replacements: [from: string, to: string][]) => ({
  code,
  output: replacements.reduce((text, [from, to]) => text.replace(from, to), code),
  errors: replacements.map(([from]) => at(code, "wrongFormat", from)),
});

// ---------------------------------------------------------------------------------------------------------------------
// fetch, inline and through constants, with and without declared globals
// ---------------------------------------------------------------------------------------------------------------------

const fetchInline = `await fetch("${ECOM_URL}", {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456" },
    customerInfo: { mobileNumber: "+47 91 23 45 67" },
    transaction: { amount: 1000, orderId: "order-1" },
  }),
});`;

const fetchThroughConsts = `const baseUrl = process.env.VIPPS_BASE_URL;
export async function initiate(order) {
  const payload = {
    merchantInfo: { merchantSerialNumber: process.env.MSN },
    customerInfo: { mobileNumber: order.phone || '0047 91234567' },
    transaction: { amount: order.total, orderId: order.id },
  };
  const options = { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) };
  const response = await fetch(\`\${baseUrl}/ecomm/v2/payments\`, options);
  return response.json();
}`;

const fallbacks = `export function initiate(phone, test) {
  return fetch(process.env.VIPPS_URL + "/ecomm/v2/payments", {
    method: "POST",
    body: JSON.stringify({
      customerInfo: { mobileNumber: test ? "912 34 567" : phone ?? "47 912 34 567" },
    }),
  });
}`;

const constantUsedOnce = `const TEST_PHONE = "+47 912 34 567";
fetch(new URL("/ecomm/v2/payments", process.env.VIPPS_BASE), {
  method: "POST",
  body: JSON.stringify({ customerInfo: { mobileNumber: TEST_PHONE } }),
});`;

const constantUsedTwice = `const TEST_PHONE = "+47 912 34 567";
console.log(TEST_PHONE);
fetch(new URL("/ecomm/v2/payments", process.env.VIPPS_BASE), {
  method: "POST",
  body: JSON.stringify({ customerInfo: { mobileNumber: TEST_PHONE } }),
});`;

const spreadBase = `const base = { customerInfo: { mobileNumber: "+4791234567" } };
fetch(ECOM, { method: "POST", body: JSON.stringify({ ...base, transaction: { amount: 100 } }) });
const ECOM = "https://apitest.vipps.no/ecomm/v2/payments";`;

const templateLiteralValue = "fetch(`https://api.vipps.no/ecomm/v2/payments`, { method: 'POST', body: JSON.stringify({ customerInfo: { mobileNumber: `+47 91234567` } }) });";

const globalThisFetch = `globalThis.fetch("${ECOM_URL}", { method: "POST", body: JSON.stringify({ customerInfo: { mobileNumber: "+47 91234567" } }) });`;

const aliasedFetch = `const send = fetch;
send("${ECOM_URL}", { method: "POST", body: JSON.stringify({ customerInfo: { mobileNumber: "+47 91234567" } }) });`;

// ---------------------------------------------------------------------------------------------------------------------
// Other transports
// ---------------------------------------------------------------------------------------------------------------------

const nodeFetchDefault = `import nodeFetch from "node-fetch";
await nodeFetch("https://api.vipps.no/epayment/v1/payments", {
  method: "POST",
  body: JSON.stringify({ customer: { phoneNumber: "91234567" }, reference: "order-123456" }),
});`;

const undiciNamed = `import { fetch as undiciFetch } from "undici";
await undiciFetch("https://api.vipps.no/checkout/v3/session", {
  method: "POST",
  body: JSON.stringify({ prefillCustomer: { phoneNumber: "+47 912 34 567" } }),
});`;

const axiosPost = `import axios from "axios";
export const createPayment = (reference: string) =>
  axios.post(\`\${process.env.VIPPS_BASE_URL}/epayment/v1/payments\`, {
    reference,
    customer: { phoneNumber: "91234567" },
  }, { headers: { "Idempotency-Key": reference } });`;

const axiosConfig = `import axios from "axios";
axios({
  url: "https://api.vipps.no/epayment/v1/payments",
  method: "post",
  data: { customer: { phoneNumber: "+47 91234567" } },
});`;

const axiosInstanceInClass = `import axios, { type AxiosInstance } from "axios";
export class VippsClient {
  private readonly http: AxiosInstance;
  constructor() {
    this.http = axios.create({ baseURL: "https://api.vipps.no/epayment/v1" });
  }
  createPayment(reference: string) {
    return this.http.post("/payments", { reference, customer: { phoneNumber: "91234567" } });
  }
}`;

const axiosInstanceField = `import axios from "axios";
export class VippsClient {
  http = axios.create({ baseURL: process.env.VIPPS_URL + "/recurring/v3" });
  draft() {
    return this.http.post("/agreements", { phoneNumber: "91234567", pricing: { amount: 100 } });
  }
}`;

const axiosRequire = `const axios = require("axios").default;
const api = axios.create({ baseURL: "https://api.vipps.no" });
module.exports = () => api.post("/epayment/v1/payments", { customer: { phoneNumber: "91234567" } });`;

const gotPost = `const got = require("got");
exports.createAgreement = (body) =>
  got.post(process.env.VIPPS_BASE_URL + "/recurring/v3/agreements", {
    json: { ...body, phoneNumber: "+47 912 34 567" },
  }).json();`;

const gotOptionsFirst = `import got from "got";
await got({ url: "https://api.vipps.no/recurring/v3/agreements", method: "POST", json: { phoneNumber: "91234567" } });`;

const kyPost = `import ky from "ky";
const vipps = ky.create({ prefixUrl: "https://api.vipps.no" });
await vipps.post("checkout/v3/session", { json: { prefillCustomer: { phoneNumber: "91234567" } } }).json();`;

const requestPromise = `const rp = require("request-promise-native");
rp.post({ uri: "https://api.vipps.no/ecomm/v2/payments", json: { customerInfo: { mobileNumber: "+4791234567" } } });
rp({ method: "POST", uri: "https://api.vipps.no/ecomm/v2/payments", body: { customerInfo: { mobileNumber: "+4791234568" } }, json: true });`;

const superagentChain = `import superagent from "superagent";
await superagent
  .post("https://api.vipps.no/epayment/v1/payments")
  .set({ Authorization: \`Bearer \${token}\` })
  .send({ customer: { phoneNumber: "912 34 567" } });`;

const sdkClient = `import { Client as VippsClient } from "@vippsmobilepay/sdk";
const client = VippsClient({ merchantSerialNumber: "123456", subscriptionKey: "key", useTestMode: true });
const token = await client.auth.getToken("id", "secret");
await client.payment.create(token.data.access_token, {
  amount: { currency: "NOK", value: 1000 },
  paymentMethod: { type: "WALLET" },
  reference: "order-123456",
  userFlow: "WEB_REDIRECT",
  customer: { phoneNumber: "+47 91234567" },
});`;

const sdkRequire = `const sdk = require("@vippsmobilepay/sdk");
const vipps = sdk.Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
vipps.recurring.agreement.create(token, { phoneNumber: "91234567", pricing: { amount: 100 } });`;

const deprecatedSdk = `import Vipps from "@vippsno/vipps-sdk";
const vipps = new Vipps({ merchantSerialNumber: "123456" });
await vipps.ePayment.createPayment({ customer: { phoneNumber: "91234567" } });`;

const wrapperWithUrl = `export async function initiate(order) {
  return vippsFetch({ uri: "/ecomm/v2/payments", body: { customerInfo: { mobileNumber: "+47 91234567" } } });
}`;

const wrapperWithEndpoint = `class Checkout {
  pay() {
    return this.vipps.initiate({ customerInfo: { mobileNumber: "+47 91234567" } });
  }
}`;

// ---------------------------------------------------------------------------------------------------------------------
// Bodies without a call, and form-encoded bodies
// ---------------------------------------------------------------------------------------------------------------------

const shapeOnly = `export function buildInitiateBody(order: { id: string; total: number }) {
  return {
    merchantInfo: { merchantSerialNumber: "123456", callbackPrefix: "https://shop.example/vipps" },
    customerInfo: { mobileNumber: "+47 91 23 45 67" },
    transaction: { orderId: order.id, amount: order.total, transactionText: "Order" },
  } satisfies Record<string, unknown>;
}`;

const cibaFormString = `await fetch("https://api.vipps.no/vipps-login-ciba/api/backchannel/authentication", {
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: "scope=openid%20name&login_hint=urn:msisdn:91234567",
});`;

const cibaFormPlus = `fetch("https://api.vipps.no/vipps-login-ciba/api/backchannel/authentication", { method: "POST", body: "login_hint=urn:msisdn:+4791234567&scope=openid" });`;

const cibaSearchParams = `const params = new URLSearchParams({ scope: "openid", login_hint: "urn:msisdn:+47 912 34 567" });
await fetch("https://api.vipps.no/vipps-login-ciba/api/backchannel/authentication", { method: "POST", body: params });`;

const cibaAppend = `const form = new URLSearchParams();
form.append("scope", "openid");
form.append("login_hint", "91234567");
await fetch("https://api.vipps.no/vipps-login-ciba/api/backchannel/authentication", { method: "POST", body: form.toString() });`;

const ecomTestApprove = `await fetch(\`\${base}/ecomm/v2/integration-test/payments/\${orderId}/approve\`, {
  method: "POST",
  body: JSON.stringify({ customerPhoneNumber: "+47 91234567" }),
});`;

const epaymentBody = (phone: string) =>
  `fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify({ customer: { phoneNumber: "${phone}" } }) });`;

const ecomBody = (phone: string) =>
  `fetch("${ECOM_URL}", { method: "POST", body: JSON.stringify({ customerInfo: { mobileNumber: "${phone}" } }) });`;

const jsxComponent = `export function PayButton({ phone }) {
  const pay = () => fetch("${ECOM_URL}", { method: "POST", body: JSON.stringify({ customerInfo: { mobileNumber: "+47 91234567" } }) });
  return <button onClick={pay}>Pay with Vipps</button>;
}`;

tsTester.run("mobile-number-format (TypeScript)", rule, {
  valid: [
    // Correct values, each API's own format.
    ecomBody("91234567"),
    epaymentBody("4791234567"),
    epaymentBody("4520123456"),
    epaymentBody("358401234567"),
    `fetch("https://api.vipps.no/checkout/v3/session", { method: "POST", body: JSON.stringify({ prefillCustomer: { phoneNumber: "4791234567" } }) });`,
    // Not constant: nothing to judge.
    `fetch("${ECOM_URL}", { method: "POST", body: JSON.stringify({ customerInfo: { mobileNumber: user.phone } }) });`,
    "fetch(`" + ECOM_URL + "`, { method: 'POST', body: JSON.stringify({ customerInfo: { mobileNumber: `+47${user.phone}` } }) });",
    `let phone = "+47 91234567"; phone = read(); fetch("${ECOM_URL}", { method: "POST", body: JSON.stringify({ customerInfo: { mobileNumber: phone } }) });`,
    // An empty value asks for no prefill.
    ecomBody(""),
    // Phone-like fields outside a Vipps request body.
    `fetch("https://api.example.com/users", { method: "POST", body: JSON.stringify({ customerInfo: { mobileNumber: "+47 91 23 45 67" } }) });`,
    `const user = { customerInfo: { mobileNumber: "+47 91 23 45 67" }, transaction: {} };`,
    `axios.post("https://api.vipps.no/epayment/v1/payments", { customer: { phoneNumber: "91234567" } });`,
    // Fields that belong to another API, or sit at the wrong depth, are not this rule's business.
    `fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify({ customerInfo: { mobileNumber: "+47 91234567" } }) });`,
    `fetch("${ECOM_URL}", { method: "POST", body: JSON.stringify({ mobileNumber: "+47 91234567" }) });`,
    `fetch("${ECOM_URL}/order-1/capture", { method: "POST", body: JSON.stringify({ customerInfo: { mobileNumber: "+47 91234567" } }) });`,
    // A local function or parameter named fetch is not the global.
    `function send(fetch: (url: string, init: object) => void) { fetch("${ECOM_URL}", { method: "POST", body: JSON.stringify({ customerInfo: { mobileNumber: "+47 91234567" } }) }); }`,
    `import { fetch } from "./my-fetch"; fetch("${ECOM_URL}", { method: "POST", body: JSON.stringify({ customerInfo: { mobileNumber: "+47 91234567" } }) });`,
    // The CIBA hint may name a customer token instead of a number.
    `fetch("https://api.vipps.no/vipps-login-ciba/api/backchannel/authentication", { method: "POST", body: new URLSearchParams({ login_hint: "urn:customer-token:abc" }) });`,
    `fetch("https://api.vipps.no/vipps-login-ciba/api/backchannel/authentication", { method: "POST", body: "login_hint=urn:msisdn:4791234567&scope=openid" });`,
    // Almost the eCom initiate shape, but no merchantSerialNumber: an ordinary object.
    `const order = { merchantInfo: { name: "Shop" }, customerInfo: { mobileNumber: "+47 91234567" }, transaction: {} };`,
    // A wrapper that is not configured is not followed.
    `vippsFetch({ uri: "/ecomm/v2/payments", body: { customerInfo: { mobileNumber: "+47 91234567" } } });`,
  ],
  invalid: [
    repaired(fetchInline, ['"+47 91 23 45 67"', '"91234567"']),
    repaired(fetchThroughConsts, ["'0047 91234567'", "'91234567'"]),
    repaired(fallbacks, ['"912 34 567"', '"91234567"'], ['"47 912 34 567"', '"91234567"']),
    {
      code: constantUsedOnce,
      output: constantUsedOnce.replace('"+47 912 34 567"', '"91234567"'),
      errors: [at(constantUsedOnce, "wrongFormat", "TEST_PHONE", 2)],
    },
    {
      // The constant has another use: reported where the body uses it, not rewritten under the other use.
      code: constantUsedTwice,
      output: null,
      errors: [at(constantUsedTwice, "wrongFormat", "TEST_PHONE", 3)],
    },
    repaired(spreadBase, ['"+4791234567"', '"91234567"']),
    repaired(templateLiteralValue, ["`+47 91234567`", "`91234567`"]),
    repaired(globalThisFetch, ['"+47 91234567"', '"91234567"']),
    repaired(aliasedFetch, ['"+47 91234567"', '"91234567"']),
    repaired(nodeFetchDefault, ['"91234567"', '"4791234567"']),
    repaired(undiciNamed, ['"+47 912 34 567"', '"4791234567"']),
    repaired(axiosPost, ['"91234567"', '"4791234567"']),
    repaired(axiosConfig, ['"+47 91234567"', '"4791234567"']),
    repaired(axiosInstanceInClass, ['"91234567"', '"4791234567"']),
    repaired(axiosInstanceField, ['"91234567"', '"4791234567"']),
    repaired(gotOptionsFirst, ['"91234567"', '"4791234567"']),
    repaired(kyPost, ['"91234567"', '"4791234567"']),
    repaired(superagentChain, ['"912 34 567"', '"4791234567"']),
    repaired(sdkClient, ['"+47 91234567"', '"4791234567"']),
    repaired(deprecatedSdk, ['"91234567"', '"4791234567"']),
    {
      code: wrapperWithUrl,
      output: wrapperWithUrl.replace('"+47 91234567"', '"91234567"'),
      settings: { vipps: { wrappers: [{ name: "vippsFetch", url: "0.uri", body: "0.body" }] } },
      errors: [at(wrapperWithUrl, "wrongFormat", '"+47 91234567"')],
    },
    {
      code: wrapperWithEndpoint,
      output: wrapperWithEndpoint.replace('"+47 91234567"', '"91234567"'),
      settings: { vipps: { wrappers: [{ name: "vipps.initiate", endpoint: "ecom.initiate", body: 0 }] } },
      errors: [at(wrapperWithEndpoint, "wrongFormat", '"+47 91234567"')],
    },
    repaired(shapeOnly, ['"+47 91 23 45 67"', '"91234567"']),
    repaired(cibaFormString, ["urn:msisdn:91234567", "urn:msisdn:4791234567"]),
    repaired(cibaSearchParams, ['"urn:msisdn:+47 912 34 567"', '"urn:msisdn:4791234567"']),
    repaired(cibaAppend, ['"91234567"', '"urn:msisdn:4791234567"']),
    repaired(ecomTestApprove, ['"+47 91234567"', '"91234567"']),
    // No fix where the value is no valid mobile number, or from a country the API does not take.
    { code: ecomBody("1234"), output: null, errors: [at(ecomBody("1234"), "invalidNumber", '"1234"')] },
    {
      code: ecomBody("12345678901234567"),
      output: null,
      errors: [at(ecomBody("12345678901234567"), "invalidNumber", '"12345678901234567"')],
    },
    { code: ecomBody("22 12 34 56"), output: null, errors: [at(ecomBody("22 12 34 56"), "invalidNumber", '"22 12 34 56"')] },
    { code: ecomBody("call me"), output: null, errors: [at(ecomBody("call me"), "invalidNumber", '"call me"')] },
    {
      code: ecomBody("+46 70 123 45 67"),
      output: null,
      errors: [at(ecomBody("+46 70 123 45 67"), "foreignNumber", '"+46 70 123 45 67"')],
    },
    {
      code: epaymentBody("+46 70 123 45 67"),
      output: null,
      errors: [at(epaymentBody("+46 70 123 45 67"), "foreignNumber", '"+46 70 123 45 67"')],
    },
    {
      code: epaymentBody("004791234567"),
      output: epaymentBody("4791234567"),
      errors: [at(epaymentBody("004791234567"), "wrongFormat", '"004791234567"')],
    },
    {
      code: epaymentBody("+45 20 12 34 56"),
      output: epaymentBody("4520123456"),
      errors: [at(epaymentBody("+45 20 12 34 56"), "wrongFormat", '"+45 20 12 34 56"')],
    },
    // Options.
    {
      code: epaymentBody("+46 70 123 45 67"),
      output: epaymentBody("46701234567"),
      options: [{ msisdnCountries: ["NO", "DK", "FI", "SE"] }],
      errors: [at(epaymentBody("+46 70 123 45 67"), "wrongFormat", '"+46 70 123 45 67"')],
    },
    {
      code: epaymentBody("20 12 34 56"),
      output: epaymentBody("4520123456"),
      options: [{ defaultCountry: "DK" }],
      errors: [at(epaymentBody("20 12 34 56"), "wrongFormat", '"20 12 34 56"')],
    },
  ],
});

tsTester.run("mobile-number-format (message data)", rule, {
  valid: [],
  invalid: [
    {
      code: fetchInline,
      output: fetchInline.replace('"+47 91 23 45 67"', '"91234567"'),
      errors: [
        {
          messageId: "wrongFormat",
          data: {
            api: "eCom API",
            field: "customerInfo.mobileNumber",
            format: "8 digits without country code",
            example: "91234567",
            value: "+47 91 23 45 67",
          },
          line: 5,
          column: 35,
          endLine: 5,
          endColumn: 52,
        },
      ],
    },
    {
      code: ecomBody("+46 70 123 45 67"),
      output: null,
      errors: [
        {
          messageId: "foreignNumber",
          data: { api: "eCom API", field: "customerInfo.mobileNumber", value: "+46 70 123 45 67", country: "SE", allowed: "NO" },
        },
      ],
    },
    {
      // In a form-encoded string "+" stands for a space; the message shows the value as written.
      code: cibaFormPlus,
      output: cibaFormPlus.replace("urn:msisdn:+4791234567", "urn:msisdn:4791234567"),
      errors: [
        {
          messageId: "wrongFormat",
          data: {
            api: "Login API",
            field: "login_hint",
            format: '"urn:msisdn:" followed by an MSISDN',
            example: "urn:msisdn:4791234567",
            value: "urn:msisdn:+4791234567",
          },
          ...locate(cibaFormPlus, "urn:msisdn:+4791234567"),
        },
      ],
    },
    {
      code: cibaAppend,
      output: cibaAppend.replace('"91234567"', '"urn:msisdn:4791234567"'),
      errors: [
        {
          messageId: "wrongFormat",
          data: {
            api: "Login API",
            field: "login_hint",
            format: '"urn:msisdn:" followed by an MSISDN',
            example: "urn:msisdn:4791234567",
            value: "91234567",
          },
        },
      ],
    },
  ],
});

const tsxComponent = `export function PayButton({ phone }: { phone?: string }) {
  const pay = async (): Promise<void> => {
    await fetch("https://api.vipps.no/epayment/v1/payments", {
      method: "POST",
      body: JSON.stringify({ customer: { phoneNumber: phone ?? "91234567" } } satisfies object),
    });
  };
  return <button onClick={pay}>Pay with Vipps</button>;
}`;

tsTester.run("mobile-number-format (TSX)", rule, {
  valid: [],
  invalid: [
    {
      ...repaired(tsxComponent, ['"91234567"', '"4791234567"']),
      filename: "component.tsx",
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
  ],
});

jsTester.run("mobile-number-format (JavaScript, no globals declared)", rule, {
  valid: [ecomBody("91234567"), `const fetch = () => {}; ${ecomBody("+47 91234567")}`],
  invalid: [
    repaired(fetchInline, ['"+47 91 23 45 67"', '"91234567"']),
    repaired(requestPromise, ['"+4791234567"', '"91234567"'], ['"+4791234568"', '"91234568"']),
    repaired(jsxComponent, ['"+47 91234567"', '"91234567"']),
  ],
});

jsWithGlobalsTester.run("mobile-number-format (JavaScript, globals declared)", rule, {
  valid: [ecomBody("91234567")],
  invalid: [
    repaired(fetchInline, ['"+47 91 23 45 67"', '"91234567"']),
    repaired(globalThisFetch, ['"+47 91234567"', '"91234567"']),
  ],
});

cjsTester.run("mobile-number-format (CommonJS)", rule, {
  valid: [],
  invalid: [
    repaired(gotPost, ['"+47 912 34 567"', '"4791234567"']),
    repaired(axiosRequire, ['"91234567"', '"4791234567"']),
    repaired(sdkRequire, ['"91234567"', '"4791234567"']),
    repaired(requestPromise, ['"+4791234567"', '"91234567"'], ['"+4791234568"', '"91234568"']),
  ],
});
