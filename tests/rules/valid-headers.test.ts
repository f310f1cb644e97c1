import type { InvalidTestCase, RunTests } from "@typescript-eslint/rule-tester";
import type { ESLintUtils } from "@typescript-eslint/utils";
import rule from "../../rules/valid-headers.js";
import { cjsTester, jsTester, jsWithGlobalsTester, locate, tsTester } from "../support/testers.js";

type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;
type Options = ESLintUtils.InferOptionsTypeFromRule<typeof rule>;

const EPAYMENT = "https://api.vipps.no/epayment/v1/payments";
/** The headers every ePayment call takes but the Idempotency-Key. */
const AUTH = `Authorization: \`Bearer \${token}\`, "Ocp-Apim-Subscription-Key": "key", "Merchant-Serial-Number": "123456"`;

/** An error at the start of `snippet` (its nth occurrence). */
const at = (code: string, messageId: MessageIds, snippet: string, nth = 1) => {
  const { line, column } = locate(code, snippet, nth);
  return { messageId, line, column };
};

const missingKeySuggested = `
export function capture(reference, token) {
  return fetch(\`${EPAYMENT}/\${reference}/capture\`, {
    method: "POST",
    headers: { ${AUTH} },
    body: JSON.stringify({ modificationAmount: { currency: "NOK", value: 100 } }),
  });
}`;

const wrongNames = `
export function create(token, key, merchantSerialNumber) {
  return fetch("${EPAYMENT}", {
    method: "POST",
    // the names as a trial wrote them
    headers: { Authorization: \`Bearer \${token}\`, "Ocp-Apim-Subscription-Key": "key", merchantSerialNumber, "Idempotent-Key": key, vipps_system_name: "shop" },
    body: "{}",
  });
}`;

const axiosDefaults = `
import axios from "axios";
const vipps = axios.create({ baseURL: "https://api.vipps.no", headers: { Authorization: "Bearer t", "Ocp-Apim-Subscription-Key": "key" } });
export function charge(agreementId, body) {
  return vipps.post(\`/recurring/v3/agreements/\${agreementId}/charges\`, body, { headers: { "Merchant-Serial-Number": "123456" } });
}`;

const gotFresh = `
import got from "got";
import { randomUUID } from "node:crypto";
export function refund(reference, token) {
  return got.post(\`${EPAYMENT}/\${reference}/refund\`, {
    headers: { ${AUTH}, "Idempotency-Key": randomUUID() },
    json: { modificationAmount: { currency: "NOK", value: 100 } },
  });
}`;

const kyConstant = `
import ky from "ky";
export function create(token) {
  return ky.post("${EPAYMENT}", { headers: { ${AUTH}, "Idempotency-Key": "order-key" }, json: {} });
}`;

const superagentCapture = `
import superagent from "superagent";
export function capture(orderId, token) {
  return superagent.post(\`https://api.vipps.no/ecomm/v2/payments/\${orderId}/capture\`).set({ Authorization: \`Bearer \${token}\`, "Ocp-Apim-Subscription-Key": "key" }).send({});
}`;

const newHeaders = `
export function info(reference, accessToken) {
  const headers = new Headers();
  headers.append("Authorization", accessToken);
  headers.append("Ocp-Apim-Subscription-Key", "key");
  return fetch(\`${EPAYMENT}/\${reference}\`, { headers });
}`;

const badValues = `
export function info(reference, token) {
  fetch("https://api.vipps.no/vipps-userinfo-api/userinfo/abc", { headers: { Authorization: \`Bearer \${token}\`, "Ocp-Apim-Subscription-Key": "key" } });
  return fetch(\`${EPAYMENT}/\${reference}\`, {
    headers: { Authorization: \`Bearer \${token}\`, "Ocp-Apim-Subscription-Key": "key", "Merchant-Serial-Number": "12", "Vipps-System-Name": "a-very-long-system-name-beyond-thirty", client_secret: "s" },
  });
}`;

const sharedAndFresh = `
import { v4 as uuidv4 } from "uuid";
const H = { Authorization: "Bearer t", "Ocp-Apim-Subscription-Key": "key", "Merchant-Serial-Number": "123456" };
export function create(reference) {
  return fetch("${EPAYMENT}", { method: "POST", headers: { ...H, "Idempotency-Key": reference }, body: "{}" });
}
export function capture(reference) {
  return fetch(\`${EPAYMENT}/\${reference}/capture\`, { method: "POST", headers: { ...H, "Idempotency-Key": reference }, body: "{}" });
}
export function cancel(reference) {
  const key = uuidv4();
  return fetch(\`${EPAYMENT}/\${reference}/cancel\`, { method: "POST", headers: { ...H, "Idempotency-Key": key }, body: "{}" });
}`;

