import type { RunTests } from "@typescript-eslint/rule-tester";
import type { ESLintUtils } from "@typescript-eslint/utils";
import rule from "../../rules/require-explicit-checkout-flow.js";
import { jsTester, jsWithGlobalsTester, tsTester } from "../support/testers.js";

const URL = `"https://api.vipps.no/ecomm/v2/payments"`;

// The same cases through ESLint's default parser (without and with declared globals) and through typescript-eslint.
const shared: RunTests<ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>, ESLintUtils.InferOptionsTypeFromRule<typeof rule>> = {
  valid: [
    {
      // Removing the flag from "merchantInfo" took it out of transaction too, and the next pass put it back.
      name: "one constant as both merchantInfo and transaction, with the flag",
      code: `
const details = { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", amount: 1000, useExplicitCheckoutFlow: true };
fetch(${URL}, { method: "POST", body: JSON.stringify({ merchantInfo: details, transaction: details }) });`,
    },
    {
      name: "express checkout with the flag in transaction",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: { amount: 1000, orderId: "order-1", useExplicitCheckoutFlow: true },
  }),
});`,
    },
    {
      name: "regular payment without the flag",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Regular Payment" },
    transaction: { amount: 1000, orderId: "order-1" },
  }),
});`,
    },
    {
      name: "no paymentType means a regular payment",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({ merchantInfo: { merchantSerialNumber: "123456" }, transaction: { amount: 1000, orderId: "order-1" } }),
});`,
    },
    {
      name: "paymentType that is not a constant",
      code: `
export function pay(paymentType) {
  return fetch(${URL}, {
    method: "POST",
    body: JSON.stringify({ merchantInfo: { merchantSerialNumber: "123456", paymentType }, transaction: { amount: 1000, orderId: "o" } }),
  });
}`,
    },
    {
      name: "paymentType chosen at run time",
      code: `
export function pay(express) {
  const merchantInfo = { merchantSerialNumber: "123456", paymentType: express ? "eComm Express Payment" : "eComm Regular Payment" };
  return fetch(${URL}, { method: "POST", body: JSON.stringify({ merchantInfo, transaction: { amount: 1000, orderId: "o" } }) });
}`,
    },
    {
      name: "transaction built elsewhere: the flag may be there",
      code: `
