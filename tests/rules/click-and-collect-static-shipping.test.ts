import type { RunTests } from "@typescript-eslint/rule-tester";
import type { ESLintUtils } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../rules/click-and-collect-static-shipping.js";
import { DEFAULT_CLICK_AND_COLLECT_PATTERN } from "../../src/vipps/express.js";
import { jsTester, jsWithGlobalsTester, tsTester } from "../support/testers.js";

const URL = `"https://api.vipps.no/ecomm/v2/payments"`;
const HOME = `{ isDefault: "N", priority: 1, shippingCost: 99, shippingMethod: "Posten Servicepakke", shippingMethodId: "posten" }`;

/** An express initiate sent with fetch, with `merchantInfo` extras and the file's other code. */
const expressInitiate = (merchantInfoExtra: string, rest = ""): string => `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: {
      merchantSerialNumber: "123456",
      paymentType: "eComm Express Payment",
${merchantInfoExtra}
    },
    transaction: { amount: 1000, orderId: "order-1", useExplicitCheckoutFlow: true },
  }),
});${rest}`;

// The same cases through ESLint's default parser (without and with declared globals) and through typescript-eslint.
const shared: RunTests<ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>, ESLintUtils.InferOptionsTypeFromRule<typeof rule>> = {
  valid: [
    // Priorities that are not finite numbers are not constants the rule can order by (JSON sends them as null); with
    // -Infinity the repair once wrote -Infinity on click and collect, and "-Infinity + 1" on the other, on every pass.
    ...["-Infinity", "Infinity", "NaN", "1e300 * 1e300", "-(2 ** 60)"].map((priority) => ({
      name: `another option's priority is ${priority}`,
      code: expressInitiate(`      staticShippingDetails: [
        { isDefault: "N", priority: ${priority}, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        { isDefault: "Y", priority: 2, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" },
      ],`),
    })),
    {
      name: "static list with click and collect as the default and first",
      code: expressInitiate(`      staticShippingDetails: [
        { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "click-and-collect" },
        ${HOME},
      ],`),
    },
    {
      name: "static list without click and collect",
      code: expressInitiate(`      staticShippingDetails: [{ isDefault: "Y", priority: 0, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" }],`),
    },
    {
      name: "regular payment with a click-and-collect list in its merchantInfo",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: {
      merchantSerialNumber: "123456",
      staticShippingDetails: [${HOME}, { isDefault: "N", priority: 2, shippingCost: 0, shippingMethod: "Click & collect", shippingMethodId: "cc" }],
    },
    transaction: { amount: 1000, orderId: "order-1" },
  }),
});`,
    },
    {
      name: "regular payment with a callback in a module that knows click and collect",
      code: `
const CLICK_AND_COLLECT = { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Hent i butikk", shippingMethodId: "store" };
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Regular Payment", shippingDetailsPrefix: "https://shop.example" },
    transaction: { amount: 1000, orderId: "order-1" },
  }),
});`,
    },
    {
      name: "express checkout with the callback, in a module without click and collect",
      code: expressInitiate(
        `      shippingDetailsPrefix: "https://shop.example/vipps",`,
        `
export function shippingDetails(req, res) {
  res.json({ addressId: req.body.addressId, orderId: req.params.orderId, shippingDetails: [${HOME}] });
}`,
      ),
    },
    {
      name: "a callback offering collect on delivery, pickup points and parcels in a shop: no click and collect",
      code: `
export function shippingDetails(req, res) {
  res.json({
    addressId: req.body.addressId,
    orderId: req.params.orderId,
    shippingDetails: [
      { isDefault: "Y", priority: 0, shippingCost: 49, shippingMethod: "Collect on delivery", shippingMethodId: "collect-on-delivery" },
      { isDefault: "N", priority: 1, shippingCost: 39, shippingMethod: "Pickup point", shippingMethodId: "pickup-point" },
      { isDefault: "N", priority: 2, shippingCost: 39, shippingMethod: "Post i butikk", shippingMethodId: "post-i-butikk" },
      { isDefault: "N", priority: 3, shippingCost: 99, shippingMethod: "Hent på postkontoret", shippingMethodId: "postkontor" },
    ],
  });
}`,
    },
    {
      name: "a callback list that is also the static list is checked once, as the static list",
      code: `
