import { describe, expect, it } from "vitest";
import { EVIDENCE_THRESHOLD, EVIDENCE_WEIGHTS } from "../../src/detect/evidence.js";
import { mayMentionVipps } from "../../src/detect/index.js";
import { readSettings } from "../../src/settings.js";
import { detect, summarize } from "../support/detect.js";

/** What each found request's evidence was, by kind. */
function evidenceOf(code: string) {
  return [...detect(code).requests].sort((a, b) => a.node.range[0] - b.node.range[0]).map((request) => ({
    transport: request.transport,
    api: request.api?.name,
    endpoint: request.endpoint?.id,
    evidence: request.evidence?.map((item) => item.kind),
  }));
}

describe("evidence model", () => {
  it("lets no weak sign decide alone", () => {
    for (const kind of ["subscription-key", "client-credentials", "vipps-name", "endpoint-suffix", "body-hint"] as const) {
      expect(EVIDENCE_WEIGHTS[kind]).toBeLessThan(EVIDENCE_THRESHOLD);
    }
    expect(EVIDENCE_WEIGHTS["subscription-key"] + EVIDENCE_WEIGHTS["client-credentials"]).toBeLessThan(EVIDENCE_THRESHOLD);
    expect(EVIDENCE_WEIGHTS["vipps-header"]).toBeGreaterThanOrEqual(EVIDENCE_THRESHOLD);
    expect(EVIDENCE_WEIGHTS["body-shape"]).toBeGreaterThanOrEqual(EVIDENCE_THRESHOLD);
  });

  it("takes a header only Vipps uses as enough: Merchant-Serial-Number, Vipps-System-*", () => {
    expect(
      evidenceOf(`
        fetch(\`\${this.config.baseUrl}\${uri}\`, { method: "POST", headers: { "Merchant-Serial-Number": msn } });
        const headers = new Headers();
        headers.set("Vipps-System-Plugin-Name", "shop");
        fetch(url, { headers });
      `),
    ).toEqual([
      { transport: "fetch", api: undefined, endpoint: undefined, evidence: ["vipps-header"] },
      { transport: "fetch", api: undefined, endpoint: undefined, evidence: ["vipps-header"] },
    ]);
  });

  it("names the endpoint from a path suffix once the base is Vipps", () => {
    expect(
      evidenceOf(`
        fetch(process.env.VIPPS_PAYMENT_URL + "/" + orderId + "/details", { headers: { Authorization: token } });
        fetch(\`\${config.vipps.apiUrl}/payments/\${reference}/cancel\`, { method: "PUT", body: "{}" });
        fetch(new URL(path, env.VIPPS_API), { headers: { "Merchant-Serial-Number": msn } });
        fetch(getVippsBaseUrl() + "/capture", { method: "POST", headers: { "Ocp-Apim-Subscription-Key": key } });
      `),
    ).toEqual([
      { transport: "fetch", api: "ecom", endpoint: "ecom.details", evidence: ["vipps-name", "endpoint-suffix"] },
      { transport: "fetch", api: "ecom", endpoint: "ecom.cancel", evidence: ["vipps-name", "endpoint-suffix"] },
      { transport: "fetch", api: undefined, endpoint: undefined, evidence: ["vipps-header", "vipps-name"] },
      { transport: "fetch", api: undefined, endpoint: undefined, evidence: ["subscription-key", "vipps-name", "endpoint-suffix"] },
    ]);
  });

  it("counts the subscription key together with a Vipps name or a Vipps body", () => {
    expect(
      evidenceOf(`
        import axios from "axios";
        axios.post(VIPPS_API + path, body, { headers: { "Ocp-Apim-Subscription-Key": key } });
        axios.post(url, { modificationAmount: { value: 100, currency: "NOK" } }, { headers: { "Ocp-Apim-Subscription-Key": key } });
      `),
    ).toEqual([
      { transport: "axios", api: undefined, endpoint: undefined, evidence: ["subscription-key", "vipps-name"] },
      // Both endpoints that take `modificationAmount` are ePayment's; without a suffix the endpoint stays unknown.
      { transport: "axios", api: "epayment", endpoint: undefined, evidence: ["subscription-key", "body-hint"] },
    ]);
  });

  it("reads the body's shape: an unmistakable one decides and names the endpoint; a suffix picks among a hint's", () => {
    expect(
      evidenceOf(`
        import got from "got";
        got.post(config.url, { json: { amount: { value: 1000, currency: "NOK" }, paymentMethod: { type: "WALLET" }, userFlow: "WEB_REDIRECT", reference } });
        fetch(\`\${process.env.VIPPS_URL}/payments/\${ref}/refund\`, { method: "POST", body: JSON.stringify({ modificationAmount: { value: 100, currency: "NOK" } }) });
      `),
    ).toEqual([
      { transport: "got", api: "epayment", endpoint: "epayment.create", evidence: ["body-shape"] },
      { transport: "fetch", api: "epayment", endpoint: "epayment.refund", evidence: ["vipps-name", "body-hint", "endpoint-suffix"] },
    ]);
  });

  it("reads evidence through instance defaults and client credentials", () => {
    expect(
      evidenceOf(`
        import axios from "axios";
        const http = axios.create({ baseURL: settings.baseUrl, headers: { "Merchant-Serial-Number": msn } });
        http.get(uri);
        axios.post(getVippsTokenUrl(), null, { headers: { client_id: id, client_secret: secret, "Ocp-Apim-Subscription-Key": key } });
      `),
    ).toEqual([
      { transport: "axios", api: undefined, endpoint: undefined, evidence: ["vipps-header"] },
      { transport: "axios", api: undefined, endpoint: undefined, evidence: ["subscription-key", "client-credentials", "vipps-name"] },
    ]);
  });

  it("reads a Vipps name in a client instance's base URL, for relative URLs only", () => {
    expect(
      evidenceOf(`
        import axios from "axios";
        import got from "got";
        const vipps = axios.create({ baseURL: config.vipps.apiUrl });
        vipps.get(\`/\${orderId}/details\`);
        vipps.get("https://status.example.com/orders/1/details");
        const client = got.extend({ prefixUrl: process.env.VIPPS_BASE_URL, headers: { "Ocp-Apim-Subscription-Key": key } });
        client.post(path, { json: body });
      `),
    ).toEqual([
      { transport: "axios", api: "ecom", endpoint: "ecom.details", evidence: ["vipps-name", "endpoint-suffix"] },
      { transport: "got", api: undefined, endpoint: undefined, evidence: ["subscription-key", "vipps-name"] },
    ]);
  });

  it("places a path of an API too plain to match alone once the evidence says the host is Vipps's", () => {
    expect(
      evidenceOf(`
        fetch(\`\${base}/webhooks/v1/webhooks\`, { method: "POST", headers: { "Vipps-System-Name": "shop" }, body });
        fetch(\`\${base}/webhooks/v1/webhooks\`, { method: "POST", body });
      `),
    ).toEqual([{ transport: "fetch", api: "webhooks", endpoint: "webhooks.register", evidence: ["vipps-header"] }]);
  });

  it("finds them in TypeScript too", () => {
    expect(
      summarize(`fetch(\`\${this.config.baseUrl}\${uri}\`, { headers: { "Merchant-Serial-Number": this.msn } as HeadersInit });`, {
        typescript: true,
      }).map((request) => request.transport),
    ).toEqual(["fetch"]);
  });
});

