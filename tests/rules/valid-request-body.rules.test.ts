import rule from "../../rules/valid-request-body.js";
import type { BodyRuleMessageId } from "../../src/analysis/body-rules.js";
import { cjsTester, jsTester, jsWithGlobalsTester, locate, tsTester } from "../support/testers.js";

/**
 * The placement, serialisation and stated-rule checks of `vipps/valid-request-body` (src/analysis/body-rules.ts), with
 * the per-field schema checks off so that each case shows only these (tests/rules/valid-request-body.test.ts has those).
 */
const SCHEMA_CHECKS_OFF = {
  unknownFields: false,
  types: false,
  enums: false,
  patterns: false,
  money: false,
  urls: false,
  requiredFields: false,
} as const;
type Case = { code: string; options?: unknown };
/** Every case of a suite with the schema checks off. */
const onlyBodyChecks = <Tests extends { valid: readonly (string | Case)[]; invalid: readonly Case[] }>(tests: Tests): Tests =>
  ({
    valid: tests.valid.map((test) => ({ ...(typeof test === "string" ? { code: test } : test), options: [SCHEMA_CHECKS_OFF] })),
    invalid: tests.invalid.map((test) => ({ ...test, options: [SCHEMA_CHECKS_OFF] })),
  }) as unknown as Tests;

const EPAYMENT = "https://api.vipps.no/epayment/v1/payments";
const ECOM = "https://api.vipps.no/ecomm/v2/payments";

const at = (code: string, messageId: BodyRuleMessageId, snippet: string, nth = 1) => ({ messageId, ...locate(code, snippet, nth) });
/** `code` with each `[from, to]` replaced once, in order. */
const edit = (code: string, ...replacements: [from: string, to: string][]) =>
  replacements.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`not in the code: ${from}`);
    return text.replace(from, to);
  }, code);

// ---------------------------------------------------------------------------------------------------------------------
// A body the client does not serialise
// ---------------------------------------------------------------------------------------------------------------------

const fetchInline = `await fetch("${EPAYMENT}", {
  method: "POST",
  headers: { Authorization: \`Bearer \${token}\` },
  body: { reference: "order-123456", userFlow: "WEB_REDIRECT" },
});`;

const fetchConst = `const payload = { reference: "order-123456", userFlow: "WEB_REDIRECT" };
await fetch("${EPAYMENT}", { method: "POST", body: payload });`;

const fetchShorthand = `const body = { reference: "order-123456" };
await fetch("${EPAYMENT}", { method: "POST", headers: { "content-type": "application/json" }, body });`;

const requestPromise = `const rp = require("request-promise");
rp({ method: "POST", uri: "${EPAYMENT}", headers: { Authorization: "Bearer x" }, body: { reference: "order-123456" } });`;

const jsonShadowed = `const JSON = { stringify: String };
await fetch("${EPAYMENT}", { method: "POST", body: { reference: "order-123456" } });`;

const gotBody = `import got from "got";
await got.post("${EPAYMENT}", { body: { reference: "order-123456" } });`;

const kyShorthand = `import ky from "ky";
const body = { reference: "order-123456" };
await ky.post("${EPAYMENT}", { body });`;