const OPTIONS = [
  { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "click-and-collect" },
  ${HOME},
];
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", staticShippingDetails: OPTIONS },
    transaction: { amount: 1000, orderId: "order-1" },
  }),
});
export const answer = (req) => ({ addressId: req.body.addressId, orderId: req.params.orderId, shippingDetails: OPTIONS });`,
    },
    {
      name: "a callback list built at run time",
      code: `
export function shippingDetails(req, res, options) {
  res.json({ addressId: req.body.addressId, orderId: req.params.orderId, shippingDetails: options.map((o) => ({ ...o })) });
}`,
    },
    {
      name: "static list whose click-and-collect default is decided at run time",
      code: expressInitiate(`      staticShippingDetails: [
        { isDefault: preferPickup ? "Y" : "N", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" },
      ],`),
    },
    {
      name: "merchantInfo spreads an object nobody can see: static details may be there",
      code: `
const CLICK_AND_COLLECT = { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" };
export function pay(shared) {
  return fetch(${URL}, {
    method: "POST",
    body: JSON.stringify({
      merchantInfo: { ...shared, merchantSerialNumber: "123456", paymentType: "eComm Express Payment", shippingDetailsPrefix: "https://shop.example" },
      transaction: { amount: 1000, orderId: "order-1" },
    }),
  });
}`,
    },
    {
      name: "static details placed in transaction are another rule's business",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", shippingDetailsPrefix: "https://shop.example" },
    transaction: {
      amount: 1000,
      staticShippingDetails: [{ isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" }],
    },
  }),
});`,
    },
    {
      name: "a custom pattern replaces the built-in wordings",
      code: expressInitiate(`      staticShippingDetails: [${HOME}, { isDefault: "N", priority: 2, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" }],`),
      options: [{ clickAndCollectPattern: "^lager-henting$" }],
    },
  ],
  invalid: [
    // A file that opens with a JSDoc block: its ` * ` lines are one space in. The inserted option took that space as
    // the indentation unit where no object around it was multi-line; the file's unit is two spaces.
    {
      name: "case 3 under autofix, in a file that opens with a JSDoc block: the file's indentation",
      code: `/**
 * Vipps express checkout.
 */
const body = { merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", shippingDetailsPrefix: "https://shop.example" }, transaction: { amount: 100, orderId: "o1" } };
export async function initiate() {
  const response = await fetch(${URL}, { method: "POST", body: JSON.stringify(body) });
  if (!response.ok) throw new Error("failed");
}
export const answer = (req) => ({ addressId: req.body.addressId, orderId: req.params.orderId, shippingDetails: [{ isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" }] });`,
      options: [{ autofix: true }],
      output: `/**
 * Vipps express checkout.
 */
const body = { merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", shippingDetailsPrefix: "https://shop.example", staticShippingDetails: [
  {
    isDefault: "Y",
    priority: 0,
    shippingCost: 0,
    shippingMethod: "Click and collect",
    shippingMethodId: "click-and-collect"
  }
] }, transaction: { amount: 100, orderId: "o1" } };
export async function initiate() {
  const response = await fetch(${URL}, { method: "POST", body: JSON.stringify(body) });
  if (!response.ok) throw new Error("failed");
}
export const answer = (req) => ({ addressId: req.body.addressId, orderId: req.params.orderId, shippingDetails: [{ isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" }] });`,
      errors: [
        { messageId: "callbackInsteadOfStatic", data: { method: "Click and collect" }, line: 4, column: 102 },
        { messageId: "callbackDefault", data: { method: "Click and collect" }, line: 9, column: 113 },
      ],
    },
    {
      // A NaN priority once made the repair write \`priority: NaN\` on click and collect, and report it again.
      name: "case 1: another option's priority is NaN: it is left alone, and only isDefault changes",
      code: expressInitiate(`      staticShippingDetails: [
        { isDefault: "Y", priority: NaN, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        { isDefault: "N", priority: 1, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" },
      ],`),
      options: [{ autofix: true }],
      output: expressInitiate(`      staticShippingDetails: [
        { isDefault: "N", priority: NaN, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        { isDefault: "Y", priority: 1, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" },
      ],`),
      errors: [{ messageId: "staticNotDefault", line: 10, column: 9 }],
    },
    {
      name: "case 1: click and collect's own priority is not finite: it gets a usable one",
      code: expressInitiate(`      staticShippingDetails: [
        { isDefault: "N", priority: 0, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        { isDefault: "Y", priority: 0 / 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" },
      ],`),
      options: [{ autofix: true }],
      output: expressInitiate(`      staticShippingDetails: [
        { isDefault: "N", priority: 1, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" },
      ],`),
      errors: [{ messageId: "staticNotDefault", line: 10, column: 9 }],
    },
    {
      name: "case 1: click and collect's own priority is Infinity: it gets a usable one",
      code: expressInitiate(`      staticShippingDetails: [
        { isDefault: "N", priority: 1, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        { isDefault: "Y", priority: Infinity, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" },
      ],`),
      options: [{ autofix: true }],
      output: expressInitiate(`      staticShippingDetails: [
        { isDefault: "N", priority: 1, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" },
      ],`),
      errors: [{ messageId: "staticNotDefault", line: 10, column: 9 }],
    },
    {
      name: "case 1: click and collect neither default nor first (the others move up)",
      code: expressInitiate(`      staticShippingDetails: [
        { isDefault: "Y", priority: 0, shippingCost: 99, shippingMethod: "Posten Servicepakke", shippingMethodId: "posten" },
        { isDefault: "N", priority: 1, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "click-and-collect" },
      ],`),
      options: [{ autofix: true }],
      output: expressInitiate(`      staticShippingDetails: [
        { isDefault: "N", priority: 1, shippingCost: 99, shippingMethod: "Posten Servicepakke", shippingMethodId: "posten" },
        { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "click-and-collect" },
      ],`),
      errors: [{ messageId: "staticNotDefault", data: { method: "Click and collect" }, line: 10, column: 9 }],
    },
    {
      name: "case 1: room below the others: click and collect gets priority 0",
      code: expressInitiate(`      staticShippingDetails: [
        { isDefault: "N", priority: 1, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        { isDefault: "N", priority: 2, shippingCost: 0, shippingMethod: "Hent i butikken", shippingMethodId: "butikk" },
      ],`),
      options: [{ autofix: true }],
      output: expressInitiate(`      staticShippingDetails: [
        { isDefault: "N", priority: 1, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Hent i butikken", shippingMethodId: "butikk" },
      ],`),
      errors: [{ messageId: "staticNotDefault", data: { method: "Hent i butikken" }, line: 10, column: 9 }],
    },
    {
      name: "case 1: default but not first",
      code: expressInitiate(`      staticShippingDetails: [
        { isDefault: "N", priority: 0, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        { isDefault: "Y", priority: 3, shippingCost: 0, shippingMethod: "Store pickup", shippingMethodId: "pickup" },
      ],`),
      options: [{ autofix: true }],
      output: expressInitiate(`      staticShippingDetails: [
        { isDefault: "N", priority: 1, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Store pickup", shippingMethodId: "pickup" },
      ],`),
      errors: [{ messageId: "staticNotDefault", line: 10, column: 9 }],
    },
    {
      name: "case 1: isDefault and priority missing on a multi-line option are added in its style",
      code: expressInitiate(`      staticShippingDetails: [
        { isDefault: "Y", priority: 1, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        {
          shippingCost: 0,
          shippingMethod: "Click & Collect",
          shippingMethodId: "cc"
        },
      ],`),
      options: [{ autofix: true }],
      output: expressInitiate(`      staticShippingDetails: [
        { isDefault: "N", priority: 1, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        {
          shippingCost: 0,
          shippingMethod: "Click & Collect",
          shippingMethodId: "cc",
          isDefault: "Y",
          priority: 0
        },
      ],`),
      errors: [{ messageId: "staticNotDefault", data: { method: "Click & Collect" }, line: 10, column: 9 }],
    },
    {
      name: "case 1: single quotes are kept",
      code: expressInitiate(`      staticShippingDetails: [
        { isDefault: 'Y', priority: 0, shippingCost: 99, shippingMethod: 'Posten', shippingMethodId: 'posten' },
        { isDefault: 'N', priority: 1, shippingCost: 0, shippingMethod: 'Klikk og hent', shippingMethodId: 'klikk-og-hent' },
      ],`),
      options: [{ autofix: true }],
      output: expressInitiate(`      staticShippingDetails: [
        { isDefault: 'N', priority: 1, shippingCost: 99, shippingMethod: 'Posten', shippingMethodId: 'posten' },
        { isDefault: 'Y', priority: 0, shippingCost: 0, shippingMethod: 'Klikk og hent', shippingMethodId: 'klikk-og-hent' },
      ],`),
      errors: [{ messageId: "staticNotDefault", data: { method: "Klikk og hent" }, line: 10, column: 9 }],
    },
    {
      name: "case 1: list and options reached through constants, recognised by shippingMethodId",
      code: `
const HOME_DELIVERY = { isDefault: "Y", priority: 0, shippingCost: 99, shippingMethod: "Home delivery", shippingMethodId: "home" };
const PICKUP = { isDefault: "N", priority: 1, shippingCost: 0, shippingMethod: "Butikken vår", shippingMethodId: "click_and_collect" };
const STATIC_SHIPPING = [HOME_DELIVERY, PICKUP];
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", staticShippingDetails: STATIC_SHIPPING },
    transaction: { amount: 1000, orderId: "order-1" },
  }),
});`,
      options: [{ autofix: true }],
      output: `
const HOME_DELIVERY = { isDefault: "N", priority: 1, shippingCost: 99, shippingMethod: "Home delivery", shippingMethodId: "home" };
const PICKUP = { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Butikken vår", shippingMethodId: "click_and_collect" };
const STATIC_SHIPPING = [HOME_DELIVERY, PICKUP];
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", staticShippingDetails: STATIC_SHIPPING },
    transaction: { amount: 1000, orderId: "order-1" },
  }),
});`,
      errors: [{ messageId: "staticNotDefault", data: { method: "Butikken vår" }, line: 3, column: 16 }],
    },
    {
      name: "case 1: another option's priority is not a constant, so the others cannot move up: no fix",
      code: `
export function pay(rank) {
  return fetch(${URL}, {
    method: "POST",
    body: JSON.stringify({
      merchantInfo: {
        merchantSerialNumber: "123456",
        paymentType: "eComm Express Payment",
        staticShippingDetails: [
          { isDefault: "N", priority: 0, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
          { isDefault: "N", priority: rank, shippingCost: 49, shippingMethod: "Budbil", shippingMethodId: "bud" },
          { isDefault: "N", priority: 2, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" },
        ],
      },
      transaction: { amount: 1000, orderId: "order-1" },
    }),
  });
}`,
      output: null,
      errors: [{ messageId: "staticNotDefault", line: 12, column: 11 }],
    },
    {
      name: "case 2: the callback offers click and collect, not as the default",
      code: `
export function shippingDetails(req, res) {
  res.json({
    addressId: req.body.addressId,
    orderId: req.params.orderId,
    shippingDetails: [
      { isDefault: "Y", priority: 0, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
      { isDefault: "N", priority: 1, shippingCost: 0, shippingMethod: "Pick up in store", shippingMethodId: "store" },
    ],
  });
}`,
      options: [{ autofix: true }],
      output: `
export function shippingDetails(req, res) {
  res.json({
    addressId: req.body.addressId,
    orderId: req.params.orderId,
    shippingDetails: [
      { isDefault: "N", priority: 1, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
      { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Pick up in store", shippingMethodId: "store" },
    ],
  });
}`,
      errors: [{ messageId: "callbackNotDefault", data: { method: "Pick up in store" }, line: 8, column: 7 }],
    },
    {
      name: "case 2: the callback offers click and collect as the default: reported, nothing to fix in place",
      code: `
const SHIPPING_OPTIONS = [
  { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "click-and-collect" },
  ${HOME},
];
export const answer = (req) => ({ addressId: req.body.addressId, orderId: req.params.orderId, shippingDetails: SHIPPING_OPTIONS });`,
      output: null,
      errors: [{ messageId: "callbackDefault", data: { method: "Click and collect" }, line: 3, column: 3 }],
    },
    {
      name: "case 3: express checkout with the callback, a constant list in reach (suggestion)",
      code: `
const SHIPPING_OPTIONS = [
  { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "click-and-collect" },
  ${HOME},
];
export async function initiate(order) {
  return fetch(${URL}, {
    method: "POST",
    body: JSON.stringify({
      merchantInfo: {
        merchantSerialNumber: "123456",
        paymentType: "eComm Express Payment",
        shippingDetailsPrefix: "https://shop.example/vipps",
      },
      transaction: { amount: order.total, orderId: order.id, useExplicitCheckoutFlow: true },
    }),
  });
}
export const answer = (req) => ({ addressId: req.body.addressId, orderId: req.params.orderId, shippingDetails: SHIPPING_OPTIONS });`,
      output: null,
      errors: [
        { messageId: "callbackDefault", line: 3, column: 3 },
        {
          messageId: "callbackInsteadOfStatic",
          data: { method: "Click and collect" },
          line: 13,
          column: 9,
          suggestions: [
            {
              messageId: "addStaticList",
              data: { name: "SHIPPING_OPTIONS" },
              output: `
const SHIPPING_OPTIONS = [
  { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "click-and-collect" },
  ${HOME},
];
export async function initiate(order) {
  return fetch(${URL}, {
    method: "POST",
    body: JSON.stringify({
      merchantInfo: {
        merchantSerialNumber: "123456",
        paymentType: "eComm Express Payment",
        shippingDetailsPrefix: "https://shop.example/vipps",
        staticShippingDetails: SHIPPING_OPTIONS,
      },
      transaction: { amount: order.total, orderId: order.id, useExplicitCheckoutFlow: true },
    }),
  });
}
export const answer = (req) => ({ addressId: req.body.addressId, orderId: req.params.orderId, shippingDetails: SHIPPING_OPTIONS });`,
            },
          ],
        },
      ],
    },
    {
      name: "case 3: click and collect only inline in the handler: the seed's option (suggestion)",
      code: expressInitiate(
        `      shippingDetailsPrefix: "https://shop.example/vipps",`,
        `
export function shippingDetails(req, res) {
  res.json({
    addressId: req.body.addressId,
    orderId: req.params.orderId,
    shippingDetails: [{ isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Hent i butikk", shippingMethodId: "hent" }],
  });
}`,
      ),
      output: null,
      errors: [
        {
          messageId: "callbackInsteadOfStatic",
          data: { method: "Hent i butikk" },
          line: 8,
          column: 7,
          suggestions: [
            {
              messageId: "addSeedOption",
              output: expressInitiate(
                `      shippingDetailsPrefix: "https://shop.example/vipps",
      staticShippingDetails: [
        {
          isDefault: "Y",
          priority: 0,
          shippingCost: 0,
          shippingMethod: "Click and collect",
          shippingMethodId: "click-and-collect",
        },
      ],`,
                `
export function shippingDetails(req, res) {
  res.json({
    addressId: req.body.addressId,
    orderId: req.params.orderId,
    shippingDetails: [{ isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Hent i butikk", shippingMethodId: "hent" }],
  });
}`,
              ),
            },
          ],
        },
        { messageId: "callbackDefault", line: 17, column: 23 },
      ],
    },
    {
      name: "case 3 under autofix: the seed's option in a one-line merchantInfo with quoted keys and single quotes",
      code: `
const body = {
  'merchantInfo': { 'merchantSerialNumber': '123456', 'paymentType': 'eComm Express Payment', 'shippingDetailsPrefix': 'https://shop.example' },
  'transaction': { 'amount': 1000, 'orderId': 'order-1' },
};
fetch(${URL}, { method: 'POST', body: JSON.stringify(body) });
const CLICK_AND_COLLECT_ID = 'click-and-collect';
export const option = { shippingMethodId: CLICK_AND_COLLECT_ID };`,
      options: [{ autofix: true }],
      output: `
const body = {
  'merchantInfo': { 'merchantSerialNumber': '123456', 'paymentType': 'eComm Express Payment', 'shippingDetailsPrefix': 'https://shop.example', 'staticShippingDetails': [
    {
      'isDefault': 'Y',
      'priority': 0,
      'shippingCost': 0,
      'shippingMethod': 'Click and collect',
      'shippingMethodId': 'click-and-collect',
    },
  ] },
  'transaction': { 'amount': 1000, 'orderId': 'order-1' },
};
fetch(${URL}, { method: 'POST', body: JSON.stringify(body) });
const CLICK_AND_COLLECT_ID = 'click-and-collect';
export const option = { shippingMethodId: CLICK_AND_COLLECT_ID };`,
      errors: [{ messageId: "callbackInsteadOfStatic", data: { method: "click-and-collect" }, line: 3, column: 95 }],
    },
    {
      name: "case 3 under autofix: the constant list, through axios",
      code: `
import axios from "axios";
const OPTIONS = [{ isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" }];
export async function initiate(order) {
  const { data } = await axios.post("https://api.vipps.no/ecomm/v2/payments", {
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", shippingDetailsPrefix: "https://shop.example" },
    transaction: { amount: order.total, orderId: order.id },
  });
  return data.url;
}
export const answer = (req) => ({ addressId: req.body.addressId, orderId: req.params.orderId, shippingDetails: OPTIONS });`,
      options: [{ autofix: true }],
      output: `
import axios from "axios";
const OPTIONS = [{ isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" }];
export async function initiate(order) {
  const { data } = await axios.post("https://api.vipps.no/ecomm/v2/payments", {
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", shippingDetailsPrefix: "https://shop.example", staticShippingDetails: OPTIONS },
    transaction: { amount: order.total, orderId: order.id },
  });
  return data.url;
}
export const answer = (req) => ({ addressId: req.body.addressId, orderId: req.params.orderId, shippingDetails: OPTIONS });`,
      errors: [
        { messageId: "callbackDefault", line: 3, column: 18 },
        { messageId: "callbackInsteadOfStatic", line: 6, column: 91 },
      ],
    },
    {
      name: "case 3: a list declared after top-level code that runs first is not in reach",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", shippingDetailsPrefix: "https://shop.example" },
    transaction: { amount: 1000, orderId: "order-1" },
  }),
});
const LATER = [{ isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" }];`,
      output: null,
      errors: [
        {
          messageId: "callbackInsteadOfStatic",
          line: 5,
          column: 91,
          suggestions: [
            {
              messageId: "addSeedOption",
              output: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", shippingDetailsPrefix: "https://shop.example", staticShippingDetails: [
      {
        isDefault: "Y",
        priority: 0,
        shippingCost: 0,
        shippingMethod: "Click and collect",
        shippingMethodId: "click-and-collect",
      },
    ] },
    transaction: { amount: 1000, orderId: "order-1" },
  }),
});
const LATER = [{ isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" }];`,
            },
          ],
        },
      ],
    },
    {
      name: "a custom pattern recognises the shop's own wording",
      code: expressInitiate(`      staticShippingDetails: [
        { isDefault: "Y", priority: 0, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        { isDefault: "N", priority: 1, shippingCost: 0, shippingMethod: "Henting på lager", shippingMethodId: "lager-henting" },
      ],`),
      options: [{ clickAndCollectPattern: "^lager-henting$", autofix: true }],
      output: expressInitiate(`      staticShippingDetails: [
        { isDefault: "N", priority: 1, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Henting på lager", shippingMethodId: "lager-henting" },
      ],`),
      errors: [{ messageId: "staticNotDefault", data: { method: "Henting på lager" }, line: 10, column: 9 }],
    },
    {
      name: "a body recognised by its shape",
      code: `
export const expressBody = {
  merchantInfo: {
    merchantSerialNumber: "123456",
    paymentType: "eComm Express Payment",
    staticShippingDetails: [${HOME}, { isDefault: "N", priority: 5, shippingCost: 0, shippingMethod: "In-store pickup", shippingMethodId: "instore" }],
  },
  transaction: { amount: 1000, orderId: "order-1" },
};`,
      options: [{ autofix: true }],
      output: `
export const expressBody = {
  merchantInfo: {
    merchantSerialNumber: "123456",
    paymentType: "eComm Express Payment",
    staticShippingDetails: [${HOME}, { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "In-store pickup", shippingMethodId: "instore" }],
  },
  transaction: { amount: 1000, orderId: "order-1" },
};`,
      errors: [{ messageId: "staticNotDefault", data: { method: "In-store pickup" }, line: 6, column: 147 }],
    },
    {
      name: "got with a json body and the list in a constant",
      code: `
import got from "got";
const STATIC_SHIPPING = [${HOME}, { isDefault: "N", priority: 1, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" }];
export const initiate = (orderId) =>
  got.post("https://api.vipps.no/ecomm/v2/payments", {
    json: { merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", staticShippingDetails: STATIC_SHIPPING }, transaction: { amount: 1000, orderId } },
  }).json();`,
      options: [{ autofix: true }],
      output: `
import got from "got";
const STATIC_SHIPPING = [${HOME}, { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" }];
export const initiate = (orderId) =>
  got.post("https://api.vipps.no/ecomm/v2/payments", {
    json: { merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", staticShippingDetails: STATIC_SHIPPING }, transaction: { amount: 1000, orderId } },
  }).json();`,
      errors: [{ messageId: "staticNotDefault", line: 3, column: 144 }],
    },
    {
      name: "a configured wrapper",
      code: `
vipps.initiate({
  merchantInfo: {
    merchantSerialNumber: "123456",
    paymentType: "eComm Express Payment",
    staticShippingDetails: [${HOME}, { isDefault: "Y", priority: 1, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" }],
  },
  transaction: { amount: 1000, orderId: "order-1" },
});`,
      settings: { vipps: { wrappers: [{ name: "vipps.initiate", endpoint: "ecom.initiate", body: 0 }] } },
      options: [{ autofix: true }],
      output: `
vipps.initiate({
  merchantInfo: {
    merchantSerialNumber: "123456",
    paymentType: "eComm Express Payment",
    staticShippingDetails: [{ isDefault: "N", priority: 1, shippingCost: 99, shippingMethod: "Posten Servicepakke", shippingMethodId: "posten" }, { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" }],
  },
  transaction: { amount: 1000, orderId: "order-1" },
});`,
      errors: [{ messageId: "staticNotDefault", line: 6, column: 147 }],
    },
    // Cases 1 and 2 change which option the checkout preselects: without autofix, suggestions only.
    {
      name: "case 1 without autofix: the reorder is a suggestion",
      code: expressInitiate(`      staticShippingDetails: [
        { isDefault: "Y", priority: 0, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        { isDefault: "N", priority: 1, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" },
      ],`),
      output: null,
      errors: [
        {
          messageId: "staticNotDefault",
          line: 10,
          column: 9,
          suggestions: [
            {
              messageId: "makeDefaultFirst",
              data: { method: "Click and collect" },
              output: expressInitiate(`      staticShippingDetails: [
        { isDefault: "N", priority: 1, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
        { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" },
      ],`),
            },
          ],
        },
      ],
    },
    {
      name: "case 2 with autofix: false: the reorder is a suggestion",
      code: `
export function shippingDetails(req, res) {
  res.json({
    addressId: req.body.addressId,
    orderId: req.params.orderId,
    shippingDetails: [
      { isDefault: "Y", priority: 0, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
      { isDefault: "N", priority: 1, shippingCost: 0, shippingMethod: "Pick up in store", shippingMethodId: "store" },
    ],
  });
}`,
      options: [{ autofix: false }],
      output: null,
      errors: [
        {
          messageId: "callbackNotDefault",
          line: 8,
          column: 7,
          suggestions: [
            {
              messageId: "makeDefaultFirst",
              data: { method: "Pick up in store" },
              output: `
export function shippingDetails(req, res) {
  res.json({
    addressId: req.body.addressId,
    orderId: req.params.orderId,
    shippingDetails: [
      { isDefault: "N", priority: 1, shippingCost: 99, shippingMethod: "Posten", shippingMethodId: "posten" },
      { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Pick up in store", shippingMethodId: "store" },
    ],
  });
}`,
            },
          ],
        },
      ],
    },
  ],
};

