import tsParser from "@typescript-eslint/parser";
import type { ESLintUtils } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../rules/valid-request-body.js";
import plugin from "../../src/index.js";
import { cjsTester, jsTester, jsWithGlobalsTester, locate, tsTester } from "../support/testers.js";

/** The rule's messages, from the rule itself: a report and the suggestions it offers. */
type MessageId = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;
type SuggestionId = MessageId;

/** A report of `messageId` at `snippet` (its `nth` occurrence), with the suggestions it offers: `[id, from, to]` each. */
const at = (code: string, messageId: MessageId, snippet: string, suggestions: [SuggestionId, string, string][] = [], nth = 1) => ({
  messageId,
  ...locate(code, snippet, nth),
  suggestions: suggestions.map(([id, from, to]) => ({ messageId: id, output: code.replace(from, to) })),
});

/** Whole messages, checked at the end of this file (the rule tester takes a message id or a message, not both). */
const statedMessages: { readonly code: string; readonly line: number; readonly column: number; readonly message: string }[] = [];

/** The same report, with its whole message stated. */
const saying = (error: ReturnType<typeof at> & { readonly code: string }, message: string) => {
  const { code, ...rest } = error;
  statedMessages.push({ code, line: rest.line, column: rest.column, message });
  return rest;
};

/** The code with each `[from, to]` applied once, in order: what --fix writes. */
const fixed = (code: string, ...replacements: [string, string][]): string =>
  replacements.reduce((text, [from, to]) => text.replace(from, to), code);

// ---------------------------------------------------------------------------------------------------------------------
// eCom: fetch in plain JavaScript
// ---------------------------------------------------------------------------------------------------------------------

const ecomBody = (merchantInfo: string, transaction = 'amount: 49900, orderId: "order-1", transactionText: "One pair of socks"') => `const SHOP = process.env.SHOP_URL;
await fetch("https://api.vipps.no/ecomm/v2/payments", {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({
    customerInfo: { mobileNumber: "91234567" },
    merchantInfo: { ${merchantInfo} },
    transaction: { ${transaction} },
  }),
});`;

const ECOM_MERCHANT = 'merchantSerialNumber: "123456", callbackPrefix: `${SHOP}/vipps`, fallBack: `${SHOP}/done`';

const ecomFallback = ecomBody('merchantSerialNumber: "123456", callbackPrefix: `${SHOP}/vipps`, fallback: `${SHOP}/done`');
const ecomNumericMsn = ecomBody('merchantSerialNumber: 123456, callbackPrefix: `${SHOP}/vipps`, fallBack: `${SHOP}/done`');
const ecomPaymentType = ecomBody(`${ECOM_MERCHANT}, paymentType: "eCom Express Payment"`);
const ecomIsDefault = ecomBody(
  `${ECOM_MERCHANT},
      // Click and collect first.
      staticShippingDetails: [{ isDefault: true, priority: 0, shippingCost: 0, shippingMethod: "Pick up", shippingMethodId: "pickup" }]`,
);
const ecomStringAmount = ecomBody(ECOM_MERCHANT, 'amount: "49900", orderId: "order-1", transactionText: "Socks"');
const ecomSmallAmount = ecomBody(ECOM_MERCHANT, 'amount: 50, orderId: "order-1", transactionText: "Socks"');
const ecomOrderId = ecomBody(ECOM_MERCHANT, 'amount: 49900, orderId: "order_1", transactionText: "Socks"');
const longText = "x".repeat(101);
const ecomLongText = ecomBody(ECOM_MERCHANT, `amount: 49900, orderId: "order-1", transactionText: "${longText}"`);
const ecomHttp = ecomBody('merchantSerialNumber: "123456", callbackPrefix: "http://shop.example/vipps", fallBack: `${SHOP}/done`');
const ecomRelativeFallBack = ecomBody('merchantSerialNumber: "123456", callbackPrefix: `${SHOP}/vipps`, fallBack: "/done"');
const ecomMsnAbbreviated = ecomBody('merchantSerialNo: "123456", callbackPrefix: `${SHOP}/vipps`, fallBack: `${SHOP}/done`');
const ecomNoCustomerInfo = `await fetch("https://api.vipps.no/ecomm/v2/payments", {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", callbackPrefix: "https://shop.example/vipps", fallBack: "https://shop.example/done" },
    transaction: { amount: 49900, orderId: "order-1", transactionText: "Socks" },
  }),
});`;
const ecomShorthand = `export function initiate(fallback, transaction) {
  return fetch("https://api.vipps.no/ecomm/v2/payments", {
    method: "POST",
    body: JSON.stringify({ customerInfo: {}, merchantInfo: { merchantSerialNumber: "123456", callbackPrefix: "https://shop.example/vipps", fallback }, transaction }),
  });
}`;

