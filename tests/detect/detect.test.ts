import { describe, expect, it } from "vitest";
import { mayMentionVipps } from "../../src/detect/index.js";
import { readSettings } from "../../src/settings.js";
import { detect, summarize } from "../support/detect.js";

const BODY = `{ customerInfo: { mobileNumber: "91234567" } }`;

describe("transports", () => {
  it("finds global fetch whether or not globals are declared", () => {
    const code = `fetch("https://api.vipps.no/ecomm/v2/payments", { method: "POST", body: JSON.stringify(${BODY}) });`;
    const expected = [
      { transport: "fetch", api: "ecom", endpoint: "ecom.initiate", method: "POST", failure: "resolves", body: BODY, line: 1 },
    ];
    expect(summarize(code)).toEqual(expected);
    expect(summarize(code, { globals: { fetch: "readonly" } })).toEqual(expected);
    expect(summarize(code, { typescript: true })).toEqual(expected);
  });

  it("does not take a shadowing local or a configured-but-reassigned global for fetch", () => {
    expect(summarize(`function f(fetch) { fetch("https://api.vipps.no/ecomm/v2/payments", {}); }`)).toEqual([]);
    expect(summarize(`fetch = myFetch; fetch("https://api.vipps.no/ecomm/v2/payments", {});`, { globals: { fetch: "writable" } })).toEqual([]);
  });

  it("defaults fetch to GET and picks the endpoint by method", () => {
    const found = summarize(`
      fetch(\`\${base}/ecomm/v2/payments/\${id}/details\`);
      fetch(\`\${base}/recurring/v3/agreements\`);
      fetch(\`\${base}/recurring/v3/agreements\`, { method: "POST", body: "{}" });
      fetch(\`\${base}/ecomm/v2/payments/\${id}/cancel\`, { method: "PUT" });
    `);
    expect(found.map((request) => [request.endpoint, request.method])).toEqual([
      ["ecom.details", "GET"],
      ["recurring.listAgreements", "GET"],
      ["recurring.createAgreement", "POST"],
      ["ecom.cancel", "PUT"],
    ]);
  });

  it("reads axios in all its call forms, with the failure mode validateStatus gives", () => {
    const found = summarize(`
      import axios from "axios";
      axios.post("https://api.vipps.no/epayment/v1/payments", ${BODY});
      axios({ url: "https://api.vipps.no/epayment/v1/payments", method: "POST", data: ${BODY} });
      axios("https://api.vipps.no/epayment/v1/payments/ref-1", { validateStatus: () => true });
      axios.request({ url: "https://api.vipps.no/epayment/v1/payments/ref-1/capture", method: "post", validateStatus: null });
      axios.get("https://api.vipps.no/epayment/v1/payments/ref-1", { validateStatus: (status) => status < 500 });
    `);
    expect(found.map((request) => [request.endpoint, request.method, request.failure])).toEqual([
      ["epayment.create", "POST", "rejects"],
      ["epayment.create", "POST", "rejects"],
      ["epayment.info", "GET", "resolves"],
      ["epayment.capture", "POST", "resolves"],
      ["epayment.info", "GET", "rejects"],
    ]);
  });

  it("follows axios, got and ky instances and their base URLs", () => {
    const found = summarize(`
      import axios from "axios";
      import got from "got";
      import ky from "ky";
      const vipps = axios.create({ baseURL: process.env.VIPPS_URL, validateStatus: () => true });
      vipps.post("/ecomm/v2/payments", ${BODY});
      const client = got.extend({ prefixUrl: "https://apitest.vipps.no/recurring/v3", throwHttpErrors: false });
      client.post("agreements", { json: {} });
      const api = ky.create({ prefixUrl: "https://api.vipps.no" }).extend({ throwHttpErrors: false });
      api.get("epayment/v1/payments/abc");
    `);
    expect(found.map((request) => [request.transport, request.endpoint, request.failure])).toEqual([
      ["axios", "ecom.initiate", "resolves"],
      ["got", "recurring.createAgreement", "resolves"],
      ["ky", "epayment.info", "resolves"],
    ]);
  });

  it("reads request-promise, the callback request module and superagent chains", () => {
    const found = summarize(
      `
      const rp = require("request-promise");
      const request = require("request");
      const superagent = require("superagent");
      rp({ method: "POST", uri: "https://api.vipps.no/ecomm/v2/payments", body: ${BODY}, json: true, simple: false });
      rp.post({ url: "https://api.vipps.no/ecomm/v2/payments", json: ${BODY} });
      request.post({ uri: "https://api.vipps.no/ecomm/v2/payments", json: ${BODY} }, (error, response) => {});
      superagent.post("https://api.vipps.no/epayment/v1/payments").set("Idempotency-Key", key).send(${BODY}).ok(() => true);
    `,
      { sourceType: "commonjs" },
    );
    expect(found.map((request) => [request.transport, request.endpoint, request.failure, request.body])).toEqual([
      ["request", "ecom.initiate", "resolves", BODY],
      ["request", "ecom.initiate", "rejects", BODY],
      ["request", "ecom.initiate", "callback", BODY],
      ["superagent", "epayment.create", "resolves", BODY],
    ]);
  });

  it("gives the superagent request's response as the end of the chain", () => {
    const code = `import request from "superagent";
const response = await request.post("https://api.vipps.no/epayment/v1/payments").send({}).set({ a: "b" });`;
    const [found] = detect(code).requests;
    expect(found && code.slice(...found.node.range)).toBe(`request.post("https://api.vipps.no/epayment/v1/payments")`);
    expect(found?.response && code.slice(...found.response.node.range)).toBe(
      `request.post("https://api.vipps.no/epayment/v1/payments").send({}).set({ a: "b" })`,
    );
  });

  it("maps every SDK method call to its endpoint and body argument", () => {
    const found = summarize(`
      import { Client } from "@vippsmobilepay/sdk";
      const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "k" });
      await client.auth.getToken(id, secret);
      await client.payment.create(token, ${BODY});
      await client.payment.capture(token, reference, { modificationAmount: { value: 100, currency: "NOK" } });
      await client.checkout.create(id, secret, ${BODY});
      await client.recurring.charge.create(token, agreementId, {});
      await client.agreement.forceAccept(token, agreementId, { phoneNumber: "4791234567" });
      await client.webhook.register(token, {});
      await client.payment.unknownMethod(token, {});
    `);
    expect(found.map((request) => [request.transport, request.endpoint, request.failure])).toEqual([
      ["sdk", "accesstoken.get", "result"],
      ["sdk", "epayment.create", "result"],
      ["sdk", "epayment.capture", "result"],
      ["sdk", "checkout.createSession", "result"],
      ["sdk", "recurring.createCharge", "result"],
      ["sdk", "recurring.forceAccept", "result"],
      ["sdk", "webhooks.register", "result"],
    ]);
    expect(found[1]?.body).toBe(BODY);
    expect(found[5]?.body).toBe(`{ phoneNumber: "4791234567" }`);
  });

  it("finds SDK clients kept on `this` and the deprecated SDK", () => {
    const found = summarize(
      `
      import { Client } from "@vippsmobilepay/sdk";
      import { Vipps } from "@vippsno/vipps-sdk";
      export class Payments {
        constructor() { this.client = Client({}); this.legacy = new Vipps({}); }
        create(token, body) { return this.client.payment.create(token, body); }
        legacyCreate(body) { return this.legacy.ePayment.createPayment(body); }
      }
    `,
      { typescript: true },
    );
    expect(found.map((request) => request.endpoint)).toEqual(["epayment.create", "epayment.create"]);
  });
});

