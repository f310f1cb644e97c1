import { describe, expect, it } from "vitest";
import { escapeRegExp, topLevelAlternatives, unionOfAlternatives } from "../../src/core/regexp-source.js";

describe("escapeRegExp", () => {
  it("makes a source that matches the text literally", () => {
    const text = "a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o";
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
    expect(new RegExp(escapeRegExp("a.b")).test("axb")).toBe(false);
  });
});

describe("topLevelAlternatives", () => {
  it("splits at the top level only, stepping over escapes, classes and groups", () => {
    expect(topLevelAlternatives(String.raw`a|b\|c|[|]|(?:d|e)|f`)).toEqual(["a", String.raw`b\|c`, "[|]", "(?:d|e)", "f"]);
    expect(topLevelAlternatives("abc")).toEqual(["abc"]);
    expect(topLevelAlternatives(String.raw`[\]|]x|y`)).toEqual([String.raw`[\]|]x`, "y"]);
  });
});

describe("unionOfAlternatives", () => {
  it("keeps each alternative once, whatever its case", () => {
    expect(unionOfAlternatives(["vipps|mobilepay", "Vipps|-ms-"])).toBe("vipps|mobilepay|-ms-");
  });

  it("leaves out what a plain alternative already covers", () => {
    expect(unionOfAlternatives([String.raw`mobilepay\.(?:dk|fi)|loginrequests`, "mobilepay|vipps", "vippsRequest"])).toBe(
      "loginrequests|mobilepay|vipps",
    );
  });

  it("keeps an alternative whose next character makes the shared text optional", () => {
    expect(unionOfAlternatives(["ab", "ab*c", "ab?d", "ab{0,2}e", "ab+f"])).toBe("ab|ab*c|ab?d|ab{0,2}e");
  });

  it("matches wherever one of its sources matches", () => {
    const sources = [String.raw`\/(?:ecomm\/v2|epayment\/v1)|vipps`, String.raw`mobilepay\.(?:dk|fi)|\bnnin\b`, "vipps|mobilepay|-ms-"];
    const union = new RegExp(unionOfAlternatives(sources), "i");
    for (const text of ["x/ePayment/v1/payments", "api.VIPPS.no", "pay.mobilepay.dk", "openid nnin", "x-ms-date", "MobilePay"]) {
      expect(sources.some((source) => new RegExp(source, "i").test(text)), text).toBe(true);
      expect(union.test(text), text).toBe(true);
    }
    expect(union.test("https://example.com/orders")).toBe(false);
  });
});
