import { describe, expect, it } from "vitest";
import { fix, lint, parses, type Language } from "./lint.js";

/**
 * Odd value shapes and unusual syntax around Vipps calls, run through every rule of the plugin: no rule may throw,
 * every fix and suggestion must leave code that parses, and a second fix pass must change nothing. The cases sit
 * inside real Vipps requests so that detection and the rules look at them rather than bailing out early.
 */

const URL = '"https://api.vipps.no/epayment/v1/payments"';
const ECOM = '"https://apitest.vipps.no/ecomm/v2/payments"';

/** An ePayment create call with `body` as its JSON body. */
const epayment = (body: string, before = ""): string =>
  `${before}\nexport async function pay(customer, token, key, extra, order) {\n  const response = await fetch(${URL}, { method: "POST", headers: { Authorization: token }, body: JSON.stringify(${body}) });\n  if (!response.ok) throw new Error(await response.text());\n  return response.json();\n}\n`;

const deepObject = (depth: number): string => "{ a: ".repeat(depth) + '"+47 912 34 567"' + " }".repeat(depth);
const longConcat = (terms: number): string => Array.from({ length: terms }, (_, index) => `"${index % 10}"`).join(" + ");

const BODY_SHAPES: Record<string, string> = {
  "spread of an unknown object": '{ ...extra, customer: { ...customer, phoneNumber: "+47 912 34 567" } }',
  "spread of a literal that holds the phone": '{ ...{ customer: { phoneNumber: "004791234567" } }, amount: { value: 100, currency: "NOK" } }',
  "spread of null, a call and an array": '{ ...null, ...extra(), ...[1, 2], customer: { ...undefined, phoneNumber: "91234567" } }',
  "computed keys": '{ [key]: 1, ["customer"]: { ["phone" + "Number"]: "+4791234567", [`phoneNumber`]: "+4791234567" } }',
  "computed key from a symbol and a number": "{ [Symbol.iterator]: null, [42]: 1, customer: { [0]: 1 } }",
  "getter for the phone": '{ customer: { get phoneNumber() { return "+47 912 34 567"; } } }',
  "getter and setter for the customer": "{ get customer() { return {}; }, set customer(value) {} }",
  "method shorthand": '{ customer: { phoneNumber() { return "+47 912 34 567"; } } }',
  __proto__: '{ __proto__: { customer: { phoneNumber: "+4791234567" } }, "__proto__": null, customer: { __proto__: null, phoneNumber: "+47 91234567" } }',
  "number where a string is expected": "{ customer: { phoneNumber: 4791234567 } }",
  "other non-string values": "{ customer: { phoneNumber: null }, amount: true, reference: /x/g, userFlow: 4791234567n, paymentMethod: [] }",
  "negative and float numbers": "{ customer: { phoneNumber: -4791234567.5 } }",
  "template literal with expressions": "{ customer: { phoneNumber: `+47${customer.phone}` }, reference: `${order}-${key}` }",
  "template literal without expressions": "{ customer: { phoneNumber: `+47 912 34 567` } }",
  "tagged template": "{ customer: { phoneNumber: String.raw`+47\\u0020912` } }",
  "very long string": `{ customer: { phoneNumber: "${"9".repeat(200_000)}" } }`,
  "very long phone-like string": `{ customer: { phoneNumber: "+47 ${" 1".repeat(50_000)}" } }`,
  "escape sequences": '{ customer: { phoneNumber: "\\u002B47\\x20912\\t34567" } }',
  "unicode digits and separators": '{ customer: { phoneNumber: "+٤٧ ٩١٢ ٣٤ ٥٦٧\\u2028" } }',
  "deep nesting of the phone value": `{ customer: { phoneNumber: ${deepObject(400)} } }`,
  "deep nesting of the body": deepObject(400),
  "long concatenation": `{ customer: { phoneNumber: ${longConcat(3_000)} } }`,
  "fallbacks and conditionals": '{ customer: { phoneNumber: customer.phone ?? (key ? "+47 912 34 567" : customer.alt || "004791234567") } }',
  "sequence and assignment": '{ customer: { phoneNumber: (key, "+47 912 34 567") }, amount: (extra = 1) }',
  "optional chaining in values": '{ customer: { phoneNumber: customer?.phone?.number ?? "91234567" } }',
  "await and yield-free async value": '{ customer: { phoneNumber: await Promise.resolve("+4791234567") } }',
};

