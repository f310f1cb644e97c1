import { RuleTester } from "@typescript-eslint/rule-tester";
import * as espree from "espree";
import globals from "globals";
import rule from "../../rules/handle-error-responses.js";

// TypeScript through @typescript-eslint/parser, no globals declared: `fetch` is an undeclared global.
const ruleTester = new RuleTester();

/** Plain JavaScript through ESLint's default parser, no globals declared. */
const JS = { parser: espree };
/** JavaScript with the browser and Node globals declared (`fetch` among them), as projects using `globals` do. */
const JS_WITH_GLOBALS = { parser: espree, globals: { ...globals.browser, ...globals.node } };
/** CommonJS scripts. */
const CJS = { parser: espree, sourceType: "commonjs" } as const;

const EPAYMENT = "https://api.vipps.no/epayment/v1/payments";

ruleTester.run("handle-error-responses", rule, {
  valid: [
    // A TypeScript `this` parameter before the response: the analysis cannot follow the response, so no claim is made.
    {
      code: `async function pay() {
  return fetch("${EPAYMENT}", { method: "POST" }).then(function (this: unknown, response: Response) {
    if (!response.ok) throw new Error("failed");
    return response.json();
  });
}`,
      options: [{ autofix: true }],
      name: "fetch: .then callback with a TypeScript this parameter before the response",
    },
    // Status checked before the body is read, in every spelling.
    `async function createPayment(payment: unknown) {
  const response = await fetch("${EPAYMENT}", { method: "POST", body: JSON.stringify(payment) });
  if (!response.ok) throw new Error(\`Vipps answered \${response.status}: \${await response.text()}\`);
  return response.json();
}`,
    `async function info(reference: string) {
  const res = await fetch(\`${EPAYMENT}/\${reference}\`);
  switch (res.status) {
    case 200:
      return res.json();
    default:
      throw new Error("failed");
  }
}`,
    // Reading the body first, to put it into the error, is a good pattern.
    `async function capture(reference: string) {
  const response = await fetch(\`${EPAYMENT}/\${reference}/capture\`, { method: "POST" });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail);
  return body;
}`,
    `function cancel(reference: string) {
  return fetch(\`${EPAYMENT}/\${reference}/cancel\`, { method: "POST" }).then((r) => (r.ok ? r.json() : Promise.reject(r)));
}`,
    `async function info(reference: string) {
  const { ok, status } = await fetch(\`${EPAYMENT}/\${reference}\`);
  return ok || status === 404;
}`,
    // Returned to the caller or passed to another function: that code owns the check.
    `function createPayment(payment: unknown) {
  return fetch("${EPAYMENT}", { method: "POST", body: JSON.stringify(payment) });
}`,
    `async function info(reference: string) {
  return await fetch(\`${EPAYMENT}/\${reference}\`);
}`,
    `const info = (reference: string) => fetch(\`${EPAYMENT}/\${reference}\`);`,
    `async function info(reference: string) {
  const response = await fetch(\`${EPAYMENT}/\${reference}\`);
  return handleVippsResponse(response);
}`,
    `async function info(reference: string) {
  const response = await fetch(\`${EPAYMENT}/\${reference}\`);
  await assertOk(response);
  return response.json();
}`,
    `function info(reference: string) {
  return fetch(\`${EPAYMENT}/\${reference}\`).then(parseVippsResponse);
}`,
    `async function infoAll(references: string[]) {
  return Promise.all(references.map((reference) => fetch(\`${EPAYMENT}/\${reference}\`)));
}`,
    `class Client {
  pending: Promise<Response> | undefined;
  start(reference: string) {
    this.pending = fetch(\`${EPAYMENT}/\${reference}\`);
  }
}`,
    `export const response = await fetch("${EPAYMENT}/order-1");`,
    // Neither a check nor a use: nothing to report.
    `async function ping(reference: string) {
  const response = await fetch(\`${EPAYMENT}/\${reference}\`);
  if (!response) return false;
  return true;
}`,
    // Deliberately fire-and-forget.
    `function warmUp() {
  void fetch("${EPAYMENT}/warm-up");
}`,
    // Transports that reject on 4xx/5xx, with the rejection propagating or handled.
    `import axios from "axios";
export async function createPayment(payment: unknown) {
  const { data } = await axios.post("${EPAYMENT}", payment);
  return data;
}`,
    `import got from "got";
export async function createPayment(payment: unknown) {
  return got.post("${EPAYMENT}", { json: payment }).json();
}`,
    `import ky from "ky";
export async function info(reference: string) {
  const payment = await ky.get(\`${EPAYMENT}/\${reference}\`).json();
  return payment;
}`,
    `import rp from "request-promise";
export async function info(reference: string) {
  const body = await rp({ uri: \`${EPAYMENT}/\${reference}\`, json: true });
  return body.state;
}`,
    `import axios from "axios";
export function cancel(reference: string) {
  axios.post(\`${EPAYMENT}/\${reference}/cancel\`).catch((error) => logger.error(error));
}`,
    `import axios from "axios";
export function cancel(reference: string) {
  axios.post(\`${EPAYMENT}/\${reference}/cancel\`).then(() => markCancelled(reference), reportError);
}`,
    `import axios from "axios";
export function cancel(reference: string) {
  const pending = axios.post(\`${EPAYMENT}/\${reference}/cancel\`);
  pending.catch(reportError);
}`,
    // Errors used: logged, rethrown, wrapped, passed on, stored.
    `import axios from "axios";
export async function refund(reference: string) {
  try {
    await axios.post(\`${EPAYMENT}/\${reference}/refund\`, {});
  } catch (error) {
    console.error("refund failed", error);
  }
}`,
    `import axios from "axios";
export async function refund(reference: string) {
  try {
    await axios.post(\`${EPAYMENT}/\${reference}/refund\`, {});
  } catch {
    throw new Error("Refund failed");
  }
}`,
    `import axios from "axios";
export async function refund(reference: string) {
  try {
    await axios.post(\`${EPAYMENT}/\${reference}/refund\`, {});
  } catch (error) {
    lastError = error;
  }
}`,
    `import axios from "axios";
export function refund(reference: string) {
  return axios.post(\`${EPAYMENT}/\${reference}/refund\`, {}).catch((error) => ({ ok: false, error }));
}`,
    `import axios from "axios";
export function refund(reference: string) {
  return axios.post(\`${EPAYMENT}/\${reference}/refund\`, {}).catch(() => Promise.reject(new Error("Refund failed")));
}`,
    // An inner catch that handles the error: the outer one never sees it.
    `import axios from "axios";
export async function refund(reference: string) {
  try {
    try {
      await axios.post(\`${EPAYMENT}/\${reference}/refund\`, {});
    } catch (error) {
      logger.warn(error);
    }
  } catch {}
}`,
    // A catch around a call in a nested function does not receive its failure.
    `import axios from "axios";
export function schedule(reference: string) {
  try {
    setTimeout(() => axios.post(\`${EPAYMENT}/\${reference}/refund\`, {}).catch(reportError), 1000);
  } catch {}
}`,
    // A catch clause only receives failures of promises awaited inside its try block.
    `import axios from "axios";
export function refund(reference: string) {
  try {
    return axios.post(\`${EPAYMENT}/\${reference}/refund\`, {});
  } catch {
    return undefined;
  }
}`,
    // SDK results narrowed on ok (or error), in every spelling.
    `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export async function createPayment(token: string, body: unknown) {
  const result = await client.payment.create(token, body);
  if (!result.ok) throw new Error(result.error.message);
  return result.data.redirectUrl;
}`,
    `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export async function info(token: string, reference: string) {
  const result = await client.payment.info(token, reference);
  return result.ok ? result.data.state : undefined;
}`,
    `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export async function info(token: string, reference: string) {
  const { ok, data, error } = await client.payment.info(token, reference);
  if (!ok) return log(error);
  return data;
}`,
    `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export async function info(token: string, reference: string) {
  const result = await client.payment.info(token, reference);
  if (result.error) throw new Error(String(result.error));
  return result.data;
}`,
    `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export function info(token: string, reference: string) {
  return client.payment.info(token, reference);
}`,
    // The SDK also rejects (network errors, a retried POST): a catch that logs the error sees it.
    `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export async function info(token: string, reference: string) {
  try {
    const result = await client.payment.info(token, reference);
    return result.ok ? result.data : null;
  } catch (error) {
    console.error(error);
    return null;
  }
}`,
    // Not Vipps calls.
    `async function weather() {
  const response = await fetch("https://api.example.com/weather");
  return response.json();
}`,
    `import axios from "axios";
export function ping() {
  axios.get("https://status.example.com/ping");
}`,
    // The callback-style request module reports errors to its callback; out of scope.
    `const request = require("request");
request.post({ uri: "${EPAYMENT}", json: {} }, (error, response, body) => {});`,
    // A local function named fetch is not the global.
    `async function pay() {
  const fetch = (url: string) => Promise.resolve({ json: () => ({ url }) });
  const response = await fetch("${EPAYMENT}");
  return response.json();
}`,
    // Same near-misses in JavaScript, with and without declared globals.
    {
      code: `async function createPayment(payment) {
  const response = await fetch("${EPAYMENT}", { method: "POST", body: JSON.stringify(payment) })
  if (!response.ok) throw new Error(await response.text())
  return response.json()
}`,
      languageOptions: JS_WITH_GLOBALS,
      name: "JavaScript with declared globals: a checked response",
    },
    {
      code: `const axios = require("axios");
async function refund(reference) {
  try {
    await axios.post(\`${EPAYMENT}/\${reference}/refund\`, {});
  } catch (error) {
    console.error(error);
  }
}`,
      languageOptions: CJS,
      name: "CommonJS: a logged error",
    },
    // An options object stays valid: both options, and neither.
    {
      code: "fetch('https://example.com');",
      options: [{ autofix: true, errorHandler: "logging.reportVippsError" }],
      name: "both options, on code without Vipps calls",
    },
    {
      code: `async function pay() {
  return fetch("${EPAYMENT}", { method: "POST" }).then(function (this: any, response) { return response.ok; });
}`,
      name: "fetch: .then callback with a this parameter and a checked response",
    },
    // @vippsno/vipps-sdk 0.9.13 resolves the raw body on success and rejects on every non-2xx: reading the body of an
    // awaited call is correct, and no `.ok` exists to check.
    {
      code: `import { Vipps } from "@vippsno/vipps-sdk";

const vipps = new Vipps({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function createPayment(payment) {
  const result = await vipps.ePayment.createPayment(payment);
  return result.redirectUrl;
}`,
      languageOptions: JS,
      name: "@vippsno/vipps-sdk: the awaited body read directly",
    },
    `import { Vipps } from "@vippsno/vipps-sdk";
const vipps = new Vipps({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export async function info(reference: string) {
  const { state } = await vipps.ePayment.getPayment(reference);
  return state;
}`,
    {
      code: `import Vipps from "@vippsno/vipps-sdk";
const vipps = new Vipps({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export function cancel(reference) {
  return vipps.ePayment.cancelPayment(reference).then((body) => body.state).catch((error) => {
    console.error(error);
    throw error;
  });
}`,
      languageOptions: JS_WITH_GLOBALS,
      name: "@vippsno/vipps-sdk: a .catch that logs and rethrows",
    },
    // @vippsmobilepay/sdk narrowed on ok inside a try whose catch surfaces the rejection.
    {
      code: `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export async function createPayment(token, body) {
  try {
    const result = await client.payment.create(token, body);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.data.redirectUrl;
  } catch (error) {
    console.error("create payment failed", error);
    throw error;
  }
}`,
      languageOptions: JS,
      name: "@vippsmobilepay/sdk: narrowed, and the rejection logged and rethrown",
    },
    // got and ky near misses: the response itself awaited and its status checked; a shortcut on a client that rejects,
    // whose rejection a catch logs.
    `import got from "got";

export async function createPayment(payment: unknown) {
  const response = await got.post("https://api.vipps.no/epayment/v1/payments", { json: payment, throwHttpErrors: false });
  if (response.statusCode >= 400) throw new Error(String(response.body));
  return JSON.parse(response.body);
}`,
    `import ky from "ky";

export async function info(reference: string) {
  try {
    return await ky.get(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`).json();
  } catch (error) {
    console.error(error);
    return null;
  }
}`,
    // A wrapper of the project whose method happens to be named like a body shortcut is no shortcut.
    {
      code: `import got from "got";
