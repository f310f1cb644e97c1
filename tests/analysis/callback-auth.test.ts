import tsParser from "@typescript-eslint/parser";
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { analyseCallbackHandler, findUnkeptCallbackTokens } from "../../src/analysis/callback-auth.js";
import { isFunction, type FunctionNode } from "../../src/core/ast.js";
import { walk } from "../../src/core/traverse.js";
import { getVippsRequests } from "../../src/detect/index.js";

/** Lints `code` with a probe that hands `inspect` the file's context; fails on parse errors. */
function probe(code: string, inspect: (context: TSESLint.RuleContext<string, []>) => void): void {
  const rule = {
    meta: { type: "problem", messages: {}, schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      return { Program: () => inspect(context) };
    },
  };
  const config = [
    { files: ["**/*.ts"], plugins: { test: { rules: { probe: rule } } }, languageOptions: { parser: tsParser }, rules: { "test/probe": "error" } },
  ] as unknown as Linter.Config[];
  expect(new Linter().verify(code, config, "file.ts")).toEqual([]);
}

/** The facts of the function marked as the handler: the last function passed to a `.post`/`.delete` route call, or `handler`. */
function facts(code: string) {
  let result: ReturnType<typeof summarise> | undefined;
  const summarise = (context: TSESLint.RuleContext<string, []>, fn: FunctionNode) => {
    const found = analyseCallbackHandler(context, fn);
    return {
      payload: found.payloadReads.map((node) => code.slice(...node.range)),
      authorizationChecked: found.authorizationChecked,
      verifierCalled: found.verifierCalled,
      paymentReRead: found.paymentReRead,
      bodyFields: found.bodyFieldComparisons.map((comparison) => comparison.field),
    };
  };
  probe(code, (context) => {
    let handler: FunctionNode | undefined;
    walk(context.sourceCode, (node: TSESTree.Node) => {
      if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id?.name === "handler") handler = node;
      if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        node.callee.property.type === AST_NODE_TYPES.Identifier &&
        ["post", "delete"].includes(node.callee.property.name)
      ) {
        const last = node.arguments.at(-1);
        if (last && isFunction(last)) handler = last;
      }
    });
    if (!handler) throw new Error("no handler in the test code");
    result = summarise(context, handler);
  });
  return result;
}

