import tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { getInboundHandlers, type InboundHandler } from "../../src/detect/inbound.js";
import { CALLBACK_REGISTRATIONS } from "../../src/vipps/webhooks.js";
import { SPEC_ENDPOINTS } from "../../src/spec/endpoints.generated.js";

interface Found {
  readonly framework: string;
  readonly kind: string;
  readonly route: string;
  readonly method: string | undefined;
  readonly evidence: string[];
  readonly body: string[];
  readonly headers: (string | undefined)[];
  readonly rawParser: boolean;
}

/** Runs the finder on `code` as ESLint would, with the file at `filename`. */
function inbound(code: string, filename = "src/server.ts", settings: Record<string, unknown> = {}): Found[] {
  let handlers: readonly InboundHandler[] = [];
  const probe: TSESLint.RuleModule<string, []> = {
    defaultOptions: [],
    meta: { type: "problem", messages: {}, schema: [] },
    create(context) {
      return {
        Program() {
          handlers = getInboundHandlers(context);
        },
      };
    },
  };
  const linter = new Linter({ configType: "flat", cwd: "/project" });
  const messages = linter.verify(
    code,
    {
      files: ["**/*.ts", "**/*.js"],
      plugins: { probe: { rules: { inbound: probe as never } } },
      rules: { "probe/inbound": "error" },
      settings,
      languageOptions: { parser: tsParser, sourceType: "module" },
    },
    `/project/${filename}`,
  );
  if (messages[0]) throw new Error(messages[0].message);
  return handlers.map((handler) => ({
    framework: handler.framework,
    kind: handler.kind,
    route: handler.route,
    method: handler.method,
    evidence: handler.evidence.map((item) => item.type),
    body: handler.bodyReads.map((read) => `${read.how}:${code.slice(...read.node.range)}`),
    headers: handler.headerReads.map((read) => read.name),
    rawParser: handler.rawParser,
  }));
}

