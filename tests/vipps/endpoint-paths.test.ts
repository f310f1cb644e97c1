import { describe, expect, it } from "vitest";
import { ENDPOINTS, getApi, type ApiName } from "../../src/vipps/apis.js";
import { ANY_PART, endpointSignature, judgeEndpointPath, nearSpelling } from "../../src/vipps/endpoint-paths.js";
import { HOLE } from "../../src/vipps/urls.js";

const BASE = `${ANY_PART}`;
/** A URL pattern: `{x}` is a one-segment value (HOLE), `*` a part that may be anything (ANY_PART). */
const url = (path: string): string => `${BASE}${path.replace(/\{[^}]*\}/g, HOLE).replace(/\*/g, ANY_PART)}`;
const judge = (api: ApiName, path: string, method?: string) => judgeEndpointPath(getApi(api), url(path), method);
const names = (api: ApiName, path: string, method?: string) => judge(api, path, method)?.nearest.map(endpointSignature);

describe("judgeEndpointPath", () => {
  it("takes every endpoint the plugin knows, with its method, as the spec writes it", () => {
    const judged = ENDPOINTS.filter((endpoint) => !endpoint.callbackResponse && endpoint.path.startsWith("/")).map((endpoint) => ({
      endpoint: endpoint.id,
      verdict: judgeEndpointPath(getApi(endpoint.api), url(endpoint.path), endpoint.method),
    }));
    expect(judged.filter((entry) => entry.verdict !== undefined)).toEqual([]);
    expect(judged.length).toBeGreaterThan(40);
  });

  it("ignores case, a trailing slash, empty segments, the query and the fragment", () => {
    expect(judge("accesstoken", "/accessToken/get", "POST")).toBeUndefined();
    expect(judge("epayment", "/epayment/v1/payments/{r}/", "GET")).toBeUndefined();
    expect(judge("epayment", "/epayment/v1/payments//{r}", "GET")).toBeUndefined();
    expect(judge("recurring", "/recurring/v3/agreements?status=ACTIVE#top", "GET")).toBeUndefined();
    expect(judge("epayment", "/ePayment/v1/Payments/{r}/Capture", "POST")).toBeUndefined();
  });

  it("leaves a path alone when a part of it may be anything, or its version has no known endpoint", () => {
    expect(judge("epayment", "/epayment/v1/*", "GET")).toBeUndefined();
    expect(judge("ecom", "/ecomm/v2/payments/{id}/*", "POST")).toBeUndefined();
    expect(judge("checkout", "/checkout/v2/session/{r}", "GET")).toBeUndefined();
    expect(judge("ecom", "/ecomm/v1/payments/x/typo", "GET")).toBeUndefined();
    expect(judge("management", "/management/v1/typo", "GET")).toBeUndefined();
  });

  it("names a missing segment and fixes it", () => {
    const verdict = judge("epayment", "/epayment/v1/{reference}", "GET");
    expect(verdict?.kind).toBe("path");
    expect(verdict?.nearest.map(endpointSignature)).toEqual(["GET /epayment/v1/payments/{reference}"]);
    expect(verdict?.edit).toMatchObject({ kind: "segment", text: "payments/" });
    expect(verdict?.written).toBe("/epayment/v1/…");
  });

  it("names a missing slash at a hole's edge or after a literal", () => {
    const pattern = url("/epayment/v1/payments/{r}cancel");
    const verdict = judgeEndpointPath(getApi("epayment"), pattern, "POST");
    expect(verdict?.nearest.map(endpointSignature)).toEqual(["POST /epayment/v1/payments/{reference}/cancel"]);
    expect(verdict?.edit).toEqual({ kind: "slash", start: pattern.indexOf("cancel"), end: pattern.indexOf("cancel"), text: "/" });
    expect(judge("ecom", "/ecomm/v2/payments{orderId}/capture", "POST")?.edit).toMatchObject({ kind: "slash" });
    expect(judge("login", "/access-management-1.0/access/oauth2token", "POST")?.edit).toMatchObject({ kind: "slash" });
  });

  it("renames a misspelt segment", () => {
    const verdict = judge("ecom", "/ecomm/v2/payment", "POST");
    expect(verdict?.nearest.map(endpointSignature)).toEqual(["POST /ecomm/v2/payments"]);
    expect(verdict?.edit).toMatchObject({ kind: "rename", text: "payments" });
  });

  it("reports a method the path does not take, naming the methods it does", () => {
    expect(judge("ecom", "/ecomm/v2/payments", "GET")).toMatchObject({ kind: "method", edit: undefined });
    expect(names("ecom", "/ecomm/v2/payments", "PUT")).toEqual(["POST /ecomm/v2/payments"]);
    expect(names("recurring", "/recurring/v3/agreements/{id}", "PUT")).toEqual([
      "GET /recurring/v3/agreements/{agreementId}",
      "PATCH /recurring/v3/agreements/{agreementId}",
    ]);
    // HEAD and OPTIONS are not judged; an unknown method takes any endpoint on the path.
    expect(judge("ecom", "/ecomm/v2/payments", "HEAD")).toBeUndefined();
    expect(judge("ecom", "/ecomm/v2/payments", undefined)).toBeUndefined();
  });

  it("does not take a keyword for a reference, nor drop a reference for a shorter path", () => {
    // `payments/{r}cancel` read as `{reference}` costs two (three with GET's method); the slash costs one.
    expect(names("epayment", "/epayment/v1/payments/{r}cancel", "POST")).toEqual(["POST /epayment/v1/payments/{reference}/cancel"]);
    expect(names("epayment", "/epayment/v1/payments/{r}cancel")).toEqual(["POST /epayment/v1/payments/{reference}/cancel"]);
    // Dropping `{r}` costs two: with POST, `/payments` is no nearer than the cancel, capture and refund paths.
    expect(names("epayment", "/epayment/v1/payments/{r}/x", "POST")).toEqual([
      "POST /epayment/v1/payments/{reference}/cancel",
      "POST /epayment/v1/payments/{reference}/capture",
      "POST /epayment/v1/payments/{reference}/refund",
    ]);
    expect(judge("epayment", "/epayment/v1/payments/{r}/x", "POST")?.edit).toBeUndefined();
  });

  it("names a retired endpoint only when nothing current is as near", () => {
    expect(names("ecom", "/ecomm/v2/payments/{orderId}", "GET")).toEqual(["GET /ecomm/v2/payments/{orderId}/details"]);
  });

  it("reports in Login only a slash, a segment or a near spelling: its server has endpoints its spec leaves out", () => {
    expect(judge("login", "/access-management-1.0/access/oauth2/revoke", "POST")).toBeUndefined();
    expect(judge("login", "/access-management-1.0/access/oauth2/sessions/logout", "GET")).toBeUndefined();
    expect(judge("login", "/access-management-1.0/access/userinfo", "GET")).toBeUndefined();
    expect(names("login", "/access-management-1.0/access/oauth2/tokens", "POST")).toEqual(["POST /access-management-1.0/access/oauth2/token"]);
    expect(judge("userinfo", "/vipps-userinfo-api/userinfo", "GET")).toBeUndefined();
  });

  it("answers a path asked again with another method, or in another API, by that method and API", () => {
    // Verdicts are kept per API, verb and pattern: asking in one order must not colour the answers in another.
    for (let round = 0; round < 2; round++) {
      expect(judge("ecom", "/ecomm/v2/payments", "POST")).toBeUndefined();
      expect(judge("ecom", "/ecomm/v2/payments", "GET")).toMatchObject({ kind: "method" });
      expect(judge("ecom", "/ecomm/v2/payments", "get")).toMatchObject({ kind: "method" });
      expect(judge("ecom", "/ecomm/v2/payments", "HEAD")).toBeUndefined();
      expect(judge("ecom", "/ecomm/v2/payments", undefined)).toBeUndefined();
      expect(judge("epayment", "/ecomm/v2/payments", "GET")).toBeUndefined();
    }
    // The same path in another case is another pattern: its verdict's offsets and text are its own.
    expect(judge("ecom", "/ecomm/v2/Payment", "POST")?.written).toBe("/ecomm/v2/Payment");
    expect(judge("ecom", "/ecomm/v2/payment", "POST")?.written).toBe("/ecomm/v2/payment");
  });

  it("gives the same verdicts past the cache's size, and for patterns too long to keep", () => {
    const typo = () => judge("epayment", "/epayment/v1/payment/{r}", "GET")?.nearest.map(endpointSignature);
    expect(typo()).toEqual(["GET /epayment/v1/payments/{reference}"]);
    for (let index = 0; index < 2100; index++) judge("epayment", `/epayment/v1/payments/{r}/x${index}`, "POST");
    expect(typo()).toEqual(["GET /epayment/v1/payments/{reference}"]);
    const long = `/epayment/v1/payment/${"x".repeat(2000)}`;
    expect(judge("epayment", long, "GET")?.kind).toBe("path");
    expect(judge("epayment", long, "GET")?.kind).toBe("path");
  });

  it("stays linear and silent on very long paths", () => {
    const long = `/epayment/v1/${"a/".repeat(5000)}`;
    const started = performance.now();
    expect(judge("epayment", long, "GET")).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe("nearSpelling", () => {
  it("is at most two letters apart", () => {
    expect(nearSpelling("tokens", "token")).toBe(true);
    expect(nearSpelling("authentication", "authentications")).toBe(true);
    expect(nearSpelling("revoke", "token")).toBe(false);
    expect(nearSpelling("auth", "token")).toBe(false);
    expect(nearSpelling("x".repeat(500), "x".repeat(499))).toBe(false);
  });
});
