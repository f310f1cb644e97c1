import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { getStaticValue, mayHideProperties as mayHideSpreadProperties } from "../core/static.js";
import {
  findProperty,
  getStaticString,
  getVippsRequests,
  resolveExpression,
  resolveObjectLiteral,
} from "../detect/index.js";

/**
 * Express checkout ("Vipps Hurtigkasse") in the eCom API: how an initiate body asks for it, and how shipping options
 * are written. Sources: vippsas/vipps-ecom-api docs/swagger.yaml (InitiatePaymentCommand, merchantInfo,
 * staticShippingDetails), the 2022-01 technical update (seed/), ../shared/vipps-api-facts.md.
 */

/** `merchantInfo.paymentType` of an express checkout; the regular payment is `"eComm Regular Payment"`. */
export const EXPRESS_PAYMENT_TYPE = "eComm Express Payment";

/** The click-and-collect shipping option of the 2022-01 technical update, as it recommends sending it. */
export const SEED_CLICK_AND_COLLECT_OPTION = {
  isDefault: "Y",
  priority: 0,
  shippingCost: 0,
  shippingMethod: "Click and collect",
  shippingMethodId: "click-and-collect",
} as const;

const SEPARATOR = String.raw`[\s_-]*`;
const START = "(?<![a-zæøå])";

/**
 * What a click-and-collect shipping method is called in English and Norwegian webshops: "Click & collect",
 * "click-and-collect", "Klikk og hent", "Pick up in store", "in-store pickup", "Hent i butikken", "butikkhenting", ...
 * Not matched: "Collect on delivery", "Pickup point", "Post i butikk" (parcels to an agent chosen by address).
 * Linear: no two separator runs are ever adjacent (an optional word between two runs takes its own run with it), so
 * a long run of spaces is scanned once from each place a word starts, not split every possible way.
 */
export const DEFAULT_CLICK_AND_COLLECT_PATTERN = [
  `${START}click${SEPARATOR}(?:(?:and|&|n|'n'|’n’|\\+)${SEPARATOR})?collect`,
  `${START}klikk${SEPARATOR}(?:(?:og|&|\\+)${SEPARATOR})?hent`,
  `${START}(?:pick${SEPARATOR}up|collect|hent(?:e|es|ing)?)${SEPARATOR}(?:in|at|from|i|på|fra)${SEPARATOR}(?:the${SEPARATOR})?(?:store|shop|butikk)`,
  `${START}(?:in${SEPARATOR})?(?:store|shop|butikk)${SEPARATOR}(?:pick${SEPARATOR}up|collect|henting)`,
].join("|");

type SourceCode = Readonly<TSESLint.SourceCode>;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** An eCom initiate body that asks for express checkout, with its parts that are object literals in reach. */
export interface ExpressInitiate {
  readonly body: TSESTree.ObjectExpression;
  readonly merchantInfo: TSESTree.ObjectExpression | undefined;
  readonly transactionProperty: TSESTree.Property | undefined;
  readonly transaction: TSESTree.ObjectExpression | undefined;
}

/** The express-checkout initiate bodies of the file, each once however many calls send it. */
export function getExpressInitiates(context: Context): ExpressInitiate[] {
  const sourceCode = context.sourceCode;
  const seen = new Set<TSESTree.ObjectExpression>();
  const initiates: ExpressInitiate[] = [];
  for (const request of getVippsRequests(context)) {
    const body = request.body?.object;
    if (request.endpoint?.id !== "ecom.initiate" || !body || seen.has(body)) continue;
    seen.add(body);
    const merchantInfo = objectAt(sourceCode, body, "merchantInfo");
    const paymentType = merchantInfo && findProperty(sourceCode, merchantInfo, "paymentType");
    if (!paymentType || getStaticString(sourceCode, paymentType.value) !== EXPRESS_PAYMENT_TYPE) continue;
    const transactionProperty = findProperty(sourceCode, body, "transaction");
    const transaction = transactionProperty && resolveObjectLiteral(sourceCode, transactionProperty.value);
    initiates.push({ body, merchantInfo, transactionProperty, transaction });
  }
  return initiates;
}

function objectAt(sourceCode: SourceCode, object: TSESTree.ObjectExpression, key: string): TSESTree.ObjectExpression | undefined {
  const property = findProperty(sourceCode, object, key);
  return property && resolveObjectLiteral(sourceCode, property.value);
}

/**
 * True when the object may hold properties nobody can name from the code: a spread of something out of reach (also
 * inside spread object literals), a computed key that is not a constant, or a getter. Each object is looked into once;
 * too many spreads to follow also count as hiding (`mayHideProperties` in src/core/static.ts).
 */
export function mayHideProperties(sourceCode: SourceCode, object: TSESTree.ObjectExpression): boolean {
  return mayHideSpreadProperties(sourceCode, object, resolveObjectLiteral);
}

/** One entry of a shipping options list (`staticShippingDetails`, or `shippingDetails` in a callback answer). */
export interface ShippingOption {
  readonly object: TSESTree.ObjectExpression;
  /** `shippingMethod` and `shippingMethodId`, when constant. */
  readonly method: string | undefined;
  readonly methodId: string | undefined;
  readonly isDefault: TSESTree.Property | undefined;
  readonly priority: TSESTree.Property | undefined;
}

export interface ShippingList {
  readonly array: TSESTree.ArrayExpression;
  /** The entries that are object literals in reach, in list order. */
  readonly options: readonly ShippingOption[];
}

/** The shipping options list an expression evaluates to, when it is an array literal in reach. */
export function readShippingList(sourceCode: SourceCode, node: TSESTree.Node): ShippingList | undefined {
  const array = resolveExpression(sourceCode, node);
  if (array.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const options: ShippingOption[] = [];
  for (const element of array.elements) {
    const object = element && element.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectLiteral(sourceCode, element) : undefined;
    if (object) options.push(readShippingOption(sourceCode, object));
  }
  return { array, options };
}

export function readShippingOption(sourceCode: SourceCode, object: TSESTree.ObjectExpression): ShippingOption {
  const text = (key: string): string | undefined => {
    const property = findProperty(sourceCode, object, key);
    return property && getStaticString(sourceCode, property.value);
  };
  return {
    object,
    method: text("shippingMethod"),
    methodId: text("shippingMethodId"),
    isDefault: findProperty(sourceCode, object, "isDefault"),
    priority: findProperty(sourceCode, object, "priority"),
  };
}

/**
 * The longest shipping method name worth testing: the API takes at most 256 characters for `shippingMethod` and 100
 * for `shippingMethodId`. Longer strings are not names, and skipping them bounds what any pattern, a user's too, costs.
 */
export const MAX_SHIPPING_NAME_LENGTH = 256;

/** Whether a shipping method name matches the click-and-collect pattern; names longer than the API takes never do. */
export function isClickAndCollectName(name: string, pattern: RegExp): boolean {
  return name.length <= MAX_SHIPPING_NAME_LENGTH && pattern.test(name);
}

export function isClickAndCollect(option: ShippingOption, pattern: RegExp): boolean {
  return [option.methodId, option.method].some((name) => name !== undefined && isClickAndCollectName(name, pattern));
}

/** A property's constant value (a primitive), or undefined. */
export function staticValue(sourceCode: SourceCode, property: TSESTree.Property | undefined): unknown {
  return property ? getStaticValue(sourceCode, property.value)?.value : undefined;
}
