// Generates Vipps integration files the way merchants write them: several HTTP clients and the SDK, CommonJS and
// ESM, TypeScript and JavaScript, URLs over environment base URLs, bodies inline, in constants, in options objects
// and spread from a base, correct and wrong phone numbers, checked and unchecked responses. The same seed always
// gives the same files, so benchmark figures and corpus runs are comparable between commits.

/** A small seeded generator (mulberry32): deterministic across Node versions, unlike Math.random. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}

const BASES = [
  "https://apitest.vipps.no",
  "https://api.vipps.no",
];

/** Phone values by the format the field wants: mostly right, often wrong in the ways real code is. */
const PHONES = {
  nsn8: ["91234567", "91234567", "48059154", "+47 912 34 567", "4791234567", "0047 91234567", "912 34 567", "12345", "+46 70 123 45 67"],
  msisdn: ["4791234567", "4791234567", "4520123456", "+47 912 34 567", "91234567", "(+47) 91 23 45 67", "004791234567", "+358 40 1234567", "+46 70 123 45 67", "4712"],
  "urn-msisdn": ["urn:msisdn:4791234567", "urn:msisdn:4791234567", "urn:msisdn:+4791234567", "4791234567", "urn:msisdn:91234567"],
};

const MERCHANT_NAMES = ["Fjordkaffe", "Bakeriet", "Sykkelbutikken", "Nordlys Sport", "Havbris Fisk", "Lofoten Ull"];

/** A phone value written as code: a literal, a fallback, a conditional, or something unknown. */
function phoneExpression(random, format) {
  const literal = JSON.stringify(random.pick(PHONES[format]));
  switch (random.int(0, 5)) {
    case 0:
      return `customer.phone || ${literal}`;
    case 1:
      return `isTest ? ${literal} : customer.phone`;
    case 2:
      return "customer.phone";
    default:
      return literal;
  }
}

const indent = (text, spaces) => text.split("\n").map((line) => (line ? " ".repeat(spaces) + line : line)).join("\n");