const api = { json: (url: string) => got(url, { throwHttpErrors: false }) };
export async function info(reference: string) {
  const response = await api.json(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`);
  if (response.statusCode !== 200) throw new Error(String(response.statusCode));
  return response.body;
}`,
      name: "got: a function named json is no body shortcut",
    },
    // errorHandler { name, module } on correct code: nothing to report, nothing imported.
    {
      code: `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export async function info(token: string, reference: string) {
  const result = await client.payment.info(token, reference);
  return result.ok ? result.data.state : undefined;
}`,
      options: [{ autofix: true, errorHandler: { name: "reportVippsError", module: "./errors.js" } }],
      name: "errorHandler with its module on correct code",
    },
    {
      code: `export async function translate(text: string) {
  const response = await fetch(\`\${process.env.AZURE_TRANSLATOR_URL}/translate\`, {
    method: "POST",
    headers: { "Ocp-Apim-Subscription-Key": process.env.KEY, client_id: "a", client_secret: "b" },
    body: JSON.stringify([{ text }]),
  });
  return response.json();
}`,
      name: "near-miss: an Azure service with a subscription key and credentials is no Vipps request",
    },
    {
      code: `const vippsEnabled = process.env.VIPPS_ENABLED === "true";
export async function cancel(id) {
  if (!vippsEnabled) return null;
  const response = await fetch(\`\${API_URL}/orders/\${id}/cancel\`, { method: "POST" });
  return response.json();
}`,
      languageOptions: JS,
      name: "near-miss: a variable named vippsEnabled that is not in the URL",
    },
    {
      code: `export async function pay(order) {
  const response = await fetch(\`\${config.apiUrl}/refund\`, { method: "POST", body: JSON.stringify({ provider: "vipps", order }) });
  return response.json();
}`,
      languageOptions: JS_WITH_GLOBALS,
      name: "near-miss: the word vipps in an unrelated string",
    },
    // Issue 11, items 4, 5 and 8: near-misses of factories, local wrappers and declared helpers.
    {
      code: `const BASE = "https://api.vipps.no/epayment/v1/payments";

async function vippsGet(path: string) {
  const response = await fetch(\`\${BASE}/\${path}\`);
  if (!response.ok) throw new Error(\`Vipps answered \${response.status}\`);
  return response;
}

export async function info(reference: string) {
  const response = await vippsGet(reference);
  return response.json();
}`,
      name: "a local function that checks the response itself: its callers need not check again",
    },
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

async function capture(token, reference, body) {
  const result = await client.payment.capture(token, reference, body);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result;
}

export async function ship(token, reference) {
  const captured = await capture(token, reference, {});
  return captured.data;
}`,
      languageOptions: JS,
      name: "a local function that checks the SDK result itself",
    },
    {
      code: `const BASE = "https://api.vipps.no/epayment/v1/payments";

function vippsGet(path) {
  return fetch(\`\${BASE}/\${path}\`);
}

export async function info(reference) {
  const response = await vippsGet(reference);
  if (!response.ok) throw new Error(\`Vipps answered \${response.status}\`);
  return response.json();
}`,
      languageOptions: JS_WITH_GLOBALS,
      name: "a local wrapper whose call checks the response",
    },
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

function getConfig() {
  const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
  return { client, msn: "123456" };
}

export async function createPayment(token: string) {
  const payment = await getConfig().payment.create(token, {});
  return payment.data;
}`,
      name: "a factory that returns something else than the client",
    },
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

const getVippsClient = () => Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function createPayment(token, body) {
  const payment = await getVippsClient().payment.create(token, body);
  if (!payment.ok) throw new Error(payment.error.message);
  return payment.data;
}`,
      languageOptions: JS,
      name: "a client from a local factory whose result is checked",
    },
    {
      code: `import { vippsRequest } from "./vipps.js";

export async function cancel(reference: string) {
  const response = await vippsRequest(\`/payments/\${reference}/cancel\`, "POST");
  if (!response.ok) throw new Error(\`Vipps answered \${response.status}\`);
  return response.json();
}`,
      settings: { vipps: { helpers: [{ name: "vippsRequest", returns: "response", api: "epayment" }] } },
      name: "a declared helper whose response is checked",
    },
  ],
  invalid: [
    // A TypeScript `this` parameter is not the response: the check was inserted again on every pass. The response
    // parameter goes after it, and the second pass finds the check.
    {
      code: `async function pay() {
  return fetch("${EPAYMENT}", { method: "POST" }).then(function (this: any) { return 1; });
}`,
      output: `async function pay() {
  return fetch("${EPAYMENT}", { method: "POST" }).then(async function (this: any, response) {
    if (!response.ok) {
      throw new Error(\`ePayment API create payment failed: \${response.status} \${await response.text()}\`);
    } return 1; });
}`,
      options: [{ autofix: true }],
      errors: [{ messageId: "uncheckedStatus", line: 2, column: 10, endLine: 2, endColumn: 80 }],
      name: "fetch: .then callback with only a TypeScript this parameter: the response parameter goes after it",
    },
    {
      code: `import axios from "axios";
export function refund() {
  return axios.get(\`https://api.vipps.no/epayment/v1/payments/x\`).catch(function (this: unknown) {
    return null;
  });
}`,
      output: `import axios from "axios";
export function refund() {
  return axios.get(\`https://api.vipps.no/epayment/v1/payments/x\`).catch(function (this: unknown, error) {
    console.error("ePayment API get payment failed", error);
    return null;
  });
}`,
      options: [{ autofix: true }],
      errors: [{ messageId: "swallowedError", line: 3, column: 73, endLine: 5, endColumn: 4 }],
      name: "axios: .catch handler with only a TypeScript this parameter: the error parameter goes after it",
    },
    // errorHandler names that are the binding the repair reads: `catch (error) { await error(error); }` calls the error.
    {
      code: `import axios from "axios";

export async function refund(reference: string) {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch {}
}`,
      output: `import axios from "axios";

export async function refund(reference: string) {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch (error2) {
    await error(error2);
  }
}`,
      options: [{ autofix: true, errorHandler: "error" }],
      // The handler is a declared global: in scope, so the repair may call it.
      languageOptions: { globals: { error: "readonly" } },
      errors: [{ messageId: "swallowedError", line: 6, column: 5, endLine: 6, endColumn: 10 }],
      name: "errorHandler named like the catch clause's new binding: the binding takes another name",
    },
    {
      code: `import axios from "axios";

export async function refund(reference: string) {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch (report) {}
}`,
      output: null,
      options: [{ autofix: true, errorHandler: "report.vipps" }],
      errors: [{ messageId: "swallowedError", line: 6, column: 5, endLine: 6, endColumn: 19 }],
      name: "errorHandler named like the catch clause's own binding: reported, no repair",
    },
    {
      code: `async function pay() {
  await fetch("${EPAYMENT}", { method: "POST" });
}`,
      output: `async function pay() {
  const response2 = await fetch("${EPAYMENT}", { method: "POST" });
  if (!response2.ok) {
    await response(response2);
  }
}`,
      options: [{ autofix: true, errorHandler: "response" }],
      // The handler is a declared global: in scope, so the repair may call it.
      languageOptions: { globals: { response: "readonly" } },
      errors: [{ messageId: "uncheckedStatus", line: 2, column: 9, endLine: 2, endColumn: 79 }],
      name: "errorHandler named like the response the repair binds: the binding takes another name",
    },
    {
      code: `async function pay() {
  const response = await fetch("${EPAYMENT}", { method: "POST" });
  return response.json();
}`,
      output: null,
      options: [{ autofix: true, errorHandler: "response" }],
      errors: [{ messageId: "uncheckedStatus", line: 2, column: 26, endLine: 2, endColumn: 96 }],
      name: "errorHandler named like the user's response variable: reported, no repair",
    },
    {
      code: `function pay() {
  fetch("${EPAYMENT}", { method: "POST" }).then((response) => response.ok);
}`,
      output: `function pay() {
  fetch("${EPAYMENT}", { method: "POST" }).then((response) => response.ok).catch((error2) => error(error2));
}`,
      options: [{ autofix: true, errorHandler: "error" }],
      // The handler is a declared global: in scope, so the repair may call it.
      languageOptions: { globals: { error: "readonly" } },
      errors: [{ messageId: "lostRejection", line: 2, column: 3, endLine: 2, endColumn: 73 }],
      name: "errorHandler named error: the .catch callback's parameter takes another name",
    },
    {
      code: `async function createPayment(payment) {
  const response = await fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify(payment) }); // create
  return response.json();
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 127,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `async function createPayment(payment) {
  const response = await fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify(payment) }); // create
  if (!response.ok) {
    throw new Error(\`ePayment API create payment failed: \${response.status} \${await response.text()}\`);
  }
  return response.json();
}`,
            },
          ],
        },
      ],
      name: "fetch (undeclared global): body read from a bound response",
    },
    {
      code: `async function createPayment(payment) {
  const response = await fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify(payment) })
  const body = await response.json()
  return body.redirectUrl
}`,
      output: null,
      languageOptions: JS_WITH_GLOBALS,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 127,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `async function createPayment(payment) {
  const response = await fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify(payment) })
  if (!response.ok) {
    throw new Error(\`ePayment API create payment failed: \${response.status} \${await response.text()}\`)
  }
  const body = await response.json()
  return body.redirectUrl
}`,
            },
          ],
        },
      ],
      name: "fetch (declared global, JavaScript): body read from a bound response",
    },
    {
      code: `async function capture(reference) {
  await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, { method: "POST" });
}`,
      output: null,
      languageOptions: JS,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 100,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `async function capture(reference) {
  const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, { method: "POST" });
  if (!response.ok) {
    throw new Error(\`ePayment API capture payment failed: \${response.status} \${await response.text()}\`);
  }
}`,
            },
          ],
        },
      ],
      name: "fetch (JavaScript, no globals): bare await statement",
    },
    {
      code: `function cancel(reference: string) {
  return fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/cancel\`, { method: "POST" }).then((r) => r.json());
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 100,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `function cancel(reference: string) {
  return fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/cancel\`, { method: "POST" }).then(async (r) => {
    if (!r.ok) {
      throw new Error(\`ePayment API cancel payment failed: \${r.status} \${await r.text()}\`);
    }
    return r.json();
  });
}`,
            },
          ],
        },
      ],
      name: "fetch: .then(r => r.json()) returned from a function",
    },
    {
      code: `function info(reference: string) {
  return fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`).then(function (res) {
    return res.json();
  });
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 73,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `function info(reference: string) {
  return fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`).then(async function (res) {
    if (!res.ok) {
      throw new Error(\`ePayment API get payment failed: \${res.status} \${await res.text()}\`);
    }
    return res.json();
  });
}`,
            },
          ],
        },
      ],
      name: "fetch: .then(function (res) { ... }) with a block body",
    },
    {
      code: `async function capture(reference: string) {
  await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, { method: "POST" }).then(() => console.log("captured"));
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 100,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `async function capture(reference: string) {
  await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, { method: "POST" }).then(async (response) => {
    if (!response.ok) {
      throw new Error(\`ePayment API capture payment failed: \${response.status} \${await response.text()}\`);
    }
    return console.log("captured");
  });
}`,
            },
          ],
        },
      ],
      name: "fetch: .then callback without a parameter",
    },
    {
      code: `async function info(reference: string) {
  const payment = await (await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`)).json();
  return payment.state;
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 95,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `async function info(reference: string) {
  const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`);
  if (!response.ok) {
    throw new Error(\`ePayment API get payment failed: \${response.status} \${await response.text()}\`);
  }
  const payment = await response.json();
  return payment.state;
}`,
            },
          ],
        },
      ],
      name: "fetch: body read straight off the awaited call",
    },
    {
      code: `async function info(reference: string) {
  const pending = fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`);
  const res = await pending;
  const response = res;
  return response.json();
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 82,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `async function info(reference: string) {
  const pending = fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`);
  const res = await pending;
  if (!res.ok) {
    throw new Error(\`ePayment API get payment failed: \${res.status} \${await res.text()}\`);
  }
  const response = res;
  return response.json();
}`,
            },
          ],
        },
      ],
      name: "fetch: through an alias and a promise variable",
    },
    {
      code: `import fetch from "node-fetch";

class VippsClient {
  async capture(reference: string, amount: number) {
    const res = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, {
      method: "POST",
      body: JSON.stringify({ modificationAmount: { value: amount, currency: "NOK" } }),
    });
    return (await res.json()) as { state: string };
  }
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 5,
          column: 23,
          endLine: 8,
          endColumn: 7,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `import fetch from "node-fetch";

class VippsClient {
  async capture(reference: string, amount: number) {
    const res = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, {
      method: "POST",
      body: JSON.stringify({ modificationAmount: { value: amount, currency: "NOK" } }),
    });
    if (!res.ok) {
      throw new Error(\`ePayment API capture payment failed: \${res.status} \${await res.text()}\`);
    }
    return (await res.json()) as { state: string };
  }
}`,
            },
          ],
        },
      ],
      name: "node-fetch: class method",
    },
    {
      code: `const response = await fetch("https://api.vipps.no/epayment/v1/payments/order-1");
export const payment = await response.json();`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 1,
          column: 24,
          endLine: 1,
          endColumn: 82,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `const response = await fetch("https://api.vipps.no/epayment/v1/payments/order-1");
if (!response.ok) {
  throw new Error(\`ePayment API get payment failed: \${response.status} \${await response.text()}\`);
}
export const payment = await response.json();`,
            },
          ],
        },
      ],
      name: "fetch: top-level await",
    },
    {
      code: `app.post("/pay", async (req, res) => {
  const vippsResponse = await fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify(req.body) });
  res.json(await vippsResponse.json());
});`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 133,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `app.post("/pay", async (req, res) => {
  const vippsResponse = await fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify(req.body) });
  if (!vippsResponse.ok) {
    throw new Error(\`ePayment API create payment failed: \${vippsResponse.status} \${await vippsResponse.text()}\`);
  }
  res.json(await vippsResponse.json());
});`,
            },
          ],
        },
      ],
      name: "fetch: arrow callback of an Express handler",
    },
    {
      code: `async function capture(reference: string, response: unknown) {
  await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, { method: "POST" });
  return response;
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 100,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `async function capture(reference: string, response: unknown) {
  const response2 = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, { method: "POST" });
  if (!response2.ok) {
    throw new Error(\`ePayment API capture payment failed: \${response2.status} \${await response2.text()}\`);
  }
  return response;
}`,
            },
          ],
        },
      ],
      name: "fetch: a new name when 'response' is taken",
    },
    {
      code: `async function cancel(reference: string) {
  const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/cancel\`, { method: "POST" });
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 116,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `async function cancel(reference: string) {
  const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/cancel\`, { method: "POST" });
  if (!response.ok) {
    throw new Error(\`ePayment API cancel payment failed: \${response.status} \${await response.text()}\`);
  }
}`,
            },
          ],
        },
      ],
      name: "fetch: bound and never read",
    },
    {
      code: `async function createPayment(payment: unknown) {
  const response = await fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify(payment) });
  return response.json();
}`,
      output: null,
      options: [{ errorHandler: "reportVippsError" }],
      // The handler is a declared global: in scope, so the repair may call it.
      languageOptions: { globals: { reportVippsError: "readonly" } },
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 127,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `async function createPayment(payment: unknown) {
  const response = await fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify(payment) });
  if (!response.ok) {
    await reportVippsError(response);
  }
  return response.json();
}`,
            },
          ],
        },
      ],
      name: "fetch: status-check fix with errorHandler",
    },
    {
      code: `async function createPayment(payment: unknown) {
  const response = await fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify(payment) });
  return response.json();
}`,
      output: `async function createPayment(payment: unknown) {
  const response = await fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify(payment) });
  if (!response.ok) {
    throw new Error(\`ePayment API create payment failed: \${response.status} \${await response.text()}\`);
  }
  return response.json();
}`,
      options: [{ autofix: true }],
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 127,
        },
      ],
      name: "fetch: autofix",
    },
    {
      code: `async function captureAll(a: string, b: string) {
  await fetch(\`https://api.vipps.no/epayment/v1/payments/\${a}/capture\`, { method: "POST" });
  await fetch(\`https://api.vipps.no/epayment/v1/payments/\${b}/capture\`, { method: "POST" });
}`,
      output: `async function captureAll(a: string, b: string) {
  const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${a}/capture\`, { method: "POST" });
  if (!response.ok) {
    throw new Error(\`ePayment API capture payment failed: \${response.status} \${await response.text()}\`);
  }
  const response2 = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${b}/capture\`, { method: "POST" });
  if (!response2.ok) {
    throw new Error(\`ePayment API capture payment failed: \${response2.status} \${await response2.text()}\`);
  }
}`,
      options: [{ autofix: true }],
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 92,
        },
        {
          messageId: "uncheckedStatus",
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 92,
        },
      ],
      name: "fetch: autofix names two new bindings apart",
    },
    {
      code: `async function capture(reference: string) {
  fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, { method: "POST" });
}`,
      output: [
        `async function capture(reference: string) {
  await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, { method: "POST" });
}`,
        `async function capture(reference: string) {
  const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, { method: "POST" });
  if (!response.ok) {
    throw new Error(\`ePayment API capture payment failed: \${response.status} \${await response.text()}\`);
  }
}`,
      ],
      options: [{ autofix: true }],
      errors: [
        {
          messageId: "lostRejection",
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 94,
        },
      ],
      name: "fetch: a dropped un-awaited call in an async function is awaited, then checked (two passes)",
    },
    {
      code: `async function info(reference) {
	const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`)
	return response.json()
}
`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 88,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `async function info(reference) {
	const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`)
	if (!response.ok) {
		throw new Error(\`ePayment API get payment failed: \${response.status} \${await response.text()}\`)
	}
	return response.json()
}
`,
            },
          ],
        },
      ],
      name: "fetch: semicolon-free file with tabs",
    },
    {
      code: `import axios from "axios";

async function createPayment(payment: unknown) {
  const { data } = await axios.post("https://api.vipps.no/epayment/v1/payments", payment, { validateStatus: () => true });
  return data;
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 122,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `import axios from "axios";

async function createPayment(payment: unknown) {
  const response = await axios.post("https://api.vipps.no/epayment/v1/payments", payment, { validateStatus: () => true });
  if (response.status >= 400) {
    throw new Error(\`ePayment API create payment failed: \${response.status} \${JSON.stringify(response.data)}\`);
  }
  const { data } = response;
  return data;
}`,
            },
          ],
        },
      ],
      name: "axios with validateStatus accepting every status: destructured data",
    },
    {
      code: `import axios from "axios";

const vipps = axios.create({ baseURL: "https://api.vipps.no", validateStatus: null });

export async function info(reference: string) {
  const response = await vipps.get(\`/epayment/v1/payments/\${reference}\`);
  return response.data;
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 73,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `import axios from "axios";

const vipps = axios.create({ baseURL: "https://api.vipps.no", validateStatus: null });

export async function info(reference: string) {
  const response = await vipps.get(\`/epayment/v1/payments/\${reference}\`);
  if (response.status >= 400) {
    throw new Error(\`ePayment API get payment failed: \${response.status} \${JSON.stringify(response.data)}\`);
  }
  return response.data;
}`,
            },
          ],
        },
      ],
      name: "axios.create instance with validateStatus: null",
    },
    {
      code: `import got from "got";

export async function createPayment(payment: unknown) {
  const res = await got.post("https://api.vipps.no/epayment/v1/payments", { json: payment, throwHttpErrors: false });
  return JSON.parse(res.body);
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 117,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `import got from "got";

export async function createPayment(payment: unknown) {
  const res = await got.post("https://api.vipps.no/epayment/v1/payments", { json: payment, throwHttpErrors: false });
  if (res.statusCode >= 400) {
    throw new Error(\`ePayment API create payment failed: \${res.statusCode} \${JSON.stringify(res.body)}\`);
  }
  return JSON.parse(res.body);
}`,
            },
          ],
        },
      ],
      name: "got with throwHttpErrors: false",
    },
    {
      code: `import ky from "ky";

export function refund(reference: string) {
  ky.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, { json: {}, throwHttpErrors: false }).catch(console.error);
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 113,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `import ky from "ky";

export function refund(reference: string) {
  ky.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, { json: {}, throwHttpErrors: false }).then(async (response) => {
    if (!response.ok) {
      throw new Error(\`ePayment API refund payment failed: \${response.status} \${await response.text()}\`);
    }
  }).catch(console.error);
}`,
            },
          ],
        },
      ],
      name: "ky with throwHttpErrors: false: a dropped chain with a rejection handler",
    },
    {
      code: `import rp from "request-promise";

export async function info(reference: string) {
  const body = await rp({ uri: \`https://api.vipps.no/epayment/v1/payments/\${reference}\`, simple: false, json: true });
  return body.state;
}`,
      output: null,
      errors: [
        {
          messageId: "statusUnavailable",
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 118,
          suggestions: [
            {
              messageId: "removeSimpleFalse",
              output: `import rp from "request-promise";

export async function info(reference: string) {
  const body = await rp({ uri: \`https://api.vipps.no/epayment/v1/payments/\${reference}\`, json: true });
  return body.state;
}`,
            },
          ],
        },
      ],
      name: "request-promise with simple: false cannot see the status",
    },
    {
      code: `import rp from "request-promise";

export async function info(reference: string) {
  const response = await rp({ uri: \`https://api.vipps.no/epayment/v1/payments/\${reference}\`, simple: false, resolveWithFullResponse: true, json: true });
  return response.body;
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 153,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `import rp from "request-promise";

export async function info(reference: string) {
  const response = await rp({ uri: \`https://api.vipps.no/epayment/v1/payments/\${reference}\`, simple: false, resolveWithFullResponse: true, json: true });
  if (response.statusCode >= 400) {
    throw new Error(\`ePayment API get payment failed: \${response.statusCode} \${JSON.stringify(response.body)}\`);
  }
  return response.body;
}`,
            },
          ],
        },
      ],
      name: "request-promise with simple: false and the full response",
    },
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key", useTestMode: true });

