import { describe, expect, it } from "vitest";
import { summarize, type DetectOptions } from "../support/detect.js";

/** Clients made by the project's own factories: each SDK or HTTP client call through them is a request. */

const LANGUAGES: readonly DetectOptions[] = [{}, { typescript: true }, { globals: { fetch: "readonly" } }];
const endpoints = (code: string, options: DetectOptions = {}) =>
  summarize(code, options)
    .map((request) => `${request.line}:${request.endpoint ?? "?"}:${request.failure ?? "-"}`)
    .sort();

describe("clients returned by a local factory", () => {
  it("follows an SDK client returned by a function, called directly or kept in a variable", () => {
    const code = `import { Client } from "@vippsmobilepay/sdk";
function getVippsClient() {
  return Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
}
const getOther = () => Client({});
getVippsClient().payment.create("token", { reference: "r" });
const client = getVippsClient();
client.payment.info("token", "r");
getOther().checkout.info("id", "secret", "r");`;
    for (const options of LANGUAGES) {
      expect(endpoints(code, options)).toEqual(["6:epayment.create:result", "8:epayment.info:result", "9:checkout.getSession:result"]);
    }
  });

  it("follows a module-level client assigned later, a lazily cached one and an awaited async factory", () => {
    const code = `import { Client } from "@vippsmobilepay/sdk";
let client;
export function init(config) {
  client = Client(config);
}
export function capture(token) {
  return client.payment.capture(token, "r", {});
}
let cached;
function getCached() {
  if (!cached) cached = Client({});
  return cached;
}
let lazy;
const getLazy = () => (lazy ??= Client({}));
async function connect() {
  return Client({});
}
export async function run(token) {
  getCached().payment.cancel(token, "r", {});
  getLazy().payment.refund(token, "r", {});
  (await connect()).payment.info(token, "r");
  const connected = await connect();
  connected.payment.create(token, {});
}`;
    expect(endpoints(code)).toEqual([
      "20:epayment.cancel:result",
      "21:epayment.refund:result",
      "22:epayment.info:result",
      "24:epayment.create:result",
      "7:epayment.capture:result",
    ]);
  });

  it("follows axios, got and ky instances returned from functions, with their base URLs", () => {
    const code = `import axios from "axios";
import got from "got";
import ky from "ky";
function api() {
  return axios.create({ baseURL: "https://api.vipps.no/epayment/v1" });
}
const gotApi = () => got.extend({ prefixUrl: "https://api.vipps.no/recurring/v3", throwHttpErrors: false });
function kyApi() { return ky.create({ prefixUrl: "https://api.vipps.no/checkout/v3" }); }
api().post("payments", {});
gotApi().get("agreements");
kyApi().post("session", { json: {} });`;
    for (const options of LANGUAGES) {
      expect(endpoints(code, options)).toEqual([
        "10:recurring.listAgreements:resolves",
        "11:checkout.createSession:rejects",
        "9:epayment.create:rejects",
      ]);
    }
  });

  it("follows a factory that calls another factory, and an instance kept on this", () => {
    const code = `import { Client } from "@vippsmobilepay/sdk";
function base() { return Client({}); }
function getVippsClient() { return base(); }
class Payments {
  constructor() { this.client = getVippsClient(); }
  info(token) { return this.client.payment.info(token, "r"); }
}`;
    expect(endpoints(code)).toEqual(["6:epayment.info:result"]);
  });

  it("ignores factories that return something else, shadowed names and generators", () => {
    const code = `import { Client } from "@vippsmobilepay/sdk";
function getConfig() {
  const client = Client({});
  return { msn: "123" };
}
getConfig().payment.create("t", {});
function* clients() { yield Client({}); }
clients().payment.create("t", {});
function getVippsClient() { return Client({}); }
function other(getVippsClient) { return getVippsClient().payment.create("t", {}); }`;
    for (const options of LANGUAGES) expect(endpoints(code, options)).toEqual([]);
  });
});