jsTester.run("click-and-collect-static-shipping (JavaScript, no globals declared)", rule, shared);
jsWithGlobalsTester.run("click-and-collect-static-shipping (JavaScript, globals declared)", rule, shared);
tsTester.run("click-and-collect-static-shipping (TypeScript)", rule, shared);

tsTester.run("click-and-collect-static-shipping (TypeScript only)", rule, {
  valid: [],
  invalid: [
    {
      code: `
import rp from "request-promise";
interface ShippingOption { isDefault: "Y" | "N"; priority: number; shippingCost: number; shippingMethod: string; shippingMethodId: string }
const OPTIONS: ShippingOption[] = [
  { isDefault: "Y", priority: 0, shippingCost: 79, shippingMethod: "Helthjem", shippingMethodId: "helthjem" },
  { isDefault: "N", priority: 1, shippingCost: 0, shippingMethod: "Click & collect", shippingMethodId: "click-collect" },
] as const satisfies readonly ShippingOption[];
export async function initiate(orderId: string): Promise<void> {
  await rp.post({
    uri: "https://api.vipps.no/ecomm/v2/payments",
    json: {
      merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", shippingDetailsPrefix: "https://shop.example" },
      transaction: { amount: 1000, orderId },
    },
  });
}
export function shippingDetails(ctx: { params: { orderId: string }; request: { body: { addressId: number } }; body: unknown }): void {
  ctx.body = { addressId: ctx.request.body.addressId, orderId: ctx.params.orderId, shippingDetails: OPTIONS };
}`,
      output: null,
      errors: [
        {
          messageId: "callbackNotDefault",
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 121,
          // Reordering changes which option the checkout preselects: a suggestion unless autofix is on.
          suggestions: [{ messageId: "makeDefaultFirst", data: { method: "Click & collect" }, output: `
import rp from "request-promise";
interface ShippingOption { isDefault: "Y" | "N"; priority: number; shippingCost: number; shippingMethod: string; shippingMethodId: string }
const OPTIONS: ShippingOption[] = [
  { isDefault: "N", priority: 1, shippingCost: 79, shippingMethod: "Helthjem", shippingMethodId: "helthjem" },
  { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click & collect", shippingMethodId: "click-collect" },
] as const satisfies readonly ShippingOption[];
export async function initiate(orderId: string): Promise<void> {
  await rp.post({
    uri: "https://api.vipps.no/ecomm/v2/payments",
    json: {
      merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", shippingDetailsPrefix: "https://shop.example" },
      transaction: { amount: 1000, orderId },
    },
  });
}
export function shippingDetails(ctx: { params: { orderId: string }; request: { body: { addressId: number } }; body: unknown }): void {
  ctx.body = { addressId: ctx.request.body.addressId, orderId: ctx.params.orderId, shippingDetails: OPTIONS };
}` }],
        },
        {
          messageId: "callbackInsteadOfStatic",
          line: 12,
          column: 93,
          endLine: 12,
          endColumn: 114,
          suggestions: [
            {
              messageId: "addStaticList",
              data: { name: "OPTIONS" },
              output: `
import rp from "request-promise";
interface ShippingOption { isDefault: "Y" | "N"; priority: number; shippingCost: number; shippingMethod: string; shippingMethodId: string }
const OPTIONS: ShippingOption[] = [
  { isDefault: "Y", priority: 0, shippingCost: 79, shippingMethod: "Helthjem", shippingMethodId: "helthjem" },
  { isDefault: "N", priority: 1, shippingCost: 0, shippingMethod: "Click & collect", shippingMethodId: "click-collect" },
] as const satisfies readonly ShippingOption[];
export async function initiate(orderId: string): Promise<void> {
  await rp.post({
    uri: "https://api.vipps.no/ecomm/v2/payments",
    json: {
      merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", shippingDetailsPrefix: "https://shop.example", staticShippingDetails: OPTIONS },
      transaction: { amount: 1000, orderId },
    },
  });
}
export function shippingDetails(ctx: { params: { orderId: string }; request: { body: { addressId: number } }; body: unknown }): void {
  ctx.body = { addressId: ctx.request.body.addressId, orderId: ctx.params.orderId, shippingDetails: OPTIONS };
}`,
            },
          ],
        },
      ],
      name: "typed constant list with as const, request-promise and a Koa-style handler",
    },
  ],
});

