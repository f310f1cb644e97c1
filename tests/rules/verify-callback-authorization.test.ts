import rule from "../../rules/verify-callback-authorization.js";
import { cjsTester, jsTester, locate, tsTester } from "../support/testers.js";

// Express eCom callbacks: the route is the eCom callback path, which is what makes them Vipps callbacks.
const expressUnchecked = `
import express from "express";
const app = express();
app.post("/vipps/v2/payments/:orderId", express.json(), async (req, res) => {
  const { transactionInfo } = req.body;
  if (transactionInfo.status === "RESERVED") await orders.markPaid(req.params.orderId);
  res.sendStatus(200);
});`;

const expressMsn = `
import express from "express";
const app = express();
app.post("/vipps/v2/payments/:orderId", async (req, res) => {
  if (req.body.merchantSerialNumber !== process.env.VIPPS_MSN) return res.sendStatus(403);
  await orders.markPaid(req.params.orderId, req.body.transactionInfo.status);
  res.sendStatus(200);
});`;

const koaShipping = `
import Router from "@koa/router";
const router = new Router();
router.post("/vipps/v2/payments/:orderId/shippingDetails", async (ctx) => {
  const { addressLine1, postCode } = ctx.request.body;
  ctx.body = { orderId: ctx.params.orderId, shippingDetails: await shippingFor(addressLine1, postCode) };
});`;

const consentRemoval = `
const express = require("express");
const app = express();
app.delete("/vipps/v2/consents/:userId", async (req, res) => {
  await users.forgetVippsConsent(req.params.userId);
  res.sendStatus(200);
});`;

const honoCheckout = `
import { Hono } from "hono";
const app = new Hono();
app.post("/vipps/v2/payments/:orderId", async (c) => {
  const body = await c.req.json();
  await orders.update(c.req.param("orderId"), body.transactionInfo.status);
  return c.text("ok");
});`;

const fastifyUnchecked = `
import Fastify from "fastify";
const fastify = Fastify();
fastify.post("/vipps/v2/payments/:orderId", { bodyLimit: 4096 }, async (request, reply) => {
  await orders.markPaid(request.params.orderId, request.body.transactionInfo.status);
  return { ok: true };
});`;

const inlineToken = `
import { randomUUID } from "node:crypto";
export async function startPayment(order) {
  return fetch("https://api.vipps.no/ecomm/v2/payments", {
    method: "POST",
    headers,
    body: JSON.stringify({
      merchantInfo: { merchantSerialNumber: "123456", callbackPrefix: "https://shop.example/vipps", fallBack: "https://shop.example/done", authToken: randomUUID() },
      transaction: { orderId: order.id, amount: order.total, transactionText: "Order" },
    }),
  });
}`;

const sdkToken = `
import { Client } from "@vippsmobilepay/sdk";
import { v4 as uuidv4 } from "uuid";
const vipps = Client({ merchantSerialNumber, subscriptionKey });
export async function createCheckout(reference) {
  return vipps.checkout.create(clientId, clientSecret, {
    merchantInfo: { callbackUrl: "https://shop.example/api/checkout/callback", returnUrl: "https://shop.example/done", callbackAuthorizationToken: uuidv4() },
    transaction: { amount: { currency: "NOK", value: 1000 }, reference, paymentDescription: "Order" },
  });
}`;

const variableToken = `
export async function startExpress(order) {
  const callbackAuthorizationToken = crypto.randomUUID();
  return fetch("https://api.vipps.no/epayment/v1/payments", {
    method: "POST",
    headers,
    body: JSON.stringify({
      amount: { currency: "NOK", value: order.total },
      paymentMethod: { type: "WALLET" },
      reference: order.reference,
      userFlow: "WEB_REDIRECT",
      returnUrl: "https://shop.example/done",
      shipping: { dynamicOptions: { callbackUrl: "https://shop.example/vipps/shipping", callbackAuthorizationToken } },
    }),
  });
}`;