describe("inbound Vipps handlers", () => {
  it("finds a Next.js App Router webhook by its path and reads its raw text and headers", () => {
    const found = inbound(
      `
      export async function POST(request: Request) {
        const raw = await request.text();
        const hash = request.headers.get("x-ms-content-sha256");
        const date = request.headers.get("X-MS-Date");
        return new Response(raw && hash && date ? "ok" : "no");
      }
      export async function GET() { return new Response("ok"); }
      `,
      "src/app/api/vipps/webhook/route.ts",
    );
    expect(found).toEqual([
      {
        framework: "next-app",
        kind: "webhook",
        route: "/api/vipps/webhook",
        method: "POST",
        evidence: ["signature-headers", "path"],
        body: ["text:request.text()"],
        headers: ["x-ms-content-sha256", "x-ms-date"],
        rawParser: false,
      },
    ]);
  });

  it("finds Express routes by eCom callback paths, with their methods and kinds, and sees express.raw() on a route", () => {
    const found = inbound(`
      import express from "express";
      const app = express();
      app.post("/vipps/v2/payments/:orderId", (req, res) => { markPaid(req.body.orderId); res.sendStatus(200); });
      app.post("/vipps/v2/payments/:orderId/shippingDetails", async (req, res) => res.json(quote(req.body)));
      app.delete("/vipps/v2/consents/:userId", (req, res) => { forget(req.params.userId); res.end(); });
      app.post("/hooks/vipps", express.raw({ type: "application/json" }), (req, res) => { verify(req.body, req.get("x-ms-date")); });
      app.post("/orders/:id", (req, res) => res.json(req.body));
    `);
    expect(found.map(({ kind, route, method, evidence, rawParser }) => ({ kind, route, method, evidence, rawParser }))).toEqual([
      { kind: "ecom-callback", route: "/vipps/v2/payments/:orderId", method: "POST", evidence: ["ecom-route"], rawParser: false },
      { kind: "ecom-shipping", route: "/vipps/v2/payments/:orderId/shippingDetails", method: "POST", evidence: ["ecom-route"], rawParser: false },
      { kind: "ecom-consent", route: "/vipps/v2/consents/:userId", method: "DELETE", evidence: ["ecom-route"], rawParser: false },
      { kind: "webhook", route: "/hooks/vipps", method: "POST", evidence: ["signature-headers"], rawParser: true },
    ]);
    expect(found[3]?.body).toEqual(["body:req.body"]);
    expect(found[3]?.headers).toEqual(["x-ms-date"]);
  });

  it("ties a route to the registration or initiate request in the same file that points at it", () => {
    const found = inbound(`
      import express from "express";
      const router = express.Router();
      const BASE = process.env.PUBLIC_URL;
      await fetch("https://api.vipps.no/webhooks/v1/webhooks", {
        method: "POST", headers: { Authorization: "Bearer " + token },
        body: JSON.stringify({ url: \`\${BASE}/payments/events\`, events: ["epayments.payment.captured.v1"] }),
      });
      router.post("/payments/events", (req, res) => { handle(req.body); res.sendStatus(200); });
      router.post("/payments/other", (req, res) => { handle(req.body); res.sendStatus(200); });
    `);
    expect(found.map(({ kind, route, evidence }) => ({ kind, route, evidence }))).toEqual([
      { kind: "webhook", route: "/payments/events", evidence: ["registration"] },
    ]);
  });

  it("reads Koa, Hono, Fastify, Firebase, Deno and Netlify requests", () => {
    expect(
      inbound(`
        import Router from "@koa/router";
        const router = new Router();
        router.post("/vipps/webhook", async (ctx) => { const sig = ctx.get("x-ms-content-sha256"); handle(ctx.request.rawBody, ctx.request.body, sig); });
      `).map(({ framework, body, headers }) => ({ framework, body, headers })),
    ).toEqual([{ framework: "koa", body: ["raw:ctx.request.rawBody", "body:ctx.request.body"], headers: ["x-ms-content-sha256"] }]);
    expect(
      inbound(`
        import { Hono } from "hono";
        const app = new Hono();
        app.post("/vipps/callback", async (c) => { const body = await c.req.json(); const date = c.req.header("x-ms-date"); return c.text(body.reference + date); });
      `).map(({ framework, kind, body, headers }) => ({ framework, kind, body, headers })),
    ).toEqual([{ framework: "hono", kind: "webhook", body: ["parsed:c.req.json()"], headers: ["x-ms-date"] }]);
    expect(
      inbound(`
        import Fastify from "fastify";
        const fastify = Fastify();
        fastify.route({ method: "POST", url: "/vipps-webhook", handler: async (request, reply) => { const { msn, reference } = request.body; return settle(msn, reference); } });
      `).map(({ framework, kind, method, evidence }) => ({ framework, kind, method, evidence })),
    ).toEqual([{ framework: "fastify", kind: "webhook", method: "POST", evidence: ["payload-fields", "path"] }]);
    expect(
      inbound(`
        import { onRequest } from "firebase-functions/v2/https";
        export const vippsCallback = onRequest(async (req, res) => { const { transactionInfo, orderId } = req.body; await save(orderId, transactionInfo.status); res.sendStatus(200); });
      `, "functions/src/index.ts").map(({ framework, kind, body }) => ({ framework, kind, body })),
    ).toEqual([{ framework: "firebase", kind: "ecom-callback", body: ["body:req.body"] }]);
    expect(
      inbound(`
        Deno.serve(async (req) => { const event = await req.json(); if (event.name === "CAPTURED" && event.msn) await capture(event.reference); return new Response("ok"); });
      `, "supabase/functions/vipps-webhook/index.ts").map(({ framework, kind, route, body }) => ({ framework, kind, route, body })),
    ).toEqual([{ framework: "deno", kind: "webhook", route: "/vipps-webhook", body: ["parsed:req.json()"] }]);
    expect(
      inbound(`
        export const handler = async (event) => { const hash = event.headers["x-ms-content-sha256"]; return check(event.body, hash); };
      `, "netlify/functions/payments.js").map(({ framework, kind, body, headers }) => ({ framework, kind, body, headers })),
    ).toEqual([{ framework: "netlify", kind: "webhook", body: ["text:event.body"], headers: ["x-ms-content-sha256"] }]);
  });

  it("finds a pages API handler by its event-name comparison, and follows destructured headers", () => {
    const found = inbound(
      `
      export default async function handler(req, res) {
        const { headers, body } = req;
        const { "x-ms-date": date } = headers;
        if (body.name === "recurring.charge-captured.v1") await charge(body.chargeId, date);
        res.status(200).end();
      }
      `,
      "pages/api/payments.js",
    );
    expect(found.map(({ framework, kind, evidence, body, headers }) => ({ framework, kind, evidence, body, headers }))).toEqual([
      { framework: "next-pages", kind: "webhook", evidence: ["signature-headers", "event-names"], body: ["body:body"], headers: [undefined, "x-ms-date"] },
    ]);
  });

  it("stays silent on other providers' webhooks, Vipps fallback pages and plain APIs", () => {
    expect(
      inbound(`
        import express from "express";
        import Stripe from "stripe";
        const app = express();
        app.post("/webhooks/stripe", express.raw({ type: "application/json" }), (req, res) => {
          const event = stripe.webhooks.constructEvent(req.body, req.headers["stripe-signature"], secret);
          res.json({ received: true });
        });
        app.post("/github/webhook", (req, res) => { verifyGithub(req.headers["x-hub-signature-256"], req.body); res.end(); });
        app.get("/vipps/callback", (req, res) => res.redirect("/thanks")); // the fallBack page, not a callback
        app.post("/api/payments/:orderId", (req, res) => res.json(create(req.body)));
        const vipps = "used to pay elsewhere";
      `),
    ).toEqual([]);
    expect(inbound(`export async function POST(req) { return Response.json(await req.json()); }`, "app/api/stripe/webhook/route.ts")).toEqual([]);
    // Names every object inherits are no route methods or body readers.
    expect(inbound(`app.toString("/vipps/webhook", (req, res) => res.end(req.body));`)).toEqual([]);
    expect(
      inbound(`app.post("/vipps/webhook", (req, res) => { constructor(req); req.constructor(); res.end(); });`).map(({ body }) => body),
    ).toEqual([[]]);
    // Adyen notifications carry pspReference too, without msn.
    expect(inbound(`export default function handler(req, res) { const { pspReference, eventCode } = req.body; save(pspReference, eventCode); res.end("[accepted]"); }`, "pages/api/vipps-adyen.js")).toEqual([]);
  });

  it("takes handlers from settings.vipps.inboundHandlers: files with their handlers, and named functions", () => {
    const code = `
      export async function POST(req: Request) { return process(await req.json()); }
      export async function handlePaymentEvent(req, res) { res.end(); }
    `;
    expect(inbound(code, "app/api/notify/route.ts")).toEqual([]);
    expect(
      inbound(code, "app/api/notify/route.ts", { vipps: { inboundHandlers: [{ files: ["app/api/notify/**"], kind: "webhook" }] } }).map(({ framework, kind }) => ({ framework, kind })),
    ).toEqual([{ framework: "next-app", kind: "webhook" }]);
    expect(
      inbound(code, "lib/events.ts", { vipps: { inboundHandlers: [{ functions: ["handlePaymentEvent"], kind: "ecom-callback" }] } }).map(({ framework, kind, evidence }) => ({ framework, kind, evidence })),
    ).toEqual([{ framework: "named", kind: "ecom-callback", evidence: ["settings"] }]);
    expect(() => inbound(code, "x.ts", { vipps: { inboundHandlers: [{ files: ["a"], kind: "hook" }] } })).toThrow(
      /settings\.vipps\.inboundHandlers\[0\]\.kind must be one of "webhook", .*; got "hook"/,
    );
    expect(() => inbound(code, "x.ts", { vipps: { inboundHandlers: [{ kind: "webhook" }] } })).toThrow(/needs "files".*"functions"/);
  });

  it("keeps the eCom and Checkout registration fields as the specs state their callbacks", () => {
    for (const registration of CALLBACK_REGISTRATIONS.filter((item) => /^(ecom|checkout)\./.test(item.endpoint))) {
      const callback = SPEC_ENDPOINTS.find((endpoint) => endpoint.callback && endpoint.callbackUrlField === registration.field);
      expect(callback, registration.field).toBeDefined();
      expect(callback?.path ?? "").toBe(registration.suffix);
    }
  });
});