/** Endpoints the generator writes calls for: path, method, and the body as an object literal (or none). */
const ENDPOINTS = [
  {
    id: "ecom.initiate",
    method: "POST",
    path: () => "/ecomm/v2/payments",
    body: (random) => {
      const express = random.chance(0.4);
      const explicit = express ? random.pick(["", "\n    useExplicitCheckoutFlow: true,", "\n    useExplicitCheckoutFlow: false,"]) : "";
      const clickAndCollect = express && random.chance(0.5);
      const shipping = !express
        ? ""
        : clickAndCollect
          ? `\n    staticShippingDetails: [\n      { isDefault: "Y", priority: 1, shippingCost: 99, shippingMethod: "Home delivery", shippingMethodId: "home" },\n      { isDefault: "N", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "click-and-collect" },\n    ],`
          : `\n    shippingDetailsPrefix: \`\${SHOP_URL}/vipps\`,\n    consentRemovalPrefix: \`\${SHOP_URL}/vipps\`,`;
      return `{
  customerInfo: {
    mobileNumber: ${phoneExpression(random, "nsn8")},
  },
  merchantInfo: {
    merchantSerialNumber: MSN,
    callbackPrefix: \`\${SHOP_URL}/vipps/callback\`,
    fallBack: \`\${SHOP_URL}/order/\${order.id}\`,${express ? `\n    paymentType: "eComm Express Payment",${shipping}` : random.chance(0.3) ? '\n    paymentType: "eComm Regular Payment",' : ""}
  },
  transaction: {
    orderId: order.id,
    amount: order.total,
    transactionText: ${JSON.stringify(`Order at ${random.pick(MERCHANT_NAMES)}`)},${explicit}
  },
}`;
    },
  },
  {
    id: "ecom.capture",
    method: "POST",
    path: (id) => `/ecomm/v2/payments/\${${id}}/capture`,
    body: () => `{
  merchantInfo: { merchantSerialNumber: MSN },
  transaction: { amount: order.total, transactionText: "Shipped" },
}`,
  },
  {
    id: "ecom.cancel",
    method: "PUT",
    path: (id) => `/ecomm/v2/payments/\${${id}}/cancel`,
    body: () => `{
  merchantInfo: { merchantSerialNumber: MSN },
  transaction: { transactionText: "Cancelled by customer" },
}`,
  },
  { id: "ecom.details", method: "GET", path: (id) => `/ecomm/v2/payments/\${${id}}/details` },
  {
    id: "ecom.approveTest",
    method: "POST",
    path: (id) => `/ecomm/v2/integration-test/payments/\${${id}}/approve`,
    body: (random) => `{ customerPhoneNumber: ${JSON.stringify(random.pick(PHONES.nsn8))}, token: order.token }`,
  },
  {
    id: "epayment.create",
    method: "POST",
    sdk: "payment.create",
    path: () => "/epayment/v1/payments",
    body: (random) => `{
  amount: { currency: "NOK", value: order.total },
  paymentMethod: { type: "WALLET" },
  customer: { phoneNumber: ${phoneExpression(random, "msisdn")} },
  reference: order.reference,
  userFlow: ${JSON.stringify(random.pick(["PUSH_MESSAGE", "WEB_REDIRECT", "NATIVE_REDIRECT"]))},
  returnUrl: \`\${SHOP_URL}/order/\${order.reference}\`,
  paymentDescription: "Order " + order.reference,
}`,
  },
  {
    id: "epayment.capture",
    method: "POST",
    sdk: "payment.capture",
    path: (id) => `/epayment/v1/payments/\${${id}}/capture`,
    body: () => `{ modificationAmount: { currency: "NOK", value: order.total } }`,
  },
  {
    id: "epayment.refund",
    method: "POST",
    sdk: "payment.refund",
    path: (id) => `/epayment/v1/payments/\${${id}}/refund`,
    body: () => `{ modificationAmount: { currency: "NOK", value: amount } }`,
  },
  { id: "epayment.info", method: "GET", sdk: "payment.info", path: (id) => `/epayment/v1/payments/\${${id}}` },
  {
    id: "epayment.forceApprove",
    method: "POST",
    sdk: "payment.forceApprove",
    path: (id) => `/epayment/v1/test/payments/\${${id}}/approve`,
    body: (random) => `{ customer: { phoneNumber: ${JSON.stringify(random.pick(PHONES.msisdn))} } }`,
  },
  {
    id: "checkout.createSession",
    method: "POST",
    path: () => "/checkout/v3/session",
    body: (random) => `{
  merchantInfo: {
    callbackUrl: \`\${SHOP_URL}/vipps/checkout-callback\`,
    returnUrl: \`\${SHOP_URL}/order/\${order.reference}\`,
    callbackAuthorizationToken: process.env.CALLBACK_TOKEN,
  },
  transaction: {
    amount: { value: order.total, currency: "NOK" },
    reference: order.reference,
    paymentDescription: "Checkout at ${random.pick(MERCHANT_NAMES)}",
  },
  prefillCustomer: {
    firstName: customer.firstName,
    phoneNumber: ${phoneExpression(random, "msisdn")},
  },
}`,
  },
  {
    id: "recurring.createAgreement",
    method: "POST",
    sdk: "recurring.agreement.create",
    path: () => "/recurring/v3/agreements",
    body: (random) => `{
  pricing: { type: "LEGACY", amount: 29900, currency: "NOK" },
  interval: { unit: "MONTH", count: 1 },
  merchantRedirectUrl: \`\${SHOP_URL}/subscription\`,
  merchantAgreementUrl: \`\${SHOP_URL}/account/subscription\`,
  phoneNumber: ${phoneExpression(random, "msisdn")},
  productName: "${random.pick(["Coffee subscription", "Newspaper", "Gym membership"])}",
}`,
  },
  {
    id: "recurring.createCharge",
    method: "POST",
    sdk: "recurring.charge.create",
    path: (id) => `/recurring/v3/agreements/\${${id}}/charges`,
    body: () => `{
  amount: 29900,
  transactionType: "DIRECT_CAPTURE",
  description: "Monthly subscription",
  due: dueDate,
  retryDays: 5,
}`,
  },
  {
    id: "webhooks.register",
    method: "POST",
    sdk: "webhook.register",
    path: () => "/webhooks/v1/webhooks",
    body: () => `{ url: \`\${SHOP_URL}/vipps/webhook\`, events: ["epayments.payment.captured.v1"] }`,
  },
];