jsTester.run("valid-request-body (eCom, fetch)", rule, {
  valid: [
    // The spec's own example, values unknown to the code included.
    ecomBody(ECOM_MERCHANT),
    ecomBody(`${ECOM_MERCHANT}, paymentType: "eComm Express Payment", isApp: false`),
    // `isDefault` as eCom spells it; fallBack may be an app scheme; a value the code does not know is not judged.
    ecomBody(
      'merchantSerialNumber: process.env.MSN, callbackPrefix: `${SHOP}/vipps`, fallBack: "myapp://done", staticShippingDetails: [{ isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Pick up", shippingMethodId: "pickup" }]',
      "amount: cart.total, orderId: cart.id, transactionText: cart.text",
    ),
    // A rounded amount and a product that is an integer already.
    ecomBody(ECOM_MERCHANT, 'amount: Math.round(price * 100), orderId: "order-1", transactionText: "Socks"'),
    ecomBody(ECOM_MERCHANT, 'amount: 499 * 100, orderId: "order-1", transactionText: "Socks"'),
    // `&&` may give `false`: not a value the code means to send.
    ecomBody(ECOM_MERCHANT, 'amount: 49900, orderId: "order-1", transactionText: debug && "x"'),
    // A spread of something out of reach may hold the required fields.
    `const base = getBase();
await fetch("https://api.vipps.no/ecomm/v2/payments", { method: "POST", body: JSON.stringify({ ...base, transaction: { amount: 49900, orderId: "order-1", transactionText: "Socks" } }) });`,
    // The phone format is mobile-number-format's job.
    ecomBody(ECOM_MERCHANT).replace('"91234567"', '"+47 912 34 567"'),
    // A body found only by its shape (no call sends it here) may be a copy with extras, such as a log record.
    `const payment = { merchantInfo: { merchantSerialNumber: "123456" }, transaction: { amount: 49900 } };
logWarning({ ...payment, note: "initiate failed" });`,
    // The body of a callback answer is not checked against what Vipps sends.
    `app.post("/vipps/v2/payments/:orderId/shippingDetails", (req, res) => res.json({ addressId: 1, orderId: "x", shippingDetails: [] }));`,
    // An endpoint without a request schema.
    `await fetch("https://api.vipps.no/accesstoken/get", { method: "POST", body: JSON.stringify({ anything: 1 }) });`,
  ],
  invalid: [
    {
      code: ecomFallback,
      output: fixed(ecomFallback, ["fallback:", "fallBack:"]),
      errors: [
        saying({ ...at(ecomFallback, "unknownField", "fallback"), code: ecomFallback }, 'eCom API "initiate payment": merchantInfo.fallback is not a field; did you mean "fallBack"? (eCom sends HTTP 500)',
        ),
      ],
    },
    {
      code: ecomNumericMsn,
      output: fixed(ecomNumericMsn, ["123456,", '"123456",']),
      errors: [
        saying({ ...at(ecomNumericMsn, "wrongType", "123456", [], 2), code: ecomNumericMsn }, 'eCom API "initiate payment": merchantInfo.merchantSerialNumber must be a string; got a number (eCom sends HTTP 500).',
        ),
      ],
    },
    {
      code: ecomPaymentType,
      output: fixed(ecomPaymentType, ['"eCom Express Payment"', '"eComm Express Payment"']),
      errors: [
        saying({ ...at(ecomPaymentType, "notInEnum", '"eCom Express Payment"'), code: ecomPaymentType }, 'eCom API "initiate payment": merchantInfo.paymentType must be one of "eComm Regular Payment", "eComm Express Payment"; got "eCom Express Payment"; did you mean "eComm Express Payment"?',
        ),
      ],
    },
    {
      code: ecomIsDefault,
      output: fixed(ecomIsDefault, ["isDefault: true", 'isDefault: "Y"']),
      errors: [
        saying({ ...at(ecomIsDefault, "wrongType", "true"), code: ecomIsDefault }, 'eCom API "initiate payment": merchantInfo.staticShippingDetails[0].isDefault must be "Y" or "N"; got a boolean.',
        ),
      ],
    },
    {
      code: ecomStringAmount,
      output: fixed(ecomStringAmount, ['"49900"', "49900"]),
      errors: [at(ecomStringAmount, "wrongType", '"49900"')],
    },
    {
      code: ecomSmallAmount,
      output: null,
      errors: [saying({ ...at(ecomSmallAmount, "range", "50"), code: ecomSmallAmount }, 'eCom API "initiate payment": transaction.amount must be at least 100; got 50.')],
    },
    { code: ecomOrderId, output: null, errors: [at(ecomOrderId, "pattern", '"order_1"')] },
    { code: ecomLongText, output: null, errors: [at(ecomLongText, "length", `"${longText}"`)] },
    {
      code: ecomHttp,
      output: null,
      errors: [at(ecomHttp, "notHttps", '"http://shop.example/vipps"', [["useHttps", '"http://shop.example/vipps"', '"https://shop.example/vipps"']])],
    },
    {
      // With `autofix: true` the switch to HTTPS is applied by --fix.
      code: ecomHttp,
      options: [{ autofix: true }],
      output: fixed(ecomHttp, ['"http://shop.example/vipps"', '"https://shop.example/vipps"']),
      errors: [at(ecomHttp, "notHttps", '"http://shop.example/vipps"')],
    },
    { code: ecomRelativeFallBack, output: null, errors: [at(ecomRelativeFallBack, "notAbsolute", '"/done"')] },
    {
      // More than one edit away: a suggestion.
      code: ecomMsnAbbreviated,
      output: null,
      errors: [at(ecomMsnAbbreviated, "unknownField", "merchantSerialNo", [["renameField", "merchantSerialNo:", "merchantSerialNumber:"]])],
    },
    {
      code: ecomMsnAbbreviated,
      options: [{ autofix: true }],
      output: fixed(ecomMsnAbbreviated, ["merchantSerialNo:", "merchantSerialNumber:"]),
      errors: [at(ecomMsnAbbreviated, "unknownField", "merchantSerialNo")],
    },
    {
      code: ecomNoCustomerInfo,
      output: null,
      errors: [saying({ ...at(ecomNoCustomerInfo, "missingField", "{", [], 2), code: ecomNoCustomerInfo }, 'eCom API "initiate payment": the body lacks customerInfo, which the spec requires.')],
    },
    {
      // A shorthand keeps its variable.
      code: ecomShorthand,
      output: fixed(ecomShorthand, ["fallback }", "fallBack: fallback }"]),
      errors: [at(ecomShorthand, "unknownField", "fallback", [], 2)],
    },
  ],
});

