import { climbTypeWrappers } from "../src/core/ast.js";
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "../src/core/eslint-api.js";
import { nodesOfType } from "../src/core/node-index.js";
import { findField, findProperty, mayHideProperties } from "../src/core/objects.js";
import { constNameInReach } from "../src/core/scope.js";
import { getStaticString } from "../src/core/static.js";
import type { SourceCode } from "../src/core/types.js";
import { findExpressInitiates, isClickAndCollect, readShippingList, readShippingOption, staticValue, type ExpressInitiate, type ShippingList, type ShippingOption } from "../src/detect/express.js";
import { detectStyle, insertProperty, printProperty, printValue } from "../src/fix/object-literal.js";
import { isUsablePriority, planDefaultFirst } from "../src/fix/shipping-order.js";
import { AUTOFIX_OPTION, defineVippsRule, optionsSchema } from "../src/rule-kit.js";
import { DEFAULT_CLICK_AND_COLLECT_PATTERN, isClickAndCollectName, SEED_CLICK_AND_COLLECT_OPTION } from "../src/vipps/express.js";

type MessageIds =
  | "staticNotDefault"
  | "callbackNotDefault"
  | "callbackDefault"
  | "callbackInsteadOfStatic"
  | "addStaticList"
  | "addSeedOption"
  | "makeDefaultFirst";
type Options = [{ clickAndCollectPattern?: string; autofix?: boolean }];

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

const SHIPPING_NAME_KEYS = new Set(["shippingMethod", "shippingMethodId"]);

export default defineVippsRule<Options, MessageIds>({
  name: "click-and-collect-static-shipping",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require click and collect in eCom express checkout to be a static shipping option and the default",
      recommended: true,
      // Static details switch the shipping details callback off, and reordering changes which option the checkout
      // preselects: changes in what the checkout does.
      optInRepairs: ["addStaticList", "addSeedOption", "makeDefaultFirst"],
    },
    fixable: "code",
    hasSuggestions: true,
    schema: optionsSchema({
      clickAndCollectPattern: {
        type: "string",
        format: "regex",
        minLength: 1,
        description:
          "Regular expression source (matched case-insensitively) that recognises a click-and-collect option by its shippingMethodId or shippingMethod; replaces the built-in English and Norwegian wordings, which apply when it is not set.",
      },
      ...AUTOFIX_OPTION,
    }),
    defaultOptions: [{ autofix: false }],
    messages: {
      staticNotDefault:
        'Click-and-collect option "{{method}}" should be the default and first in `staticShippingDetails`: give it `isDefault: "Y"` and the lowest priority, and the other options `isDefault: "N"`.',
      callbackNotDefault:
        'Click-and-collect option "{{method}}" is offered by the shipping details callback, but it does not depend on the address: offer it in `staticShippingDetails` of the initiate call instead; here, at least make it the default and first option.',
      callbackDefault:
        'Click-and-collect option "{{method}}" is offered by the shipping details callback, but it does not depend on the address: offer it in `staticShippingDetails` of the initiate call instead, as the default.',
      callbackInsteadOfStatic:
        'This express checkout asks the shipping details callback for options although this module offers click and collect ("{{method}}"): send `staticShippingDetails` in `merchantInfo` with click and collect as the default, so Vipps skips the round trip.',
      addStaticList:
        "Add `staticShippingDetails: {{name}}` to merchantInfo (Vipps then stops calling the shipping details callback).",
      makeDefaultFirst:
        'Make "{{method}}" the default and first option (`isDefault: "Y"`, the lowest priority; the others `isDefault: "N"`): the checkout then preselects it.',
      addSeedOption:
        'Add `staticShippingDetails` with a default "Click and collect" option to merchantInfo (Vipps then stops calling the shipping details callback and offers only that option).',
    },
  },
  requests: { endpoints: ["ecom.initiate", "ecom.shippingDetailsResponse"] },
  checkOptions({ clickAndCollectPattern }) {
    // Compiled on every file, so that an invalid pattern is reported whether the file has Vipps code or not.
    compilePattern(clickAndCollectPattern ?? DEFAULT_CLICK_AND_COLLECT_PATTERN);
  },
  create(kit) {
    const { sourceCode, options } = kit;
    const pattern = compilePattern(options.clickAndCollectPattern ?? DEFAULT_CLICK_AND_COLLECT_PATTERN);
    const reported = new Set<TSESTree.Node>();
    /** Express initiates that ask the callback for options (case 3), waiting to learn whether the file knows click and collect. */
    const callbackInitiates: { initiate: ExpressInitiate; prefix: TSESTree.Property; merchantInfo: TSESTree.ObjectExpression }[] = [];

    const reportOrder = (list: ShippingList, messageIds: { notDefault: MessageIds; isDefault?: MessageIds }): void => {
      const target = pickClickAndCollect(sourceCode, list, pattern);
      if (!target || reported.has(target.object)) return;
      const plan = planDefaultFirst(sourceCode, list, target);
      const messageId = plan.needed ? messageIds.notDefault : messageIds.isDefault;
      if (!messageId) return;
      reported.add(target.object);
      const fix = plan.needed ? plan.fix : undefined;
      const data = { method: target.method ?? target.methodId ?? "" };
      kit.report({
        at: { node: target.object },
        messageId,
        data,
        repairs: [fix && kit.repair("makeDefaultFirst", fix, data)],
      });
    };

    /**
     * Case 3: an initiate asks the callback for options although the module offers click and collect. The options
     * are every object of the file that names a click-and-collect method, read from the file's node index (a
     * `Property` listener would have ESLint call the rule for every property of every file).
     */
    const reportCallbackInitiates = (): void => {
      const clickAndCollectOptions: ShippingOption[] = [];
      for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.Property)) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) continue;
        const key = node.computed ? null : ASTUtils.getPropertyName(node);
        if (key === null || !SHIPPING_NAME_KEYS.has(key)) continue;
        const name = getStaticString(sourceCode, node.value);
        if (name === undefined || !isClickAndCollectName(name, pattern)) continue;
        const option = readShippingOption(sourceCode, node.parent);
        if (!clickAndCollectOptions.some((known) => known.object === option.object)) clickAndCollectOptions.push(option);
      }
      const example = clickAndCollectOptions[0];
      if (!example) return;
      for (const { prefix, merchantInfo } of callbackInitiates) {
        const style = detectStyle(sourceCode, merchantInfo);
        const listName = findListInReach(sourceCode, clickAndCollectOptions, merchantInfo);
        const valueText = listName ?? printValue([SEED_CLICK_AND_COLLECT_OPTION], style);
        const fix = (fixer: Fixer): Fix[] =>
          insertProperty(fixer, sourceCode, merchantInfo, printProperty("staticShippingDetails", valueText, style));
        kit.report({
          at: { node: prefix.key },
          messageId: "callbackInsteadOfStatic",
          data: { method: example.method ?? example.methodId ?? "" },
          repairs: [listName ? kit.repair("addStaticList", fix, { name: listName }) : kit.repair("addSeedOption", fix)],
        });
      }
    };

    return {
      Program() {
        const staticLists = new Set<TSESTree.ArrayExpression>();
        for (const initiate of findExpressInitiates(sourceCode, kit.requests())) {
          const merchantInfo = initiate.merchantInfo;
          if (!merchantInfo) continue;
          const staticDetails = findProperty(sourceCode, merchantInfo, "staticShippingDetails");
          const list = staticDetails && readShippingList(sourceCode, staticDetails.value);
          if (list) {
            staticLists.add(list.array);
            reportOrder(list, { notDefault: "staticNotDefault" });
            continue;
          }
          const prefix = findProperty(sourceCode, merchantInfo, "shippingDetailsPrefix");
          const misplacedStatic =
            findProperty(sourceCode, initiate.body, "staticShippingDetails") ??
            findField(sourceCode, initiate.body, "transaction.staticShippingDetails");
          if (prefix && !staticDetails && !misplacedStatic && !mayHideProperties(sourceCode, merchantInfo)) {
            callbackInitiates.push({ initiate, prefix, merchantInfo });
          }
        }
        for (const request of kit.requests()) {
          const answer = request.endpoint?.id === "ecom.shippingDetailsResponse" ? request.body?.object : undefined;
          const details = answer && findProperty(sourceCode, answer, "shippingDetails");
          const list = details && readShippingList(sourceCode, details.value);
          // A list also sent as staticShippingDetails is already static; its order is checked there.
          if (list && !staticLists.has(list.array)) reportOrder(list, { notDefault: "callbackNotDefault", isDefault: "callbackDefault" });
        }
        if (callbackInitiates.length > 0) reportCallbackInitiates();
      },
    };
  },
});