describe("analyseCallbackHandler", () => {
  it("finds the payload reads of Express, Koa, Hono and Fetch handlers, leaving out logging", () => {
    expect(facts(`app.post("/v2/payments/:orderId", (req, res) => { console.log(req.body); markPaid(req.params.orderId, req.body.transactionInfo); });`)?.payload).toEqual([
      "req.params",
      "req.body",
    ]);
    expect(facts(`router.post("/cb", async (ctx) => { save(ctx.request.body); });`)?.payload).toEqual(["ctx.request.body"]);
    expect(facts(`app.post("/cb", async (c) => { const data = await c.req.json(); save(data); });`)?.payload).toEqual(["c.req.json()"]);
    expect(facts(`export async function handler(request: Request) { const { body } = request; const b = await request.json(); }`)?.payload).toEqual([
      "body",
      "request.json()",
    ]);
    expect(facts(`app.post("/cb", ({ body, headers }, res) => save(body));`)?.payload).toEqual(["body"]);
  });

  it("sees the Authorization header compared, destructured, handed to a helper, or only tested for presence", () => {
    const checked = (code: string) => facts(code)?.authorizationChecked;
    expect(checked(`app.post("/cb", (req, res) => { if (req.headers.authorization !== process.env.TOKEN) return res.sendStatus(401); save(req.body); });`)).toBe(true);
    expect(checked(`app.post("/cb", (req, res) => { const auth = req.get("Authorization"); if (auth === token) save(req.body); });`)).toBe(true);
    expect(checked(`app.post("/cb", async (req, res) => { const { authorization } = req.headers; const order = await db.find(req.params.orderId); if (authorization !== order.authToken) return; });`)).toBe(true);
    expect(checked(`export async function handler(request: Request) { const token = request.headers.get("authorization") ?? ""; if (!timingSafeEqual(Buffer.from(token), expected)) return new Response(null, { status: 401 }); }`)).toBe(true);
    expect(checked(`app.post("/cb", (req, res) => { const [, token] = (req.headers["authorization"] || "").split(" "); if (tokens.has(token)) save(req.body); });`)).toBe(true);
    // Through a helper of this file.
    expect(checked(`function isFromVipps(headers) { return headers.authorization === process.env.VIPPS_CALLBACK_TOKEN; }
app.post("/cb", (req, res) => { if (!isFromVipps(req.headers)) return; save(req.body); });`)).toBe(true);
    // Presence is no check; logging is no check.
    expect(checked(`app.post("/cb", (req, res) => { if (!req.headers.authorization) return res.sendStatus(401); save(req.body); });`)).toBe(false);
    expect(checked(`app.post("/cb", (req, res) => { console.log(req.headers.authorization); save(req.body); });`)).toBe(false);
    expect(checked(`app.post("/cb", (req, res) => { save(req.body); });`)).toBe(false);
  });

  it("trusts a helper whose name says it verifies, given the request", () => {
    expect(facts(`app.post("/cb", (req, res) => { verifyVippsCallback(req); save(req.body); });`)?.verifierCalled).toBe(true);
    expect(facts(`app.post("/cb", (req, res) => { verifyVippsCallback(config); save(req.body); });`)?.verifierCalled).toBe(false);
    // A schema check of the body is no authentication.
    expect(facts(`app.post("/cb", (req, res) => { validateCallback(req.body); save(req.body); });`)?.verifierCalled).toBe(false);
    // All headers handed on: the callee may check one. Logging them is no check.
    expect(facts(`app.post("/cb", async (req, res) => { await handleCallback(req.body, req.headers); });`)?.verifierCalled).toBe(true);
    expect(facts(`app.post("/cb", async (req, res) => { console.log(req.headers); await save(req.body); });`)?.verifierCalled).toBe(false);
  });

  it("sees the payment read back from the API, directly, through a helper of this file, or an imported helper", () => {
    const reRead = (code: string) => facts(code)?.paymentReRead;
    expect(reRead(`app.post("/v2/payments/:orderId", async (req, res) => {
  const details = await fetch(\`https://api.vipps.no/ecomm/v2/payments/\${req.params.orderId}/details\`, { headers });
  save(await details.json());
});`)).toBe(true);
    expect(reRead(`async function sync(orderId) { return fetch(\`https://api.vipps.no/epayment/v1/payments/\${orderId}\`, { headers }); }
app.post("/cb", async (req, res) => { await sync(req.body.reference); });`)).toBe(true);
    expect(reRead(`app.post("/cb", async (req, res) => { const payment = await vipps.getPaymentDetails(req.params.orderId); save(payment); });`)).toBe(true);
    // A write named after the payment is no read-back; nor is a capture.
    expect(reRead(`app.post("/cb", async (req, res) => { await updatePaymentStatus(req.params.orderId, req.body.transactionInfo.status); });`)).toBe(false);
    expect(reRead(`app.post("/cb", async (req, res) => {
  await fetch(\`https://api.vipps.no/ecomm/v2/payments/\${req.params.orderId}/capture\`, { method: "POST", headers, body: JSON.stringify({}) });
});`)).toBe(false);
  });

  it("finds the merchant serial number of the body compared, however the body is bound", () => {
    const fields = (code: string) => facts(code)?.bodyFields;
    expect(fields(`app.post("/cb", (req, res) => { if (req.body.merchantSerialNumber !== MSN) return; save(req.body); });`)).toEqual(["merchantSerialNumber"]);
    expect(fields(`app.post("/cb", async (c) => { const data = await c.req.json(); if (data.merchantSerialNumber === process.env.MSN) save(data); });`)).toEqual([
      "merchantSerialNumber",
    ]);
    expect(fields(`app.post("/cb", (req, res) => { const { merchantSerialNumber } = req.body; if (merchantSerialNumber != MSN) return; });`)).toEqual([
      "merchantSerialNumber",
    ]);
    // A constant of the module compared with the body's order id is no claim of authentication.
    expect(fields(`app.post("/cb", (req, res) => { if (req.body.orderId !== req.params.orderId) return; });`)).toEqual([]);
    expect(fields(`app.post("/cb", (req, res) => { if (config.merchantSerialNumber !== MSN) return; });`)).toEqual([]);
  });
});