describe("near-misses that must not count", () => {
  it("an Azure service with only a subscription key, or with credentials too", () => {
    expect(
      evidenceOf(`
        fetch(\`\${process.env.AZURE_TRANSLATOR_URL}/translate\`, { method: "POST", headers: { "Ocp-Apim-Subscription-Key": key } });
        fetch(tokenUrl, { method: "POST", headers: { "Ocp-Apim-Subscription-Key": key, client_id: id, client_secret: secret } });
      `),
    ).toEqual([]);
  });

  it("a variable named vippsEnabled that is not in the URL, and a Vipps name in the path rather than the base", () => {
    expect(
      evidenceOf(`
        const vippsEnabled = true;
        if (vippsEnabled) fetch(\`\${API_URL}/orders/\${id}/capture\`, { method: "POST" });
        fetch(\`/api/vipps/\${vippsOrderId}/capture\`, { method: "POST" });
        fetch(vippsEnabled ? "/checkout/details" : "/cart/details");
      `),
    ).toEqual([]);
  });

  it("a vipps word in an unrelated string, and a Vipps name alone", () => {
    expect(
      evidenceOf(`
        fetch(\`\${baseUrl}/details\`, { headers: { "X-Payment-Provider": "vipps" } });
        fetch(process.env.VIPPS_LOGO_URL);
        fetch(\`\${config.apiUrl}/refund\`, { method: "POST", body: JSON.stringify({ provider: "vipps", amount }) });
      `),
    ).toEqual([]);
  });

  it("a path suffix without a Vipps base, and a shared body name without other evidence", () => {
    expect(
      evidenceOf(`
        import axios from "axios";
        axios.post(\`\${ADYEN_URL}/payments/\${psp}/capture\`, { modificationAmount: { value: 100, currency: "EUR" } });
        fetch(\`\${base}/orders/\${id}/cancel\`, { method: "POST", headers: { "Ocp-Apim-Subscription-Key": key } });
      `),
    ).toEqual([]);
  });
});

describe("pre-filter", () => {
  const settings = readSettings({});
  it("lets files through that only evidence can tie to Vipps, case-insensitively", () => {
    expect(mayMentionVipps(`fetch(url, { headers: { "MERCHANT-SERIAL-NUMBER": msn } });`, settings)).toBe(true);
    expect(mayMentionVipps(`fetch(process.env.VIPPS_URL + "/details");`, settings)).toBe(true);
    expect(mayMentionVipps(`axios.post(url, { modificationAmount: { value: 1 } });`, settings)).toBe(true);
  });
  it("still keeps out files with none of it", () => {
    expect(mayMentionVipps(`fetch(url, { headers: { "Ocp-Apim-Subscription-Key": key } });`, settings)).toBe(false);
  });
});
