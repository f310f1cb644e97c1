// Express checkout ("Vipps Hurtigkasse") in the old Express app, still on request-promise.
const rp = require("request-promise");

const config = {
  publicUrl: process.env.PUBLIC_URL || "https://www.example.no",
  vipps: {
    baseUrl: process.env.VIPPS_BASE_URL || "https://apitest.vipps.no",
    subscriptionKey: process.env.VIPPS_SUBSCRIPTION_KEY,
    merchantSerialNumber: process.env.VIPPS_MSN,
  },
};

const VIPPS_TEST_MOBILE = "+47 9123 456";

function vippsHeaders(accessToken) {
  return {
    Authorization: `Bearer ${accessToken}`,
    "Ocp-Apim-Subscription-Key": config.vipps.subscriptionKey,
    "Merchant-Serial-Number": config.vipps.merchantSerialNumber,
  };
}

async function initiateExpressPayment(accessToken, order, user) {
  const body = {
    customerInfo: {
      mobileNumber: user ? user.mobile : VIPPS_TEST_MOBILE,
    },
    merchantInfo: {
      merchantSerialNumber: config.vipps.merchantSerialNumber,
      callbackPrefix: `${config.publicUrl}/vipps/callback`,
      shippingDetailsPrefix: `${config.publicUrl}/vipps/shipping`,
      consentRemovalPrefix: `${config.publicUrl}/vipps/consent`,
      fallBack: `${config.publicUrl}/order/${order.id}`,
      paymentType: "eComm Express Payment",
    },
    transaction: {
      orderId: order.id,
      amount: order.amount,
      transactionText: "Nettbutikk",
      useExplicitCheckoutFlow: true,
    },
  };
  return rp.post({
    uri: `${config.vipps.baseUrl}/ecomm/v2/payments`,
    headers: vippsHeaders(accessToken),
    json: body,
  });
}

async function refund(accessToken, orderId, amount) {
  return rp({
    method: "POST",
    uri: `${config.vipps.baseUrl}/ecomm/v2/payments/${orderId}/refund`,
    headers: vippsHeaders(accessToken),
    body: {
      merchantInfo: { merchantSerialNumber: config.vipps.merchantSerialNumber },
      transaction: { amount, transactionText: "Retur" },
    },
    json: true,
  });
}

module.exports = { initiateExpressPayment, refund };