const nextAppRoute = `
import { orderPaidEmail } from "@/lib/vipps-mail";
export async function POST(request: Request) {
  const update = await request.json();
  await db.order.update({ where: { id: update.orderId }, data: { status: update.transactionInfo.status } });
  return new Response(null, { status: 200 });
}`;

tsTester.run("verify-callback-authorization", rule, {
  valid: [
    {
      name: "the Authorization header compared with the token stored with the order",
      code: `
import express from "express";
const app = express();
app.post("/vipps/v2/payments/:orderId", async (req, res) => {
  const order = await orders.find(req.params.orderId);
  if (!order || req.headers.authorization !== order.vippsAuthToken) return res.sendStatus(401);
  await orders.markPaid(order.id, req.body.transactionInfo.status);
  res.sendStatus(200);
});`,
    },
    {
      name: "compared in constant time with a configured token",
      code: `
import { timingSafeEqual } from "node:crypto";
import express from "express";
const app = express();
const expected = Buffer.from(process.env.VIPPS_CALLBACK_TOKEN ?? "");
app.post("/vipps/v2/payments/:orderId", (req, res) => {
  const given = Buffer.from(req.get("Authorization") ?? "");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return res.sendStatus(401);
  queue.push(req.body);
  res.sendStatus(200);
});`,
    },
    {
      name: "the payment read back from the eCom details endpoint before anything is marked",
      code: `
import express from "express";
const app = express();
app.post("/vipps/v2/payments/:orderId", async (req, res) => {
  const response = await fetch(\`https://api.vipps.no/ecomm/v2/payments/\${req.params.orderId}/details\`, { headers: await vippsHeaders() });
  const details = await response.json();
  if (details.transactionLogHistory[0].operation === "RESERVE") await orders.markPaid(req.params.orderId);
  res.sendStatus(200);
});`,
    },
    {
      name: "a helper of the file that checks the header",
      code: `
import express from "express";
const app = express();
function isFromVipps(req) {
  return req.headers.authorization === process.env.VIPPS_CALLBACK_TOKEN;
}
app.post("/vipps/v2/payments/:orderId", async (req, res) => {
  if (!isFromVipps(req)) return res.sendStatus(401);
  await orders.markPaid(req.params.orderId, req.body.transactionInfo.status);
  res.sendStatus(200);
});`,
    },
    {
      name: "an imported helper whose name says it verifies, given the request",
      code: `
import express from "express";
import { verifyVippsCallback } from "./vipps-auth";
const app = express();
app.post("/vipps/v2/payments/:orderId", async (req, res) => {
  verifyVippsCallback(req);
  await orders.markPaid(req.params.orderId, req.body.transactionInfo.status);
  res.sendStatus(200);
});`,
    },
    {
      name: "route middleware that guards the callback",
      code: `
import express from "express";
const app = express();
app.post("/vipps/v2/payments/:orderId", requireVippsToken, async (req, res) => {
  await orders.markPaid(req.params.orderId, req.body.transactionInfo.status);
  res.sendStatus(200);
});`,
    },
    {
      name: "Fastify: a preHandler hook on the route",
      code: `
import Fastify from "fastify";
const fastify = Fastify();
fastify.post("/vipps/v2/payments/:orderId", { preHandler: checkCallbackToken }, async (request, reply) => {
  await orders.markPaid(request.params.orderId, request.body.transactionInfo.status);
  return { ok: true };
});`,
    },
    {
      name: "an imported helper that reads the payment back",
      code: `
import express from "express";
import { getPaymentDetails } from "./vipps";
const app = express();
app.post("/vipps/v2/payments/:orderId", async (req, res) => {
  const details = await getPaymentDetails(req.params.orderId);
  await orders.sync(req.params.orderId, details);
  res.sendStatus(200);
});`,
    },
    {
      name: "a callback that reads nothing the caller sent",
      code: `
import express from "express";
const app = express();
app.post("/vipps/v2/payments/:orderId", (req, res) => {
  res.sendStatus(200);
});`,
    },
    {
      name: "the merchant serial number compared besides the Authorization header",
      code: `
import express from "express";
const app = express();
app.post("/vipps/v2/payments/:orderId", async (req, res) => {
  if (req.headers.authorization !== process.env.VIPPS_CALLBACK_TOKEN) return res.sendStatus(401);
  if (req.body.merchantSerialNumber !== process.env.VIPPS_MSN) return res.sendStatus(400);
  await orders.markPaid(req.params.orderId, req.body.transactionInfo.status);
  res.sendStatus(200);
});`,
    },
    {
      name: "an IP allow-list of Vipps's callback servers",
      code: `
import express from "express";
const app = express();
app.post("/vipps/v2/payments/:orderId", async (req, res) => {
  if (!(await whitelisted(req.ip))) return res.sendStatus(401);
  await orders.markPaid(req.params.orderId, req.body.transactionInfo.status);
  res.sendStatus(200);
});`,
    },
    {
      name: "the shop's own endpoint in a Vipps router whose path says notify, not callback",
      code: `
import express from "express";
export const router = express.Router();
router.post("/agreement/notify/change", async (req, res) => {
  res.json(await sendAgreementChangeMail(req.body.agreementCode, req.body.change));
});`,
      filename: "src/routes/vipps.ts",
    },
    {
      name: "a Stripe webhook handler",
      code: `
import express from "express";
import Stripe from "stripe";
const app = express();
app.post("/stripe/webhook", express.raw({ type: "application/json" }), (req, res) => {
  const event = stripe.webhooks.constructEvent(req.body, req.headers["stripe-signature"], secret);
  if (event.type === "checkout.session.completed") fulfil(event.data.object);
  res.sendStatus(200);
});`,
    },
    {
      name: "a GitHub webhook handler",
      code: `
import express from "express";
const app = express();
app.post("/github/webhook", async (req, res) => {
  if (req.headers["x-github-event"] === "push") await deploy(req.body.ref);
  res.sendStatus(200);
});`,
    },
    {
      name: "a Vipps webhook delivery is the webhook rule's business",
      code: `
import express from "express";
const app = express();
app.post("/vipps/webhook", express.json(), async (req, res) => {
  if (req.body.name === "AUTHORIZED") await orders.markPaid(req.body.reference);
  const date = req.headers["x-ms-date"];
  res.sendStatus(200);
});`,
    },
    {
      name: "a token stored with the order before it is sent",
      code: `
import { randomUUID } from "node:crypto";
export async function startPayment(order) {
  const authToken = randomUUID();
  await orders.update(order.id, { vippsAuthToken: authToken });
  return fetch("https://api.vipps.no/ecomm/v2/payments", {
    method: "POST",
    headers,
    body: JSON.stringify({ merchantInfo: { merchantSerialNumber: "123456", callbackPrefix: "https://shop.example/vipps", fallBack: "https://shop.example/done", authToken }, transaction: { orderId: order.id, amount: 1000, transactionText: "Order" } }),
  });
}`,
    },
    {
      name: "a token from configuration",
      code: `
fetch("https://api.vipps.no/checkout/v3/session", {
  method: "POST",
  headers,
  body: JSON.stringify({ merchantInfo: { callbackUrl: "https://shop.example/cb", returnUrl: "https://shop.example/done", callbackAuthorizationToken: process.env.VIPPS_CALLBACK_TOKEN }, transaction: {} }),
});`,
    },
    {
      name: "a random value in a field that is no callback token",
      code: `
fetch("https://api.vipps.no/ecomm/v2/payments", {
  method: "POST",
  headers,
  body: JSON.stringify({ merchantInfo: { merchantSerialNumber: "123456", callbackPrefix: "https://shop.example/vipps", fallBack: "https://shop.example/done" }, transaction: { orderId: randomUUID(), amount: 1000, transactionText: "Order" } }),
});`,
    },
  ],
  invalid: [
    {
      name: "Express: the body trusted without any check",
      code: expressUnchecked,
      errors: [{ messageId: "unauthenticatedCallback", data: { callback: "eCom payment update callback", token: "merchantInfo.authToken" }, ...locate(expressUnchecked, "req.body") }],
    },
    {
      name: "Express: the merchant serial number of the body taken for authentication",
      code: expressMsn,
      errors: [
        {
          messageId: "bodyFieldAuthentication",
          data: { field: "merchantSerialNumber", token: "merchantInfo.authToken" },
          ...locate(expressMsn, "req.body.merchantSerialNumber !== process.env.VIPPS_MSN"),
        },
      ],
    },
    {
      name: "Koa: an eCom shipping details callback",
      code: koaShipping,
      errors: [{ messageId: "unauthenticatedCallback", data: { callback: "eCom shipping details callback", token: "merchantInfo.authToken" }, ...locate(koaShipping, "ctx.request.body") }],
    },
    {
      name: "Hono: the payment update read with c.req.json()",
      code: honoCheckout,
      errors: [{ messageId: "unauthenticatedCallback", ...locate(honoCheckout, "c.req.json()") }],
    },
    {
      name: "Fastify: the body trusted without a hook or a check",
      code: fastifyUnchecked,
      errors: [{ messageId: "unauthenticatedCallback", ...locate(fastifyUnchecked, "request.params") }],
    },
    {
      name: "Next.js App Router: a route file under a Vipps callback path",
      code: nextAppRoute,
      filename: "app/api/vipps/callback/route.ts",
      errors: [{ messageId: "unauthenticatedCallback", data: { callback: "eCom payment update callback", token: "merchantInfo.authToken" }, ...locate(nextAppRoute, "request.json()") }],
    },
    {
      name: "a fresh eCom authToken kept nowhere",
      code: inlineToken,
      errors: [{ messageId: "tokenKeptNowhere", data: { path: "merchantInfo.authToken" }, ...locate(inlineToken, "randomUUID()") }],
    },
    {
      name: "a fresh Checkout token in an SDK call",
      code: sdkToken,
      errors: [{ messageId: "tokenKeptNowhere", data: { path: "merchantInfo.callbackAuthorizationToken" }, ...locate(sdkToken, "uuidv4()") }],
    },
    {
      name: "an ePayment dynamic shipping token held by a variable nothing else reads",
      code: variableToken,
      errors: [
        {
          messageId: "tokenKeptNowhere",
          data: { path: "shipping.dynamicOptions.callbackAuthorizationToken" },
          ...locate(variableToken, "callbackAuthorizationToken }"),
          endColumn: locate(variableToken, "callbackAuthorizationToken }").column + "callbackAuthorizationToken".length,
        },
      ],
    },
  ],
});

