import { describe, expect, it } from "vitest";
import { mayMentionVipps } from "../../src/detect/index.js";
import { readSettings } from "../../src/settings.js";
import { detect, summarize, type DetectOptions } from "../support/detect.js";

/** settings.vipps.helpers and a wrapper whose method is passed as an argument. */

const LANGUAGES: readonly DetectOptions[] = [{}, { typescript: true }, { globals: { fetch: "readonly" } }];

describe("settings.vipps.helpers", () => {
  const settings = {
    vipps: {
      helpers: [
        { name: "vippsRequest", returns: "response" },
        { name: "payments.create", returns: "result", endpoint: "epayment.create" },
        { name: "recurringCall", returns: "result", api: "recurring" },
      ],
    },
  };

  it("makes each call of a declared helper a request, with no URL in the file", () => {
    const code = `import { vippsRequest } from "./vipps.js";
import * as payments from "./payments.js";
export async function run() {
  await vippsRequest(path, "POST");
  await payments.create({ amount: 1 });
  await recurringCall("agreements");
  await create({});
}`;
    for (const options of LANGUAGES) {
      const { requests } = detect(code, { ...options, settings });
      expect(
        requests.map((request) => [
          request.node.loc.start.line,
          request.transport,
          request.api?.name,
          request.endpoint?.id,
          request.response?.failure,
          request.response?.check?.base,
        ]),
      ).toEqual([
        [4, "wrapper", undefined, undefined, "resolves", "response"],
        [5, "wrapper", "epayment", "epayment.create", "result", "result"],
        [6, "wrapper", "recurring", undefined, "result", "result"],
      ]);
    }
  });

  it("lets a file that names a helper through the pre-filter, and no other", () => {
    const parsed = readSettings(settings);
    expect(mayMentionVipps(`import { vippsRequest } from "./vipps.js";`, parsed)).toBe(true);
    expect(mayMentionVipps(`import { request } from "./http.js"; request("/orders");`, parsed)).toBe(false);
  });

  it("makes a local function that returns a helper's answer a wrapper too", () => {
    const code = `const info = (reference) => vippsRequest(\`/epayment/v1/payments/\${reference}\`);
info("r");`;
    expect(summarize(code, { settings }).map((request) => [request.line, request.failure])).toEqual([
      [1, "resolves"],
      [2, "resolves"],
    ]);
  });
});

describe("a wrapper whose method is an argument", () => {
  const settings = { vipps: { wrappers: [{ name: "request", url: 2, body: "3.body", method: { argument: 1 } }] } };

  it("reads the method from the argument, and picks the endpoint by it", () => {
    const code = `export async function run(vipps, reference) {
  await request(vipps, "POST", \`/recurring/v3/agreements\`, { body: { pricing: {} } });
  await request(vipps, "get", \`/recurring/v3/agreements\`);
  await request(vipps, "PUT", \`/ecomm/v2/payments/\${reference}/cancel\`);
  await request(vipps, method, \`/ecomm/v2/payments/\${reference}/details\`);
}`;
    for (const options of LANGUAGES) {
      expect(summarize(code, { ...options, settings }).map((request) => [request.line, request.endpoint, request.method])).toEqual([
        [2, "recurring.createAgreement", "POST"],
        [3, "recurring.listAgreements", "GET"],
        [4, "ecom.cancel", "PUT"],
        // An unknown method leaves the endpoint to the path (and to whether a body is sent), whose method it takes.
        [5, "ecom.details", "GET"],
      ]);
    }
  });
});
