// A small ePayment integration for an online shop, the way many are written: some calls check for errors, some
// don't. `vipps/handle-error-responses` reports the ones where a failure from Vipps would go unnoticed.
import axios from "axios";
import { Client } from "@vippsmobilepay/sdk";

const VIPPS_BASE_URL = process.env.VIPPS_BASE_URL ?? "https://apitest.vipps.no";

interface Amount {
  currency: "NOK" | "DKK" | "EUR";
  value: number;
}

function vippsHeaders(accessToken: string, idempotencyKey: string): Record<string, string> {
  return {
    Authorization: `Bearer ${accessToken}`,
    "Content-Type": "application/json",
    "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY ?? "",
    "Merchant-Serial-Number": process.env.VIPPS_MSN ?? "",
    "Idempotency-Key": idempotencyKey,
  };
}

// Reported: the body is read, but a 400 from Vipps (with its explanation) is parsed as if it were a payment.
export async function createPayment(accessToken: string, reference: string, amount: Amount) {
  const response = await fetch(`${VIPPS_BASE_URL}/epayment/v1/payments`, {
    method: "POST",
    headers: vippsHeaders(accessToken, reference),
    body: JSON.stringify({
      amount,
      paymentMethod: { type: "WALLET" },
      reference,
      returnUrl: `https://shop.example/orders/${reference}`,
      userFlow: "WEB_REDIRECT",
    }),
  });
  const payment = (await response.json()) as { redirectUrl: string };
  return payment.redirectUrl;
}

// Correct: the status is checked and the error body ends up in the thrown error.
export async function getPayment(accessToken: string, reference: string) {
  const response = await fetch(`${VIPPS_BASE_URL}/epayment/v1/payments/${reference}`, {
    headers: vippsHeaders(accessToken, reference),
  });
  if (!response.ok) {
    throw new Error(`Vipps answered ${response.status}: ${await response.text()}`);
  }
  return response.json();
}

// Reported: capture is awaited, but nobody looks at the answer.
export async function capturePayment(accessToken: string, reference: string, amount: Amount) {
  await fetch(`${VIPPS_BASE_URL}/epayment/v1/payments/${reference}/capture`, {
    method: "POST",
    headers: vippsHeaders(accessToken, `${reference}-capture`),
    body: JSON.stringify({ modificationAmount: amount }),
  });
}

// Reported twice: the refund's promise is dropped, and the catch around the cancel throws its error away.
export async function cancelOrRefund(accessToken: string, reference: string, amount: Amount, captured: boolean) {
  const headers = vippsHeaders(accessToken, `${reference}-${captured ? "refund" : "cancel"}`);
  if (captured) {
    axios.post(`${VIPPS_BASE_URL}/epayment/v1/payments/${reference}/refund`, { modificationAmount: amount }, { headers });
    return;
  }
  try {
    await axios.post(`${VIPPS_BASE_URL}/epayment/v1/payments/${reference}/cancel`, {}, { headers });
  } catch {
    // already cancelled?
  }
}

// Correct: the caller owns the response.
export function getPaymentEvents(accessToken: string, reference: string) {
  return fetch(`${VIPPS_BASE_URL}/epayment/v1/payments/${reference}/events`, {
    headers: vippsHeaders(accessToken, reference),
  });
}

const client = Client({
  merchantSerialNumber: process.env.VIPPS_MSN ?? "",
  subscriptionKey: process.env.VIPPS_SUBSCRIPTION_KEY ?? "",
  useTestMode: true,
});

// Reported: the SDK never throws; a failed payment reads `undefined` from `.data`.
export async function createPaymentWithSdk(accessToken: string, reference: string, amount: Amount) {
  const result = await client.payment.create(accessToken, {
    amount,
    paymentMethod: { type: "WALLET" },
    reference,
    returnUrl: `https://shop.example/orders/${reference}`,
    userFlow: "WEB_REDIRECT",
  });
  return result.data.redirectUrl;
}

// Correct: narrowed on `ok` before `.data` is read.
export async function getPaymentWithSdk(accessToken: string, reference: string) {
  const result = await client.payment.info(accessToken, reference);
  if (!result.ok) {
    throw new Error(`Vipps could not find payment ${reference}: ${JSON.stringify(result.error)}`);
  }
  return result.data.state;
}