const compiledPatterns = new Map<string, RegExp>();

/** The option's pattern, compiled once per source rather than once per file (the rule runs on every file). */
function compilePattern(source: string): RegExp {
  const known = compiledPatterns.get(source);
  if (known) return known;
  try {
    const pattern = new RegExp(source, "i");
    compiledPatterns.set(source, pattern);
    return pattern;
  } catch (error) {
    // The schema's "regex" format already rejects this; the message is for validators that skip formats.
    throw new Error(`vipps/click-and-collect-static-shipping: option clickAndCollectPattern is not a valid regular expression: ${String(error)}`, {
      cause: error,
    });
  }
}

/** The click-and-collect option that should lead the list: the one already default, else the first by priority. */
function pickClickAndCollect(sourceCode: SourceCode, list: ShippingList, pattern: RegExp): ShippingOption | undefined {
  const candidates = list.options.filter((option) => isClickAndCollect(option, pattern));
  const byPriority = (option: ShippingOption): number => {
    const priority = staticValue(sourceCode, option.priority);
    return isUsablePriority(priority) ? priority : Number.POSITIVE_INFINITY;
  };
  return (
    candidates.find((option) => staticValue(sourceCode, option.isDefault) === "Y") ??
    candidates.reduce<ShippingOption | undefined>((best, option) => (!best || byPriority(option) < byPriority(best) ? option : best), undefined)
  );
}

/**
 * The name of a constant list of shipping options, holding a click-and-collect option, that code at `site` can
 * refer to: declared `const` in a scope around it, not shadowed there, and initialised by the time `site` runs.
 */
function findListInReach(sourceCode: SourceCode, options: readonly ShippingOption[], site: TSESTree.Node): string | undefined {
  for (const option of options) {
    const parent = climbTypeWrappers(option.object).parent;
    const name = parent?.type === AST_NODE_TYPES.ArrayExpression ? constNameInReach(sourceCode, parent, site) : undefined;
    if (name) return name;
  }
  return undefined;
}