describe("URLs", () => {
  const endpointOf = (url: string, method = "POST") =>
    summarize(`fetch(${url}, { method: "${method}", body: JSON.stringify({}) });`).map((request) => request.endpoint);

  it("resolves constants, templates, concatenation and new URL()", () => {
    expect(endpointOf(`"https://api.vipps.no/ecomm/v2/payments"`)).toEqual(["ecom.initiate"]);
    expect(endpointOf("`${process.env.VIPPS_BASE_URL}/ecomm/v2/payments`")).toEqual(["ecom.initiate"]);
    expect(endpointOf(`process.env.BASE + "/ecomm/v2/payments/" + orderId + "/capture"`)).toEqual(["ecom.capture"]);
    expect(endpointOf(`new URL("/epayment/v1/payments", process.env.BASE)`)).toEqual(["epayment.create"]);
    expect(endpointOf(`new URL("epayment/v1/payments", "https://apitest.vipps.no/").href`)).toEqual(["epayment.create"]);
    expect(endpointOf(`URLS.initiate`).length).toBe(0);
    expect(
      summarize(`const BASE = "https://api.vipps.no"; const PATHS = { initiate: "/ecomm/v2/payments" };
        fetch(BASE + PATHS.initiate, { method: "POST", body: "{}" });`).map((request) => request.endpoint),
    ).toEqual(["ecom.initiate"]);
  });

  it("accepts other spellings of a path: case, trailing slash, query string", () => {
    expect(endpointOf(`"https://api.vipps.no/accessToken/get"`)).toEqual(["accesstoken.get"]);
    expect(endpointOf(`"https://api.vipps.no/ecomm/v2/payments/"`)).toEqual(["ecom.initiate"]);
    expect(endpointOf(`"https://api.vipps.no/epayment/v1/payments?x=1"`)).toEqual(["epayment.create"]);
  });

  it("knows a Vipps host without a known path, and needs the host for generic paths", () => {
    expect(summarize(`fetch("https://api.vipps.no/some/new/api", {});`).map((request) => [request.api, request.endpoint])).toEqual([
      [undefined, undefined],
    ]);
    expect(summarize(`fetch("https://hooks.example.com/webhooks/v1/webhooks", {});`)).toEqual([]);
    expect(summarize(`fetch("https://api.vipps.no/webhooks/v1/webhooks", {});`).map((request) => request.endpoint)).toEqual([
      "webhooks.list",
    ]);
  });

  it("ignores URLs that are not Vipps URLs", () => {
    expect(summarize(`fetch("https://api.example.com/payments", { method: "POST", body: "{}" });`)).toEqual([]);
    expect(summarize(`fetch(url, { method: "POST", body: JSON.stringify(${BODY}) });`)).toEqual([]);
  });

  it("treats hosts from settings as Vipps hosts", () => {
    const settings = { vipps: { hosts: ["vipps-gateway.internal"] } };
    expect(summarize(`fetch("https://vipps-gateway.internal/pay", {});`, { settings }).map((request) => request.transport)).toEqual([
      "fetch",
    ]);
  });
});

