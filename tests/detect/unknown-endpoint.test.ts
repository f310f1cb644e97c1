import { describe, expect, it } from "vitest";
import { labelsOf } from "../../src/rule-kit.js";
import { HOLE, urlPathLabel } from "../../src/vipps/urls.js";
import { detect } from "../support/detect.js";

/** The labels messages use for each request found in `code`. */
const targetsOf = (code: string) => detect(code).requests.map((request) => labelsOf(request).target);

describe("requests to a path in no endpoint table", () => {
  it("are Vipps requests with an unknown endpoint, named by their path", () => {
    expect(
      targetsOf(`
        fetch("https://api.vipps.no/auth/token", { method: "POST" });
        fetch(\`https://apitest.vipps.no/recurring/v3/agreements/\${id}/typo\`);
        fetch("https://api.vipps.no/epayment/v1/payments?x=1", { method: "POST", body });
      `),
    ).toEqual([
      "a Vipps API request to /auth/token",
      "a Recurring API request to /recurring/v3/agreements/…/typo",
      'ePayment API "create payment"',
    ]);
  });

  it("names a request found by its evidence by what the evidence says", () => {
    expect(
      targetsOf(`
        fetch(\`\${this.config.baseUrl}\${uri}\`, { method: "POST", headers: { "Merchant-Serial-Number": msn } });
        fetch(process.env.VIPPS_URL + "/oauth/whatever", { headers: { "Vipps-System-Name": "shop" } });
        fetch(process.env.VIPPS_URL + "/" + id + "/details");
      `),
    ).toEqual(["a Vipps API request", "a Vipps API request to …/oauth/whatever", 'eCom API "get payment details"']);
  });
});

describe("urlPathLabel", () => {
  it("shows the path without scheme, host, query, and with … for unknown parts", () => {
    expect(urlPathLabel("https://api.vipps.no/auth/token?grant=1")).toBe("/auth/token");
    expect(urlPathLabel(`${HOLE}/payments/${HOLE}/capture#x`)).toBe("…/payments/…/capture");
    expect(urlPathLabel("https://api.vipps.no")).toBeUndefined();
    expect(urlPathLabel(HOLE)).toBeUndefined();
    expect(urlPathLabel(`${HOLE}/${HOLE}`)).toBeUndefined();
    expect(urlPathLabel(undefined)).toBeUndefined();
  });

  it("cuts a long path", () => {
    const label = urlPathLabel(`https://api.vipps.no/${"a".repeat(200)}`);
    expect(label?.length).toBe(80);
    expect(label?.endsWith("…")).toBe(true);
  });
});