tsTester.run("body checks: a body the client does not serialise (TypeScript)", rule, onlyBodyChecks({
  valid: [
    // The client serialises the object itself.
    `import axios from "axios";\nawait axios.post("${EPAYMENT}", { reference: "order-123456" });`,
    `import superagent from "superagent";\nawait superagent.post("${EPAYMENT}").send({ reference: "order-123456" });`,
    `import got from "got";\nawait got.post("${EPAYMENT}", { json: { reference: "order-123456" } });`,
    `import rp from "request-promise";\nawait rp({ method: "POST", uri: "${EPAYMENT}", json: true, body: { reference: "order-123456" } });`,
    // Serialised, or not a plain object.
    `await fetch("${EPAYMENT}", { method: "POST", body: JSON.stringify({ reference: "order-123456" }) });`,
    `await fetch("${EPAYMENT}", { method: "POST", body: new URLSearchParams({ reference: "order-123456" }) });`,
    // A value of unknown shape is never judged.
    `export const send = (body: unknown) => fetch("${EPAYMENT}", { method: "POST", body });`,
    `let payload = { reference: "order-123456" };\npayload = load();\nawait fetch("${EPAYMENT}", { method: "POST", body: payload });`,
  ],
  invalid: [
    {
      code: fetchInline,
      output: edit(
        fetchInline,
        ["Bearer ${token}` }", 'Bearer ${token}`, "Content-Type": "application/json" }'],
        ['body: { reference: "order-123456", userFlow: "WEB_REDIRECT" }', 'body: JSON.stringify({ reference: "order-123456", userFlow: "WEB_REDIRECT" })'],
      ),
      errors: [at(fetchInline, "unserialisedBody", '{ reference: "order-123456", userFlow: "WEB_REDIRECT" }')],
    },
    {
      code: gotBody,
      output: edit(gotBody, ["{ body:", "{ json:"]),
      errors: [at(gotBody, "objectAsRawBody", '{ reference: "order-123456" }')],
    },
    // A JSON of the file's own: no fix calls it.
    { code: jsonShadowed, output: null, errors: [at(jsonShadowed, "unserialisedBody", '{ reference: "order-123456" }')] },
  ],
}));

jsWithGlobalsTester.run("body checks: a body the client does not serialise (JavaScript)", rule, onlyBodyChecks({
  valid: [`await fetch("${EPAYMENT}", { method: "POST", body: JSON.stringify(payload) });`],
  invalid: [
    {
      // No headers at all: the fix adds them.
      code: fetchConst,
      output: edit(fetchConst, ["body: payload }", 'body: JSON.stringify(payload), headers: { "Content-Type": "application/json" } }']),
      errors: [at(fetchConst, "unserialisedBody", "payload", 2)],
    },
    {
      // A Content-Type already there, in any case: only the body changes.
      code: fetchShorthand,
      output: edit(fetchShorthand, ["body });", "body: JSON.stringify(body) });"]),
      errors: [at(fetchShorthand, "unserialisedBody", "body", 2)],
    },
  ],
}));

jsTester.run("body checks: ky given an object as body", rule, onlyBodyChecks({
  valid: [],
  invalid: [
    {
      code: kyShorthand,
      output: edit(kyShorthand, ["{ body }", "{ json: body }"]),
      errors: [at(kyShorthand, "objectAsRawBody", "body", 2)],
    },
  ],
}));

cjsTester.run("body checks: request without json: true", rule, onlyBodyChecks({
  valid: [`const rp = require("request-promise");\nrp({ method: "POST", uri: "${EPAYMENT}", json: true, body: { reference: "order-123456" } });`],
  invalid: [
    {
      code: requestPromise,
      output: edit(
        requestPromise,
        ['"Bearer x" }', '"Bearer x", "Content-Type": "application/json" }'],
        ['body: { reference: "order-123456" }', 'body: JSON.stringify({ reference: "order-123456" })'],
      ),
      errors: [at(requestPromise, "unserialisedBody", '{ reference: "order-123456" }')],
    },
  ],
}));

// ---------------------------------------------------------------------------------------------------------------------
// Fields in the wrong place
// ---------------------------------------------------------------------------------------------------------------------

const ecomStaticInTransaction = `await fetch("${ECOM}", {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: {
      merchantSerialNumber: "123456",
      callbackPrefix: "https://example.com/vipps",
      fallBack: "https://example.com/done",
    },
    transaction: {
      amount: 1000,
      orderId: "order-1",
      transactionText: "Shoes",
      staticShippingDetails: [
        // picked up in the shop
        { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" },
      ],
    },
  }),
});`;

const ecomStaticMoved = `await fetch("${ECOM}", {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: {
      merchantSerialNumber: "123456",
      callbackPrefix: "https://example.com/vipps",
      fallBack: "https://example.com/done",
      staticShippingDetails: [
        // picked up in the shop
        { isDefault: "Y", priority: 0, shippingCost: 0, shippingMethod: "Click and collect", shippingMethodId: "cc" },
      ],
    },
    transaction: {
      amount: 1000,
      orderId: "order-1",
      transactionText: "Shoes",
    },
  }),
});`;

const ecomReturnUrl = `import axios from "axios";
await axios.post("${ECOM}", {
  merchantInfo: { merchantSerialNumber: "123456", callbackPrefix: "https://example.com/cb", returnUrl: "https://example.com/done" },
  transaction: { amount: 1000, orderId: "order-1", transactionText: "Shoes" },
});`;