export function pay(transaction) {
  return fetch(${URL}, {
    method: "POST",
    body: JSON.stringify({ merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" }, transaction }),
  });
}`,
    },
    {
      name: "transaction spreads an object nobody can see",
      code: `
export function pay(base) {
  return fetch(${URL}, {
    method: "POST",
    body: JSON.stringify({
      merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
      transaction: { ...base, amount: 1000 },
    }),
  });
}`,
    },
    {
      name: "transaction with a getter or a computed key that may be the flag",
      code: `
export function pay(key) {
  return fetch(${URL}, {
    method: "POST",
    body: JSON.stringify({
      merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
      transaction: { amount: 1000, [key]: true, get orderId() { return "o"; } },
    }),
  });
}`,
    },
    {
      name: "the flag's value is decided at run time",
      code: `
export function pay(explicit) {
  return fetch(${URL}, {
    method: "POST",
    body: JSON.stringify({
      merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
      transaction: { amount: 1000, orderId: "o", useExplicitCheckoutFlow: explicit },
    }),
  });
}`,
    },
    {
      name: "the flag reached through a constant transaction and a spread",
      code: `
const EXPLICIT = { useExplicitCheckoutFlow: true };
const transaction = { ...EXPLICIT, amount: 1000, orderId: "o" };
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({ merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" }, transaction }),
});`,
    },
    {
      name: "another API: a Checkout session is not an eCom payment",
      code: `
fetch("https://api.vipps.no/checkout/v3/session", {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { callbackAuthorizationToken: "t", paymentType: "eComm Express Payment" },
    transaction: { reference: "r", amount: { value: 1000, currency: "NOK" } },
  }),
});`,
    },
    {
      name: "paymentType misspelled with one m is not express checkout",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({ merchantInfo: { merchantSerialNumber: "123456", paymentType: "eCom Express Payment" }, transaction: { amount: 1000 } }),
});`,
    },
    {
      name: "no Vipps hint at all",
      code: `fetch("/api/orders", { method: "POST", body: JSON.stringify({ transaction: { amount: 1 } }) });`,
    },
  ],
  invalid: [
    {
      name: "missing: multi-line transaction with a trailing comma (fetch, inline body)",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: {
      merchantSerialNumber: "123456",
      paymentType: "eComm Express Payment",
    },
    transaction: {
      amount: 1000,
      orderId: "order-1",
    },
  }),
});`,
      output: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: {
      merchantSerialNumber: "123456",
      paymentType: "eComm Express Payment",
    },
    transaction: {
      amount: 1000,
      orderId: "order-1",
      useExplicitCheckoutFlow: true,
    },
  }),
});`,
      errors: [{ messageId: "missing", line: 9, column: 5, endLine: 9, endColumn: 16 }],
    },
    {
      name: "missing: multi-line transaction without a trailing comma, with a comment after the last property",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: {
      amount: 1000,
      orderId: "order-1" // our order number
    }
  })
});`,
      output: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: {
      amount: 1000,
      orderId: "order-1", // our order number
      useExplicitCheckoutFlow: true
    }
  })
});`,
      errors: [{ messageId: "missing", line: 6, column: 5 }],
    },
    {
      name: "missing: one-line transaction",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: { amount: 1000, orderId: "order-1" },
  }),
});`,
      output: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: { amount: 1000, orderId: "order-1", useExplicitCheckoutFlow: true },
  }),
});`,
      errors: [{ messageId: "missing", line: 6, column: 5 }],
    },
    {
      name: "missing: empty transaction",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: {},
  }),
});`,
      output: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: { useExplicitCheckoutFlow: true },
  }),
});`,
      errors: [{ messageId: "missing", line: 6, column: 5 }],
    },
    {
      name: "missing: empty multi-line transaction holding a comment, tab indentation",
      code: `
fetch(${URL}, {
\tmethod: "POST",
\tbody: JSON.stringify({
\t\tmerchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
\t\ttransaction: {
\t\t\t// filled in below
\t\t},
\t}),
});`,
      output: `
fetch(${URL}, {
\tmethod: "POST",
\tbody: JSON.stringify({
\t\tmerchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
\t\ttransaction: {
\t\t\t// filled in below
\t\t\tuseExplicitCheckoutFlow: true,
\t\t},
\t}),
});`,
      errors: [{ messageId: "missing", line: 6, column: 3 }],
    },
    {
      name: "missing: quoted keys get a quoted key",
      code: `
const payload = {
  "merchantInfo": { "merchantSerialNumber": "123456", "paymentType": "eComm Express Payment" },
  "transaction": {
    "amount": 1000,
    "orderId": "order-1"
  }
};
fetch(${URL}, { method: "POST", body: JSON.stringify(payload) });`,
      output: `
const payload = {
  "merchantInfo": { "merchantSerialNumber": "123456", "paymentType": "eComm Express Payment" },
  "transaction": {
    "amount": 1000,
    "orderId": "order-1",
    "useExplicitCheckoutFlow": true
  }
};
fetch(${URL}, { method: "POST", body: JSON.stringify(payload) });`,
      errors: [{ messageId: "missing", line: 4, column: 3 }],
    },
    {
      name: "missing: single-quoted keys in an empty transaction get single quotes",
      code: `
const payload = {
  'merchantInfo': { 'merchantSerialNumber': '123456', 'paymentType': 'eComm Express Payment' },
  'transaction': {},
};
fetch(${URL}, { method: 'POST', body: JSON.stringify(payload) });`,
      output: `
const payload = {
  'merchantInfo': { 'merchantSerialNumber': '123456', 'paymentType': 'eComm Express Payment' },
  'transaction': { 'useExplicitCheckoutFlow': true },
};
fetch(${URL}, { method: 'POST', body: JSON.stringify(payload) });`,
      errors: [{ messageId: "missing", line: 4, column: 3 }],
    },
    {
      name: "missing: paymentType and transaction reached through constants",
      code: `
const PAYMENT_TYPE = "eComm Express Payment";
const transaction = {
  amount: 1000,
  orderId: "order-1",
};
const merchantInfo = { merchantSerialNumber: "123456", paymentType: PAYMENT_TYPE };
const options = { method: "POST", body: JSON.stringify({ merchantInfo, transaction }) };
fetch(${URL}, options);`,
      output: `
const PAYMENT_TYPE = "eComm Express Payment";
const transaction = {
  amount: 1000,
  orderId: "order-1",
  useExplicitCheckoutFlow: true,
};
const merchantInfo = { merchantSerialNumber: "123456", paymentType: PAYMENT_TYPE };
const options = { method: "POST", body: JSON.stringify({ merchantInfo, transaction }) };
fetch(${URL}, options);`,
      errors: [{ messageId: "missing", line: 8, column: 72 }],
    },
    {
      name: "disabled: false becomes true",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: { amount: 1000, orderId: "order-1", useExplicitCheckoutFlow: false },
  }),
});`,
      output: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: { amount: 1000, orderId: "order-1", useExplicitCheckoutFlow: true },
  }),
});`,
      errors: [{ messageId: "disabled", line: 6, column: 79, endLine: 6, endColumn: 84 }],
    },
    {
      name: "misplaced at the top level: moved into transaction",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    useExplicitCheckoutFlow: true,
    transaction: {
      amount: 1000,
      orderId: "order-1",
    },
  }),
});`,
      output: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: {
      amount: 1000,
      orderId: "order-1",
      useExplicitCheckoutFlow: true,
    },
  }),
});`,
      errors: [{ messageId: "misplaced", data: { where: "the top level of the body" }, line: 6, column: 5 }],
    },
    {
      name: "misplaced last at the top level, after transaction, without trailing comma",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: { amount: 1000, orderId: "order-1" },
    useExplicitCheckoutFlow: true
  })
});`,
      output: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: { amount: 1000, orderId: "order-1", useExplicitCheckoutFlow: true }
  })
});`,
      errors: [{ messageId: "misplaced", line: 7, column: 5 }],
    },
    {
      name: "misplaced in merchantInfo with false: moved as true",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", useExplicitCheckoutFlow: false, paymentType: "eComm Express Payment" },
    transaction: { amount: 1000, orderId: "order-1" },
  }),
});`,
      output: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: { amount: 1000, orderId: "order-1", useExplicitCheckoutFlow: true },
  }),
});`,
      errors: [{ messageId: "misplaced", data: { where: "`merchantInfo`" }, line: 5, column: 53 }],
    },
    {
      name: "misplaced copy beside a correct one is taken out; the comment before it stays",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: {
      merchantSerialNumber: "123456",
      paymentType: "eComm Express Payment",
      /* old flag */ useExplicitCheckoutFlow: true,
    },
    transaction: { amount: 1000, orderId: "order-1", useExplicitCheckoutFlow: true },
  }),
});`,
      output: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: {
      merchantSerialNumber: "123456",
      paymentType: "eComm Express Payment",
      /* old flag */
    },
    transaction: { amount: 1000, orderId: "order-1", useExplicitCheckoutFlow: true },
  }),
});`,
      errors: [{ messageId: "misplaced", line: 8, column: 22 }],
    },
    {
      name: "misplaced twice: one moved, then the other taken out",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    useExplicitCheckoutFlow: true,
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", useExplicitCheckoutFlow: true },
    transaction: { amount: 1000, orderId: "order-1" },
  }),
});`,
      output: [
        `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", useExplicitCheckoutFlow: true },
    transaction: { amount: 1000, orderId: "order-1", useExplicitCheckoutFlow: true },
  }),
});`,
        `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: { amount: 1000, orderId: "order-1", useExplicitCheckoutFlow: true },
  }),
});`,
      ],
      errors: [
        { messageId: "misplaced", data: { where: "the top level of the body" }, line: 5, column: 5 },
        { messageId: "misplaced", data: { where: "`merchantInfo`" }, line: 6, column: 91 },
      ],
    },
    {
      name: "misplaced while transaction is out of reach: reported without a fix",
      code: `