describe("findUnkeptCallbackTokens", () => {
  function tokens(code: string): string[] {
    let found: string[] = [];
    probe(code, (context) => {
      found = findUnkeptCallbackTokens(context.sourceCode, getVippsRequests(context)).map((token) => `${token.path}: ${code.slice(...token.node.range)}`);
    });
    return found;
  }
  const ECOM = `"https://api.vipps.no/ecomm/v2/payments"`;
  const CHECKOUT = `"https://api.vipps.no/checkout/v3/session"`;

  it("finds a fresh token written into the body or held by a variable nothing else reads", () => {
    expect(tokens(`fetch(${ECOM}, { method: "POST", body: JSON.stringify({ merchantInfo: { merchantSerialNumber: "123456", callbackPrefix: "https://x.no/cb", fallBack: "https://x.no", authToken: randomUUID() }, transaction: { amount: 1000, orderId: "o-1" } }) });`)).toEqual([
      "merchantInfo.authToken: randomUUID()",
    ]);
    expect(tokens(`export async function pay() { const callbackAuthorizationToken = uuidv4();
  return fetch(${CHECKOUT}, { method: "POST", body: JSON.stringify({ merchantInfo: { callbackUrl: "https://x.no/cb", returnUrl: "https://x.no", callbackAuthorizationToken }, transaction: {} }) }); }`)).toEqual([
      "merchantInfo.callbackAuthorizationToken: callbackAuthorizationToken",
    ]);
    expect(tokens(`fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify({ reference: "ref-12345", shipping: { dynamicOptions: { callbackUrl: "https://x.no/s", callbackAuthorizationToken: crypto.randomBytes(32).toString("hex") } } }) });`)).toEqual([
      "shipping.dynamicOptions.callbackAuthorizationToken: crypto.randomBytes(32).toString(\"hex\")",
    ]);
  });

  it("stays silent on a token that is kept, derived or configured", () => {
    // Stored with the order before the request.
    expect(tokens(`export async function pay(order) { const authToken = randomUUID(); await db.orders.update(order.id, { authToken });
  return fetch(${ECOM}, { method: "POST", body: JSON.stringify({ merchantInfo: { authToken }, transaction: { orderId: order.id } }) }); }`)).toEqual([]);
    // The whole body is stored.
    expect(tokens(`export async function pay(order) { const payload = { merchantInfo: { authToken: randomUUID() }, transaction: { orderId: order.id } };
  await save(order.id, payload); return fetch(${ECOM}, { method: "POST", body: JSON.stringify(payload) }); }`)).toEqual([]);
    // Exported for the handler module.
    expect(tokens(`export const CALLBACK_TOKEN = randomUUID();
fetch(${ECOM}, { method: "POST", body: JSON.stringify({ merchantInfo: { authToken: CALLBACK_TOKEN }, transaction: { orderId: "o-1" } }) });`)).toEqual([]);
    // From configuration or derived from the order: not fresh.
    expect(tokens(`fetch(${ECOM}, { method: "POST", body: JSON.stringify({ merchantInfo: { authToken: process.env.VIPPS_CALLBACK_TOKEN }, transaction: { orderId: "o-1" } }) });`)).toEqual([]);
    expect(tokens(`export function pay(order) { return fetch(${ECOM}, { method: "POST", body: JSON.stringify({ merchantInfo: { authToken: hmac(order.id) }, transaction: { orderId: order.id } }) }); }`)).toEqual([]);
  });
});