const sdkEcomFields = `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
await client.payment.create(token, {
  amount: { value: 1000 },
  currency: "NOK",
  paymentMethod: { type: "WALLET" },
  reference: "order-123456",
  userFlow: "WEB_REDIRECT",
  merchantInfo: { fallBack: "https://example.com/done", callbackPrefix: "https://example.com/cb" },
  customerInfo: { mobileNumber: "91234567" },
});`;

const recurringV2Fields = `import axios from "axios";
await axios.post("https://api.vipps.no/recurring/v3/agreements", {
  customerPhoneNumber: "4791234567",
  price: 4900,
  pricing: { type: "LEGACY", amount: 4900, currency: "NOK" },
  interval: { unit: "MONTH", count: 1 },
  merchantAgreementUrl: "https://example.com/agreement",
  merchantRedirectUrl: "https://example.com/done",
  productName: "News",
});`;

const checkoutReturnUrl = `await fetch("https://api.vipps.no/checkout/v3/session", {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { callbackUrl: "https://example.com/cb", callbackAuthorizationToken: "t" },
    transaction: { amount: { currency: "NOK", value: 1000 }, reference: "order-123456", paymentDescription: "Shoes", returnUrl: "https://example.com/done" },
  }),
});`;

const sharedConstBody = `import axios from "axios";
const initiate = {
  merchantInfo: { merchantSerialNumber: "123456", callbackPrefix: "https://example.com/cb", fallBack: "https://example.com/done" },
  transaction: { amount: 1000, orderId: "order-1", transactionText: "Shoes", staticShippingDetails: [] },
};
await axios.post("${ECOM}", initiate);
await axios.post("https://apitest.vipps.no/ecomm/v2/payments", initiate);`;

const nearMissesPlace = [
  // Every field where the spec has it; rare but allowed fields; free-form metadata.
  `import axios from "axios";
await axios.post("${EPAYMENT}", {
  amount: { currency: "NOK", value: 1000 },
  paymentMethod: { type: "WALLET" },
  reference: "order-123456",
  userFlow: "WEB_REDIRECT",
  metadata: { orderId: "order-1", currency: "NOK", merchantInfo: { fallBack: "x" } },
  industryData: { airlineData: { agencyInvoiceNumber: "1", airlineCode: "074", airlineDesignatorCode: "KL", passengerName: "A" } },
});`,
  `import axios from "axios";
await axios.post("${ECOM}", {
  merchantInfo: { merchantSerialNumber: "123456", callbackPrefix: "https://example.com/cb", fallBack: "https://example.com/done", staticShippingDetails: [] },
  transaction: { amount: 1000, orderId: "order-1", transactionText: "Shoes", skipLandingPage: false },
});`,
  // A spread base: what it holds is not judged, and the literal's own fields are in place.
  `import axios from "axios";\nconst base = { merchantInfo: { merchantSerialNumber: "123456" } };\nawait axios.post("${ECOM}", { ...base, ...more, transaction: { amount: 1000, orderId: "order-1", transactionText: "Shoes" } });`,
  // A key the schema has elsewhere, but only inside array items or with a schema the value cannot fit, is not misplaced.
  `import axios from "axios";\nawait axios.patch(\`https://api.vipps.no/recurring/v3/agreements/\${id}\`, { pricing: { type: "LEGACY", amount: 4900 } });`,
  `await fetch("https://api.vipps.no/checkout/v3/session", { method: "POST", body: JSON.stringify({ type: "PAYMENT", merchantInfo: { callbackUrl: "https://example.com/cb" } }) });`,
  // Bodies of endpoints without a request schema are not judged.
  `import axios from "axios";\nawait axios.post("https://api.vipps.no/accesstoken/get", { transaction: { staticShippingDetails: [] } });`,
  // The Webhooks registration and the Recurring v3 agreement, written right.
  `import axios from "axios";\nawait axios.post("https://api.vipps.no/webhooks/v1/webhooks", { url: "https://example.com/hook", events: ["epayments.payment.captured.v1"] });`,
  `import axios from "axios";
await axios.post("https://api.vipps.no/recurring/v3/agreements", {
  phoneNumber: "4791234567",
  pricing: { type: "LEGACY", amount: 4900, currency: "NOK" },
  interval: { unit: "MONTH", count: 1 },
  merchantAgreementUrl: "https://example.com/agreement",
  merchantRedirectUrl: "https://example.com/done",
  productName: "News",
});`,
];

