import { createHash, createHmac } from "node:crypto";
import * as crypto from "node:crypto";
import { runInNewContext } from "node:vm";
import type { RunTests } from "@typescript-eslint/rule-tester";
import type { ESLintUtils } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import rule from "../../rules/verify-webhook-signature.js";
import { isSigningString } from "../../src/detect/inbound-verification.js";
import { jsTester, jsWithGlobalsTester, locate, tsTester } from "../support/testers.js";

type Tests = RunTests<ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>, ESLintUtils.InferOptionsTypeFromRule<typeof rule>>;

/** The scheme done right in an Express route with a raw body parser (run against a real signature below). */
const EXPRESS_REFERENCE_HANDLER = `(req, res) => {
  const date = req.get("x-ms-date");
  const contentHash = req.get("x-ms-content-sha256");
  const hash = crypto.createHash("sha256").update(req.body).digest("base64");
  const signed = \`POST\\n\${req.originalUrl}\\n\${date};\${req.get("host")};\${hash}\`;
  const signature = crypto.createHmac("sha256", process.env.VIPPS_WEBHOOK_SECRET).update(signed).digest("base64");
  const expected = \`HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=\${signature}\`;
  if (hash !== contentHash || req.get("authorization") !== expected) return res.sendStatus(401);
  const event = JSON.parse(req.body.toString("utf8"));
  if (event.name === "CAPTURED") ship(event.reference);
  return res.sendStatus(200);
}`;

const EXPRESS_REFERENCE = `import crypto from "node:crypto";
import express from "express";
const app = express();
app.post("/vipps/webhook", express.raw({ type: "application/json" }), ${EXPRESS_REFERENCE_HANDLER});`;

/** The scheme done right in a Next.js App Router route. */
const NEXT_REFERENCE = `import { createHash, createHmac, timingSafeEqual } from "node:crypto";
export async function POST(request) {
  const raw = await request.text();
  const url = new URL(request.url);
  const date = request.headers.get("x-ms-date") ?? "";
  const hash = createHash("sha256").update(raw).digest("base64");
  const signed = "POST\\n" + url.pathname + url.search + "\\n" + date + ";" + url.host + ";" + hash;
  const signature = createHmac("sha256", process.env.VIPPS_WEBHOOK_SECRET).update(signed).digest("base64");
  const expected = Buffer.from("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + signature);
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return new Response("unauthorized", { status: 401 });
  const event = JSON.parse(raw);
  await markPaid(event.reference);
  return new Response("ok");
}`;

const WEBHOOK_ROUTE = "app/api/vipps/webhook/route.ts";