jsTester.run("verify-callback-authorization (JavaScript)", rule, {
  valid: [
    {
      name: "Hono: the header compared with a stored token",
      code: `
import { Hono } from "hono";
const app = new Hono();
app.post("/vipps/v2/payments/:orderId", async (c) => {
  const order = await orders.find(c.req.param("orderId"));
  if (c.req.header("Authorization") !== order.authToken) return c.text("no", 401);
  await orders.update(order.id, (await c.req.json()).transactionInfo.status);
  return c.text("ok");
});`,
    },
  ],
  invalid: [
    {
      name: "Express: the body trusted without any check",
      code: expressUnchecked,
      errors: [{ messageId: "unauthenticatedCallback", ...locate(expressUnchecked, "req.body") }],
    },
    {
      name: "a fresh eCom authToken kept nowhere",
      code: inlineToken,
      errors: [{ messageId: "tokenKeptNowhere", ...locate(inlineToken, "randomUUID()") }],
    },
  ],
});

cjsTester.run("verify-callback-authorization (CommonJS)", rule, {
  valid: [],
  invalid: [
    {
      name: "a consent removal callback that forgets the user without a check",
      code: consentRemoval,
      errors: [{ messageId: "unauthenticatedCallback", data: { callback: "eCom consent removal callback", token: "merchantInfo.authToken" }, ...locate(consentRemoval, "req.params") }],
    },
  ],
});