const CYCLES: Record<string, string> = {
  "two constants naming each other": epayment("body", "const body = other;\nconst other = body;"),
  "a constant spreading itself": epayment("body", "const body = { ...body, customer: { phoneNumber: \"+4791234567\" } };"),
  "a property reading its own object": epayment("body", "const body = { customer: body.customer, other: { phoneNumber: body } };"),
  "a phone constant in a cycle": epayment("{ customer: { phoneNumber: a } }", "const a = b || \"+47 912 34 567\";\nconst b = a;"),
  "a URL built from itself": `const url = url2 + "/epayment/v1/payments";\nconst url2 = url;\nfetch(url, { method: "POST", body: JSON.stringify({ customer: { phoneNumber: "+4791234567" } }) });`,
  "nested objects through cyclic constants": epayment("body", "const customerInfo = { phoneNumber: \"+47 912 34 567\", self: body };\nconst body = { customer: customerInfo, again: customerInfo };"),
  "URLSearchParams built from itself": `const params = new URLSearchParams(params);\nparams.append("login_hint", "+4791234567");\nfetch("https://api.vipps.no/vipps-login-ciba/api/backchannel/authentication", { method: "POST", body: params });`,
};

/** Partial and unusual syntax, each a whole file; `languages` limits where it is valid syntax. */
const SYNTAX: Record<string, { code: string; languages?: readonly Language[] }> = {
  "optional call of fetch": { code: `fetch?.(${URL}, { method: "POST", body: JSON.stringify({ customer: { phoneNumber: "+47 912 34 567" } }) });` },
  "optional chains on clients": {
    code: `import axios from "axios";\nimport { Client } from "@vippsmobilepay/sdk";\nconst client = Client?.({});\naxios?.post?.(${URL}, { customer: { phoneNumber: "+4791234567" } });\nclient?.payment?.create?.("t", { customer: { phoneNumber: "+4791234567" } })?.then?.((r) => r?.data);`,
  },
  satisfies: {
    code: `type Body = Record<string, unknown>;\nconst body = { customer: { phoneNumber: "+47 912 34 567" satisfies string } } satisfies Body;\nfetch(${URL}, { method: "POST", body: JSON.stringify(body as const satisfies Body) });\nfetch(${URL}, <RequestInit>{ method: "POST", body: JSON.stringify(<Body>body!) });`,
    languages: ["ts"],
  },
  decorators: {
    code: `import axios from "axios";\nfunction Post(path: string) { return (target: object, key: string) => {}; }\nfunction Inject(): ParameterDecorator { return () => {}; }\n@((c: unknown) => c)\nexport class Payments {\n  @Post("/pay") accessor client = axios.create({ baseURL: "https://api.vipps.no" });\n  constructor(@Inject() private readonly http = axios.create({ baseURL: "https://api.vipps.no" })) {}\n  @Post("/pay")\n  async pay(@Inject() phone: string) {\n    return this.http.post("/epayment/v1/payments", { customer: { phoneNumber: "+47 912 34 567" } });\n  }\n}`,
    languages: ["ts"],
  },
  JSX: {
    code: `export function Pay({ phone, ...props }) {\n  return <button {...props} onClick={() => fetch(${URL}, { method: "POST", body: JSON.stringify({ customer: { phoneNumber: "+47 912 34 567", ...props } }) })}>Pay <b>{phone ?? "+47"}</b></button>;\n}`,
    languages: ["jsx", "tsx"],
  },
  "calls without or with spread arguments": {
    code: `import axios from "axios";\nimport got from "got";\nimport { Client } from "@vippsmobilepay/sdk";\nconst args = [];\nfetch();\nfetch(...args);\nfetch(${URL}, ...args);\nfetch(${URL}, null);\nfetch(${URL}, { ...args });\naxios.post();\naxios.post(${URL});\naxios(...args);\ngot.post(${URL}, ...args);\nClient().payment.create();\nClient(...args).payment.create("t", ...args);\nnew fetch(${URL});`,
  },
  "computed and aliased members": {
    code: `const axios = require("axios");\nconst { post } = require("axios");\nconst method = "post";\naxios["post"](${URL}, { customer: { phoneNumber: "+4791234567" } });\naxios[method](${URL}, {});\n(0, axios.post)(${URL}, {});\npost(${URL}, { customer: { phoneNumber: "+4791234567" } });\nrequire()(${URL});\nrequire(method).post(${URL});`,
  },
  "dynamic import and top-level await": { code: `const { default: axios } = await import("axios");\nawait axios.post(${URL}, { customer: { phoneNumber: "+47 912 34 567" } });` },
  "class private fields and static blocks": {
    code: `import axios from "axios";\nclass Vipps {\n  #http = axios.create({ baseURL: "https://api.vipps.no" });\n  static { this.shared = new Vipps(); }\n  pay() { return this.#http.post("/epayment/v1/payments", { customer: { phoneNumber: "+47 912 34 567" } }); }\n}`,
  },
  "generators and labels": {
    code: `function* pay() {\n  outer: for (;;) {\n    yield fetch(${URL}, { method: "POST", body: JSON.stringify({ customer: { phoneNumber: yield "+4791234567" } }) });\n    break outer;\n  }\n}`,
  },
  "superagent chains with odd links": {
    code: `import superagent from "superagent";\nsuperagent.post(${URL}).send().set().send({ customer: { phoneNumber: "+47 912 34 567" } }).ok()[0];\nsuperagent(${URL});\nsuperagent("POST")`,
  },
  "form strings with broken encoding": {
    code: `fetch("https://api.vipps.no/vipps-login-ciba/api/backchannel/authentication", { method: "POST", body: "login_hint=%E0%A4%A&scope=openid" });\nfetch("https://api.vipps.no/vipps-login-ciba/api/backchannel/authentication", { method: "POST", body: "=&&==&login_hint=&login_hint=%2B47%20912%2034%20567" });\nfetch("https://api.vipps.no/vipps-login-ciba/api/backchannel/authentication", { method: "POST", body: "login_hint=" + phone });`,
  },
  "URLSearchParams calls with odd arguments": {
    code: `const params = new URLSearchParams();\nparams.append();\nparams.append(...[]);\nparams.set("login_hint");\nparams.set("login_hint", 4791234567);\nparams.append("login_hint", "+47 912 34 567");\nfetch("https://api.vipps.no/vipps-login-ciba/api/backchannel/authentication", { method: "POST", body: params.toString() });`,
  },
  "eCom bodies with odd transactions": {
    code: `fetch(${ECOM}, { method: "POST", body: JSON.stringify({ customerInfo: { mobileNumber: 91234567 }, merchantInfo: { paymentType: "eComm Express Payment", staticShippingDetails: "none" }, transaction: null }) });\nfetch(${ECOM}, { method: "POST", body: JSON.stringify({ customerInfo: "x", merchantInfo: [], transaction: { ...null } }) });`,
  },
  "shape-only bodies": {
    code: `export const a = { merchantInfo: { merchantSerialNumber: 123 }, transaction: 5 };\nexport const b = { shippingDetails: null, addressId: undefined, orderId: {} };\nexport const c = { amount: 1, paymentMethod: 2, userFlow: 3, customer: { phoneNumber: [] } };`,
  },
  "empty file": { code: "" },
  "only comments and a hashbang": { code: "#!/usr/bin/env node\n// fetch('https://api.vipps.no/epayment/v1/payments')\n/* axios */" },
  "byte order mark": { code: `\uFEFFfetch(${URL}, { method: "POST", body: JSON.stringify({ customer: { phoneNumber: "+47 912 34 567" } }) });` },
};