export async function createPayment(token: string, reference: string) {
  const result = await client.payment.create(token, { amount: { value: 1000, currency: "NOK" }, reference });
  return result.data.redirectUrl;
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedResult",
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 109,
          suggestions: [
            {
              messageId: "addResultCheck",
              output: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key", useTestMode: true });

export async function createPayment(token: string, reference: string) {
  const result = await client.payment.create(token, { amount: { value: 1000, currency: "NOK" }, reference });
  if (!result.ok) {
    throw new Error(\`ePayment API create payment failed: \${JSON.stringify(result.error)}\`);
  }
  return result.data.redirectUrl;
}`,
            },
          ],
        },
      ],
      name: "@vippsmobilepay/sdk: .data read without narrowing",
    },
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function settle(token: string, reference: string) {
  await client.payment.capture(token, reference, { modificationAmount: { value: 1000, currency: "NOK" } });
  const { data } = await client.payment.info(token, reference);
  return client.payment.history(token, reference).then((events) => events.data);
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedResult",
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 107,
          suggestions: [
            {
              messageId: "addResultCheck",
              output: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function settle(token: string, reference: string) {
  const result = await client.payment.capture(token, reference, { modificationAmount: { value: 1000, currency: "NOK" } });
  if (!result.ok) {
    throw new Error(\`ePayment API capture payment failed: \${JSON.stringify(result.error)}\`);
  }
  const { data } = await client.payment.info(token, reference);
  return client.payment.history(token, reference).then((events) => events.data);
}`,
            },
          ],
        },
        {
          messageId: "uncheckedResult",
          line: 7,
          column: 26,
          endLine: 7,
          endColumn: 63,
          suggestions: [
            {
              messageId: "addResultCheck",
              output: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function settle(token: string, reference: string) {
  await client.payment.capture(token, reference, { modificationAmount: { value: 1000, currency: "NOK" } });
  const result = await client.payment.info(token, reference);
  if (!result.ok) {
    throw new Error(\`ePayment API get payment failed: \${JSON.stringify(result.error)}\`);
  }
  const { data } = result;
  return client.payment.history(token, reference).then((events) => events.data);
}`,
            },
          ],
        },
        {
          messageId: "uncheckedResult",
          line: 8,
          column: 10,
          endLine: 8,
          endColumn: 50,
          suggestions: [
            {
              messageId: "addResultCheck",
              output: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function settle(token: string, reference: string) {
  await client.payment.capture(token, reference, { modificationAmount: { value: 1000, currency: "NOK" } });
  const { data } = await client.payment.info(token, reference);
  return client.payment.history(token, reference).then((events) => {
    if (!events.ok) {
      throw new Error(\`ePayment API get payment event log failed: \${JSON.stringify(events.error)}\`);
    }
    return events.data;
  });
}`,
            },
          ],
        },
      ],
      name: "@vippsmobilepay/sdk: ignored result, destructured data, .then callback",
    },
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function cancel(token: string, reference: string) {
  client.payment.cancel(token, reference);
}

export function cancelLater(token: string, reference: string) {
  client.payment.cancel(token, reference);
}`,
      output: null,
      errors: [
        {
          // The SDK also rejects (network errors, a retried POST): the lost rejection comes first; once awaited or
          // caught, the ignored result is reported next.
          messageId: "lostRejection",
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 42,
          suggestions: [
            {
              messageId: "awaitRequest",
              output: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function cancel(token: string, reference: string) {
  await client.payment.cancel(token, reference);
}

export function cancelLater(token: string, reference: string) {
  client.payment.cancel(token, reference);
}`,
            },
          ],
        },
        {
          messageId: "lostRejection",
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 42,
          suggestions: [
            {
              messageId: "catchRejection",
              output: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function cancel(token: string, reference: string) {
  client.payment.cancel(token, reference);
}

export function cancelLater(token: string, reference: string) {
  client.payment.cancel(token, reference).catch((error) => {
    console.error("ePayment API cancel payment failed", error);
    throw error;
  });
}`,
            },
          ],
        },
      ],
      name: "@vippsmobilepay/sdk: un-awaited calls in async and plain functions",
    },
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function info(token: string, reference: string) {
  const result = await client.payment.info(token, reference);
  return result.data.state;
}`,
      output: null,
      options: [{ errorHandler: "reportVippsError" }],
      // The handler is a declared global: in scope, so the repair may call it.
      languageOptions: { globals: { reportVippsError: "readonly" } },
      errors: [
        {
          messageId: "uncheckedResult",
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 61,
          suggestions: [
            {
              messageId: "addResultCheck",
              output: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function info(token: string, reference: string) {
  const result = await client.payment.info(token, reference);
  if (!result.ok) {
    await reportVippsError(result.error);
  }
  return result.data.state;
}`,
            },
          ],
        },
      ],
      name: "@vippsmobilepay/sdk: errorHandler gets the SDK's error",
    },
    {
      code: `import axios from "axios";

export async function capture(reference: string) {
  axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, { modificationAmount: { value: 100, currency: "NOK" } });
}`,
      output: null,
      errors: [
        {
          messageId: "lostRejection",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 136,
          suggestions: [
            {
              messageId: "awaitRequest",
              output: `import axios from "axios";

export async function capture(reference: string) {
  await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, { modificationAmount: { value: 100, currency: "NOK" } });
}`,
            },
          ],
        },
      ],
      name: "axios: a dropped promise in an async function",
    },
    {
      code: `import axios from "axios";

export function cancel(reference: string) {
  axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/cancel\`);
}

axios.get(\`https://api.vipps.no/epayment/v1/payments/startup\`).then(({ data }) => console.log(data));`,
      output: null,
      errors: [
        {
          messageId: "lostRejection",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 78,
          suggestions: [
            {
              messageId: "catchRejection",
              output: `import axios from "axios";

export function cancel(reference: string) {
  axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/cancel\`).catch((error) => {
    console.error("ePayment API cancel payment failed", error);
    throw error;
  });
}

axios.get(\`https://api.vipps.no/epayment/v1/payments/startup\`).then(({ data }) => console.log(data));`,
            },
          ],
        },
        {
          messageId: "lostRejection",
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 63,
          suggestions: [
            {
              messageId: "catchRejection",
              output: `import axios from "axios";

export function cancel(reference: string) {
  axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/cancel\`);
}

axios.get(\`https://api.vipps.no/epayment/v1/payments/startup\`).then(({ data }) => console.log(data)).catch((error) => {
  console.error("ePayment API get payment failed", error);
  throw error;
});`,
            },
          ],
        },
      ],
      name: "axios: a dropped promise in a plain function and at the top level",
    },
    {
      code: `import axios from "axios";

export async function refund(reference: string) {
  const pending = axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  console.log("refund requested");
}`,
      output: null,
      errors: [
        {
          messageId: "lostRejection",
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 98,
          suggestions: [
            {
              messageId: "catchRejection",
              output: `import axios from "axios";

export async function refund(reference: string) {
  const pending = axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {}).catch((error) => {
    console.error("ePayment API refund payment failed", error);
    throw error;
  });
  console.log("refund requested");
}`,
            },
          ],
        },
      ],
      name: "axios: a promise bound and never awaited",
    },
    {
      code: `import got from "got";

export function cancel(reference: string) {
  got.put(\`https://api.vipps.no/ecomm/v2/payments/\${reference}/cancel\`, { json: {} });
}`,
      output: null,
      options: [{ errorHandler: "reportVippsError" }],
      // The handler is a declared global: in scope, so the repair may call it.
      languageOptions: { globals: { reportVippsError: "readonly" } },
      errors: [
        {
          messageId: "lostRejection",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 86,
          suggestions: [
            {
              messageId: "catchRejection",
              output: `import got from "got";

export function cancel(reference: string) {
  got.put(\`https://api.vipps.no/ecomm/v2/payments/\${reference}/cancel\`, { json: {} }).catch((error) => reportVippsError(error));
}`,
            },
          ],
        },
      ],
      name: "got: lost rejection with errorHandler",
    },
    {
      code: `const rp = require("request-promise");

function capture(orderId) {
  rp.post({ uri: \`https://api.vipps.no/ecomm/v2/payments/\${orderId}/capture\`, json: {} });
}`,
      output: `const rp = require("request-promise");

function capture(orderId) {
  rp.post({ uri: \`https://api.vipps.no/ecomm/v2/payments/\${orderId}/capture\`, json: {} }).catch((error) => {
    console.error("eCom API capture payment failed", error);
    throw error;
  });
}`,
      options: [{ autofix: true }],
      languageOptions: CJS,
      errors: [
        {
          messageId: "lostRejection",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 90,
        },
      ],
      name: "request-promise: lost rejection under autofix",
    },
    {
      code: `import axios from "axios";

export async function refund(reference: string) {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch {}
}`,
      output: null,
      errors: [
        {
          messageId: "swallowedError",
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 10,
          suggestions: [
            {
              messageId: "handleError",
              output: `import axios from "axios";

export async function refund(reference: string) {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch (error) {
    console.error("ePayment API refund payment failed", error);
    throw error;
  }
}`,
            },
          ],
        },
      ],
      name: "axios: an empty catch clause without a parameter",
    },
    {
      code: `import axios from "axios";

export async function info(reference: string) {
  try {
    const { data } = await axios.get(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`);
    return data;
  } catch (error) {
    // The payment may not exist yet.
    return null;
  }
}`,
      output: null,
      errors: [
        {
          messageId: "swallowedError",
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 18,
          suggestions: [
            {
              messageId: "handleError",
              output: `import axios from "axios";

export async function info(reference: string) {
  try {
    const { data } = await axios.get(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`);
    return data;
  } catch (error) {
    console.error("ePayment API get payment failed", error);
    // The payment may not exist yet.
    return null;
  }
}`,
            },
          ],
        },
      ],
      name: "axios: a catch that returns a fallback without looking at the error",
    },
    {
      code: `async function capture(reference: string) {
  try {
    const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, { method: "POST" });
    if (!response.ok) throw new Error(String(response.status));
  } catch (e) {
    setStatus("failed");
  }
}`,
      output: null,
      errors: [
        {
          messageId: "swallowedError",
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 14,
          suggestions: [
            {
              messageId: "handleError",
              output: `async function capture(reference: string) {
  try {
    const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, { method: "POST" });
    if (!response.ok) throw new Error(String(response.status));
  } catch (e) {
    console.error("ePayment API capture payment failed", e);
    setStatus("failed");
    throw e;
  }
}`,
            },
          ],
        },
      ],
      name: "fetch: a catch clause that ignores the error and carries on",
    },
    {
      code: `import axios from "axios";

export function cancel(reference: string) {
  return axios.put(\`https://api.vipps.no/ecomm/v2/payments/\${reference}/cancel\`, {}).catch(() => {});
}

export async function details(reference: string) {
  return axios.get(\`https://api.vipps.no/ecomm/v2/payments/\${reference}/details\`).catch((err) => null);
}`,
      output: null,
      errors: [
        {
          messageId: "swallowedError",
          line: 4,
          column: 92,
          endLine: 4,
          endColumn: 100,
          suggestions: [
            {
              messageId: "handleError",
              output: `import axios from "axios";

export function cancel(reference: string) {
  return axios.put(\`https://api.vipps.no/ecomm/v2/payments/\${reference}/cancel\`, {}).catch((error) => {
    console.error("eCom API cancel payment failed", error);
    throw error;
  });
}

export async function details(reference: string) {
  return axios.get(\`https://api.vipps.no/ecomm/v2/payments/\${reference}/details\`).catch((err) => null);
}`,
            },
          ],
        },
        {
          messageId: "swallowedError",
          line: 8,
          column: 89,
          endLine: 8,
          endColumn: 102,
          suggestions: [
            {
              messageId: "handleError",
              output: `import axios from "axios";

export function cancel(reference: string) {
  return axios.put(\`https://api.vipps.no/ecomm/v2/payments/\${reference}/cancel\`, {}).catch(() => {});
}

export async function details(reference: string) {
  return axios.get(\`https://api.vipps.no/ecomm/v2/payments/\${reference}/details\`).catch((err) => {
    console.error("eCom API get payment details failed", err);
    return null;
  });
}`,
            },
          ],
        },
      ],
      name: "axios: .catch(() => {}) and .catch(() => null)",
    },
    {
      code: `import got from "got";

export function refund(reference: string) {
  return got.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, { json: {} }).then(
    (response) => response.body,
    () => undefined,
  );
}`,
      output: null,
      errors: [
        {
          messageId: "swallowedError",
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 20,
          suggestions: [
            {
              messageId: "handleError",
              output: `import got from "got";

export function refund(reference: string) {
  return got.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, { json: {} }).then(
    (response) => response.body,
    (error) => {
      console.error("ePayment API refund payment failed", error);
      throw error;
    },
  );
}`,
            },
          ],
        },
      ],
      name: "got: rejection handler of .then that ignores its error",
    },
    {
      code: `import axios from "axios";

export async function refund(reference: string) {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch {}
  return axios.get(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`).catch(() => null);
}`,
      output: null,
      options: [{ errorHandler: "reportVippsError" }],
      // The handler is a declared global: in scope, so the repair may call it.
      languageOptions: { globals: { reportVippsError: "readonly" } },
      errors: [
        {
          messageId: "swallowedError",
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 10,
          suggestions: [
            {
              messageId: "handleError",
              output: `import axios from "axios";

export async function refund(reference: string) {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch (error) {
    await reportVippsError(error);
  }
  return axios.get(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`).catch(() => null);
}`,
            },
          ],
        },
        {
          messageId: "swallowedError",
          line: 7,
          column: 84,
          endLine: 7,
          endColumn: 94,
          suggestions: [
            {
              messageId: "handleError",
              output: `import axios from "axios";

export async function refund(reference: string) {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch {}
  return axios.get(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`).catch((error) => {
    reportVippsError(error);
    return null;
  });
}`,
            },
          ],
        },
      ],
      name: "axios: swallowed errors with errorHandler",
    },
    {
      code: `import axios from "axios";

export async function refund(reference: string) {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch {
    // ignore
  }
}`,
      output: `import axios from "axios";

export async function refund(reference: string) {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch (error) {
    console.error("ePayment API refund payment failed", error);
    // ignore
    throw error;
  }
}`,
      options: [{ autofix: true }],
      errors: [
        {
          messageId: "swallowedError",
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 10,
        },
      ],
      name: "axios: swallowed error, autofix",
    },
    {
      code: `import axios from "axios";

export async function refund(reference: string) {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch ({ message }) {
    return false;
  }
}`,
      output: null,
      errors: [
        {
          messageId: "swallowedError",
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 24,
          suggestions: [],
        },
      ],
      name: "axios: a destructured error that is never read has no suggestion",
    },
    {
      code: `function refresh(reference: string) {
  fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`).then((res) => res.json()).then(render);
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 66,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `function refresh(reference: string) {
  fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`).then(async (res) => {
    if (!res.ok) {
      throw new Error(\`ePayment API get payment failed: \${res.status} \${await res.text()}\`);
    }
    return res.json();
  }).then(render);
}`,
            },
          ],
        },
        {
          messageId: "lostRejection",
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 66,
          suggestions: [
            {
              messageId: "catchRejection",
              output: `function refresh(reference: string) {
  fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`).then((res) => res.json()).then(render).catch((error) => {
    console.error("ePayment API get payment failed", error);
    throw error;
  });
}`,
            },
          ],
        },
      ],
      name: "fetch: a dropped .then chain in a plain function loses both the status and the rejection",
    },
    {
      code: `import superagent from "superagent";

export async function info(reference: string) {
  const res = await superagent.get(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`).ok(() => true);
  return res.body;
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 93,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `import superagent from "superagent";

export async function info(reference: string) {
  const res = await superagent.get(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`).ok(() => true);
  if (!res.ok) {
    throw new Error(\`ePayment API get payment failed: \${res.status} \${res.text}\`);
  }
  return res.body;
}`,
            },
          ],
        },
      ],
      name: "superagent with .ok(() => true)",
    },
    {
      code: `export async function info(reference: string) {
  const response = await vippsFetch(\`/epayment/v1/payments/\${reference}\`);
  return response.json();
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 74,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `export async function info(reference: string) {
  const response = await vippsFetch(\`/epayment/v1/payments/\${reference}\`);
  if (!response.ok) {
    throw new Error(\`ePayment API get payment failed: \${response.status} \${await response.text()}\`);
  }
  return response.json();
}`,
            },
          ],
        },
      ],
      settings: { vipps: { wrappers: [{ name: "vippsFetch", url: 0, failure: "resolves" }] } },
      name: "a configured wrapper that resolves like fetch",
    },
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
const token = await client.auth.getToken("id", "secret");
export const accessToken = token.data.access_token;

router.post("/capture/:reference", async (req, res) => {
  const result = await client.payment.capture(accessToken, req.params.reference, req.body);
  res.json(result.data);
});

export class Payments {
  async refund(reference: string, body: unknown) {
    const refunded = await client.payment.refund(accessToken, reference, body);
    return refunded.data.state;
  }
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedResult",
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 57,
          suggestions: [
            {
              messageId: "addResultCheck",
              output: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
const token = await client.auth.getToken("id", "secret");
if (!token.ok) {
  throw new Error(\`Access token API get access token failed: \${JSON.stringify(token.error)}\`);
}
export const accessToken = token.data.access_token;

router.post("/capture/:reference", async (req, res) => {
  const result = await client.payment.capture(accessToken, req.params.reference, req.body);
  res.json(result.data);
});

export class Payments {
  async refund(reference: string, body: unknown) {
    const refunded = await client.payment.refund(accessToken, reference, body);
    return refunded.data.state;
  }
}`,
            },
          ],
        },
        {
          messageId: "uncheckedResult",
          line: 8,
          column: 24,
          endLine: 8,
          endColumn: 91,
          suggestions: [
            {
              messageId: "addResultCheck",
              output: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
const token = await client.auth.getToken("id", "secret");
export const accessToken = token.data.access_token;

router.post("/capture/:reference", async (req, res) => {
  const result = await client.payment.capture(accessToken, req.params.reference, req.body);
  if (!result.ok) {
    throw new Error(\`ePayment API capture payment failed: \${JSON.stringify(result.error)}\`);
  }
  res.json(result.data);
});

export class Payments {
  async refund(reference: string, body: unknown) {
    const refunded = await client.payment.refund(accessToken, reference, body);
    return refunded.data.state;
  }
}`,
            },
          ],
        },
        {
          messageId: "uncheckedResult",
          line: 14,
          column: 28,
          endLine: 14,
          endColumn: 79,
          suggestions: [
            {
              messageId: "addResultCheck",
              output: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
const token = await client.auth.getToken("id", "secret");
export const accessToken = token.data.access_token;

router.post("/capture/:reference", async (req, res) => {
  const result = await client.payment.capture(accessToken, req.params.reference, req.body);
  res.json(result.data);
});

export class Payments {
  async refund(reference: string, body: unknown) {
    const refunded = await client.payment.refund(accessToken, reference, body);
    if (!refunded.ok) {
      throw new Error(\`ePayment API refund payment failed: \${JSON.stringify(refunded.error)}\`);
    }
    return refunded.data.state;
  }
}`,
            },
          ],
        },
      ],
      name: "@vippsmobilepay/sdk: arrow callback, class method and top-level await",
    },
    {
      code: `import axios from "axios";

export class Payments {
  capture(reference: string) {
    axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, {});
  }
}

export const refund = async (reference: string) => {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch (e) {}
};`,
      output: null,
      errors: [
        {
          messageId: "lostRejection",
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 85,
          suggestions: [
            {
              messageId: "catchRejection",
              output: `import axios from "axios";

export class Payments {
  capture(reference: string) {
    axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, {}).catch((error) => {
      console.error("ePayment API capture payment failed", error);
      throw error;
    });
  }
}

export const refund = async (reference: string) => {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch (e) {}
};`,
            },
          ],
        },
        {
          messageId: "swallowedError",
          line: 12,
          column: 5,
          endLine: 12,
          endColumn: 14,
          suggestions: [
            {
              messageId: "handleError",
              output: `import axios from "axios";

export class Payments {
  capture(reference: string) {
    axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/capture\`, {});
  }
}

export const refund = async (reference: string) => {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch (e) {
    console.error("ePayment API refund payment failed", e);
    throw e;
  }
};`,
            },
          ],
        },
      ],
      name: "axios: lost rejection in a class method and a swallowed error in an arrow callback",
    },
    {
      code: `function refresh(reference: string) {
  fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`)
    .then((res) => res.json()) // parse
    .then(render);
}`,
      output: `function refresh(reference: string) {
  fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`)
    .then(async (res) => {
      if (!res.ok) {
        throw new Error(\`ePayment API get payment failed: \${res.status} \${await res.text()}\`);
      }
      return res.json();
    }) // parse
    .then(render).catch((error) => {
      console.error("ePayment API get payment failed", error);
      throw error;
    });
}`,
      options: [{ autofix: true }],
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 66,
        },
        {
          messageId: "lostRejection",
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 66,
        },
      ],
      name: "fetch: a multi-line chain with a comment, under autofix",
    },
    {
      code: `import axios from "axios";

class Warmup {
  static {
    axios.get("https://api.vipps.no/epayment/v1/payments/warm-up");
  }
}`,
      output: null,
      errors: [
        {
          messageId: "lostRejection",
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 67,
          suggestions: [
            {
              messageId: "catchRejection",
              output: `import axios from "axios";

class Warmup {
  static {
    axios.get("https://api.vipps.no/epayment/v1/payments/warm-up").catch((error) => {
      console.error("ePayment API get payment failed", error);
      throw error;
    });
  }
}`,
            },
          ],
        },
      ],
      name: "axios: in a class static block, where await is not allowed, a .catch is appended",
    },
    {
      code: `function cancel(reference: string) {
  return fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/cancel\`, { method: "POST" }).then((r) => r.json());
}`,
      output: null,
      options: [{ errorHandler: "reportVippsError" }],
      // The handler is a declared global: in scope, so the repair may call it.
      languageOptions: { globals: { reportVippsError: "readonly" } },
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 100,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `function cancel(reference: string) {
  return fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}/cancel\`, { method: "POST" }).then((r) => {
    if (!r.ok) {
      reportVippsError(r);
    }
    return r.json();
  });
}`,
            },
          ],
        },
      ],
      name: "fetch: .then callback with errorHandler stays synchronous",
    },
    {
      code: `export async function capture(reference: string) {
  const result = await vipps.call(reference);
  return result.data;
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedResult",
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 45,
          suggestions: [
            {
              messageId: "addResultCheck",
              output: `export async function capture(reference: string) {
  const result = await vipps.call(reference);
  if (!result.ok) {
    throw new Error(\`ePayment API capture payment failed: \${JSON.stringify(result.error)}\`);
  }
  return result.data;
}`,
            },
          ],
        },
      ],
      settings: { vipps: { wrappers: [{ name: "vipps.call", endpoint: "epayment.capture", failure: "result" }] } },
      name: "a configured wrapper that resolves an SDK-style result",
    },
    {
      code: `export function cancel(reference: string) {
  vippsRequest(\`/epayment/v1/payments/\${reference}/cancel\`);
}`,
      output: null,
      errors: [
        {
          messageId: "lostRejection",
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 60,
          suggestions: [
            {
              messageId: "catchRejection",
              output: `export function cancel(reference: string) {
  vippsRequest(\`/epayment/v1/payments/\${reference}/cancel\`).catch((error) => {
    console.error("ePayment API cancel payment failed", error);
    throw error;
  });
}`,
            },
          ],
        },
      ],
      settings: { vipps: { wrappers: [{ name: "vippsRequest", url: 0 }] } },
      name: "a configured wrapper that rejects (the default): a lost rejection",
    },
    // @vippsno/vipps-sdk 0.9.13 rejects on every non-2xx and resolves the raw body: a rejecting client, never an `.ok` check.
    {
      code: `import { Vipps } from "@vippsno/vipps-sdk";

const vipps = new Vipps({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function createPayment(payment) {
  vipps.ePayment.createPayment(payment);
}`,
      output: null,
      languageOptions: JS,
      errors: [
        {
          messageId: "lostRejection",
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 40,
          suggestions: [
            {
              messageId: "awaitRequest",
              output: `import { Vipps } from "@vippsno/vipps-sdk";

const vipps = new Vipps({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function createPayment(payment) {
  await vipps.ePayment.createPayment(payment);
}`,
            },
          ],
        },
      ],
      name: "@vippsno/vipps-sdk 0.9.13 rejects: a dropped call loses the rejection",
    },
    {
      code: `import { Vipps } from "@vippsno/vipps-sdk";

const vipps = new Vipps({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function info(reference: string) {
  try {
    return await vipps.ePayment.getPayment(reference);
  } catch {
    return null;
  }
}`,
      output: null,
      errors: [
        {
          messageId: "swallowedError",
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 10,
          suggestions: [
            {
              messageId: "handleError",
              output: `import { Vipps } from "@vippsno/vipps-sdk";

const vipps = new Vipps({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function info(reference: string) {
  try {
    return await vipps.ePayment.getPayment(reference);
  } catch (error) {
    console.error("ePayment API get payment failed", error);
    return null;
  }
}`,
            },
          ],
        },
      ],
      name: "@vippsno/vipps-sdk: a catch that returns null swallows the rejection",
    },
    {
      code: `import { Vipps } from "@vippsno/vipps-sdk";

const vipps = new Vipps({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export function cancel(reference) {
  return vipps.ePayment.cancelPayment(reference).catch(() => null);
}`,
      output: null,
      languageOptions: JS_WITH_GLOBALS,
      errors: [
        {
          messageId: "swallowedError",
          line: 6,
          column: 56,
          endLine: 6,
          endColumn: 66,
          suggestions: [
            {
              messageId: "handleError",
              output: `import { Vipps } from "@vippsno/vipps-sdk";

const vipps = new Vipps({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export function cancel(reference) {
  return vipps.ePayment.cancelPayment(reference).catch((error) => {
    console.error("ePayment API cancel payment failed", error);
    return null;
  });
}`,
            },
          ],
        },
      ],
      name: "@vippsno/vipps-sdk: .catch(() => null) swallows the rejection",
    },
    // Any field but ok/error read before narrowing uses the result unchecked, not only `.data`.
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function createPayment(token: string, body: unknown) {
  const result = await client.payment.create(token, body);
  return result.redirectUrl;
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedResult",
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 58,
          suggestions: [
            {
              messageId: "addResultCheck",
              output: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function createPayment(token: string, body: unknown) {
  const result = await client.payment.create(token, body);
  if (!result.ok) {
    throw new Error(\`ePayment API create payment failed: \${JSON.stringify(result.error)}\`);
  }
  return result.redirectUrl;
}`,
            },
          ],
        },
      ],
      name: "@vippsmobilepay/sdk: a field of the success body read off the unnarrowed result",
    },
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function info(token: string, reference: string) {
  try {
    const result = await client.payment.info(token, reference);
    return result.ok ? result.data : null;
  } catch {
    return null;
  }
}`,
      output: null,
      errors: [
        {
          messageId: "swallowedError",
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 10,
          suggestions: [
            {
              messageId: "handleError",
              output: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function info(token: string, reference: string) {
  try {
    const result = await client.payment.info(token, reference);
    return result.ok ? result.data : null;
  } catch (error) {
    console.error("ePayment API get payment failed", error);
    return null;
  }
}`,
            },
          ],
        },
      ],
      name: "@vippsmobilepay/sdk also rejects: a catch that returns null swallows it",
    },
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export function info(token, reference) {
  return client.payment.info(token, reference).then((result) => (result.ok ? result.data : null)).catch(() => null);
}`,
      output: null,
      languageOptions: JS,
      errors: [
        {
          messageId: "swallowedError",
          line: 6,
          column: 105,
          endLine: 6,
          endColumn: 115,
          suggestions: [
            {
              messageId: "handleError",
              output: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export function info(token, reference) {
  return client.payment.info(token, reference).then((result) => (result.ok ? result.data : null)).catch((error) => {
    console.error("ePayment API get payment failed", error);
    return null;
  });
}`,
            },
          ],
        },
      ],
      name: "@vippsmobilepay/sdk also rejects: .catch(() => null) after a narrowing .then swallows it",
    },
    // got and ky with `throwHttpErrors: false`: a body shortcut resolves an error answer's body as a success.
    {
      code: `import got from "got";

export async function createPayment(payment: unknown) {
  const body = await got.post("https://api.vipps.no/epayment/v1/payments", { json: payment, throwHttpErrors: false }).json();
  return body;
}`,
      output: null,
      errors: [
        {
          messageId: "bodyWithoutStatus",
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 125,
          suggestions: [
            {
              messageId: "removeThrowHttpErrorsFalse",
              output: `import got from "got";

export async function createPayment(payment: unknown) {
  const body = await got.post("https://api.vipps.no/epayment/v1/payments", { json: payment }).json();
  return body;
}`,
            },
          ],
        },
      ],
      name: "got: throwHttpErrors: false with .json() resolves the error body",
    },
    {
      code: `import ky from "ky";

export function info(reference) {
  return ky.get(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`, { throwHttpErrors: false }).json();
}`,
      output: null,
      languageOptions: JS,
      errors: [
        {
          messageId: "bodyWithoutStatus",
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 109,
          suggestions: [
            {
              messageId: "removeThrowHttpErrorsFalse",
              output: `import ky from "ky";

