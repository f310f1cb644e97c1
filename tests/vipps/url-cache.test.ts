import { describe, expect, it } from "vitest";
import { HOLE, matchVippsUrl } from "../../src/vipps/urls.js";

// matchVippsUrl keeps its answers across files (src/vipps/urls.ts): these hold it to answering by URL, method, body
// and host knowledge, whatever was asked before, and within its bounds.

const AGREEMENT = `https://api.vipps.no/recurring/v3/agreements/${HOLE}`;
const endpointOf = (...args: Parameters<typeof matchVippsUrl>) => matchVippsUrl(...args)?.endpoint?.id;

describe("matchVippsUrl asked the same URL again", () => {
  it("answers by the method and body given, not by those of an earlier call", () => {
    for (let round = 0; round < 2; round++) {
      expect(endpointOf(AGREEMENT, "GET", false)).toBe("recurring.agreementInfo");
      expect(endpointOf(AGREEMENT, "PATCH", true)).toBe("recurring.updateAgreement");
      expect(endpointOf(AGREEMENT, undefined, false)).toBe("recurring.agreementInfo");
    }
  });

  it("answers by what is known of the host", () => {
    // The Webhooks API's paths are too plain to name it without a Vipps host.
    const path = "/webhooks/v1/webhooks";
    for (let round = 0; round < 2; round++) {
      expect(matchVippsUrl(path, "POST", true)).toBeUndefined();
      expect(matchVippsUrl(path, "POST", true, true)?.api?.name).toBe("webhooks");
    }
  });

  it("does not mix a method that holds the key's separator with another key", () => {
    expect(endpointOf(AGREEMENT, "GET|0", false)).toBeUndefined();
    expect(endpointOf(AGREEMENT, "GET", false)).toBe("recurring.agreementInfo");
  });

  it("answers the same past its size and for URLs too long to keep", () => {
    for (let index = 0; index < 2100; index++) matchVippsUrl(`https://api.vipps.no/epayment/v1/payments/ref-${index}`, "GET", false);
    expect(endpointOf(AGREEMENT, "PATCH", true)).toBe("recurring.updateAgreement");
    const long = `${AGREEMENT}?${"x".repeat(2000)}`;
    expect(endpointOf(long, "PATCH", true)).toBe("recurring.updateAgreement");
    expect(endpointOf(long, "GET", false)).toBe("recurring.agreementInfo");
  });
});