const shared: Tests = {
  valid: [
    { name: "the scheme in an Express route with express.raw()", code: EXPRESS_REFERENCE },
    {
      name: "the same route at a path that does not name Vipps is another provider's",
      code: `import { markPaid } from "@/lib/orders";
export async function POST(request) {
  const event = await request.json();
  await markPaid(event.reference);
  return new Response("ok");
}`,
      filename: "app/api/shop/webhook/route.ts",
    },
    { name: "the scheme in a Next.js route, compared in constant time", code: NEXT_REFERENCE, filename: WEBHOOK_ROUTE, options: [{ constantTimeComparison: true }] },
    {
      name: "a verifying helper given the request is trusted",
      code: `export async function POST(request) {
  const raw = await request.text();
  if (!(await verifyVippsWebhook(request, raw))) return new Response("no", { status: 401 });
  const event = JSON.parse(raw);
  await markPaid(event.reference);
  return new Response("ok");
}`,
      filename: WEBHOOK_ROUTE,
    },
    {
      name: "a helper that validates, given the request, is trusted",
      code: `export default async function handler(req, res) {
  if (!validateAuthorization(req, res, process.env.VIPPS_WEBHOOK_SECRET)) return res.end();
  await markPaid(req.body.reference);
  res.end();
}`,
      filename: "pages/api/vipps/webhooks/charge.ts",
    },
    {
      name: "a webhook that only logs what it gets",
      code: `router.post("/vipps/webhook", (req, res) => { console.log("Vipps webhook", req.body); res.sendStatus(200); });`,
    },
    {
      name: "a handler that hands the whole request on reads no payload itself",
      code: `export async function POST(request) { return handleVippsEvent(request); }`,
      filename: WEBHOOK_ROUTE,
    },
    {
      name: "a call that validates the payload, not the request, is no verification: but a call named for signatures is trusted",
      code: `router.post("/vipps/webhook", (req, res) => { checkSignature(req.headers, req.body); markPaid(req.body.reference); res.end(); });`,
    },
    {
      name: "a Stripe webhook in a file that also calls Vipps",
      code: `import express from "express";
const app = express();
app.post("/webhooks/stripe", express.raw({ type: "application/json" }), (req, res) => {
  const event = stripe.webhooks.constructEvent(req.body, req.headers["stripe-signature"], secret);
  fulfil(event.data.object);
  res.json({ received: true });
});
await fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify(payment) });`,
    },
    {
      name: "a GitHub webhook with a hex HMAC of the body",
      code: `import crypto from "node:crypto";
app.post("/github/webhook", (req, res) => {
  const digest = "sha256=" + crypto.createHmac("sha256", process.env.GITHUB_SECRET).update(req.rawBody).digest("hex");
  if (digest !== req.headers["x-hub-signature-256"]) return res.sendStatus(401);
  deploy(req.body.ref);
  res.end();
});
const vippsNote = "payments go through vipps elsewhere";`,
    },
    {
      name: "an eCom callback is not a webhook (verify-callback-authorization checks it)",
      code: `app.post("/vipps/v2/payments/:orderId", (req, res) => { markPaid(req.params.orderId, req.body.transactionInfo.status); res.sendStatus(200); });`,
    },
    { name: "known event names, both spellings where each API uses them", code: `const events = ["recurring.charge-canceled.v1", "epayments.payment.cancelled.v1", "recurring.agreement-stopped.v1"];` },
  ],
  invalid: [
    (() => {
      const code = `router.post("/vipps/webhook", (req, res) => { validateOrder(req.body); markPaid(req.body.reference); res.end(); });`;
      return {
        name: "a validation of the payload is no verification of the delivery",
        code,
        output: null,
        errors: [{ messageId: "missingVerification" as const, ...locate(code, "req.body") }],
      };
    })(),
    (() => {
      const code = `import { markPaid } from "@/lib/vipps";
export async function POST(request) {
  const event = await request.json();
  if (event.name === "CAPTURED") await markPaid(event.reference);
  return new Response("ok");
}`;
      return {
        name: "a Next.js webhook route that verifies nothing",
        code,
        filename: WEBHOOK_ROUTE,
        output: null,
        errors: [{ messageId: "missingVerification" as const, ...locate(code, "request.json()") }],
      };
    })(),
    (() => {
      // Nothing in the text names Vipps: the route's path does (the rule kit's fileHint lets the file through).
      const code = `import { markPaid } from "@/lib/orders";
export async function POST(request) {
  const event = await request.json();
  await markPaid(event.reference);
  return new Response("ok");
}`;
      return {
        name: "a route whose path alone shows it is the Vipps webhook",
        code,
        filename: WEBHOOK_ROUTE,
        output: null,
        errors: [{ messageId: "missingVerification" as const, ...locate(code, "request.json()") }],
      };
    })(),
    (() => {
      const code = `import express from "express";
const router = express.Router();
router.post("/vipps/webhook", async (req, res) => {
  await markPaid(req.body.reference);
  if (!verifySignature(req)) return res.sendStatus(401);
  res.sendStatus(200);
});`;
      return {
        name: "verification after the payload is acted on",
        code,
        output: null,
        errors: [{ messageId: "verifiedTooLate" as const, data: { line: 5 }, ...locate(code, "markPaid(req.body.reference)") }],
      };
    })(),
    (() => {
      const code = `import crypto from "node:crypto";
app.post("/vipps/webhook", (req, res) => {
  const hash = crypto.createHash("sha256").update(JSON.stringify(req.body)).digest("base64");
  if (hash !== req.headers["x-ms-content-sha256"]) return res.sendStatus(401);
  markPaid(req.body.reference);
  res.end();
});`;
      return {
        name: "a hash of the re-serialised body",
        code,
        output: null,
        errors: [
          // Only the content hash is checked, and no signature: anyone can hash a body they send.
          { messageId: "contentHashOnly" as const, ...locate(code, 'crypto.createHash("sha256")') },
          { messageId: "reserialisedBody" as const, ...locate(code, "JSON.stringify(req.body)") },
        ],
      };
    })(),
    (() => {
      const code = `import { createHmac } from "node:crypto";
export const handler = async (event) => {
  const hash = createHmac("sha256", process.env.VIPPS_SECRET).update(event.body).digest("base64");
  if (hash !== event.headers["x-ms-content-sha256"]) return { statusCode: 401 };
  await markPaid(JSON.parse(event.body).reference);
  return { statusCode: 200 };
};`;
      return {
        name: "a Netlify function that takes an HMAC of the body for the content hash",
        code,
        filename: "netlify/functions/vipps-webhook.js",
        output: null,
        errors: [{ messageId: "hmacOfBody" as const, ...locate(code, "event.body).digest") , endColumn: locate(code, "event.body).digest").column + "event.body".length }],
      };
    })(),
    (() => {
      const code = `import crypto from "node:crypto";
app.post("/vipps/webhook", express.raw({ type: "*/*" }), (req, res) => {
  const hash = crypto.createHash("sha256").update(req.body).digest("hex");
  const signed = \`POST\\n\${req.originalUrl}\\n\${req.get("x-ms-date")};\${req.get("host")};\${hash}\`;
  const signature = crypto.createHmac("sha256", Buffer.from(process.env.VIPPS_SECRET, "base64")).update(signed).digest("base64");
  if (!req.get("authorization").endsWith(signature)) return res.sendStatus(401);
  res.end();
});`;
      const hexAt = locate(code, '"hex"');
      const keyAt = locate(code, 'Buffer.from(process.env.VIPPS_SECRET, "base64")');
      return {
        name: "a hex digest and a base64-decoded secret",
        code,
        output: null,
        errors: [
          { messageId: "hexDigest" as const, ...hexAt, suggestions: [{ messageId: "useBase64" as const, output: code.replace('"hex"', '"base64"') }] },
          {
            messageId: "decodedSecret" as const,
            ...keyAt,
            suggestions: [{ messageId: "useSecretAsGiven" as const, output: code.replace('Buffer.from(process.env.VIPPS_SECRET, "base64")', "process.env.VIPPS_SECRET") }],
          },
        ],
      };
    })(),
    (() => {
      const code = `import crypto from "node:crypto";
app.post("/vipps/webhook", express.raw({ type: "*/*" }), (req, res) => {
  const hash = crypto.createHash("sha256").update(req.body).digest("base64");
  const signed = \`\${req.get("x-ms-date")}\\n\${req.get("host")}\\n\${hash}\`;
  const signature = crypto.createHmac("sha256", process.env.VIPPS_SECRET).update(signed).digest("base64");
  if (!req.get("authorization").endsWith(signature)) return res.sendStatus(401);
  res.end();
});`;
      return {
        name: "a signing string without the method and path",
        code,
        output: null,
        errors: [{ messageId: "badSigningString" as const, ...locate(code, "signed).digest"), endColumn: locate(code, "signed).digest").column + "signed".length }],
      };
    })(),
    (() => {
      const code = `app.post("/api/vipps-webhook", (req, res) => {
  if (req.headers.authorization !== \`Bearer \${process.env.VIPPS_WEBHOOK_SECRET}\`) return res.sendStatus(401);
  markPaid(req.body.reference);
  res.end();
});`;
      return {
        name: "Authorization compared with Bearer and the secret",
        code,
        output: null,
        errors: [
          { messageId: "authorizationIsNotSecret" as const, ...locate(code, "req.headers.authorization !== `Bearer ${process.env.VIPPS_WEBHOOK_SECRET}`") },
          { messageId: "missingVerification" as const, ...locate(code, "req.body") },
        ],
      };
    })(),
    (() => {
      const code = `await client.webhook.register(token, { url: "https://shop.example/vipps/webhook", events: ["recurring.charge-cancelled.v1", 'epayments.payment.paid.v1'] });`;
      return {
        name: "event names that do not exist: the Recurring spelling is fixed, an unknown name reported",
        code,
        output: code.replace("recurring.charge-cancelled.v1", "recurring.charge-canceled.v1"),
        errors: [
          { messageId: "unknownEvent" as const, data: { name: "recurring.charge-cancelled.v1", hint: '; the name is "recurring.charge-canceled.v1"' }, ...locate(code, '"recurring.charge-cancelled.v1"') },
          { messageId: "unknownEvent" as const, data: { name: "epayments.payment.paid.v1", hint: "" }, ...locate(code, "'epayments.payment.paid.v1'") },
        ],
      };
    })(),
    (() => {
      const code = `export async function POST(request) {
  const body = await request.text();
  const hash = createHash("sha256").update(body).digest("base64");
  if (hash !== request.headers.get("x-ms-content-sha256")) return new Response("no", { status: 401 });
  return new Response("ok");
}`;
      return {
        name: "with constantTimeComparison: a content hash compared with !==",
        code,
        filename: WEBHOOK_ROUTE,
        options: [{ constantTimeComparison: true }],
        output: null,
        errors: [
          { messageId: "contentHashOnly" as const, ...locate(code, 'createHash("sha256")') },
          { messageId: "notConstantTime" as const, data: { operator: "!==" }, ...locate(code, 'hash !== request.headers.get("x-ms-content-sha256")') },
        ],
      };
    })(),
  ],
};

