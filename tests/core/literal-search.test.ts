import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LiteralSearch } from "../../src/core/literal-search.js";
import { escapeRegExp, type Literal } from "../../src/core/regexp-source.js";

/** What the search must answer: the literals as one case-insensitive regular expression. */
const asRegExp = (literals: readonly Literal[]): RegExp =>
  literals.length === 0
    ? /(?!)/
    : new RegExp(literals.map(({ text, wordStart, wordEnd }) => `${wordStart ? "\\b" : ""}${escapeRegExp(text)}${wordEnd ? "\\b" : ""}`).join("|"), "i");

describe("LiteralSearch", () => {
  const gateLiterals: Literal[] = [{ text: "vipps" }, { text: "/ecomm/v2" }, { text: "merchantSerialNumber" }, { text: "nnin", wordStart: true, wordEnd: true }];
  /** Each row: the literals, a text, whether the text holds one of them; the literals' regular expression agrees. */
  const answers = (rows: readonly (readonly [readonly Literal[], string, boolean])[]): void => {
    for (const [literals, text, expected] of rows) {
      expect(new LiteralSearch(literals).test(text), text).toBe(expected);
      expect(asRegExp(literals).test(text), `the reference on ${text}`).toBe(expected);
    }
  };

  it("finds a literal anywhere, its ASCII letters in any case, by the scan and by the short words' expression", () => {
    answers([
      [gateLiterals, "vipps", true],
      [gateLiterals, "const url = `${base}/ecomm/v2/payments`;", true],
      [gateLiterals, "import Vipps from 'x'", true],
      [gateLiterals, "VIPPS_CLIENT_ID", true],
      [gateLiterals, "x.MERCHANTSERIALNUMBER", true],
      [gateLiterals, "/ECOMM/V2", true],
      [gateLiterals, "https://api.example.com/ecomm/v3", false],
      [gateLiterals, "vipp s merchantSerialNumbe", false],
      [gateLiterals, "", false],
      [gateLiterals, "vip", false],
    ]);
  });

  it("keeps word boundaries, at the text's ends too, in scanned literals and short ones", () => {
    const bounded: Literal[] = [{ text: "-ms-", wordStart: true }, { text: "merchant", wordStart: true, wordEnd: true }];
    answers([
      [gateLiterals, "nnin", true],
      [gateLiterals, `scope: "openid nnin phoneNumber"`, true],
      [gateLiterals, "scope=openid+NNIN", true],
      [gateLiterals, "scope=openid%20nnin", false],
      [gateLiterals, "running", false],
      [gateLiterals, "nnin_altered nnin2 xnnin", false],
      [bounded, "-ms-date", false],
      [bounded, "x -ms-date", false],
      [bounded, "x-ms-date", true],
      [bounded, "Merchant", true],
      [bounded, "the merchant.", true],
      [bounded, "merchants merchant_id getMerchant", false],
    ]);
  });

  it("folds the case of ASCII letters only, as the i flag without u does", () => {
    // U+212A KELVIN SIGN and U+017F LATIN SMALL LETTER LONG S: their case maps to ASCII, which the i flag ignores.
    const literals: Literal[] = [{ text: "ks" }, { text: "checkout/ks" }, { text: "åpen" }];
    answers([
      [literals, "\u212as", false],
      [literals, "k\u017f", false],
      [literals, "CHECKOUT/\u212aS", false],
      [literals, "KS", true],
      [literals, "CHECKOUT/KS", true],
      // A literal beyond ASCII is found with the i flag's own folding.
      [literals, "ÅPEN", true],
      [literals, "apen", false],
    ]);
  });

  it("finds literals of one character, and answers no with none at all", () => {
    answers([
      [[{ text: "x" }, { text: "vipps" }], "a X b", true],
      [[], "anything at all, however long it is", false],
    ]);
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