describe("bodies", () => {
  const bodyOf = (code: string) => summarize(code).map((request) => request.body);

  it("follows JSON.stringify, constants, separately built options and type wrappers", () => {
    expect(
      bodyOf(`const payload = ${BODY};
        const options = { method: "POST", body: JSON.stringify(payload) };
        fetch("https://api.vipps.no/ecomm/v2/payments", options);`),
    ).toEqual([BODY]);
    expect(
      summarize(
        `const payload = ${BODY} satisfies object;
        fetch("https://api.vipps.no/ecomm/v2/payments", { method: "POST", body: JSON.stringify(payload!) });`,
        { typescript: true },
      ).map((request) => request.body),
    ).toEqual([BODY]);
  });

  it("does not follow variables that are reassigned", () => {
    expect(bodyOf(`let payload = ${BODY}; payload = other; fetch("https://api.vipps.no/ecomm/v2/payments", { method: "POST", body: JSON.stringify(payload) });`)).toEqual([
      undefined,
    ]);
  });

  it("recognises bodies by their shape when no call sends them", () => {
    const found = summarize(`
      export const initiateBody = { merchantInfo: { merchantSerialNumber: "123456" }, transaction: { amount: 100 } };
      export const createBody = { amount: { value: 100, currency: "NOK" }, paymentMethod: { type: "WALLET" }, userFlow: "WEB_REDIRECT" };
      res.json({ addressId: 1, orderId: "o-1", shippingDetails: [] });
      export const notABody = { merchantInfo: {}, transaction: {} };
    `);
    expect(found.map((request) => [request.transport, request.endpoint])).toEqual([
      ["shape", "ecom.initiate"],
      ["shape", "epayment.create"],
      ["shape", "ecom.shippingDetailsResponse"],
    ]);
  });

  it("does not report a body twice when it is both sent and shaped", () => {
    const found = summarize(`const body = { merchantInfo: { merchantSerialNumber: "1" }, transaction: {} };
      fetch("https://api.vipps.no/ecomm/v2/payments", { method: "POST", body: JSON.stringify(body) });`);
    expect(found.map((request) => request.transport)).toEqual(["fetch"]);
  });
});

