import { Linter } from "eslint";
import { runInNewContext } from "node:vm";
import * as espree from "espree";
import { describe, expect, it } from "vitest";
import rule from "../../rules/handle-error-responses.js";

/**
 * Runs code repaired by handle-error-responses against stub SDK clients, in each outcome each SDK really has:
 * `@vippsno/vipps-sdk` 0.9.13 resolves the raw body (no `ok`) and rejects on a non-2xx; `@vippsmobilepay/sdk` 2.4
 * resolves `{ ok, data | error }` and also rejects (network errors, a retried POST). A repair must keep the success
 * path working and let each failure reach the caller.
 */

const config = [
  {
    plugins: { vipps: { rules: { "handle-error-responses": rule as never } } },
    rules: { "vipps/handle-error-responses": ["error", { autofix: true }] as never },
    languageOptions: { parser: espree as never, sourceType: "module" as const, ecmaVersion: "latest" as const },
  },
];

function repair(code: string): string {
  return new Linter({ configType: "flat" }).verifyAndFix(code, config).output;
}

type Call = (...args: unknown[]) => Promise<unknown>;

/**
 * The module's exported function, run in a fresh context where the SDK import is `sdk` and `console` is `logger`
 * (silent by default).
 */
function load(code: string, exported: string, sdk: Record<string, unknown>, logger: object = { error: () => undefined }): Call {
  const body = code.replace(/^import [^\n]*\n/, "").replaceAll("export ", "");
  return runInNewContext(`${body}\n${exported};`, { ...sdk, console: logger, JSON, Error }) as Call;
}

const resolves = (value: unknown): Call => () => Promise.resolve(value);
const rejects = (error: Error): Call => () => Promise.reject(error);

/** `new Vipps(...)` whose ePayment methods all answer with `call`. */
function vippsNo(call: Call) {
  return {
    Vipps: class {
      readonly ePayment = { createPayment: call, getPayment: call, cancelPayment: call };
    },
  };
}

/** `Client(...)` whose payment methods all answer with `call`. */
function vippsMobilePay(call: Call) {
  return { Client: () => ({ payment: { create: call, info: call, cancel: call } }) };
}

const HTTP_ERROR = new Error("POST /epayment/v1/payments 400 {\"title\":\"Bad Request\"}");

describe("@vippsno/vipps-sdk 0.9.13: a rejecting client", () => {
  const dropped = `import { Vipps } from "@vippsno/vipps-sdk";
const vipps = new Vipps({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export async function createPayment(payment) {
  vipps.ePayment.createPayment(payment);
  return "created";
}`;

  it("the repaired call still succeeds on a body without ok, and the rejection reaches the caller", async () => {
    const fixed = repair(dropped);
    expect(fixed).not.toContain(".ok");
    expect(fixed).toContain("await vipps.ePayment.createPayment(payment)");
    const success = load(fixed, "createPayment", vippsNo(resolves({ reference: "order-1", redirectUrl: "https://pay" })));
    await expect(success({})).resolves.toBe("created");
    const failure = load(fixed, "createPayment", vippsNo(rejects(HTTP_ERROR)));
    await expect(failure({})).rejects.toBe(HTTP_ERROR);
    // Before the repair the rejection was lost: the function reported success.
    const unrepaired = load(dropped, "createPayment", vippsNo(() => new Promise<never>(() => undefined)));
    await expect(unrepaired({})).resolves.toBe("created");
  });

  it("leaves correct code alone: the raw body is the success value", async () => {
    const code = `import { Vipps } from "@vippsno/vipps-sdk";
const vipps = new Vipps({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export async function createPayment(payment) {
  const result = await vipps.ePayment.createPayment(payment);
  return result.redirectUrl;
}`;
    expect(repair(code)).toBe(code);
    await expect(load(code, "createPayment", vippsNo(resolves({ redirectUrl: "https://pay" })))({})).resolves.toBe("https://pay");
    await expect(load(code, "createPayment", vippsNo(rejects(HTTP_ERROR)))({})).rejects.toBe(HTTP_ERROR);
  });

  it("a swallowing .catch, repaired, still sees the error", async () => {
    const code = `import { Vipps } from "@vippsno/vipps-sdk";
const vipps = new Vipps({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export function cancel(reference) {
  return vipps.ePayment.cancelPayment(reference).catch(() => null);
}`;
    const fixed = repair(code);
    expect(fixed).not.toContain(".ok");
    const seen: unknown[] = [];
    const cancel = load(fixed, "cancel", vippsNo(rejects(HTTP_ERROR)), { error: (...args: unknown[]) => seen.push(...args) });
    await expect(cancel("order-1")).resolves.toBeNull();
    expect(seen).toContain(HTTP_ERROR);
    await expect(load(fixed, "cancel", vippsNo(resolves({ state: "ABORTED" })))("order-1")).resolves.toEqual({ state: "ABORTED" });
  });
});

describe("@vippsmobilepay/sdk 2.4: a result that may also reject", () => {
  const unchecked = `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export async function createPayment(token, body) {
  const result = await client.payment.create(token, body);
  return result.data.redirectUrl;
}`;

  it("the repaired call returns on ok, throws on { ok: false } and passes a rejection on", async () => {
    const fixed = repair(unchecked);
    expect(fixed).toContain("if (!result.ok)");
    const ok = load(fixed, "createPayment", vippsMobilePay(resolves({ ok: true, data: { redirectUrl: "https://pay" } })));
    await expect(ok("token", {})).resolves.toBe("https://pay");
    const failed = load(fixed, "createPayment", vippsMobilePay(resolves({ ok: false, error: { message: "Bad Request" } })));
    await expect(failed("token", {})).rejects.toThrow(/create payment failed: \{"message":"Bad Request"\}/);
    const network = new TypeError("fetch failed");
    const rejected = load(fixed, "createPayment", vippsMobilePay(rejects(network)));
    await expect(rejected("token", {})).rejects.toBe(network);
  });

  it("a dropped call, repaired in two passes, is awaited and checked", async () => {
    const code = `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "key" });
export async function cancel(token, reference) {
  client.payment.cancel(token, reference);
  return "cancelled";
}`;
    const fixed = repair(code);
    expect(fixed).toContain("await client.payment.cancel(token, reference)");
    expect(fixed).toContain("if (!result.ok)");
    await expect(load(fixed, "cancel", vippsMobilePay(resolves({ ok: true, data: {} })))("t", "r")).resolves.toBe("cancelled");
    await expect(load(fixed, "cancel", vippsMobilePay(resolves({ ok: false, error: "Conflict" })))("t", "r")).rejects.toThrow(/Conflict/);
    await expect(load(fixed, "cancel", vippsMobilePay(rejects(HTTP_ERROR)))("t", "r")).rejects.toBe(HTTP_ERROR);
  });
});