// A group turned off.
jsTester.run("valid-request-body (options)", rule, {
  valid: [
    { code: ecomFallback, options: [{ unknownFields: false, requiredFields: false }] },
    { code: ecomHttp, options: [{ urls: false }] },
    { code: ecomNoCustomerInfo, options: [{ requiredFields: false }] },
    { code: ecomOrderId, options: [{ patterns: false }] },
    { code: ecomPaymentType, options: [{ enums: false }] },
    { code: ecomNumericMsn, options: [{ types: false }] },
  ],
  invalid: [],
});

// ---------------------------------------------------------------------------------------------------------------------
// ePayment: axios in TypeScript
// ---------------------------------------------------------------------------------------------------------------------

const epayment = (fields: string) => `import axios from "axios";
export async function pay(reference: string, price: number, token: string) {
  return axios.post(
    "https://api.vipps.no/epayment/v1/payments",
    {
      ${fields}
    },
    { headers: { Authorization: \`Bearer \${token}\` } },
  );
}`;

const EPAYMENT_REST = 'paymentMethod: { type: "WALLET" }, reference, userFlow: "WEB_REDIRECT", returnUrl: "https://shop.example/done"';
const epaymentCorrect = epayment(`amount: { currency: "NOK", value: 49900 }, ${EPAYMENT_REST}, paymentDescription: "Socks"`);
const epaymentWalletCase = epayment(`amount: { currency: "NOK", value: 49900 }, paymentMethod: { type: "wallet" }, reference, userFlow: "WEB_REDIRECT"`);
const epaymentUserFlow = epayment(`amount: { currency: "NOK", value: 49900 }, paymentMethod: { type: "WALLET" }, reference, userFlow: "BROWSER"`);
const epaymentStringValue = epayment(`amount: { currency: "NOK", value: "1000" as any }, ${EPAYMENT_REST}`);
const epaymentDecimal = epayment(`amount: { currency: "NOK", value: 199.5 }, ${EPAYMENT_REST}`);
const epaymentUnrounded = epayment(`amount: { currency: "NOK", value: price * 100 }, ${EPAYMENT_REST}`);
const epaymentBelowMinimum = epayment(`amount: { currency: "NOK", value: 50 }, ${EPAYMENT_REST}`);
const epaymentReference = epayment(`amount: { currency: "NOK", value: 49900 }, paymentMethod: { type: "WALLET" }, reference: "order_12345", userFlow: "QR"`);
const epaymentShortReference = epayment(`amount: { currency: "NOK", value: 49900 }, paymentMethod: { type: "WALLET" }, reference: "abc", userFlow: "QR"`);
const epaymentPhoneCase = epayment(`amount: { currency: "NOK", value: 49900 }, ${EPAYMENT_REST}, customer: { phonenumber: "4791234567" }`);
const epaymentPhoneNumber = epayment(`amount: { currency: "NOK", value: 49900 }, ${EPAYMENT_REST}, customer: { phoneNumber: 4791234567 }`);
const epaymentHttpReturn = epayment(`amount: { currency: "NOK", value: 49900 }, paymentMethod: { type: "WALLET" }, reference, userFlow: "WEB_REDIRECT", returnUrl: \`http://shop.example/\${reference}\``);
const epaymentDescription = epayment(`amount: { currency: "NOK", value: 49900 }, ${EPAYMENT_REST}, paymentDescription: "ab"`);
const epaymentFallbackOperand = epayment(`amount: { currency: "NOK", value: 49900 }, paymentMethod: { type: "WALLET" }, reference, userFlow: process.env.FLOW ?? "WEB_REDIRCT"`);

