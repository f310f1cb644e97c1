// An older shop backend on the community SDK `@vippsno/vipps-sdk` (0.9.13), in CommonJS. That SDK rejects on every
// error answer and resolves the plain body on success: there is no `.ok` to check, only rejections to handle.
"use strict";

const { Vipps } = require("@vippsno/vipps-sdk");

const vipps = new Vipps({
  merchantSerialNumber: process.env.VIPPS_MSN,
  subscriptionKey: process.env.VIPPS_SUBSCRIPTION_KEY,
  clientId: process.env.VIPPS_CLIENT_ID,
  clientSecret: process.env.VIPPS_CLIENT_SECRET,
  testMode: process.env.NODE_ENV !== "production",
});

// Correct: awaited in try/catch, and the failure is logged before the order is marked.
async function createPayment(order, logger) {
  try {
    const payment = await vipps.ePayment.createPayment({
      amount: { currency: "NOK", value: order.totalInOre },
      paymentMethod: { type: "WALLET" },
      reference: order.id,
      userFlow: "WEB_REDIRECT",
      returnUrl: `https://butikk.example.no/ordre/${order.id}`,
    });
    return payment.redirectUrl;
  } catch (error) {
    logger.error({ err: error, orderId: order.id }, "Vipps create payment failed");
    order.status = "PAYMENT_FAILED";
    return null;
  }
}

// Reported: a failed refund is turned into `null` without a trace, and the customer never gets the money back.
function refundPayment(order, amountInOre) {
  return vipps.ePayment
    .refundPayment(order.id, { modificationAmount: { currency: "NOK", value: amountInOre } })
    .catch(() => null);
}

module.exports = { createPayment, refundPayment };