export function info(reference) {
  return ky.get(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`, {}).json();
}`,
            },
          ],
        },
      ],
      name: "ky: throwHttpErrors: false with .json(), returned",
    },
    {
      code: `import ky from "ky";

const api = ky.create({ prefixUrl: "https://api.vipps.no", throwHttpErrors: false });

export async function info(reference) {
  const payment = await api.get(\`epayment/v1/payments/\${reference}\`).text();
  return JSON.parse(payment);
}`,
      output: null,
      languageOptions: JS,
      errors: [
        {
          messageId: "bodyWithoutStatus",
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 76,
          suggestions: [],
        },
      ],
      name: "ky: an instance with throwHttpErrors: false and .text()",
    },
    {
      code: `import got from "got";

export function info(reference: string) {
  return got(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`).json().catch(() => null);
}`,
      output: null,
      errors: [
        {
          messageId: "swallowedError",
          line: 4,
          column: 85,
          endLine: 4,
          endColumn: 95,
          suggestions: [
            {
              messageId: "handleError",
              output: `import got from "got";

export function info(reference: string) {
  return got(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`).json().catch((error) => {
    console.error("ePayment API get payment failed", error);
    return null;
  });
}`,
            },
          ],
        },
      ],
      name: "got: .json().catch(() => null) swallows the error",
    },
    {
      code: `import ky from "ky";

export function cancel(reference) {
  return ky.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/cancel\`, { throwHttpErrors: false }).json().catch(() => null);
}`,
      output: null,
      languageOptions: JS_WITH_GLOBALS,
      errors: [
        {
          messageId: "bodyWithoutStatus",
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 117,
          suggestions: [
            {
              messageId: "removeThrowHttpErrorsFalse",
              output: `import ky from "ky";

export function cancel(reference) {
  return ky.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/cancel\`, {}).json().catch(() => null);
}`,
            },
          ],
        },
        {
          messageId: "swallowedError",
          line: 4,
          column: 124,
          endLine: 4,
          endColumn: 134,
          suggestions: [
            {
              messageId: "handleError",
              output: `import ky from "ky";

export function cancel(reference) {
  return ky.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/cancel\`, { throwHttpErrors: false }).json().catch((error) => {
    console.error("ePayment API cancel payment failed", error);
    return null;
  });
}`,
            },
          ],
        },
      ],
      name: "ky: throwHttpErrors: false, .json() and .catch(() => null)",
    },
    {
      code: `import got from "got";

export async function createPayment(payment: unknown) {
  got.post("https://api.vipps.no/epayment/v1/payments", { json: payment }).json();
}`,
      output: null,
      errors: [
        {
          messageId: "lostRejection",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 82,
          suggestions: [
            {
              messageId: "awaitRequest",
              output: `import got from "got";

export async function createPayment(payment: unknown) {
  await got.post("https://api.vipps.no/epayment/v1/payments", { json: payment }).json();
}`,
            },
          ],
        },
      ],
      name: "got: a dropped .json() loses the rejection",
    },
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export function createPayment(token, body) {
  return client.payment.create(token, body).then((result) => result.redirectUrl);
}`,
      output: null,
      languageOptions: JS_WITH_GLOBALS,
      errors: [
        {
          messageId: "uncheckedResult",
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 44,
          suggestions: [
            {
              messageId: "addResultCheck",
              output: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export function createPayment(token, body) {
  return client.payment.create(token, body).then((result) => {
    if (!result.ok) {
      throw new Error(\`ePayment API create payment failed: \${JSON.stringify(result.error)}\`);
    }
    return result.redirectUrl;
  });
}`,
            },
          ],
        },
      ],
      name: "@vippsmobilepay/sdk: .then reads a field of the success body without narrowing",
    },
    {
      code: `const { Client } = require("@vippsmobilepay/sdk");

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

async function capture(token, reference, body) {
  client.payment.capture(token, reference, body);
}

module.exports = { capture };`,
      output: null,
      languageOptions: CJS,
      errors: [
        {
          messageId: "lostRejection",
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 49,
          suggestions: [
            {
              messageId: "awaitRequest",
              output: `const { Client } = require("@vippsmobilepay/sdk");

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

async function capture(token, reference, body) {
  await client.payment.capture(token, reference, body);
}

module.exports = { capture };`,
            },
          ],
        },
      ],
      name: "@vippsmobilepay/sdk (CommonJS): a dropped call loses the rejection",
    },
    // errorHandler { name, module }: repairs import the handler where the file does not have it.
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function info(token: string, reference: string) {
  const result = await client.payment.info(token, reference);
  return result.data.state;
}`,
      output: `import { Client } from "@vippsmobilepay/sdk";