tsTester.run("valid-request-body (ePayment, axios)", rule, {
  valid: [
    epaymentCorrect,
    // Values the code does not know, and fields the spec allows but few send.
    epayment(`amount: { currency, value }, paymentMethod: { type: method }, reference, userFlow: flow`),
    epayment(
      `amount: { currency: "DKK", value: 1 }, ${EPAYMENT_REST}, metadata: { orderId: "1" }, customer: { personalQr: "https://qr.vipps.no/p/4712345678" }, qrFormat: { format: "IMAGE/SVG+XML", size: 200 }, minimumUserAge: 18`,
    ),
    epayment(
      `amount: { currency: "NOK", value: 49900 }, ${EPAYMENT_REST}, profile: { scope: "name address email phoneNumber" }, shipping: { fixedOptions: [{ brand: "POSTEN", type: "PICKUP_POINT", isDefault: true, options: [{ id: "a", name: "Pickup", amount: { currency: "NOK", value: 0 } }] }] }`,
    ),
    // An app scheme, a return URL built from unknown parts.
    epayment(`amount: { currency: "NOK", value: 49900 }, paymentMethod: { type: "WALLET" }, reference, userFlow: "NATIVE_REDIRECT", returnUrl: "myapp://paid"`),
    epayment(`amount: { currency: "NOK", value: 49900 }, paymentMethod: { type: "WALLET" }, reference, userFlow: "WEB_REDIRECT", returnUrl: \`\${process.env.BASE}/done\``),
    // A spread of unknown shape: nothing is missing.
    epayment(`...defaults, reference`),
  ],
  invalid: [
    { code: epaymentWalletCase, output: fixed(epaymentWalletCase, ['"wallet"', '"WALLET"']), errors: [at(epaymentWalletCase, "notInEnum", '"wallet"')] },
    {
      code: epaymentUserFlow,
      output: null,
      errors: [
        saying({ ...at(epaymentUserFlow, "notInEnum", '"BROWSER"'), code: epaymentUserFlow }, 'ePayment API "create payment": userFlow must be one of "PUSH_MESSAGE", "NATIVE_REDIRECT", "WEB_REDIRECT", "QR"; got "BROWSER".',
        ),
      ],
    },
    {
      // The literal operand of `??` is checked; one edit away is fixed.
      code: epaymentFallbackOperand,
      output: fixed(epaymentFallbackOperand, ['"WEB_REDIRCT"', '"WEB_REDIRECT"']),
      errors: [at(epaymentFallbackOperand, "notInEnum", '"WEB_REDIRCT"')],
    },
    { code: epaymentStringValue, output: fixed(epaymentStringValue, ['"1000"', "1000"]), errors: [at(epaymentStringValue, "wrongType", '"1000"')] },
    {
      code: epaymentDecimal,
      output: null,
      errors: [at(epaymentDecimal, "notInteger", "199.5", [["toMinorUnits", "199.5", "19950"]])],
    },
    {
      code: epaymentUnrounded,
      output: null,
      errors: [at(epaymentUnrounded, "unrounded", "price * 100", [["roundAmount", "price * 100", "Math.round(price * 100)"]])],
    },
    {
      code: epaymentBelowMinimum,
      output: null,
      errors: [
        saying({ ...at(epaymentBelowMinimum, "range", "50"), code: epaymentBelowMinimum }, 'ePayment API "create payment": amount.value must be at least 100 (the smallest NOK amount, in minor units); got 50.',
        ),
      ],
    },
    { code: epaymentReference, output: null, errors: [at(epaymentReference, "pattern", '"order_12345"')] },
    { code: epaymentShortReference, output: null, errors: [at(epaymentShortReference, "length", '"abc"')] },
    { code: epaymentPhoneCase, output: fixed(epaymentPhoneCase, ["phonenumber", "phoneNumber"]), errors: [at(epaymentPhoneCase, "unknownField", "phonenumber")] },
    {
      code: epaymentPhoneNumber,
      output: fixed(epaymentPhoneNumber, ["4791234567", '"4791234567"']),
      errors: [at(epaymentPhoneNumber, "wrongType", "4791234567")],
    },
    { code: epaymentHttpReturn, output: null, errors: [at(epaymentHttpReturn, "notHttps", "`http://shop.example/${reference}`")] },
    { code: epaymentDescription, output: null, errors: [at(epaymentDescription, "length", '"ab"')] },
  ],
});

