// The rule kit's pre-filter: a rule gets listeners only on files that may hold Vipps requests, or whose text matches
// the rule's own `textHint` (rules about inbound handlers, secrets and retired hosts need files without requests).
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { defineVippsRule } from "../src/rule-kit.js";

/** A rule that reports the Program node of every file it gets listeners on. */
const probe = (textHint?: RegExp, fileHint?: (context: { filename: string }) => boolean) =>
  defineVippsRule({
    name: "probe",
    meta: { type: "problem", docs: { description: "probe", recommended: false }, schema: [], messages: { seen: "seen" } },
    ...(textHint && { textHint }),
    ...(fileHint && { fileHint }),
    create: (kit) => ({ Program: (node) => kit.context.report({ node, messageId: "seen" }) }),
  });

const runs = (code: string, textHint?: RegExp, fileHint?: (context: { filename: string }) => boolean, filename = "file.js") =>
  new Linter({ configType: "flat" }).verify(
    code,
    [{ plugins: { probe: { rules: { probe: probe(textHint, fileHint) as never } } }, rules: { "probe/probe": "error" } }],
    filename,
  ).length > 0;

describe("the rule kit's pre-filter", () => {
  it("gives no listeners to a file without Vipps code and without the rule's hint", () => {
    expect(runs(`const url = "https://pay.mobilepay.dk/x";`)).toBe(false);
    expect(runs(`const url = "https://example.com/x";`, /mobilepay\.(?:dk|fi)/)).toBe(false);
  });

  it("lets a file through on the rule's text hint, or on Vipps requests as before", () => {
    expect(runs(`const url = "https://pay.mobilepay.dk/x";`, /mobilepay\.(?:dk|fi)/)).toBe(true);
    expect(runs(`fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST" });`)).toBe(true);
  });

  it("answers each file on its own when one linter lints several in a row, with the settings of each", () => {
    // The gate's answer and the settings are kept for the file being linted: the next file must not get them.
    const linter = new Linter({ configType: "flat" });
    const rule = probe();
    const config = (settings: Record<string, unknown>) => [
      { plugins: { probe: { rules: { probe: rule as never } } }, rules: { "probe/probe": "error" as const }, settings },
    ];
    const vipps = `fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST" });`;
    const wrapper = `payClient.post("/orders", body);`;
    const seen = (code: string, settings: Record<string, unknown> = {}) => linter.verify(code, config(settings), "file.js").length > 0;
    expect(seen(vipps)).toBe(true);
    expect(seen(`const a = 1;`)).toBe(false);
    expect(seen(vipps)).toBe(true);
    expect(seen(wrapper)).toBe(false);
    expect(seen(wrapper, { vipps: { wrappers: [{ name: "payClient.post", url: 0 }] } })).toBe(true);
    expect(seen(wrapper, { vipps: { wrappers: [{ name: "other.send", url: 0 }] } })).toBe(false);
  });

  it("answers the same for a global hint however often it runs", () => {
    const hint = /mobilepay\.dk/g;
    expect(runs(`"pay.mobilepay.dk"`, hint)).toBe(true);
    expect(runs(`"pay.mobilepay.dk"`, hint)).toBe(true);
  });

  it("keeps a hint's word boundaries, in the shared gate too", () => {
    expect(runs(`const scope = "openid nnin";`, /\bnnin\b/)).toBe(true);
    expect(runs(`const state = "running";`, /\bnnin\b/)).toBe(false);
  });

  it("lets the gate look for a hint's words instead of the hint, and still tests the hint itself", () => {
    const secret = (code: string) =>
      new Linter({ configType: "flat" }).verify(
        code,
        [
          {
            plugins: {
              probe: {
                rules: {
                  probe: defineVippsRule({
                    name: "probe",
                    meta: { type: "problem", docs: { description: "probe", recommended: false }, schema: [], messages: { seen: "seen" } },
                    textHint: /PUBLIC_[A-Z_]{0,20}PAYWALL/,
                    textHintWords: ["paywall"],
                    create: (kit) => ({ Program: (node) => kit.context.report({ node, messageId: "seen" }) }),
                  }) as never,
                },
              },
            },
            rules: { "probe/probe": "error" },
          },
        ],
        "file.js",
      ).length > 0;
    expect(secret(`const key = process.env.NEXT_PUBLIC_PAYWALL_KEY;`)).toBe(true);
    expect(secret(`const name = "Paywall";`)).toBe(false);
  });

  it("refuses a hint whose flags change what it matches, naming the rule", () => {
    expect(() => probe(/^mobilepay$/m)).toThrow('vipps/probe: a textHint may have the flags i, g, y and d only (it has "m")');
  });

  it("refuses a hint the gate cannot read as words, unless it names its words", () => {
    expect(() => probe(/PUBLIC_[A-Z_]{0,20}PAYWALL/)).toThrow(
      "vipps/probe: a textHint must be literal words (letters, escaped punctuation, (?:…) groups, \\b at the ends), or come with textHintWords",
    );
    expect(() => probe(/pay\.(?:dk|fi)|\bnnin\b/i)).not.toThrow();
  });

  it("lets a file through on the rule's file hint (its path or settings), which the text cannot show", () => {
    const byPath = (context: { filename: string }) => context.filename.includes("vipps/webhook");
    expect(runs(`export async function POST() {}`, undefined, byPath, "app/api/vipps/webhook/route.js")).toBe(true);
    expect(runs(`export async function POST() {}`, undefined, byPath, "app/api/shop/webhook/route.js")).toBe(false);
  });
});