import { reportVippsError } from "./errors.js";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

export async function info(token: string, reference: string) {
  const result = await client.payment.info(token, reference);
  if (!result.ok) {
    await reportVippsError(result.error);
  }
  return result.data.state;
}`,
      options: [{"autofix": true, "errorHandler": {"name": "reportVippsError", "module": "./errors.js"}}],
      errors: [
        {
          messageId: "uncheckedResult",
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 61,
          suggestions: [],
        },
      ],
      name: "errorHandler with its module: the repair imports it after the file's imports (ESM)",
    },
    {
      code: `"use strict";
const axios = require("axios"); // the HTTP client

async function refund(reference) {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch {
    return false;
  }
  return true;
}

module.exports = { refund };`,
      output: `"use strict";
const axios = require("axios"); // the HTTP client
const { reportVippsError } = require("./errors");

async function refund(reference) {
  try {
    await axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
  } catch (error) {
    await reportVippsError(error);
    return false;
  }
  return true;
}

module.exports = { refund };`,
      options: [{"autofix": true, "errorHandler": {"name": "reportVippsError", "module": "./errors"}}],
      languageOptions: CJS,
      errors: [
        {
          messageId: "swallowedError",
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 10,
          suggestions: [],
        },
      ],
      name: "errorHandler with its module in CommonJS: a require after the file's requires",
    },
    {
      code: `export async function info(reference) {
  const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`);
  return response.json();
}`,
      output: null,
      options: [{"errorHandler": "reportVippsError"}],
      languageOptions: JS,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 89,
          suggestions: [],
        },
      ],
      name: "errorHandler named without a module and not in scope: reported, no repair",
    },
    {
      code: `export async function info(reference) {
  const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`);
  return response.json();
}