const EPAYMENT_SOURCE = "epayment-v1.yaml 1.8.1";

const shared: RunTests<MessageIds, Options> = {
  valid: [
    {
      name: "every header, names in other cases, the key passed in by the caller",
      code: `
export function create(token, idempotencyKey) {
  return fetch("${EPAYMENT}", {
    method: "POST",
    headers: { authorization: \`Bearer \${token}\`, "ocp-apim-subscription-key": "key", "merchant-serial-number": "1234", "Idempotency-Key": idempotencyKey },
    body: "{}",
  });
}`,
    },
    {
      name: "headers from a helper of another module, and a spread of a parameter",
      code: `
import { vippsHeaders } from "./headers.js";
export function create(reference, base) {
  fetch("${EPAYMENT}", { method: "POST", headers: vippsHeaders(), body: "{}" });
  return fetch("${EPAYMENT}", { method: "POST", headers: { ...base, "Idempotency-Key": \`\${reference}-create\` }, body: "{}" });
}`,
    },
    {
      name: "keys derived from the reference and the operation",
      code: `
const H = { Authorization: "Bearer t", "Ocp-Apim-Subscription-Key": "key", "Merchant-Serial-Number": "123456" };
export function create(reference) {
  return fetch("${EPAYMENT}", { method: "POST", headers: { ...H, "Idempotency-Key": \`\${reference}-create\` }, body: "{}" });
}
export function capture(reference, n) {
  return fetch(\`${EPAYMENT}/\${reference}/capture\`, { method: "POST", headers: { ...H, "Idempotency-Key": \`\${reference}-capture-\${n}\` }, body: "{}" });
}`,
    },
    {
      name: "a key made once outside the retried call",
      code: `
import { randomUUID } from "node:crypto";
const H = { Authorization: "Bearer t", "Ocp-Apim-Subscription-Key": "key", "Merchant-Serial-Number": "123456" };
export async function capture(reference, retry) {
  const key = randomUUID();
  return retry(() => fetch(\`${EPAYMENT}/\${reference}/capture\`, { method: "POST", headers: { ...H, "Idempotency-Key": key }, body: "{}" }));
}`,
    },
    {
      name: "an axios instance with an interceptor that may add headers",
      code: `
import axios from "axios";
const vipps = axios.create({ baseURL: "https://api.vipps.no" });
vipps.interceptors.request.use((config) => config);
export function charge(agreementId, body) {
  return vipps.post(\`/recurring/v3/agreements/\${agreementId}/charges\`, body);
}`,
    },
    {
      name: "axios defaults set where the detection does not read them",
      code: `
import axios from "axios";
axios.defaults.headers.common["Authorization"] = "Bearer t";
export function info(reference) {
  return axios.get(\`${EPAYMENT}/\${reference}\`, { headers: { "Ocp-Apim-Subscription-Key": "key", "Merchant-Serial-Number": "123456" } });
}`,
    },
    {
      name: "got hooks",
      code: `
import got from "got";
const vipps = got.extend({ prefixUrl: "https://api.vipps.no", hooks: { beforeRequest: [(options) => { options.headers.authorization = "Bearer t"; }] } });
export function info(reference) {
  return vipps.get(\`epayment/v1/payments/\${reference}\`);
}`,
    },
    {
      name: "SDK calls: the SDK sets its own headers; the Client check is off by default",
      code: `
import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key", useTestMode: true });
export const pay = (body) => client.payment.create("token", body);`,
    },
    {
      name: "the access token call with client credentials",
      code: `
export function token() {
  return fetch("https://api.vipps.no/accesstoken/get", { method: "POST", headers: { client_id: "id", client_secret: "s", "Ocp-Apim-Subscription-Key": "key" } });
}`,
    },
    {
      name: "Checkout session with client credentials",
      code: `
export function session(body) {
  return fetch("https://api.vipps.no/checkout/v3/session", { method: "POST", headers: { client_id: "id", client_secret: "s", "Ocp-Apim-Subscription-Key": "key", "Merchant-Serial-Number": "123456" }, body });
}`,
    },
    {
      name: "a token that already carries its scheme",
      code: `
const bearer = "Bearer abc";
export function info(reference, authHeader) {
  fetch(\`${EPAYMENT}/\${reference}\`, { headers: { Authorization: bearer, "Ocp-Apim-Subscription-Key": "key", "Merchant-Serial-Number": "123456" } });
  return fetch(\`${EPAYMENT}/\${reference}\`, { headers: { Authorization: authHeader, "Ocp-Apim-Subscription-Key": "key", "Merchant-Serial-Number": "123456" } });
}`,
    },
    {
      name: "a bare reference as the key of one create only",
      code: `
const H = { Authorization: "Bearer t", "Ocp-Apim-Subscription-Key": "key", "Merchant-Serial-Number": "123456" };
export function create(reference) {
  return fetch("${EPAYMENT}", { method: "POST", headers: { ...H, "Idempotency-Key": reference }, body: "{}" });
}`,
    },
    {
      name: "a fresh key sent to endpoints that read no Idempotency-Key",
      code: `
import { randomUUID } from "node:crypto";
export function details(orderId, token) {
  return fetch(\`https://api.vipps.no/ecomm/v2/payments/\${orderId}/details\`, {
    headers: { Authorization: \`Bearer \${token}\`, "Ocp-Apim-Subscription-Key": "key", "Idempotency-Key": randomUUID() },
  });
}`,
    },
    {
      name: "a request that is not to Vipps",
      code: `fetch("https://example.com/api", { headers: { merchantSerialNumber: "1", "Idempotency-Key": "x" } });`,
    },
  ],
  invalid: [
    {
      name: "fetch: ePayment capture without Idempotency-Key; the reference in scope gives the suggestion",
      code: missingKeySuggested,
      errors: [
        {
          ...at(missingKeySuggested, "missingHeader", "fetch("),
          data: {
            target: 'ePayment API "capture payment"',
            article: "an",
            header: "Idempotency-Key",
            source: EPAYMENT_SOURCE,
            consequence: "without it a retried call may run the operation twice",
          },
          suggestions: [
            {
              messageId: "addHeader",
              data: { header: "Idempotency-Key", value: "`${reference}-capture`" },
              output: missingKeySuggested.replace('"123456" }', '"123456", "Idempotency-Key": `${reference}-capture` }'),
            },
          ],
        },
      ],
    },
    {
      name: "wrong names are renamed, a shorthand keeps its value",
      code: wrongNames,
      output: wrongNames
        .replace(" merchantSerialNumber,", ' "Merchant-Serial-Number": merchantSerialNumber,')
        .replace('"Idempotent-Key"', '"Idempotency-Key"')
        .replace("vipps_system_name:", '"Vipps-System-Name":'),
      errors: [
        at(wrongNames, "wrongName", "merchantSerialNumber,"),
        at(wrongNames, "wrongName", '"Idempotent-Key"'),
        at(wrongNames, "wrongName", "vipps_system_name"),
      ],
    },
    {
      name: "axios: instance defaults and per-call headers, no Idempotency-Key on a Recurring charge",
      code: axiosDefaults,
      errors: [at(axiosDefaults, "missingHeader", "vipps.post(")],
    },
    {
      name: "got: a key made fresh in the header",
      code: gotFresh,
      errors: [{ ...at(gotFresh, "freshKey", "randomUUID() }"), data: { target: 'ePayment API "refund payment"', maker: "randomUUID()", operation: "refund" } }],
    },
    {
      name: "ky: one constant key for every payment",
      code: kyConstant,
      errors: [at(kyConstant, "constantKey", '"order-key"')],
    },
    {
      name: "superagent: eCom capture without X-Request-Id",
      code: superagentCapture,
      errors: [{ ...at(superagentCapture, "missingHeader", "superagent.post("), data: { target: 'eCom API "capture payment"', article: "an", header: "X-Request-Id", source: "ecom-v2.yaml 2.0.3", consequence: "without it a retried call may run the operation twice" } }],
    },
    {
      name: "new Headers(): a token without Bearer, no Merchant-Serial-Number",
      code: newHeaders,
      errors: [
        {
          ...at(newHeaders, "missingBearerPrefix", "accessToken);"),
          suggestions: [{ messageId: "addBearerPrefix", output: newHeaders.replace('"Authorization", accessToken', '"Authorization", `Bearer ${accessToken}`') }],
        },
        at(newHeaders, "missingHeader", "fetch("),
      ],
    },
    {
      name: "values out of range, a subscription key to Userinfo, a client secret to ePayment",
      code: badValues,
      errors: [
        at(badValues, "subscriptionKeyNotTaken", '"Ocp-Apim-Subscription-Key"'),
        { ...at(badValues, "badValue", '"12"'), data: { header: "Merchant-Serial-Number", target: 'ePayment API "get payment"', rule: "4 to 10 digits", value: "12" } },
        at(badValues, "badValue", '"a-very-long'),
        at(badValues, "secretNotTaken", "client_secret"),
      ],
    },
    {
      name: "one bare reference as the key of create and capture; a key made fresh in a variable for the call",
      code: sharedAndFresh,
      errors: [
        at(sharedAndFresh, "sharedKey", "reference }"),
        at(sharedAndFresh, "sharedKey", "reference }", 2),
        { ...at(sharedAndFresh, "freshKey", "key }"), data: { target: 'ePayment API "cancel payment"', maker: "uuidv4()", operation: "cancel" } },
      ],
    },
  ],
};