export function pay(transaction) {
  return fetch(${URL}, {
    method: "POST",
    body: JSON.stringify({
      merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment", useExplicitCheckoutFlow: true },
      transaction,
    }),
  });
}`,
      output: null,
      errors: [{ messageId: "misplaced", line: 6, column: 93 }],
    },
    {
      name: "misplaced property holding a comment: reported without a fix, so the comment is not lost",
      code: `
fetch(${URL}, {
  method: "POST",
  body: JSON.stringify({
    useExplicitCheckoutFlow: /* see the FAQ */ true,
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: { amount: 1000, orderId: "order-1" },
  }),
});`,
      output: null,
      errors: [{ messageId: "misplaced", line: 5, column: 5 }],
    },
    {
      name: "axios.post with the body in a variable",
      code: `
import axios from "axios";
export async function initiate(order) {
  const data = {
    customerInfo: { mobileNumber: order.phone },
    merchantInfo: {
      merchantSerialNumber: process.env.VIPPS_MSN,
      callbackPrefix: "https://shop.example/vipps/callback",
      fallBack: "https://shop.example/order/" + order.id,
      consentRemovalPrefix: "https://shop.example/vipps/consent",
      shippingDetailsPrefix: "https://shop.example/vipps/shipping",
      paymentType: "eComm Express Payment",
    },
    transaction: {
      amount: order.total,
      orderId: order.id,
      transactionText: "Order " + order.id,
    },
  };
  const { data: result } = await axios.post("https://apitest.vipps.no/ecomm/v2/payments", data, { headers: {} });
  return result.url;
}`,
      output: `