tsTester.run("body checks: fields in the wrong place (TypeScript)", rule, onlyBodyChecks({
  valid: nearMissesPlace,
  invalid: [
    {
      code: ecomStaticInTransaction,
      output: ecomStaticMoved,
      errors: [at(ecomStaticInTransaction, "misplacedField", "staticShippingDetails")],
    },
    {
      code: sdkEcomFields,
      output: edit(sdkEcomFields, ["amount: { value: 1000 },\n  currency: \"NOK\",", 'amount: { value: 1000, currency: "NOK" },']),
      errors: [
        at(sdkEcomFields, "misplacedField", "currency"),
        at(sdkEcomFields, "otherApiField", "fallBack"),
        at(sdkEcomFields, "otherApiField", "callbackPrefix"),
        at(sdkEcomFields, "otherApiField", "mobileNumber"),
      ],
    },
    {
      code: checkoutReturnUrl,
      output: edit(
        checkoutReturnUrl,
        [', returnUrl: "https://example.com/done" },', " },"],
        ['callbackAuthorizationToken: "t" }', 'callbackAuthorizationToken: "t", returnUrl: "https://example.com/done" }'],
      ),
      errors: [at(checkoutReturnUrl, "misplacedField", "returnUrl")],
    },
  ],
}));

jsTester.run("body checks: fields in the wrong place (JavaScript)", rule, onlyBodyChecks({
  valid: nearMissesPlace.map((code) => code.replace("(body: unknown)", "(body)")),
  invalid: [
    {
      code: ecomReturnUrl,
      output: null,
      errors: [
        {
          ...at(ecomReturnUrl, "otherApiField", "returnUrl"),
          suggestions: [{ messageId: "renameMisplacedField", data: { from: "merchantInfo.returnUrl", to: "merchantInfo.fallBack" }, output: edit(ecomReturnUrl, ["returnUrl:", "fallBack:"]) }],
        },
      ],
    },
    {
      code: recurringV2Fields,
      output: edit(recurringV2Fields, ["customerPhoneNumber:", "phoneNumber:"]),
      errors: [at(recurringV2Fields, "otherApiField", "customerPhoneNumber"), at(recurringV2Fields, "otherApiField", "price")],
    },
    {
      // One constant sent by two calls: reported and moved once.
      code: sharedConstBody,
      output: edit(
        sharedConstBody,
        [', staticShippingDetails: [] },', " },"],
        ['fallBack: "https://example.com/done" }', 'fallBack: "https://example.com/done", staticShippingDetails: [] }'],
      ),
      errors: [at(sharedConstBody, "misplacedField", "staticShippingDetails")],
    },
  ],
}));

// ---------------------------------------------------------------------------------------------------------------------
// Rules stated in words
// ---------------------------------------------------------------------------------------------------------------------

const expressWrong = `import axios from "axios";
await axios.post("${EPAYMENT}", {
  amount: { currency: "NOK", value: 1000 },
  paymentMethod: { type: "CARD" },
  reference: "order-123456",
  userFlow: "WEB_REDIRECT",
  shipping: {
    fixedOptions: [],
    dynamicOptions: { callbackUrl: "https://example.com/shipping" },
  },
});`;

const expressScope = `await fetch("${EPAYMENT}", {
  method: "POST",
  body: JSON.stringify({
    amount: { currency: "NOK", value: 1000 },
    paymentMethod: { type: "WALLET" },
    reference: "order-123456",
    userFlow: "WEB_REDIRECT",
    profile: { scope: "name email" },
    shipping: { dynamicOptions: { callbackUrl: "https://example.com/shipping" } },
  }),
});`;

const singleAttempt = `import axios from "axios";
await axios.post(\`https://api.vipps.no/recurring/v3/agreements/\${id}/charges\`, { amount: 4900, description: "May", due: "2026-05-01", retryDays: 7, processingMode: "SINGLE_ATTEMPT", transactionType: "DIRECT_CAPTURE" });`;

