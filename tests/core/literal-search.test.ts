import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LiteralSearch } from "../../src/core/literal-search.js";
import { escapeRegExp, type Literal } from "../../src/core/regexp-source.js";

/** What the search must answer: the literals as one case-insensitive regular expression. */
const asRegExp = (literals: readonly Literal[]): RegExp =>
  new RegExp(literals.map(({ text, wordStart, wordEnd }) => `${wordStart ? "\\b" : ""}${escapeRegExp(text)}${wordEnd ? "\\b" : ""}`).join("|"), "i");

describe("LiteralSearch", () => {
  const gate = new LiteralSearch([{ text: "vipps" }, { text: "/ecomm/v2" }, { text: "merchantSerialNumber" }, { text: "nnin", wordStart: true, wordEnd: true }]);

  it("finds a literal anywhere, its ASCII letters in any case", () => {
    expect(gate.test("vipps")).toBe(true);
    expect(gate.test("const url = `${base}/ecomm/v2/payments`;")).toBe(true);
    expect(gate.test("import Vipps from 'x'")).toBe(true);
    expect(gate.test("VIPPS_CLIENT_ID")).toBe(true);
    expect(gate.test("x.MERCHANTSERIALNUMBER")).toBe(true);
    expect(gate.test("https://api.example.com/ecomm/v3")).toBe(false);
    expect(gate.test("vipp s")).toBe(false);
    expect(gate.test("")).toBe(false);
    expect(gate.test("vip")).toBe(false);
  });

  it("keeps word boundaries, at the text's ends too", () => {
    expect(gate.test("nnin")).toBe(true);
    expect(gate.test(`scope: "openid nnin phoneNumber"`)).toBe(true);
    expect(gate.test("scope=openid+NNIN")).toBe(true);
    expect(gate.test("scope=openid%20nnin")).toBe(false);
    expect(gate.test("running")).toBe(false);
    expect(gate.test("nnin_altered nnin2 xnnin")).toBe(false);
    expect(new LiteralSearch([{ text: "-ms-", wordStart: true }]).test("-ms-date")).toBe(false);
    expect(new LiteralSearch([{ text: "-ms-", wordStart: true }]).test("x -ms-date")).toBe(false);
    expect(new LiteralSearch([{ text: "-ms-", wordStart: true }]).test("x-ms-date")).toBe(true);
  });

  it("folds the case of ASCII letters only, as the i flag without u does", () => {
    const search = new LiteralSearch([{ text: "ks" }, { text: "åpen" }]);
    // U+212A KELVIN SIGN and U+017F LATIN SMALL LETTER LONG S: their case maps to ASCII, which the i flag ignores.
    expect(search.test("\u212as")).toBe(false);
    expect(search.test("k\u017f")).toBe(false);
    expect(search.test("KS")).toBe(true);
    // A literal beyond ASCII is found with the i flag's own folding.
    expect(search.test("ÅPEN")).toBe(true);
    expect(search.test("apen")).toBe(false);
  });

  it("finds literals of one character, and answers no with none at all", () => {
    expect(new LiteralSearch([{ text: "x" }, { text: "vipps" }]).test("a X b")).toBe(true);
    expect(new LiteralSearch([]).test("anything at all, however long it is")).toBe(false);
  });

  it("finds a literal another one contains, and one that is repeated", () => {
    const search = new LiteralSearch([{ text: "mobilepay.dk" }, { text: "mobilepay" }, { text: "MobilePay" }, { text: "nnin", wordEnd: true }, { text: "nnin" }]);
    expect(search.test("MobilePay Online")).toBe(true);
    expect(search.test("running")).toBe(true);
  });

  it("answers as the literals' regular expression does, for any literals and text", () => {
    // A small alphabet, so that literals overlap, repeat and sit at every position of the window, with the characters
    // whose case the i flag treats specially.
    const char = fc.constantFrom("a", "A", "b", "B", "n", "-", "_", "/", ".", " ", "1", "å", "Å", "\u212a", "k", "K", "\u017f", "s", "\u2028");
    const literal = fc.record({
      text: fc.array(char, { minLength: 1, maxLength: 12 }).map((chars) => chars.join("")),
      wordStart: fc.boolean(),
      wordEnd: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(literal, { minLength: 1, maxLength: 6 }), fc.array(char, { maxLength: 120 }), (literals, chars) => {
        const text = chars.join("");
        expect(new LiteralSearch(literals).test(text)).toBe(asRegExp(literals).test(text));
      }),
      { numRuns: 3000 },
    );
    // Long literals only, so that every one is scanned, over texts made of their own pieces.
    const long = fc.array(fc.constantFrom("ab", "AB", "-n", "b_", "/a", "Nn", "å1", " b"), { minLength: 3, maxLength: 6 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.array(fc.record({ text: long, wordStart: fc.boolean(), wordEnd: fc.boolean() }), { minLength: 1, maxLength: 5 }), fc.array(long, { maxLength: 12 }), (literals, parts) => {
        const text = parts.join("");
        expect(new LiteralSearch(literals).test(text)).toBe(asRegExp(literals).test(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("answers as the regular expression on real code with the gate's literals", () => {
    const literals: Literal[] = ["/ecomm/v2", "/epayment/v1", "vipps", "merchant-serial-number", "retryDays", "-ms-", ".payment."].map((text) => ({ text }));
    const search = new LiteralSearch(literals);
    const union = asRegExp(literals);
    const code = [
      `const r = await fetch(\`\${BASE}/epayment/v1/payments\`, { headers: { "Merchant-Serial-Number": msn } });`,
      `const classes = "-webkit-box -ms-flexbox";`,
      `if (event.name === "epayments.payment.captured.v1") {}`,
      `function retry(days) { return days; }`,
      "export const add = (a, b) => a + b;\r\n// done\u2029",
    ];
    for (const text of code) expect(search.test(text), text).toBe(union.test(text));
  });
});
