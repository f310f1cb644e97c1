// A ticket shop's ePayment calls, all through one helper in this file. The helper returns the fetch promise as it is,
// so each caller owns the response and must check its status.
const VIPPS_BASE_URL = process.env.VIPPS_BASE_URL || "https://apitest.vipps.no";

function vippsRequest(path, accessToken, init = {}) {
  return fetch(`${VIPPS_BASE_URL}/epayment/v1/payments${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${accessToken}`,
      "Content-Type": "application/json",
      "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY,
      "Merchant-Serial-Number": process.env.VIPPS_MSN,
      "Idempotency-Key": crypto.randomUUID(),
    },
  });
}

// Correct: the status is checked, and Vipps's explanation ends up in the error.
export async function startPayment(accessToken, order) {
  const response = await vippsRequest("", accessToken, {
    method: "POST",
    body: JSON.stringify({
      amount: { currency: "NOK", value: order.totalInOre },
      paymentMethod: { type: "WALLET" },
      reference: order.id,
      userFlow: "WEB_REDIRECT",
      returnUrl: `https://billett.example.no/ordre/${order.id}`,
    }),
  });
  if (!response.ok) {
    throw new Error(`Vipps create payment ${order.id}: ${response.status} ${await response.text()}`);
  }
  const { redirectUrl } = await response.json();
  return redirectUrl;
}

// Reported: a 404 for an unknown reference is parsed and its `state` is undefined.
export async function paymentState(accessToken, reference) {
  const response = await vippsRequest(`/${reference}`, accessToken);
  const payment = await response.json();
  return payment.state;
}

// Reported: the capture is awaited, but a refused capture is never noticed and the tickets are sent anyway.
export async function captureAndIssue(accessToken, order, issueTickets) {
  await vippsRequest(`/${order.id}/capture`, accessToken, {
    method: "POST",
    body: JSON.stringify({ modificationAmount: { currency: "NOK", value: order.totalInOre } }),
  });
  await issueTickets(order);
}