function reportVippsError(response) {
  throw new Error(\`Vipps answered \${response.status}\`);
}`,
      output: `export async function info(reference) {
  const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`);
  if (!response.ok) {
    await reportVippsError(response);
  }
  return response.json();
}

function reportVippsError(response) {
  throw new Error(\`Vipps answered \${response.status}\`);
}`,
      options: [{"autofix": true, "errorHandler": "reportVippsError"}],
      languageOptions: JS,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 89,
          suggestions: [],
        },
      ],
      name: "errorHandler declared in the file: called without an import",
    },
    {
      code: `import { reportVippsError } from "./errors.js";

export async function info(reference) {
  const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`);
  return response.json();
}`,
      output: `import { reportVippsError } from "./errors.js";

export async function info(reference) {
  const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`);
  if (!response.ok) {
    await reportVippsError(response);
  }
  return response.json();
}`,
      options: [{"autofix": true, "errorHandler": {"name": "reportVippsError", "module": "./errors.js"}}],
      languageOptions: JS,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 89,
          suggestions: [],
        },
      ],
      name: "errorHandler with its module, already imported: no second import",
    },
    {
      code: `export async function info(reference: string) {
  const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`);
  return response.json();
}`,
      output: `import { logging } from "./logging.js";
export async function info(reference: string) {
  const response = await fetch(\`https://api.vipps.no/epayment/v1/payments/\${reference}\`);
  if (!response.ok) {
    await logging.reportVippsError(response);
  }
  return response.json();
}`,
      options: [{"autofix": true, "errorHandler": {"name": "logging.reportVippsError", "module": "./logging.js"}}],
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 89,
          suggestions: [],
        },
      ],
      name: "dotted errorHandler with its module, in a file without imports: its first name is imported at the top",
    },
    {
      code: `import ky from 'ky'

export function cancel(reference) {
  ky.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/cancel\`)
}`,
      output: null,
      options: [{"errorHandler": {"name": "reportVippsError", "module": "./errors.js"}}],
      languageOptions: JS,
      errors: [
        {
          messageId: "lostRejection",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 75,
          suggestions: [
            {
              messageId: "catchRejection",
              output: `import ky from 'ky'
import { reportVippsError } from './errors.js'

export function cancel(reference) {
  ky.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/cancel\`).catch((error) => reportVippsError(error))
}`,
            },
          ],
        },
      ],
      name: "errorHandler with its module: single quotes and no semicolons, in a suggestion",
    },
    {
      code: `export class VippsClient {
  constructor(private readonly config: { baseUrl: string; msn: string }) {}
  async send(uri: string, body: unknown) {
    const response = await fetch(\`\${this.config.baseUrl}\${uri}\`, {
      method: "POST",
      headers: { "Merchant-Serial-Number": this.config.msn, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return response.json();
  }
}`,
      output: `export class VippsClient {
  constructor(private readonly config: { baseUrl: string; msn: string }) {}
  async send(uri: string, body: unknown) {
    const response = await fetch(\`\${this.config.baseUrl}\${uri}\`, {
      method: "POST",
      headers: { "Merchant-Serial-Number": this.config.msn, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(\`Vipps API request failed: \${response.status} \${await response.text()}\`);
    }
    return response.json();
  }
}`,
      options: [{ autofix: true }],
      errors: [{ messageId: "uncheckedStatus", line: 4, column: 28, endLine: 8, endColumn: 7 }],
      name: "evidence: a URL wholly from configuration, with a Merchant-Serial-Number header (TypeScript)",
    },
    {
      code: `export async function details(orderId) {
  const response = await fetch(process.env.VIPPS_PAYMENT_URL + "/" + orderId + "/details", { headers: authHeaders });
  return response.json();
}`,
      output: `export async function details(orderId) {
  const response = await fetch(process.env.VIPPS_PAYMENT_URL + "/" + orderId + "/details", { headers: authHeaders });
  if (!response.ok) {
    throw new Error(\`eCom API get payment details failed: \${response.status} \${await response.text()}\`);
  }
  return response.json();
}`,
      options: [{ autofix: true }],
      languageOptions: JS,
      errors: [{ messageId: "uncheckedStatus", line: 2, column: 26, endLine: 2, endColumn: 117 }],
      name: "evidence: a Vipps-named env variable and a /details suffix name the endpoint (JavaScript)",
    },
    {
      code: `const headers = new Headers();
headers.append("Merchant-Serial-Number", process.env.MSN);
export async function info(path) {
  const response = await fetch(new URL(path, env.VIPPS_API), { headers });
  return response.json();
}`,
      output: `const headers = new Headers();
headers.append("Merchant-Serial-Number", process.env.MSN);
export async function info(path) {
  const response = await fetch(new URL(path, env.VIPPS_API), { headers });
  if (!response.ok) {
    throw new Error(\`Vipps API request failed: \${response.status} \${await response.text()}\`);
  }
  return response.json();
}`,
      options: [{ autofix: true }],
      languageOptions: JS_WITH_GLOBALS,
      errors: [{ messageId: "uncheckedStatus", line: 4, column: 26, endLine: 4, endColumn: 74 }],
      name: "evidence: new Headers() with .append and new URL(path, env.VIPPS_API) (globals declared)",
    },
    {
      code: `function vippsHeaders(token: string) {
  return { Authorization: \`Bearer \${token}\`, "Vipps-System-Name": "webshop" };
}
export async function capture(base: string, reference: string, token: string) {
  const response = await fetch(\`\${base}/payments/\${reference}/capture\`, { method: "POST", headers: vippsHeaders(token) });
  return response.json();
}`,
      output: `function vippsHeaders(token: string) {
  return { Authorization: \`Bearer \${token}\`, "Vipps-System-Name": "webshop" };
}
export async function capture(base: string, reference: string, token: string) {
  const response = await fetch(\`\${base}/payments/\${reference}/capture\`, { method: "POST", headers: vippsHeaders(token) });
  if (!response.ok) {
    throw new Error(\`Vipps API request failed: \${response.status} \${await response.text()}\`);
  }
  return response.json();
}`,
      options: [{ autofix: true }],
      errors: [{ messageId: "uncheckedStatus", line: 5, column: 26, endLine: 5, endColumn: 122 }],
      name: "evidence: Vipps-System-Name from a same-file helper; the /capture suffix alone names no endpoint",
    },
    {
      code: `export async function token() {
  const response = await fetch("https://api.vipps.no/auth/token", { method: "POST" });
  return response.json();
}`,
      output: `export async function token() {
  const response = await fetch("https://api.vipps.no/auth/token", { method: "POST" });
  if (!response.ok) {
    throw new Error(\`Vipps API request failed: \${response.status} \${await response.text()}\`);
  }
  return response.json();
}`,
      options: [{ autofix: true }],
      languageOptions: JS,
      errors: [{ messageId: "uncheckedStatus", line: 2, column: 26, endLine: 2, endColumn: 86 }],
      name: "a path on a Vipps host in no endpoint table is named by its path",
    },
    {
      code: `import axios from "axios";
const vipps = axios.create({ baseURL: process.env.PAYMENTS_URL, headers: { "Merchant-Serial-Number": process.env.MSN } });
export function cancel(uri: string) {
  vipps.post(uri, {});
}`,
      output: `import axios from "axios";
const vipps = axios.create({ baseURL: process.env.PAYMENTS_URL, headers: { "Merchant-Serial-Number": process.env.MSN } });
export function cancel(uri: string) {
  vipps.post(uri, {}).catch((error) => {
    console.error("Vipps API request failed", error);
    throw error;
  });
}`,
      options: [{ autofix: true }],
      errors: [{ messageId: "lostRejection", line: 4, column: 3, endLine: 4, endColumn: 22 }],
      name: "evidence: an axios instance's default Merchant-Serial-Number header",
    },
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

