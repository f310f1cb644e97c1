import { Linter } from "eslint";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

/** examples/express-checkout.js under the two express checkout rules, as `recommended` sets them. */
const code = readFileSync(new URL("../../examples/express-checkout.js", import.meta.url), "utf8");
const config: Linter.Config[] = [
  {
    plugins: { vipps: plugin },
    rules: { "vipps/require-explicit-checkout-flow": "error", "vipps/click-and-collect-static-shipping": "error" },
  },
];
const lint = (text: string) => new Linter({ configType: "flat" }).verify(text, config, "express-checkout.js");

describe("examples/express-checkout.js", () => {
  it("shows both rules: the missing flag, the callback's click and collect, and the initiate that should send it static", () => {
    const findings = lint(code).map(({ ruleId, messageId, line, column, fix, suggestions }) => ({
      ruleId,
      messageId,
      line,
      column,
      fixable: fix !== undefined,
      suggestions: suggestions?.map((suggestion) => suggestion.messageId),
    }));
    expect(findings).toEqual([
      {
        ruleId: "vipps/click-and-collect-static-shipping",
        messageId: "callbackInsteadOfStatic",
        line: 31,
        column: 7,
        fixable: false,
        suggestions: ["addSeedOption"],
      },
      { ruleId: "vipps/require-explicit-checkout-flow", messageId: "missing", line: 35, column: 5, fixable: true, suggestions: undefined },
      {
        ruleId: "vipps/click-and-collect-static-shipping",
        messageId: "callbackNotDefault",
        line: 77,
        column: 7,
        fixable: true,
        suggestions: undefined,
      },
    ]);
  });

  it("--fix adds the flag and makes click and collect the callback's default, and is stable", () => {
    const fixed = new Linter({ configType: "flat" }).verifyAndFix(code, config, "express-checkout.js");
    expect(fixed.output).toContain('transactionText: `Ordre ${cart.orderId} hos Butikk AS`,\n      useExplicitCheckoutFlow: true,\n    },');
    expect(fixed.output).toContain('isDefault: "N",\n        priority: 1,\n        shippingCost: homeDeliveryCost(postCode),');
    expect(fixed.output).toContain('isDefault: "Y",\n        priority: 0,\n        shippingCost: 0,\n        shippingMethod: "Hent i butikk (Storgata 1)",');
    // What is left needs a person: moving the options to staticShippingDetails changes the checkout.
    expect(fixed.messages.map((message) => message.messageId)).toEqual(["callbackInsteadOfStatic", "callbackDefault"]);
    expect(new Linter({ configType: "flat" }).verifyAndFix(fixed.output, config, "express-checkout.js").output).toBe(fixed.output);
  });
});