/** How the URL is written, given a path template that may contain `${id}`. */
function urlExpression(random, path) {
  const hasHole = path.includes("${");
  switch (random.int(0, hasHole ? 2 : 4)) {
    case 0:
      return { code: `\`\${BASE_URL}${path}\`` };
    case 1:
      return { code: `\`\${process.env.VIPPS_BASE_URL}${path}\`` };
    case 2:
      return { code: hasHole ? `BASE_URL + \`${path}\`` : `BASE_URL + "${path}"` };
    case 3:
      return { code: `new URL("${path}", BASE_URL)` };
    default:
      return { code: "ENDPOINT_URL", constant: `const ENDPOINT_URL = \`\${BASE_URL}${path}\`;` };
  }
}

const HEADERS = `{
  Authorization: \`Bearer \${token}\`,
  "Content-Type": "application/json",
  "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY,
  "Merchant-Serial-Number": MSN,
  "Idempotency-Key": randomUUID(),
  "Vipps-System-Name": "${"shop"}",
}`;

/** The body as the call passes it, with any statements that must come first. */
function bodyParts(random, endpoint) {
  const literal = endpoint.body?.(random);
  if (!literal) return { setup: "", value: undefined };
  switch (random.int(0, 4)) {
    case 0:
      return { setup: "", value: literal };
    case 1:
    case 2:
      return { setup: `const payload = ${literal};\n`, value: "payload" };
    case 3: {
      // A base object spread into the body, as shared defaults often are.
      const [first, ...rest] = literal.slice(2, -2).split(/\n(?= {2}[a-zA-Z])/);
      if (rest.length === 0) return { setup: `const payload = ${literal};\n`, value: "payload" };
      return {
        setup: `const base = {\n${first}\n};\nconst payload = {\n  ...base,\n${rest.join("\n")}\n};\n`,
        value: "payload",
      };
    }
    default:
      return { setup: `const payload = buildBody(order, customer);\n`, value: "payload", builder: literal };
  }
}