const stopWithMore = `import axios from "axios";
await axios.patch(\`https://api.vipps.no/recurring/v3/agreements/\${id}\`, { status: "STOPPED", productName: "News" });`;

const sdkStop = `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
await client.recurring.agreement.update(token, agreementId, { status: "STOPPED", pricing: { amount: 100 } });`;

const nearMissesStated = [
  `import axios from "axios";
await axios.post("${EPAYMENT}", {
  amount: { currency: "NOK", value: 1000 },
  paymentMethod: { type: "WALLET" },
  reference: "order-123456",
  userFlow: "WEB_REDIRECT",
  profile: { scope: "openid name address email phoneNumber" },
  shipping: { fixedOptions: [] },
});`,
  // Unknown values are never judged: a type or scope from elsewhere, a spread that may hold the profile.
  `import axios from "axios";\nawait axios.post("${EPAYMENT}", { amount: { currency: "NOK", value: 1000 }, paymentMethod: { type: method }, reference: "order-123456", userFlow: "WEB_REDIRECT", profile: { scope }, shipping: { fixedOptions: [] } });`,
  `import axios from "axios";\nawait axios.post("${EPAYMENT}", { ...express, amount: { currency: "NOK", value: 1000 }, paymentMethod: { type: "WALLET" }, reference: "order-123456", userFlow: "WEB_REDIRECT", shipping: { fixedOptions: [] } });`,
  `import axios from "axios";\nawait axios.post(\`https://api.vipps.no/recurring/v3/agreements/\${id}/charges\`, { amount: 4900, description: "May", due: "2026-05-01", retryDays: 0, processingMode: "SINGLE_ATTEMPT", transactionType: "DIRECT_CAPTURE" });`,
  `import axios from "axios";\nawait axios.post(\`https://api.vipps.no/recurring/v3/agreements/\${id}/charges\`, { amount: 4900, description: "May", due: "2026-05-01", retryDays: days, processingMode: "SINGLE_ATTEMPT", transactionType: "DIRECT_CAPTURE" });`,
  `import axios from "axios";\nawait axios.patch(\`https://api.vipps.no/recurring/v3/agreements/\${id}\`, { status: "STOPPED" });`,
  `import axios from "axios";\nawait axios.patch(\`https://api.vipps.no/recurring/v3/agreements/\${id}\`, { status: nextStatus, productName: "News" });`,
];

tsTester.run("body checks: rules stated in words (TypeScript)", rule, onlyBodyChecks({
  valid: nearMissesStated,
  invalid: [
    {
      code: expressWrong,
      output: null,
      errors: [
        {
          ...at(expressWrong, "statedRule", '"CARD"'),
          suggestions: [{ messageId: "setValue", data: { path: "paymentMethod.type", value: '"WALLET"' }, output: edit(expressWrong, ['"CARD"', '"WALLET"']) }],
        },
        at(expressWrong, "statedRule", "shipping"),
        at(expressWrong, "statedRule", "dynamicOptions"),
      ],
    },
    {
      code: sdkStop,
      output: null,
      errors: [
        {
          ...at(sdkStop, "statedRule", "pricing"),
          suggestions: [{ messageId: "removeOtherFields", data: { kept: "status" }, output: edit(sdkStop, [", pricing: { amount: 100 }", ""]) }],
        },
      ],
    },
  ],
}));

jsTester.run("body checks: rules stated in words (JavaScript)", rule, onlyBodyChecks({
  valid: nearMissesStated,
  invalid: [
    { code: expressScope, output: null, errors: [at(expressScope, "statedRule", '"name email"')] },
    {
      code: singleAttempt,
      output: null,
      errors: [
        {
          ...at(singleAttempt, "statedRule", "7"),
          suggestions: [{ messageId: "setValue", data: { path: "retryDays", value: "0" }, output: edit(singleAttempt, ["retryDays: 7", "retryDays: 0"]) }],
        },
      ],
    },
    {
      code: stopWithMore,
      output: null,
      errors: [
        {
          ...at(stopWithMore, "statedRule", "productName"),
          suggestions: [{ messageId: "removeOtherFields", data: { kept: "status" }, output: edit(stopWithMore, [', productName: "News"', ""]) }],
        },
      ],
    },
  ],
}));