describe("the built-in click-and-collect wordings", () => {
  const pattern = new RegExp(DEFAULT_CLICK_AND_COLLECT_PATTERN, "i");
  it.each([
    "Click and collect",
    "click-and-collect",
    "Click & Collect",
    "click_and_collect",
    "ClickAndCollect",
    "clickncollect",
    "Click 'n' collect",
    "Klikk og hent",
    "klikk-og-hent",
    "Pick up in store",
    "pickup-in-store",
    "Pick-up at the store",
    "Collect in store",
    "Hent i butikk",
    "Hentes i butikken",
    "Henting i butikk",
    "Store pickup",
    "in-store-pickup",
    "In store collection",
    "butikkhenting",
    "Hent i butikk (Oslo sentrum)",
  ])("recognises %s", (name) => expect(pattern.test(name)).toBe(true));
  it.each([
    "Collect on delivery",
    "collect-on-delivery",
    "Pickup point",
    "Hentested",
    "Post i butikk",
    "Hent på postkontoret",
    "Home delivery",
    "Doubleclick collection",
    "Restore pickup",
    "Posten Servicepakke",
  ])("does not take %s for click and collect", (name) => expect(pattern.test(name)).toBe(false));
});

describe("options", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter({ configType: "flat" }).verify("const x = 1;", [
      { plugins: { vipps: { rules: { "click-and-collect-static-shipping": rule } } }, rules: { "vipps/click-and-collect-static-shipping": ["error", options] } },
    ] as unknown as Linter.Config[]);
  it("rejects a pattern that is not a regular expression with a configuration error", () => {
    expect(() => lint({ clickAndCollectPattern: "click(" })).toThrow(/should match format "regex"/);
  });
  it("rejects unknown options", () => {
    expect(() => lint({ autoFix: true })).toThrow(/additional properties/i);
  });
  it("accepts the documented options", () => {
    expect(lint({ clickAndCollectPattern: "^hent", autofix: true })).toEqual([]);
  });
});