function getVippsClient() {
  return Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
}

export async function createPayment(token: string, body: unknown) {
  const payment = await getVippsClient().payment.create(token, body);
  return payment.data;
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedResult",
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 69,
          suggestions: [
            {
              messageId: "addResultCheck",
              output: `import { Client } from "@vippsmobilepay/sdk";

function getVippsClient() {
  return Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
}

export async function createPayment(token: string, body: unknown) {
  const payment = await getVippsClient().payment.create(token, body);
  if (!payment.ok) {
    throw new Error(\`ePayment API create payment failed: \${JSON.stringify(payment.error)}\`);
  }
  return payment.data;
}`,
            },
          ],
        },
      ],
      name: "a client returned by a local factory: its SDK result is read unchecked",
    },
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

let client;
export function init(config) {
  client = Client(config);
}

export async function info(token, reference) {
  const result = await client.payment.info(token, reference);
  return result.data;
}`,
      output: null,
      languageOptions: JS,
      errors: [
        {
          messageId: "uncheckedResult",
          line: 9,
          column: 24,
          endLine: 9,
          endColumn: 61,
          suggestions: [
            {
              messageId: "addResultCheck",
              output: `import { Client } from "@vippsmobilepay/sdk";

let client;
export function init(config) {
  client = Client(config);
}