/** Lints `code` in each language where it parses, and checks the fixes and suggestions. */
function checkRobust(code: string, languages: readonly Language[] = ["js", "ts"]): void {
  const parsed = languages.filter((language) => parses(code, language));
  expect(parsed.length, "the case parses in at least one language").toBeGreaterThan(0);
  for (const language of parsed) {
    const messages = lint(code, language);
    // No parse error, and no message from ESLint itself (such as a config that does not apply to the file).
    expect(messages.filter((message) => message.fatal || message.ruleId === null)).toEqual([]);
    for (const message of messages) {
      for (const suggestion of message.suggestions ?? []) {
        const output = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
        expect(parses(output, language), `suggestion "${suggestion.desc}" keeps the code parseable`).toBe(true);
      }
    }
    const first = fix(code, language);
    expect(parses(first.output, language)).toBe(true);
    expect(fix(first.output, language).fixed).toBe(false);
  }
}

describe("every rule on odd body shapes", () => {
  for (const [name, body] of Object.entries(BODY_SHAPES)) {
    it(name, () => checkRobust(epayment(body)));
  }
});

describe("every rule on cyclic constant references", () => {
  for (const [name, code] of Object.entries(CYCLES)) {
    it(name, () => checkRobust(code));
  }
});

describe("every rule on partial and unusual syntax", () => {
  for (const [name, { code, languages }] of Object.entries(SYNTAX)) {
    it(name, () => checkRobust(code, languages));
  }
});

describe("odd shapes are still understood where they are plain", () => {
  it("fixes a phone number reached through a spread literal and a computed key", () => {
    const { output } = fix(epayment('{ ...{ customer: { ["phoneNumber"]: "+47 912 34 567" } } }'), "js");
    expect(output).toContain('["phoneNumber"]: "4791234567"');
  });

  it("leaves a getter alone", () => {
    const messages = lint(epayment('{ customer: { get phoneNumber() { return "+47 912 34 567"; } } }'), "js");
    expect(messages.filter((message) => message.ruleId === "vipps/mobile-number-format")).toEqual([]);
  });
});
