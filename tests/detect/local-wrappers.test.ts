import { describe, expect, it } from "vitest";
import { detect, summarize, type DetectOptions } from "../support/detect.js";

/** A file's own functions that return a Vipps request's answer unchecked: their calls are requests too. */

const LANGUAGES: readonly DetectOptions[] = [{}, { typescript: true }, { globals: { fetch: "readonly" } }];
const found = (code: string, options: DetectOptions = {}) =>
  summarize(code, options)
    .map((request) => `${request.line}:${request.transport}:${request.endpoint ?? "?"}:${request.failure ?? "-"}`)
    .sort();

describe("local wrappers", () => {
  it("makes the calls of a function that returns a fetch promise, or the awaited response, requests", () => {
    const code = `const BASE = "https://api.vipps.no/epayment/v1/payments";
function send(body) {
  return fetch(BASE, { method: "POST", body: JSON.stringify(body) });
}
const info = async (reference) => await fetch(\`\${BASE}/\${reference}\`);
async function capture(reference) {
  const response = await fetch(\`\${BASE}/\${reference}/capture\`, { method: "POST", body: "{}" });
  console.log(response.headers);
  return response;
}
export async function run() {
  await send({});
  await info("r");
  await capture("r");
}`;
    for (const options of LANGUAGES) {
      // send(body) fixes its endpoint; info and capture build their URL from a parameter, so their calls name the API only.
      expect(found(code, options)).toEqual([
        "12:fetch:epayment.create:resolves",
        "13:fetch:?:resolves",
        "14:fetch:?:resolves",
        "3:fetch:epayment.create:resolves",
        "5:fetch:epayment.info:resolves",
        "7:fetch:epayment.capture:resolves",
      ]);
    }
  });

  it("keeps the URL, body and headers with the request inside the wrapper", () => {
    const code = `function send(body) { return fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify(body), headers: { a: "b" } }); }
send({ amount: 1 });`;
    const { requests } = detect(code);
    expect(
      requests.map((request) => [request.node.loc.start.line, request.body && code.slice(...request.body.node.range), request.headers !== undefined, request.endpoint?.id]),
    ).toEqual([
      [1, "JSON.stringify(body)", true, "epayment.create"],
      [2, undefined, false, "epayment.create"],
    ]);
  });

  it("follows SDK results and axios promises, two levels deep and no deeper", () => {
    const code = `import { Client } from "@vippsmobilepay/sdk";
import axios from "axios";
const client = Client({});
async function info(reference) {
  const result = await client.payment.info("token", reference);
  return result;
}
function getInfo(reference) { return info(reference); }
function getInfoAgain(reference) { return getInfo(reference); }
const refund = (reference) => axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {});
export async function run() {
  await getInfo("r");
  await getInfoAgain("r");
  refund("r");
}`;
    // info(...) in getInfo is level 1, getInfo(...) in run and getInfoAgain level 2; getInfoAgain(...) is level 3.
    expect(found(code)).toEqual([
      "10:axios:epayment.refund:rejects",
      "12:sdk:epayment.info:result",
      "14:axios:?:rejects",
      "5:sdk:epayment.info:result",
      "8:sdk:epayment.info:result",
      "9:sdk:epayment.info:result",
    ]);
  });

  it("does not make a wrapper of a function that checks the answer, transforms it, catches it or passes it on", () => {
    const code = `import { Client } from "@vippsmobilepay/sdk";
const client = Client({});
const BASE = "https://api.vipps.no/epayment/v1/payments";
async function checked(reference) {
  const response = await fetch(\`\${BASE}/\${reference}\`);
  if (!response.ok) throw new Error(\`Vipps answered \${response.status}\`);
  return response;
}
async function checkedResult(reference) {
  const result = await client.payment.info("token", reference);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result;
}
const json = (reference) => fetch(\`\${BASE}/\${reference}\`).then((response) => response.json());
async function caught(reference) {
  try {
    return await fetch(\`\${BASE}/\${reference}/capture\`, { method: "POST", body: "{}" });
  } catch (error) {
    return null;
  }
}
async function logged(reference) {
  const response = await fetch(\`\${BASE}/\${reference}/cancel\`, { method: "POST", body: "{}" });
  audit(response);
  return response;
}
function* generated() { return fetch(BASE, { method: "POST", body: "{}" }); }
export async function run() {
  await checked("r");
  await checkedResult("r");
  await json("r");
  await caught("r");
  await logged("r");
  generated();
}`;
    for (const options of LANGUAGES) {
      expect(found(code, options)).toEqual([
        "10:sdk:epayment.info:result",
        "14:fetch:epayment.info:resolves",
        "17:fetch:epayment.capture:resolves",
        "23:fetch:epayment.cancel:resolves",
        "27:fetch:epayment.create:resolves",
        "5:fetch:epayment.info:resolves",
      ]);
    }
  });
});

describe("class methods called through this", () => {
  it("makes this.method(...) calls in the same class requests, for instance, private and static methods and fields", () => {
    const code = `import { Client } from "@vippsmobilepay/sdk";
const BASE = "https://api.vipps.no/epayment/v1/payments";
class Vipps {
  client = Client({});
  async request(path) {
    return fetch(\`\${BASE}/\${path}\`);
  }
  #info = (reference) => this.client.payment.info("token", reference);
  static send(body) { return fetch(BASE, { method: "POST", body: JSON.stringify(body) }); }
  async details(reference) {
    const response = await this.request(reference);
    const result = await this.#info(reference);
    const handler = () => this.request(reference);
    function plain() { return this.request(reference); }
    return [response, result, handler, plain];
  }
  static create() { return this.send({}); }
  notStatic() { return this.send({}); }
}
class Other {
  run() { return this.request("r"); }
}`;
    for (const options of LANGUAGES) {
      expect(found(code, options)).toEqual([
        "11:fetch:?:resolves",
        "12:sdk:epayment.info:result",
        "13:fetch:?:resolves",
        "17:fetch:epayment.create:resolves",
        "6:fetch:epayment.info:resolves",
        "8:sdk:epayment.info:result",
        "9:fetch:epayment.create:resolves",
      ]);
    }
  });

  it("follows a client returned by a method, called through this", () => {
    const code = `import { Client } from "@vippsmobilepay/sdk";
class Payments {
  getClient() { return Client({}); }
  info(reference) { return this.getClient().payment.info("token", reference); }
}`;
    expect(found(code)).toEqual(["4:sdk:epayment.info:result"]);
  });
});
