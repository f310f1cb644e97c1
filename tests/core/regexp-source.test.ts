import { describe, expect, it } from "vitest";
import { escapeRegExp, literalsOf } from "../../src/core/regexp-source.js";

describe("escapeRegExp", () => {
  it("makes a source that matches the text literally", () => {
    const text = "a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o";
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
    expect(new RegExp(escapeRegExp("a.b")).test("axb")).toBe(false);
  });
});

describe("literalsOf", () => {
  it("spells out alternatives, escaped punctuation and groups", () => {
    expect(literalsOf(String.raw`vipps|mobilepay\.(?:dk|fi)|\/v2\/(?:payments|consents)\/`)).toEqual([
      { text: "vipps", wordStart: false, wordEnd: false },
      { text: "mobilepay.dk", wordStart: false, wordEnd: false },
      { text: "mobilepay.fi", wordStart: false, wordEnd: false },
      { text: "/v2/payments/", wordStart: false, wordEnd: false },
      { text: "/v2/consents/", wordStart: false, wordEnd: false },
    ]);
    expect(literalsOf(String.raw`a(?:b|c(?:d|e))f`)?.map((literal) => literal.text)).toEqual(["abf", "acdf", "acef"]);
  });

  it("keeps word boundaries at an alternative's ends", () => {
    expect(literalsOf(String.raw`\bnnin\b|-ms-|\bscope`)).toEqual([
      { text: "nnin", wordStart: true, wordEnd: true },
      { text: "-ms-", wordStart: false, wordEnd: false },
      { text: "scope", wordStart: true, wordEnd: false },
    ]);
  });

  it("has no answer for what is not plain text", () => {
    for (const source of [
      "a*",
      "ab?",
      "[ab]",
      String.raw`\d+`,
      String.raw`a\b(?:b|c)`,
      String.raw`(?:\bb)`,
      String.raw`a\bb`,
      "a.b",
      "(ab)",
      "(?=a)b",
      "^ab",
      "ab$",
      "a{2}",
      "(?:a|b",
      "a)b",
      "\\",
      String.raw`\u0041`,
    ]) {
      expect(literalsOf(source), source).toBeUndefined();
    }
  });

  it("has no answer past 64 literals, however they are grouped", () => {
    const eight = "(?:a|b|c|d|e|f|g|h)";
    expect(literalsOf(eight + eight)?.length).toBe(64);
    expect(literalsOf(eight + eight + "(?:x|y)")).toBeUndefined();
    expect(literalsOf(Array.from({ length: 65 }, (_, index) => `w${index}`).join("|"))).toBeUndefined();
  });

  it("finds what the expression finds, in any case", () => {
    const sources = [String.raw`\/(?:ecomm\/v2|epayment\/v1)|vipps`, String.raw`mobilepay\.(?:dk|fi)|\bnnin\b|loginrequests`];
    const texts = ["x/ePayment/v1/payments", "api.VIPPS.no", "pay.mobilepay.dk", "openid nnin", "running", "LoginRequests", "x-ms-date"];
    for (const source of sources) {
      const literals = literalsOf(source)!;
      for (const text of texts) {
        const found = literals.some(({ text: literal, wordStart, wordEnd }) =>
          new RegExp(`${wordStart ? "\\b" : ""}${escapeRegExp(literal)}${wordEnd ? "\\b" : ""}`, "i").test(text),
        );
        expect(found, `${source} on ${text}`).toBe(new RegExp(source, "i").test(text));
      }
    }
  });
});