import axios from "axios";
export async function initiate(order) {
  const data = {
    customerInfo: { mobileNumber: order.phone },
    merchantInfo: {
      merchantSerialNumber: process.env.VIPPS_MSN,
      callbackPrefix: "https://shop.example/vipps/callback",
      fallBack: "https://shop.example/order/" + order.id,
      consentRemovalPrefix: "https://shop.example/vipps/consent",
      shippingDetailsPrefix: "https://shop.example/vipps/shipping",
      paymentType: "eComm Express Payment",
    },
    transaction: {
      amount: order.total,
      orderId: order.id,
      transactionText: "Order " + order.id,
      useExplicitCheckoutFlow: true,
    },
  };
  const { data: result } = await axios.post("https://apitest.vipps.no/ecomm/v2/payments", data, { headers: {} });
  return result.url;
}`,
      errors: [{ messageId: "missing", line: 14, column: 5 }],
    },
    {
      name: "got with a json body",
      code: `
const got = require("got");
got.post(\`\${process.env.VIPPS_BASE_URL}/ecomm/v2/payments\`, {
  json: { merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" }, transaction: { amount: 1000 } },
});`,
      output: `
const got = require("got");
got.post(\`\${process.env.VIPPS_BASE_URL}/ecomm/v2/payments\`, {
  json: { merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" }, transaction: { amount: 1000, useExplicitCheckoutFlow: true } },
});`,
      errors: [{ messageId: "missing", line: 4, column: 99 }],
    },
    {
      name: "request-promise with options first",
      code: `
const rp = require("request-promise");
const body = { merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" }, transaction: { amount: 1000 } };
rp.post({ uri: "https://api.vipps.no/ecomm/v2/payments", headers: {}, json: body });`,
      output: `
const rp = require("request-promise");
const body = { merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" }, transaction: { amount: 1000, useExplicitCheckoutFlow: true } };
rp.post({ uri: "https://api.vipps.no/ecomm/v2/payments", headers: {}, json: body });`,
      errors: [{ messageId: "missing", line: 3, column: 104 }],
    },
    {
      name: "a configured wrapper",
      code: `
Vipps.initiate({ merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" }, transaction: { amount: 1000 } });`,
      output: `
Vipps.initiate({ merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" }, transaction: { amount: 1000, useExplicitCheckoutFlow: true } });`,
      settings: { vipps: { wrappers: [{ name: "Vipps.initiate", endpoint: "ecom.initiate", body: 0 }] } },
      errors: [{ messageId: "missing", line: 2, column: 106 }],
    },
    {
      name: "a body recognised by its shape, passed to the project's own client",
      code: `
export function expressBody(order) {
  return {
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: { amount: order.total, orderId: order.id },
  };
}`,
      output: `
export function expressBody(order) {
  return {
    merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
    transaction: { amount: order.total, orderId: order.id, useExplicitCheckoutFlow: true },
  };
}`,
      errors: [{ messageId: "missing", line: 5, column: 5 }],
    },
    // ESLint's other line ends: the flag's line is found with them (the removal once ran on to the end of the file
    // and ESLint threw "Fix objects must not be overlapped in a report"), and new lines are written with them.
    ...(
      [
        ["CR", "\r"],
        ["CRLF", "\r\n"],
        ["U+2028", "\u2028"],
        ["U+2029", "\u2029"],
      ] as const
    ).flatMap(([name, lineEnd]) => [
      {
        name: `misplaced flag after another property, ${name} line ends`,
        code: `fetch(${URL}, { method: "POST", body: JSON.stringify({\n  merchantInfo: {\n    paymentType: "eComm Express Payment",\n    useExplicitCheckoutFlow: true,\n  },\n  transaction: { amount: 100 },\n}) });\n`.replaceAll("\n", lineEnd),
        output: `fetch(${URL}, { method: "POST", body: JSON.stringify({\n  merchantInfo: {\n    paymentType: "eComm Express Payment",\n  },\n  transaction: { amount: 100, useExplicitCheckoutFlow: true },\n}) });\n`.replaceAll("\n", lineEnd),
        errors: [{ messageId: "misplaced" as const, line: 4, column: 5 }],
      },
      {
        name: `misplaced flag before another property, ${name} line ends`,
        code: `fetch(${URL}, { method: "POST", body: JSON.stringify({\n  merchantInfo: {\n    useExplicitCheckoutFlow: true,\n    paymentType: "eComm Express Payment",\n  },\n  transaction: { amount: 100 },\n}) });\n`.replaceAll("\n", lineEnd),
        output: `fetch(${URL}, { method: "POST", body: JSON.stringify({\n  merchantInfo: {\n    paymentType: "eComm Express Payment",\n  },\n  transaction: { amount: 100, useExplicitCheckoutFlow: true },\n}) });\n`.replaceAll("\n", lineEnd),
        errors: [{ messageId: "misplaced" as const, line: 3, column: 5 }],
      },
      {
        name: `missing flag in a multi-line transaction, ${name} line ends`,
        code: `fetch(${URL}, { method: "POST", body: JSON.stringify({\n  merchantInfo: { paymentType: "eComm Express Payment" },\n  transaction: {\n    amount: 100,\n  },\n}) });\n`.replaceAll("\n", lineEnd),
        output: `fetch(${URL}, { method: "POST", body: JSON.stringify({\n  merchantInfo: { paymentType: "eComm Express Payment" },\n  transaction: {\n    amount: 100,\n    useExplicitCheckoutFlow: true,\n  },\n}) });\n`.replaceAll("\n", lineEnd),
        errors: [{ messageId: "missing" as const, line: 3, column: 3 }],
      },
    ]),
  ],
};

