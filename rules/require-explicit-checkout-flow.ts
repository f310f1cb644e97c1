import type { TSESLint, TSESTree } from "../src/core/eslint-api.js";
import { findProperty, mayHideProperties } from "../src/core/objects.js";
import { findExpressInitiates, staticValue, type ExpressInitiate } from "../src/detect/express.js";
import { detectStyle, insertProperty, printProperty, removeProperty } from "../src/fix/object-literal.js";
import { defineVippsRule } from "../src/rule-kit.js";

type MessageIds = "missing" | "disabled" | "misplaced";

const FLAG = "useExplicitCheckoutFlow";

export default defineVippsRule<[], MessageIds>({
  name: "require-explicit-checkout-flow",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require `transaction.useExplicitCheckoutFlow: true` in eCom express checkout payments",
      recommended: false,
    },
    fixable: "code",
    schema: [],
    messages: {
      missing:
        "Express checkout without `useExplicitCheckoutFlow: true` in `transaction`: add it, so that the user must actively choose the shipping address and method.",
      disabled:
        "`useExplicitCheckoutFlow: false` asks for the old express checkout flow, where users may keep an outdated address: set it to true.",
      misplaced:
        "`useExplicitCheckoutFlow` in {{where}} is ignored by Vipps: move it into `transaction`, as `useExplicitCheckoutFlow: true`.",
    },
  },
  requests: { endpoints: ["ecom.initiate"] },
  create(kit) {
    const sourceCode = kit.sourceCode;

    const check = (initiate: ExpressInitiate): void => {
      const { body, merchantInfo, transactionProperty, transaction } = initiate;
      const inTransaction = transaction && findProperty(sourceCode, transaction, FLAG);
      if (inTransaction && staticValue(sourceCode, inTransaction) === false) {
        kit.report({
          at: { node: inTransaction.value },
          messageId: "disabled",
          repairs: [kit.repair(undefined, (fixer) => fixer.replaceText(inTransaction.value, "true"))],
        });
      }

      // Where Vipps does not look for the flag: the top level of the body and merchantInfo. An object that is also
      // `transaction` (one constant used for both) holds the flag where Vipps reads it: taking it out there would
      // only bring the "missing" report and its fix back on the next pass.
      const seen = new Set<TSESTree.Node>();
      const misplaced = [
        { object: body, where: "the top level of the body" },
        { object: merchantInfo, where: "`merchantInfo`" },
      ].flatMap(({ object, where }) => {
        if (!object || object === transaction) return [];
        const property = findProperty(sourceCode, object, FLAG);
        if (!property || seen.has(property)) return [];
        seen.add(property);
        return [{ property, where }];
      });
      // The first misplaced flag moves into transaction; any other one is only taken out.
      let moved = inTransaction !== undefined;
      for (const { property, where } of misplaced) {
        const insertInto = moved ? undefined : transaction;
        const canFix = moved || transaction !== undefined;
        moved ||= transaction !== undefined;
        kit.report({
          at: { node: property.key },
          messageId: "misplaced",
          data: { where },
          repairs: [
            canFix
              ? kit.repair(undefined, (fixer) => {
                  const removal = removeProperty(fixer, sourceCode, property);
                  if (!removal) return null;
                  return insertInto ? [...removal, ...insertFlag(fixer, insertInto)] : removal;
                })
              : undefined,
          ],
        });
      }

      if (inTransaction || misplaced.length > 0 || !transaction || !transactionProperty || mayHideProperties(sourceCode, transaction)) return;
      kit.report({
        at: { node: transactionProperty.key },
        messageId: "missing",
        repairs: [kit.repair(undefined, (fixer) => insertFlag(fixer, transaction))],
      });
    };

    const insertFlag = (fixer: TSESLint.RuleFixer, transaction: TSESTree.ObjectExpression): TSESLint.RuleFix[] =>
      insertProperty(fixer, sourceCode, transaction, printProperty(FLAG, "true", detectStyle(sourceCode, transaction)));

    return {
      Program() {
        for (const initiate of findExpressInitiates(sourceCode, kit.requests())) check(initiate);
      },
    };
  },
});