// ---------------------------------------------------------------------------------------------------------------------
// Checkout: ky in TypeScript; SDK
// ---------------------------------------------------------------------------------------------------------------------

const checkout = (fields: string) => `import ky from "ky";
const vipps = ky.create({ prefixUrl: "https://api.vipps.no" });
export const start = (reference: string) =>
  vipps.post("checkout/v3/session", {
    json: {
      merchantInfo: { callbackUrl: "https://shop.example/cb", returnUrl: "https://shop.example/done", callbackAuthorizationToken: "secret" },
      ${fields}
    },
  }).json();`;

const CHECKOUT_TRANSACTION = 'transaction: { amount: { currency: "NOK", value: 49900 }, reference, paymentDescription: "Socks" }';
const checkoutUserFlow = checkout(`${CHECKOUT_TRANSACTION}, configuration: { userFlow: "web_redirect" }`);
const checkoutReference = checkout('transaction: { amount: { currency: "NOK", value: 49900 }, reference: "order_2024_1", paymentDescription: "Socks" }');
const checkoutBadType = checkout(`type: "ONE_TIME", ${CHECKOUT_TRANSACTION}`);

tsTester.run("valid-request-body (Checkout, ky)", rule, {
  valid: [
    checkout(CHECKOUT_TRANSACTION),
    // A session of a `type` gives its reference beside it.
    checkout('type: "PAYMENT", reference, transaction: { amount: { currency: "NOK", value: 49900 }, paymentDescription: "Socks" }'),
    // `type` is in the live API, not in the v3 spec; logistics options are one of six shapes.
    checkout(
      `type: "PAYMENT", ${CHECKOUT_TRANSACTION}, logistics: { fixedOptions: [{ brand: "POSTEN", type: "MAILBOX", id: "a", amount: { currency: "NOK", value: 0 }, isDefault: true, priority: 0 }, { brand: "OTHER", title: "Pick up", id: "b", amount: { currency: "NOK", value: 0 }, isDefault: false, priority: 1 }] }`,
    ),
  ],
  invalid: [
    { code: checkoutUserFlow, output: fixed(checkoutUserFlow, ['"web_redirect"', '"WEB_REDIRECT"']), errors: [at(checkoutUserFlow, "notInEnum", '"web_redirect"')] },
    { code: checkoutReference, output: null, errors: [at(checkoutReference, "pattern", '"order_2024_1"')] },
    { code: checkoutBadType, output: null, errors: [at(checkoutBadType, "notInEnum", '"ONE_TIME"')] },
  ],
});