jsTester.run("require-explicit-checkout-flow (JavaScript, no globals declared)", rule, shared);
jsWithGlobalsTester.run("require-explicit-checkout-flow (JavaScript, globals declared)", rule, shared);
tsTester.run("require-explicit-checkout-flow (TypeScript)", rule, shared);

tsTester.run("require-explicit-checkout-flow (TypeScript only)", rule, {
  valid: [
    {
      code: `
interface InitiateBody { merchantInfo: Record<string, unknown>; transaction: Record<string, unknown> }
const body: InitiateBody = {
  merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" as const },
  transaction: { amount: 1000, orderId: "o", useExplicitCheckoutFlow: true },
};
void fetch(${URL}, { method: "POST", body: JSON.stringify(body) });`,
      name: "typed body with the flag",
    },
  ],
  invalid: [
    {
      code: `
type PaymentType = "eComm Regular Payment" | "eComm Express Payment";
const PAYMENT_TYPE: PaymentType = "eComm Express Payment";
const body = {
  merchantInfo: { merchantSerialNumber: "123456", paymentType: PAYMENT_TYPE },
  transaction: { amount: 1000, orderId: "o" } as const,
} satisfies Record<string, unknown>;
export const response = await fetch(${URL}, { method: "POST", body: JSON.stringify(body) });`,
      output: `
type PaymentType = "eComm Regular Payment" | "eComm Express Payment";
const PAYMENT_TYPE: PaymentType = "eComm Express Payment";
const body = {
  merchantInfo: { merchantSerialNumber: "123456", paymentType: PAYMENT_TYPE },
  transaction: { amount: 1000, orderId: "o", useExplicitCheckoutFlow: true } as const,
} satisfies Record<string, unknown>;
export const response = await fetch(${URL}, { method: "POST", body: JSON.stringify(body) });`,
      errors: [{ messageId: "missing", line: 6, column: 3, endLine: 6, endColumn: 14 }],
      name: "satisfies, as const and a typed constant",
    },
    {
      code: `
import axios from "axios";
export class VippsClient {
  private http = axios.create({ baseURL: "https://api.vipps.no" });
  async initiate(orderId: string): Promise<string> {
    const res = await this.http.post<{ url: string }>("/ecomm/v2/payments", {
      merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
      transaction: { amount: 1000, orderId, useExplicitCheckoutFlow: false },
    });
    return res.data.url;
  }
}`,
      output: `
import axios from "axios";
export class VippsClient {
  private http = axios.create({ baseURL: "https://api.vipps.no" });
  async initiate(orderId: string): Promise<string> {
    const res = await this.http.post<{ url: string }>("/ecomm/v2/payments", {
      merchantInfo: { merchantSerialNumber: "123456", paymentType: "eComm Express Payment" },
      transaction: { amount: 1000, orderId, useExplicitCheckoutFlow: true },
    });
    return res.data.url;
  }
}`,
      errors: [{ messageId: "disabled", line: 8, column: 70, endLine: 8, endColumn: 75 }],
      name: "disabled flag in a class method using an axios instance",
    },
  ],
});