/** One request with one client, and what happens with its response. */
function requestCode(random, transport, endpoint, url, body, ts) {
  const verb = endpoint.method.toLowerCase();
  const json = body.value && (body.value.startsWith("{") ? indent(body.value, 2).trimStart() : body.value);
  const checked = random.chance(0.6);
  const resultType = ts ? ": Promise<unknown>" : "";
  switch (transport) {
    case "fetch": {
      const optionsObject = `{\n  method: "${endpoint.method}",\n  headers: ${indent(HEADERS, 2).trimStart()},${json ? `\n  body: JSON.stringify(${json}),` : ""}\n}`;
      const separate = random.chance(0.4);
      const setup = separate ? `const options = ${optionsObject};\n` : "";
      const call = `fetch(${url}, ${separate ? "options" : indent(optionsObject, 0)})`;
      if (random.chance(0.2)) return `${setup}return ${call}.then((response) => response.json());`;
      return `${setup}const response = await ${call};\n${checked ? `if (!response.ok) {\n  throw new Error(\`Vipps ${endpoint.id} failed: \${response.status} \${await response.text()}\`);\n}\n` : ""}return response.json()${resultType ? " as Promise<unknown>" : ""};`;
    }
    case "axios": {
      const call = json
        ? `axios.${verb}(${url}, ${json}, { headers: ${indent(HEADERS, 2).trimStart()} })`
        : `axios.${verb}(${url}, { headers: ${indent(HEADERS, 2).trimStart()} })`;
      return tryCatch(random, `const { data } = await ${call};\nreturn data;`);
    }
    case "axios-config": {
      return tryCatch(random, `const response = await axios({\n  url: ${url},\n  method: "${verb}",\n  headers: ${indent(HEADERS, 2).trimStart()},${json ? `\n  data: ${json},` : ""}\n});\nreturn response.data;`);
    }
    case "axios-instance":
      return tryCatch(random, `const response = await vipps.${verb}(\`${endpoint.path("id")}\`${json ? `, ${json}` : ""}, { headers: { Authorization: \`Bearer \${token}\` } });\nreturn response.data;`);
    case "got":
      return tryCatch(random, `return got.${verb}(${url}, {\n  headers: ${indent(HEADERS, 2).trimStart()},${json ? `\n  json: ${json},` : ""}\n}).json();`);
    case "got-extend":
      return tryCatch(random, `return vippsApi.${verb}(\`${endpoint.path("id").slice(1)}\`, {${json ? ` json: ${json},` : ""} headers: { Authorization: \`Bearer \${token}\` } }).json();`);
    case "ky":
      return `const result = await ky.${verb}(${url}, {${json ? ` json: ${json},` : ""} headers: ${indent(HEADERS, 2).trimStart()} }).json();\nreturn result;`;
    case "request-promise":
      return tryCatch(random, `return rp({\n  method: "${endpoint.method}",\n  uri: ${url},\n  headers: ${indent(HEADERS, 2).trimStart()},\n  json: ${json ?? "true"},\n});`);
    case "superagent":
      return tryCatch(random, `const response = await superagent\n  .${verb}(${url})\n  .set(${indent(HEADERS, 2).trimStart()})${json ? `\n  .send(${json})` : ""};\nreturn response.body;`);
    case "wrapper":
      return `return vippsRequest(${url}, {${json ? ` body: ${json},` : ""} method: "${endpoint.method}" });`;
    default:
      throw new Error(`unknown transport ${transport}`);
  }
}

function tryCatch(random, code) {
  switch (random.int(0, 3)) {
    case 0:
      return `try {\n${indent(code, 2)}\n} catch (error) {\n  logger.error({ err: error }, "Vipps request failed");\n  throw error;\n}`;
    case 1:
      return `try {\n${indent(code, 2)}\n} catch (error) {\n  // ignore\n}`;
    default:
      return code;
  }
}

const TRANSPORT_IMPORTS = {
  fetch: { esm: [], cjs: [] },
  axios: { esm: ['import axios from "axios";'], cjs: ['const axios = require("axios");'] },
  "axios-config": { esm: ['import axios from "axios";'], cjs: ['const axios = require("axios");'] },
  "axios-instance": {
    esm: ['import axios from "axios";'],
    cjs: ['const axios = require("axios");'],
    setup: 'const vipps = axios.create({ baseURL: process.env.VIPPS_BASE_URL, timeout: 10_000 });',
  },
  got: { esm: ['import got from "got";'], cjs: ['const got = require("got");'] },
  "got-extend": {
    esm: ['import got from "got";'],
    cjs: ['const got = require("got");'],
    setup: "const vippsApi = got.extend({ prefixUrl: BASE_URL, responseType: \"json\" });",
  },
  ky: { esm: ['import ky from "ky";'], cjs: ['const ky = require("ky");'] },
  "request-promise": { esm: ['import rp from "request-promise";'], cjs: ['const rp = require("request-promise");'] },
  superagent: { esm: ['import superagent from "superagent";'], cjs: ['const superagent = require("superagent");'] },
  wrapper: {
    esm: [],
    cjs: [],
    setup: `async function vippsRequest(url, { body, method = "GET" } = {}) {
  const response = await fetch(url, { method, headers: await vippsHeaders(), body: body && JSON.stringify(body) });
  if (!response.ok) throw new Error(\`Vipps \${response.status}: \${await response.text()}\`);
  return response.json();
}`,
  },
};

const TRANSPORTS = Object.keys(TRANSPORT_IMPORTS);

/** A module of plain HTTP integration code: a few functions, each calling one endpoint. */
function httpModule(random, file) {
  const { ts, esm } = file;
  const transport = random.pick(TRANSPORTS);
  const spec = TRANSPORT_IMPORTS[transport];
  const functions = [];
  const constants = [];
  const builders = [];
  const count = random.int(1, 4);
  for (let index = 0; index < count; index++) {
    const endpoint = random.pick(ENDPOINTS);
    const url = urlExpression(random, endpoint.path("id"));
    if (url.constant) constants.push(url.constant.replace("ENDPOINT_URL", `ENDPOINT_URL_${index}`));
    const body = bodyParts(random, endpoint);
    if (body.builder) {
      builders.push(
        `function buildBody${index}(order${ts ? ": Order" : ""}, customer${ts ? ": Customer" : ""}) {\n  const isTest = process.env.NODE_ENV !== "production";\n  return ${indent(body.builder, 2).trimStart()};\n}`,
      );
      body.setup = body.setup.replace("buildBody(", `buildBody${index}(`);
    }
    const urlCode = url.code.replace("ENDPOINT_URL", `ENDPOINT_URL_${index}`);
    const name = `${endpoint.id.split(".")[1]}${index}`;
    const params = ts ? "order: Order, customer: Customer, token: string, id: string, amount = 0" : "order, customer, token, id, amount = 0";
    const code = `${body.setup}${requestCode(random, transport, endpoint, urlCode, body, ts)}`;
    const exported = esm ? "export " : "";
    functions.push(`${exported}async function ${name}(${params}) {\n  const isTest = process.env.NODE_ENV !== "production";\n  const dueDate = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);\n${indent(code, 2)}\n}`);
    if (!esm) functions.push(`module.exports.${name} = ${name};`);
  }
  return assemble(file, esm ? spec.esm : spec.cjs, [...constants, ...(spec.setup ? [spec.setup] : [])], [...builders, ...functions]);
}

/** The official SDK: results are `{ ok, data | error }`. */
function sdkModule(random, file) {
  const { ts, esm } = file;
  const endpoints = ENDPOINTS.filter((endpoint) => endpoint.sdk);
  const functions = [];
  for (let index = 0; index < random.int(1, 3); index++) {
    const endpoint = random.pick(endpoints);
    const body = bodyParts(random, endpoint);
    const builder = body.builder ? `\nfunction buildBody(order, customer) {\n  return ${indent(body.builder, 2).trimStart()};\n}` : "";
    const args = ["token.data.access_token"];
    if (endpoint.path("id").includes("${")) args.push("id");
    if (body.value) args.push(body.value.startsWith("{") ? indent(body.value, 2).trimStart() : body.value);
    const checked = random.chance(0.5);
    const code = `const token = await client.auth.getToken(process.env.VIPPS_CLIENT_ID${ts ? "!" : ""}, process.env.VIPPS_CLIENT_SECRET${ts ? "!" : ""});
${body.setup}const result = await client.${endpoint.sdk}(${args.join(", ")});
${checked ? "if (!result.ok) {\n  logger.error({ error: result.error }, \"Vipps call failed\");\n  throw new Error(\"Vipps call failed\");\n}\n" : ""}return result.data;`;
    const params = ts ? "order: Order, customer: Customer, id: string, amount = 0" : "order, customer, id, amount = 0";
    functions.push(`${esm ? "export " : ""}async function ${endpoint.id.split(".")[1]}${index}(${params}) {\n  const isTest = false;\n  const dueDate = "2026-12-01";\n${indent(code, 2)}\n}${builder}`);
  }
  const imports = esm ? ['import { Client } from "@vippsmobilepay/sdk";'] : ['const { Client } = require("@vippsmobilepay/sdk");'];
  const setup = `const client = Client({
  merchantSerialNumber: MSN,
  subscriptionKey: process.env.VIPPS_SUBSCRIPTION_KEY${ts ? "!" : ""},
  useTestMode: process.env.NODE_ENV !== "production",
  retryRequests: false,
});`;
  return assemble(file, imports, [setup], functions);
}

/** A class that keeps an axios instance in a field and calls through `this`. */
function classModule(random, file) {
  const { ts } = file;
  const methods = [];
  for (let index = 0; index < random.int(2, 4); index++) {
    const endpoint = random.pick(ENDPOINTS);
    const body = bodyParts(random, endpoint);
    if (body.builder) body.setup = `const payload = ${body.builder};\n`;
    const verb = endpoint.method.toLowerCase();
    const data = body.value ? `, ${body.value.startsWith("{") ? indent(body.value, 2).trimStart() : body.value}` : "";
    const code = `${body.setup}const { data } = await this.http.${verb}(\`${endpoint.path("id")}\`${data});\nreturn data;`;
    const params = ts ? "order: Order, customer: Customer, id: string, amount = 0" : "order, customer, id, amount = 0";
    methods.push(`async ${endpoint.id.split(".")[1]}${index}(${params}) {\n  const isTest = this.testMode;\n  const dueDate = "2026-12-01";\n${indent(tryCatch(random, code), 2)}\n}`);
  }
  const field = ts ? "private readonly http: AxiosInstance;\n  private readonly testMode: boolean;\n" : "";
  const klass = `${file.esm ? "export " : ""}class VippsClient {
  ${field}constructor(testMode${ts ? ": boolean" : ""}) {
    this.testMode = testMode;
    this.http = axios.create({
      baseURL: testMode ? "https://apitest.vipps.no" : "https://api.vipps.no",
      headers: { "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY, "Merchant-Serial-Number": MSN },
    });
  }

${indent(methods.join("\n\n"), 2)}
}${file.esm ? "" : "\n\nmodule.exports = { VippsClient };"}`;
  const imports = file.esm ? [ts ? 'import axios, { type AxiosInstance } from "axios";' : 'import axios from "axios";'] : ['const axios = require("axios");'];
  return assemble(file, imports, [], [klass]);
}

/** Merchant-initiated login: a form-encoded body with `login_hint`. */
function loginModule(random, file) {
  const hint = random.pick(PHONES["urn-msisdn"]);
  const form = random.chance(0.5)
    ? `"login_hint=${hint}&scope=openid%20name%20phoneNumber"`
    : `new URLSearchParams({ login_hint: ${JSON.stringify(hint)}, scope: "openid name phoneNumber" })`;
  const fn = `${file.esm ? "export " : ""}async function startLogin(${file.ts ? "clientAuth: string" : "clientAuth"}) {
  const response = await fetch(\`\${BASE_URL}/vipps-login-ciba/api/backchannel/authentication\`, {
    method: "POST",
    headers: { Authorization: \`Basic \${clientAuth}\`, "Content-Type": "application/x-www-form-urlencoded" },
    body: ${form},
  });
  if (!response.ok) throw new Error(\`Login failed with \${response.status}\`);
  return response.json();
}${file.esm ? "" : "\n\nmodule.exports = { startLogin };"}`;
  return assemble(file, [], [], [fn]);
}

/** The shipping details callback an express checkout answers, as an Express route. */
function shippingCallbackModule(random, file) {
  const options = random.chance(0.5)
    ? `{ isDefault: "N", priority: 1, shippingCost: 0, shippingMethod: "Click & collect", shippingMethodId: "click-and-collect" },\n      { isDefault: "Y", priority: 0, shippingCost: 79, shippingMethod: "Posten", shippingMethodId: "posten" },`
    : `{ isDefault: "Y", priority: 0, shippingCost: 79, shippingMethod: "Posten", shippingMethodId: "posten" },\n      { isDefault: "N", priority: 1, shippingCost: 129, shippingMethod: "Home delivery", shippingMethodId: "home" },`;
  const router = file.esm ? ['import express from "express";'] : ['const express = require("express");'];
  const handler = `const router = express.Router();

router.post("/vipps/v2/payments/:orderId/shippingDetails", (req, res) => {
  res.json({
    addressId: req.body.addressId,
    orderId: req.params.orderId,
    shippingDetails: [
      ${options}
    ],
  });
});

${file.esm ? "export default router;" : "module.exports = router;"}`;
  return assemble(file, router, [], [handler]);
}

/** A React component (JSX/TSX) that posts to the shop's own backend and a server action that calls Vipps. */
function componentModule(random, file) {
  const ts = file.ts;
  const phone = JSON.stringify(random.pick(PHONES.msisdn));
  const code = `${ts ? "type Props = { orderId: string; total: number };\n\n" : ""}export async function createVippsPayment(orderId${ts ? ": string" : ""}, total${ts ? ": number" : ""}) {
  "use server";
  const response = await fetch(\`\${process.env.VIPPS_BASE_URL}/epayment/v1/payments\`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": orderId },
    body: JSON.stringify({
      amount: { currency: "NOK", value: total },
      paymentMethod: { type: "WALLET" },
      customer: { phoneNumber: ${phone} },
      reference: orderId,
      userFlow: "WEB_REDIRECT",
      returnUrl: \`https://shop.example/order/\${orderId}\`,
    }),
  });
  return response.json();
}

export function PayButton({ orderId, total }${ts ? ": Props" : ""}) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        const { redirectUrl } = await createVippsPayment(orderId, total);
        window.location.assign(redirectUrl);
      }}
    >
      Pay {(total / 100).toFixed(2)} kr with Vipps
    </button>
  );
}`;
  return assemble({ ...file, esm: true }, ['import { useState } from "react";'], [], [code]);
}

function assemble(file, imports, setup, bodies) {
  const { ts, esm } = file;
  const shared = [
    ...(esm ? ['import { randomUUID } from "node:crypto";'] : ['const { randomUUID } = require("node:crypto");']),
    ...imports,
  ];
  const types = ts
    ? "\ninterface Order {\n  id: string;\n  reference: string;\n  total: number;\n  token?: string;\n}\n\ninterface Customer {\n  firstName: string;\n  phone?: string;\n}\n"
    : "";
  const helpers = `const BASE_URL = process.env.VIPPS_BASE_URL ?? ${JSON.stringify(BASES[file.index % BASES.length])};
const SHOP_URL = process.env.SHOP_URL ?? "https://shop.example";
const MSN = process.env.VIPPS_MSN ?? "123456";
const logger = console;

async function vippsHeaders() {
  return { "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY, "Merchant-Serial-Number": MSN };
}`;
  return `// Generated integration sample ${file.index} (bench/vipps-corpus.js); not hand-written code.
${shared.join("\n")}
${types}
${helpers}
${setup.length > 0 ? `\n${setup.join("\n")}\n` : ""}
${bodies.join("\n\n")}
`;
}

const KINDS = [
  [httpModule, 12],
  [sdkModule, 3],
  [classModule, 2],
  [loginModule, 1],
  [shippingCallbackModule, 1],
  [componentModule, 1],
];

/** The generated files, as `{ name, text }`, `count` of them from `seed`. */
export function generateVippsFiles(count, seed = 20220111) {
  const random = createRandom(seed);
  const weighted = KINDS.flatMap(([kind, weight]) => Array.from({ length: weight }, () => kind));
  const files = [];
  for (let index = 0; index < count; index++) {
    const kind = random.pick(weighted);
    const ts = random.chance(0.5);
    const esm = kind === componentModule || random.chance(0.65);
    const extension =
      kind === componentModule ? (ts ? "tsx" : "jsx") : ts ? (esm ? "ts" : "cts") : esm ? random.pick(["js", "mjs"]) : random.pick(["js", "cjs"]);
    const file = { index, ts, esm, extension };
    const name = `${String(index).padStart(4, "0")}-${kind.name.replace(/Module$/, "")}.${extension}`;
    files.push({ name, text: kind(random, file), esm });
  }
  return files;
}