jsTester.run("verify-webhook-signature (JavaScript, no globals declared)", rule, shared);
jsWithGlobalsTester.run("verify-webhook-signature (JavaScript, globals declared)", rule, shared);
tsTester.run("verify-webhook-signature (TypeScript)", rule, {
  valid: [
    {
      name: "a typed Hono route that verifies with a helper",
      code: `import { Hono } from "hono";
const app = new Hono();
app.post("/vipps/webhook", async (c) => {
  const raw: string = await c.req.text();
  if (!verifyWebhookSignature(raw, c.req.header("x-ms-date") as string, c.req.header("authorization"))) return c.text("no", 401);
  const event = JSON.parse(raw) as { reference: string };
  await markPaid(event.reference);
  return c.text("ok");
});`,
    },
  ],
  invalid: [
    (() => {
      const code = `import { Hono } from "hono";
const app = new Hono();
app.post("/vipps/webhook", async (c) => {
  const event = (await c.req.json()) as { reference: string };
  await markPaid(event.reference);
  return c.text("ok");
});`;
      return {
        name: "a typed Hono route that verifies nothing",
        code,
        output: null,
        errors: [{ messageId: "missingVerification" as const, ...locate(code, "c.req.json()") }],
      };
    })(),
  ],
});

describe("the reference implementation", () => {
  const secret = "090a478d-37ff-4e77-970e-d457aeb26a3a";
  const path = "/vipps/webhook?shop=1";
  const host = "shop.example";
  const date = "Thu, 26 Nov 2026 08:00:00 GMT";
  const body = Buffer.from('{"msn":"123456","reference":"order-1","name":"CAPTURED","success":true}');
  const contentHash = createHash("sha256").update(body).digest("base64");
  const signature = createHmac("sha256", secret).update(`POST\n${path}\n${date};${host};${contentHash}`).digest("base64");
  const headers: Record<string, string> = {
    "x-ms-date": date,
    "x-ms-content-sha256": contentHash,
    host,
    authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
  };

  /** Runs the Express reference handler on a delivery; returns the status it answers and what it shipped. */
  function deliver(raw: Buffer, given: Record<string, string>): { status: number | undefined; shipped: string[] } {
    const shipped: string[] = [];
    let status: number | undefined;
    const handler = runInNewContext(`(${EXPRESS_REFERENCE_HANDLER})`, {
      crypto,
      JSON,
      process: { env: { VIPPS_WEBHOOK_SECRET: secret } },
      ship: (reference: string) => shipped.push(reference),
    }) as (req: unknown, res: unknown) => void;
    handler({ body: raw, originalUrl: path, get: (name: string) => given[name.toLowerCase()] }, { sendStatus: (code: number) => (status = code) });
    return { status, shipped };
  }

  it("accepts a delivery signed as Vipps signs it", () => {
    expect(deliver(body, headers)).toEqual({ status: 200, shipped: ["order-1"] });
  });
  it("rejects a tampered body and a wrong signature", () => {
    expect(deliver(Buffer.from(body.toString().replace("order-1", "order-2")), headers)).toEqual({ status: 401, shipped: [] });
    expect(deliver(body, { ...headers, authorization: headers.authorization?.replace(/Signature=./, "Signature=A") ?? "" })).toEqual({ status: 401, shipped: [] });
  });
  it("knows the shape of the signed string", () => {
    expect(isSigningString(`POST\n\u0000\n\u0000;\u0000;\u0000`)).toBe(true);
    expect(isSigningString(`\u0000\n\u0000\n\u0000`)).toBe(false);
    expect(isSigningString(`GET\n\u0000\n\u0000;\u0000;\u0000`)).toBe(false);
  });
});