describe("wrappers from settings", () => {
  it("reads URL and body through argument locators, and fixed endpoints", () => {
    const settings = {
      vipps: {
        wrappers: [
          { name: "vippsFetch", url: "0.uri", body: "0.body", failure: "resolves" },
          "ignoredNameOnly",
          { name: "Vipps.initiate", endpoint: "ecom.initiate", body: 0 },
        ].filter((wrapper) => wrapper !== "ignoredNameOnly"),
      },
    };
    const found = summarize(
      `vippsFetch({ uri: "/epayment/v1/payments", method: "POST", body: ${BODY} });
       api.vippsFetch({ uri: "/epayment/v1/payments/ref", method: "GET" });
       Vipps.initiate(${BODY});
       other.initiate(${BODY});`,
      { settings },
    );
    expect(found.map((request) => [request.endpoint, request.failure, request.body])).toEqual([
      ["epayment.create", "resolves", BODY],
      ["epayment.info", "resolves", undefined],
      ["ecom.initiate", "rejects", BODY],
    ]);
  });
});

describe("settings", () => {
  it("rejects invalid settings with a message that names the setting", () => {
    expect(() => readSettings({ vipps: { wrappers: [{ name: "x" }] } })).toThrow(
      /settings\.vipps\.wrappers\[0\] needs "url".*"endpoint"/,
    );
    expect(() => readSettings({ vipps: { wrappers: [{ name: "x", endpoint: "ecom.nope" }] } })).toThrow(
      /settings\.vipps\.wrappers\[0\]\.endpoint must be a known endpoint id/,
    );
    expect(() => readSettings({ vipps: { wrapers: [] } })).toThrow(/settings\.vipps\.wrapers is not a known setting/);
    expect(() => readSettings({ vipps: { wrappers: [{ name: "a b", url: 0 }] } })).toThrow(/\.name must be a function or method name/);
    expect(() => readSettings({ vipps: { wrappers: [{ name: "f", url: "zero" }] } })).toThrow(/\.url must be an argument index/);
    expect(() => readSettings({ vipps: "yes" })).toThrow(/settings\.vipps must be an object/);
  });

  it("surfaces a settings error through ESLint rather than crashing silently", () => {
    expect(() => detect(`fetch("https://api.vipps.no/ecomm/v2/payments");`, { settings: { vipps: { hosts: [1] } } })).toThrow(
      /settings\.vipps\.hosts must be an array of host names/,
    );
  });
});

describe("pre-filter", () => {
  const settings = readSettings({});

  it("passes files that mention a Vipps host, path, SDK, all keys of a body shape, or a wrapper", () => {
    expect(mayMentionVipps(`const url = "https://apitest.vipps.no"`, settings)).toBe(true);
    expect(mayMentionVipps("`${base}/ecomm/v2/payments`", settings)).toBe(true);
    expect(mayMentionVipps(`import { Client } from "@vippsmobilepay/sdk"`, settings)).toBe(true);
    expect(mayMentionVipps(`const Vipps = require('@vippsno/vipps-sdk')`, settings)).toBe(true);
    expect(mayMentionVipps(`const u = "https://API.VIPPS.NO/accessToken/get"`, settings)).toBe(true);
    expect(mayMentionVipps(`const x = { userFlow: "WEB_REDIRECT" }`, settings)).toBe(false);
    // A body shape matches only with all its keys, so a file needs all of them.
    expect(mayMentionVipps(`const x = { paymentMethod: { type: "WALLET" } }`, settings)).toBe(false);
    expect(mayMentionVipps(`const x = { amount, paymentMethod: { type: "WALLET" }, userFlow }`, settings)).toBe(true);
    expect(mayMentionVipps(`const x = { merchantSerialNumber }`, settings)).toBe(false);
    expect(mayMentionVipps(`const x = { merchantInfo: { merchantSerialNumber }, transaction }`, settings)).toBe(true);
    expect(mayMentionVipps(`payVipps()`, readSettings({ vipps: { wrappers: [{ name: "Shop.payVipps", endpoint: "ecom.initiate" }] } }))).toBe(true);
  });

  it("stops files that cannot hold a Vipps request", () => {
    expect(mayMentionVipps(`export const add = (a, b) => a + b; fetch("/api/users")`, settings)).toBe(false);
    // Common words that only look like a transport or a body key.
    expect(mayMentionVipps(`// I forgot the request; const order = { amount: 1, orderId: "a", transaction: t, reference: r }`, settings)).toBe(false);
    expect(mayMentionVipps(`import axiosRetry from "axios-retry"; const myAxios = 1;`, settings)).toBe(false);
    // A transport alone: its calls are Vipps calls only with a Vipps host or path in the same file.
    expect(mayMentionVipps(`import axios from "axios"; axios.post(url, body);`, settings)).toBe(false);
    expect(mayMentionVipps(`const got = require('got'); got.post(process.env.URL);`, settings)).toBe(false);
  });
});