jsTester.run("valid-headers (JavaScript, no globals declared)", rule, shared);
jsWithGlobalsTester.run("valid-headers (JavaScript, globals declared)", rule, shared);
tsTester.run("valid-headers (TypeScript)", rule, shared);

const checkoutBearer = `
const rp = require("request-promise");
module.exports = (token) => rp.post({ uri: "https://api.vipps.no/checkout/v3/session", headers: { Authorization: "Bearer " + token, "Ocp-Apim-Subscription-Key": "key", "Merchant-Serial-Number": "123456" }, json: {} });`;

cjsTester.run("valid-headers (CommonJS)", rule, {
  valid: [],
  invalid: [
    {
      name: "request-promise: a Bearer token to a Checkout session, reported once",
      code: checkoutBearer,
      errors: [at(checkoutBearer, "bearerForClientCredentials", '"Bearer " + token')],
    },
  ],
});

const typedWrapper = `
declare function vippsCall(url: string, options: { headers: Record<string, string> }): Promise<Response>;
export function create(key: string): Promise<Response> {
  return vippsCall("${EPAYMENT}", { headers: { Authorization: "Bearer t", merchant_serial_number: "123456", "Idempotency-Key": key } as const });
}`;
const WRAPPER_SETTINGS = { vipps: { wrappers: [{ name: "vippsCall", url: 0, headers: "1.headers", method: "POST" }] } };