const sdkPayment = `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
const token = await client.auth.getToken("id", "secret");
await client.payment.create(token.data.access_token, {
  amount: { currency: "nok", value: 1000 },
  paymentMethod: { type: "WALLET" },
  reference: "order-123456",
  userFlow: "WEB_REDIRECT",
  returnUrl: "https://shop.example/done",
});`;
const sdkCheckout = `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
await client.checkout.create("id", "secret", {
  merchantInfo: { callbackUrl: "/vipps/callback", returnUrl: "https://shop.example/done", callbackAuthorizationToken: "t" },
  transaction: { amount: { currency: "NOK", value: 1000 }, reference: "order-123456", paymentDescription: "Socks" },
});`;

tsTester.run("valid-request-body (SDK)", rule, {
  valid: [sdkPayment.replace('"nok"', '"NOK"')],
  invalid: [
    { code: sdkPayment, output: fixed(sdkPayment, ['"nok"', '"NOK"']), errors: [at(sdkPayment, "notInEnum", '"nok"')] },
    { code: sdkCheckout, output: null, errors: [at(sdkCheckout, "notAbsolute", '"/vipps/callback"')] },
  ],
});

// ---------------------------------------------------------------------------------------------------------------------
// Recurring: got in CommonJS; the SDK
// ---------------------------------------------------------------------------------------------------------------------

const charge = (fields: string) => `const got = require("got");
exports.charge = (agreementId, due) =>
  got.post(\`https://api.vipps.no/recurring/v3/agreements/\${agreementId}/charges\`, {
    json: { ${fields} },
  }).json();`;

const CHARGE_REST = 'due, transactionType: "DIRECT_CAPTURE"';
const chargeLong = charge(`amount: 49900, description: "${"d".repeat(46)}", retryDays: 5, ${CHARGE_REST}`);
const chargeRetry = charge(`amount: 49900, description: "Monthly", retryDays: 20, ${CHARGE_REST}`);
const chargeDecimal = charge(`amount: 499.9, description: "Monthly", retryDays: 5, ${CHARGE_REST}`);
const chargeType = charge('amount: 49900, description: "Monthly", retryDays: 5, due, transactionType: "DIRECT"');