export async function info(token, reference) {
  const result = await client.payment.info(token, reference);
  if (!result.ok) {
    throw new Error(\`ePayment API get payment failed: \${JSON.stringify(result.error)}\`);
  }
  return result.data;
}`,
            },
          ],
        },
      ],
      name: "a module-level client assigned in an init function: its SDK result is read unchecked",
    },
    {
      code: `import axios from "axios";

function api() {
  return axios.create({ baseURL: "https://api.vipps.no/epayment/v1" });
}

export function refund(reference) {
  api().post(\`payments/\${reference}/refund\`, {});
}`,
      output: null,
      languageOptions: JS_WITH_GLOBALS,
      errors: [
        {
          messageId: "lostRejection",
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 49,
          suggestions: [
            {
              messageId: "catchRejection",
              output: `import axios from "axios";

function api() {
  return axios.create({ baseURL: "https://api.vipps.no/epayment/v1" });
}

export function refund(reference) {
  api().post(\`payments/\${reference}/refund\`, {}).catch((error) => {
    console.error("ePayment API refund payment failed", error);
    throw error;
  });
}`,
            },
          ],
        },
      ],
      name: "an axios instance returned from a function: a lost rejection",
    },
    {
      code: `const BASE = "https://api.vipps.no/epayment/v1/payments";

async function vippsGet(path: string) {
  return fetch(\`\${BASE}/\${path}\`);
}

export async function info(reference: string) {
  const response = await vippsGet(reference);
  return response.json();
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 8,
          column: 26,
          endLine: 8,
          endColumn: 45,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `const BASE = "https://api.vipps.no/epayment/v1/payments";

async function vippsGet(path: string) {
  return fetch(\`\${BASE}/\${path}\`);
}

export async function info(reference: string) {
  const response = await vippsGet(reference);
  if (!response.ok) {
    throw new Error(\`ePayment API request failed: \${response.status} \${await response.text()}\`);
  }
  return response.json();
}`,
            },
          ],
        },
      ],
      name: "a local wrapper that returns the fetch promise: the response is read unchecked at its call",
    },
    {
      code: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

async function capture(token, reference, body) {
  const result = await client.payment.capture(token, reference, body);
  return result;
}
const captureAll = (token, reference) => capture(token, reference, { modificationAmount: { value: 100, currency: "NOK" } });

export async function ship(token, reference) {
  await captureAll(token, reference);
}`,
      output: null,
      languageOptions: JS_WITH_GLOBALS,
      errors: [
        {
          messageId: "uncheckedResult",
          line: 12,
          column: 9,
          endLine: 12,
          endColumn: 37,
          suggestions: [
            {
              messageId: "addResultCheck",
              output: `import { Client } from "@vippsmobilepay/sdk";

const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });

async function capture(token, reference, body) {
  const result = await client.payment.capture(token, reference, body);
  return result;
}
const captureAll = (token, reference) => capture(token, reference, { modificationAmount: { value: 100, currency: "NOK" } });

export async function ship(token, reference) {
  const result = await captureAll(token, reference);
  if (!result.ok) {
    throw new Error(\`ePayment API capture payment failed: \${JSON.stringify(result.error)}\`);
  }
}`,
            },
          ],
        },
      ],
      name: "two levels of local wrappers around an SDK call: the result is ignored at the outer call",
    },
    {
      code: `import { vippsRequest } from "./vipps.js";

export async function cancel(reference) {
  const response = await vippsRequest(\`/payments/\${reference}/cancel\`, "POST");
  return response.json();
}`,
      output: null,
      languageOptions: JS,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 79,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `import { vippsRequest } from "./vipps.js";

export async function cancel(reference) {
  const response = await vippsRequest(\`/payments/\${reference}/cancel\`, "POST");
  if (!response.ok) {
    throw new Error(\`ePayment API request failed: \${response.status} \${await response.text()}\`);
  }
  return response.json();
}`,
            },
          ],
        },
      ],
      settings: {vipps: {helpers: [{name: "vippsRequest",returns: "response",api: "epayment"}]}},
      name: "a declared helper that returns a response: read unchecked",
    },
    {
      code: `export async function capture(vipps: unknown, reference: string) {
  const response = await request(vipps, "POST", \`/epayment/v1/payments/\${reference}/capture\`, { body: {} });
  return response.json();
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 108,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `export async function capture(vipps: unknown, reference: string) {
  const response = await request(vipps, "POST", \`/epayment/v1/payments/\${reference}/capture\`, { body: {} });
  if (!response.ok) {
    throw new Error(\`ePayment API capture payment failed: \${response.status} \${await response.text()}\`);
  }
  return response.json();
}`,
            },
          ],
        },
      ],
      settings: {vipps: {wrappers: [{name: "request",url: 2,method: {argument: 1},failure: "resolves"}]}},
      name: "a wrapper whose method is an argument: the endpoint is known and the response is unchecked",
    },
    {
      code: `export class VippsClient {
  constructor(private readonly base: string) {}

  private request(path: string, init?: RequestInit) {
    return fetch(\`\${this.base}/epayment/v1/payments/\${path}\`, init);
  }

  async capture(reference: string) {
    const response = await this.request(\`\${reference}/capture\`, { method: "POST", body: "{}" });
    return response.json();
  }
}`,
      output: null,
      errors: [
        {
          messageId: "uncheckedStatus",
          line: 9,
          column: 28,
          endLine: 9,
          endColumn: 96,
          suggestions: [
            {
              messageId: "addStatusCheck",
              output: `export class VippsClient {
  constructor(private readonly base: string) {}

  private request(path: string, init?: RequestInit) {
    return fetch(\`\${this.base}/epayment/v1/payments/\${path}\`, init);
  }

  async capture(reference: string) {
    const response = await this.request(\`\${reference}/capture\`, { method: "POST", body: "{}" });
    if (!response.ok) {
      throw new Error(\`ePayment API request failed: \${response.status} \${await response.text()}\`);
    }
    return response.json();
  }
}`,
            },
          ],
        },
      ],
      name: "a class whose request method returns the fetch promise: the response is read unchecked at this.request(...)",
    },
  ],
});
