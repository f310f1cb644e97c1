import { AST_NODE_TYPES, type TSESTree } from "../core/eslint-api.js";
import { findProperty, resolveObjectLiteral } from "../core/objects.js";
import { getStaticString, getStaticValue, resolveExpression } from "../core/static.js";
import type { SourceCode } from "../core/types.js";
import { EXPRESS_PAYMENT_TYPE, isClickAndCollectName } from "../vipps/express.js";
import type { VippsRequest } from "./index.js";

/**
 * Express checkout in code: the eCom initiate bodies that ask for it, and shipping option lists as written, each with
 * its parts that are object literals in reach. The names and values it looks for are in src/vipps/express.ts.
 */


/** An eCom initiate body that asks for express checkout, with its parts that are object literals in reach. */
export interface ExpressInitiate {
  readonly body: TSESTree.ObjectExpression;
  readonly merchantInfo: TSESTree.ObjectExpression | undefined;
  readonly transactionProperty: TSESTree.Property | undefined;
  readonly transaction: TSESTree.ObjectExpression | undefined;
}

/** The express-checkout initiate bodies among `requests`, each once however many calls send it. */
export function findExpressInitiates(sourceCode: SourceCode, requests: readonly VippsRequest[]): ExpressInitiate[] {
  const seen = new Set<TSESTree.ObjectExpression>();
  const initiates: ExpressInitiate[] = [];
  for (const request of requests) {
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

export function isClickAndCollect(option: ShippingOption, pattern: RegExp): boolean {
  return [option.methodId, option.method].some((name) => name !== undefined && isClickAndCollectName(name, pattern));
}

/** A property's constant value (a primitive), or undefined. */
export function staticValue(sourceCode: SourceCode, property: TSESTree.Property | undefined): unknown {
  return property ? getStaticValue(sourceCode, property.value)?.value : undefined;
}