cjsTester.run("valid-request-body (Recurring, got)", rule, {
  valid: [
    charge(`amount: 49900, description: "Monthly", retryDays: 5, ${CHARGE_REST}`),
    // Fields the live API takes that the spec lacks.
    charge(`amount: 49900, description: "Monthly", retryDays: 0, processingMode: "SINGLE_ATTEMPT", type: "RECURRING", ${CHARGE_REST}`),
    // An agreement's body is not a charge's.
    `const got = require("got");
got.post("https://api.vipps.no/recurring/v3/agreements", { json: { interval: { unit: "MONTH", count: 1 }, merchantAgreementUrl: "https://shop.example/mine", merchantRedirectUrl: "myapp://back", pricing: { amount: 49900, currency: "NOK" }, productName: "Socks" } });`,
  ],
  invalid: [
    {
      code: chargeLong,
      output: null,
      errors: [saying({ ...at(chargeLong, "length", `"${"d".repeat(46)}"`), code: chargeLong }, `Recurring API "create charge": description must be 1 to 45 characters long; got 46 ("${"d".repeat(46)}").`)],
    },
    { code: chargeRetry, output: null, errors: [at(chargeRetry, "range", "20")] },
    { code: chargeDecimal, output: null, errors: [at(chargeDecimal, "notInteger", "499.9", [["toMinorUnits", "499.9", "49990"]])] },
    { code: chargeType, output: null, errors: [at(chargeType, "notInEnum", '"DIRECT"')] },
  ],
});

const sdkAgreement = `const { Client } = require("@vippsmobilepay/sdk");
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
module.exports = (token) =>
  client.recurring.agreement.create(token, {
    interval: { unit: "MONTH", count: 1 },
    merchantAgreementUrl: "http://shop.example/mine",
    merchantRedirectUrl: "https://shop.example/back",
    pricing: { amount: 49900, currency: "NOK" },
    productName: "Socks",
  });`;

cjsTester.run("valid-request-body (Recurring, SDK)", rule, {
  valid: [sdkAgreement.replace("http://", "https://")],
  invalid: [
    {
      code: sdkAgreement,
      output: null,
      errors: [at(sdkAgreement, "notHttps", '"http://shop.example/mine"', [["useHttps", '"http://shop.example/mine"', '"https://shop.example/mine"']])],
    },
  ],
});

// ---------------------------------------------------------------------------------------------------------------------
// Login token and webhook registration: fetch with declared globals
// ---------------------------------------------------------------------------------------------------------------------

const loginToken = `export const exchange = (code) =>
  fetch("https://api.vipps.no/access-management-1.0/access/oauth2/token", {
    method: "POST",
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_url: "https://shop.example/login" }),
  });`;
const webhook = `export const register = (token) =>
  fetch("https://api.vipps.no/webhooks/v1/webhooks", {
    method: "POST",
    headers: { Authorization: "Bearer " + token, "Content-Type": "application/json" },
    body: JSON.stringify({ url: "http://shop.example/hooks", event: ["epayments.payment.captured.v1"] }),
  });`;

jsWithGlobalsTester.run("valid-request-body (Login, Webhooks)", rule, {
  valid: [
    loginToken.replace("redirect_url", "redirect_uri"),
    webhook.replace("http://", "https://").replace("event:", "events:"),
  ],
  invalid: [
    {
      code: loginToken,
      output: fixed(loginToken, ["redirect_url", "redirect_uri"]),
      errors: [at(loginToken, "unknownField", "redirect_url")],
    },
    {
      // The misspelt required field is reported once, as the misspelling.
      code: webhook,
      output: fixed(webhook, ["event:", "events:"]),
      errors: [
        at(webhook, "notHttps", '"http://shop.example/hooks"', [["useHttps", '"http://shop.example/hooks"', '"https://shop.example/hooks"']]),
        at(webhook, "unknownField", "event"),
      ],
    },
  ],
});

describe("valid-request-body messages", () => {
  it("name the API, the endpoint, the field path and what the spec says", () => {
    const linter = new Linter({ configType: "flat" });
    for (const { code, line, column, message } of statedMessages) {
      const found = linter
        .verify(code, [{ files: ["**/*.ts"], plugins: { vipps: plugin }, languageOptions: { parser: tsParser }, rules: { "vipps/valid-request-body": "error" } }], "file.ts")
        .filter((report) => report.line === line && report.column === column)
        .map((report) => report.message);
      expect(found).toEqual([message]);
    }
    expect(statedMessages.length).toBeGreaterThan(5);
  });
});
