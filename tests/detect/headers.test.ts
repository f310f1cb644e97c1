import { describe, expect, it } from "vitest";
import type { VippsRequest } from "../../src/detect/index.js";
import { detect, type DetectOptions } from "../support/detect.js";

const URL = "https://api.vipps.no/epayment/v1/payments";

/** Each request's headers as the detection found them: lower-case names with their values' source text. */
function headersOf(code: string, options: DetectOptions = {}) {
  const { requests } = detect(code, options);
  return requests.map((request: VippsRequest) =>
    request.headers === undefined
      ? undefined
      : {
          values: Object.fromEntries(
            [...request.headers.entries].map(([key, entry]) => [key, entry.value ? code.slice(...entry.value.range) : undefined]),
          ),
          complete: request.headers.complete,
        },
  );
}

describe("request headers", () => {
  it("reads an inline literal, case-insensitively, and knows a request without headers has none", () => {
    expect(
      headersOf(`
        fetch("${URL}", { method: "POST", headers: { "Merchant-Serial-Number": msn, authorization: token } });
        fetch("${URL}/ref");
      `),
    ).toEqual([
      { values: { "merchant-serial-number": "msn", authorization: "token" }, complete: true },
      { values: {}, complete: true },
    ]);
  });

  it("keeps unknown apart from absent: options or headers out of reach make the set incomplete", () => {
    expect(
      headersOf(`
        fetch("${URL}", options);
        fetch("${URL}", { method: "POST", headers: makeHeaders() });
        fetch("${URL}", { method: "POST", ...shared });
        fetch("${URL}", { method: "POST", headers: { ...base, "X-Request-Id": id } });
      `),
    ).toEqual([
      { values: {}, complete: false },
      { values: {}, complete: false },
      { values: {}, complete: false },
      { values: { "x-request-id": "id" }, complete: false },
    ]);
  });

  it("follows constants and spreads of module constants, the last writer winning", () => {
    expect(
      headersOf(`
        const BASE = { "Content-Type": "application/json", "Vipps-System-Name": "shop" };
        const HEADERS = { ...BASE, "Vipps-System-Name": "webshop", "Ocp-Apim-Subscription-Key": KEY };
        fetch("${URL}", { method: "POST", headers: HEADERS });
      `),
    ).toEqual([
      {
        values: { "content-type": '"application/json"', "vipps-system-name": '"webshop"', "ocp-apim-subscription-key": "KEY" },
        complete: true,
      },
    ]);
  });

  it("reads new Headers() with .append and .set on a const binding, and its init", () => {
    expect(
      headersOf(`
        const headers = new Headers({ "Content-Type": "application/json" });
        headers.append("Merchant-Serial-Number", msn);
        headers.set("Idempotency-Key", key);
        const pairs = new Headers([["Vipps-System-Name", "shop"]]);
        fetch("${URL}", { method: "POST", headers });
        fetch("${URL}", { method: "POST", headers: pairs });
      `),
    ).toEqual([
      { values: { "content-type": '"application/json"', "merchant-serial-number": "msn", "idempotency-key": "key" }, complete: true },
      { values: { "vipps-system-name": '"shop"' }, complete: true },
    ]);
  });

  it("makes a header set incomplete when the file may change it out of sight", () => {
    expect(
      headersOf(`
        const headers = new Headers();
        sign(headers);
        const other = { a: "1" };
        Object.assign(other, extra);
        fetch("${URL}", { method: "POST", headers });
        fetch("${URL}", { method: "POST", headers: other });
      `),
    ).toEqual([
      { values: {}, complete: false },
      { values: { a: '"1"' }, complete: false },
    ]);
  });

  it("reads a same-file helper that returns a literal, as a function or an arrow", () => {
    const code = `
      function vippsHeaders(token: string) {
        return { Authorization: \`Bearer \${token}\`, "Merchant-Serial-Number": process.env.MSN };
      }
      const jsonHeaders = () => ({ "Content-Type": "application/json" });
      async function asyncHeaders() { return { a: "1" }; }
      fetch("${URL}", { method: "POST", headers: vippsHeaders(token) });
      fetch("${URL}", { method: "POST", headers: { ...jsonHeaders(), ...vippsHeaders(token) } });
      fetch("${URL}", { method: "POST", headers: await asyncHeaders() });
    `;
    expect(headersOf(code, { typescript: true })).toEqual([
      { values: { authorization: "`Bearer ${token}`", "merchant-serial-number": "process.env.MSN" }, complete: true },
      {
        values: { "content-type": '"application/json"', authorization: "`Bearer ${token}`", "merchant-serial-number": "process.env.MSN" },
        complete: true,
      },
      { values: {}, complete: false },
    ]);
  });

  it("adds an axios, got or ky instance's default headers before the call's own", () => {
    expect(
      headersOf(`
        import axios from "axios";
        import got from "got";
        import ky from "ky";
        const vipps = axios.create({ baseURL: "https://api.vipps.no", headers: { "Merchant-Serial-Number": msn, "X-A": "1" } });
        vipps.post("/epayment/v1/payments", body, { headers: { "X-A": "2" } });
        const client = got.extend({ prefixUrl: "https://api.vipps.no", headers: { "Vipps-System-Name": "shop" } }).extend({ headers: { "X-B": "1" } });
        client.get("epayment/v1/payments/ref");
        const api = ky.create({ prefixUrl: "https://api.vipps.no", headers: HEADERS });
        api.get("epayment/v1/payments/ref");
      `),
    ).toEqual([
      { values: { "merchant-serial-number": "msn", "x-a": '"2"' }, complete: true },
      { values: { "vipps-system-name": '"shop"', "x-b": '"1"' }, complete: true },
      { values: {}, complete: false },
    ]);
  });

  it("reads superagent .set(name, value) and .set({...}) in chain order", () => {
    expect(
      headersOf(`
        import superagent from "superagent";
        superagent.post("${URL}").set("Merchant-Serial-Number", msn).set({ Authorization: token }).send(body);
      `),
    ).toEqual([{ values: { "merchant-serial-number": "msn", authorization: "token" }, complete: true }]);
  });

  it("stays bounded: a cycle of constants and a generated object of more headers than any request carries are unknown", () => {
    const many = Array.from({ length: 300 }, (_, index) => `"X-H${index}": "v"`).join(", ");
    expect(
      headersOf(`
        const a = { ...b, "X-A": "1" };
        const b = { ...a };
        const MANY = { ${many} };
        fetch("${URL}", { method: "POST", headers: a });
        fetch("${URL}", { method: "POST", headers: { ...MANY } });
        fetch("${URL}", { method: "POST", headers: { ...MANY, "X-B": "1" } });
      `),
    ).toEqual([
      { values: { "x-a": '"1"' }, complete: false },
      { values: {}, complete: false },
      { values: { "x-b": '"1"' }, complete: false },
    ]);
  });

  it("makes a client's headers incomplete where the file has interceptors, writes defaults.headers or gives hooks", () => {
    const call = `vipps.post("/epayment/v1/payments", body, { headers: { "Merchant-Serial-Number": msn } });`;
    const instance = `import axios from "axios";\nconst vipps = axios.create({ baseURL: "https://api.vipps.no" });\n`;
    const read = (extra: string) => headersOf(`${instance}${extra}\n${call}`)[0]?.complete;
    expect(read("")).toBe(true);
    expect(read("vipps.interceptors.request.use((config) => config);")).toBe(false);
    expect(read(`vipps.defaults.headers.common["Authorization"] = token;`)).toBe(false);
    expect(read(`axios.defaults.headers.post["Idempotency-Key"] = key;`)).toBe(false);
    expect(
      headersOf(`
        import got from "got";
        import ky from "ky";
        const client = got.extend({ prefixUrl: "https://api.vipps.no", hooks: { beforeRequest: [sign] } });
        client.get("epayment/v1/payments/ref", { headers: { "Merchant-Serial-Number": msn } });
        const api = ky.create({ prefixUrl: "https://api.vipps.no" });
        api.get("epayment/v1/payments/ref", { headers: {} });
      `).map((headers) => headers?.complete),
    ).toEqual([false, false]);
    // fetch has no interceptors: an axios interceptor in the same file leaves its headers complete.
    expect(
      headersOf(`
        import axios from "axios";
        axios.interceptors.request.use((config) => config);
        fetch("${URL}", { headers: { "Merchant-Serial-Number": msn } });
      `).map((headers) => headers?.complete),
    ).toEqual([true]);
  });

  it("reads a configured wrapper's headers locator as incomplete: the wrapper may add headers of its own", () => {
    expect(
      headersOf(`vippsCall("${URL}", { headers: { "Idempotency-Key": key } });`, {
        settings: { vipps: { wrappers: [{ name: "vippsCall", url: 0, headers: "1.headers", method: "POST" }] } },
      }),
    ).toEqual([{ values: { "idempotency-key": "key" }, complete: false }]);
  });

  it("leaves the SDK's headers unseen", () => {
    expect(
      headersOf(`
        import { Client } from "@vippsmobilepay/sdk";
        const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
        client.payment.info(token, "ref");
      `),
    ).toEqual([undefined]);
  });
});