const sdkClient = `
import { Client } from "@vippsmobilepay/sdk";
export const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key", systemName: "shop" } satisfies object);`;

const missingMsnSuggested: InvalidTestCase<MessageIds, Options> = (() => {
  const code = `
const MERCHANT_SERIAL_NUMBER: string = "123456";
export function info(reference: string, token: string): Promise<Response> {
  return fetch(\`${EPAYMENT}/\${reference}\`, {
    headers: {
      Authorization: \`Bearer \${token}\`,
      "Ocp-Apim-Subscription-Key": "key",
    },
  });
}`;
  return {
    name: "a Merchant-Serial-Number constant in scope gives the suggestion",
    code,
    errors: [
      {
        ...at(code, "missingHeader", "fetch("),
        suggestions: [
          {
            messageId: "addHeader",
            data: { header: "Merchant-Serial-Number", value: "MERCHANT_SERIAL_NUMBER" },
            output: code.replace('"key",\n', '"key",\n      "Merchant-Serial-Number": MERCHANT_SERIAL_NUMBER,\n'),
          },
        ],
      },
    ],
  };
})();

tsTester.run("valid-headers (TypeScript only)", rule, {
  valid: [
    {
      name: "a configured wrapper may add headers of its own: no missing-header report",
      code: `
declare function vippsCall(url: string, options: { headers: Record<string, string> }): Promise<Response>;
export function info(reference: string): Promise<Response> {
  return vippsCall(\`${EPAYMENT}/\${reference}\`, { headers: { Authorization: "Bearer t" } });
}`,
      settings: WRAPPER_SETTINGS,
    },
    {
      name: "the SDK Client with systemName and systemVersion",
      code: `
import { Client } from "@vippsmobilepay/sdk";
export const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key", systemName: "shop", systemVersion: "1.0.0" });`,
      options: [{ checkSdkSystemHeaders: true }],
    },
  ],
  invalid: [
    {
      name: "a configured wrapper: the names its caller passes are checked",
      code: typedWrapper,
      settings: WRAPPER_SETTINGS,
      output: typedWrapper.replace("merchant_serial_number", '"Merchant-Serial-Number"'),
      errors: [at(typedWrapper, "wrongName", "merchant_serial_number")],
    },
    {
      name: "the SDK Client without systemVersion, with the option on",
      code: sdkClient,
      options: [{ checkSdkSystemHeaders: true }],
      errors: [{ ...at(sdkClient, "sdkSystemHeaders", "Client({"), data: { missing: "systemVersion" } }],
    },
    missingMsnSuggested,
  ],
});
