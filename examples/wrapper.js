// The furniture shop's own Vipps client: every call goes through `vippsFetch({ uri, body })`, which adds the
// base URL, the headers and the access token. The demo's eslint.config.js tells the plugin about it in
// `settings.vipps.wrappers`.
import fetch from "node-fetch";

const BASE_URL = process.env.VIPPS_BASE_URL;
let cachedToken;

async function getAccessToken() {
  if (cachedToken && cachedToken.expiresAt > Date.now() + 60_000) return cachedToken.value;
  const response = await fetch(`${BASE_URL}/accesstoken/get`, {
    method: "POST",
    headers: {
      client_id: process.env.VIPPS_CLIENT_ID,
      client_secret: process.env.VIPPS_CLIENT_SECRET,
      "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY,
    },
  });
  if (!response.ok) throw new Error(`Vipps access token: HTTP ${response.status} ${await response.text()}`);
  const { access_token: value, expires_in: expiresIn } = await response.json();
  cachedToken = { value, expiresAt: Date.now() + Number(expiresIn) * 1000 };
  return value;
}

export async function vippsFetch({ uri, method = "POST", body }) {
  const response = await fetch(BASE_URL + uri, {
    method,
    headers: {
      Authorization: `Bearer ${await getAccessToken()}`,
      "Content-Type": "application/json",
      "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY,
      "Merchant-Serial-Number": process.env.VIPPS_MSN,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Vipps ${method} ${uri}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

const defaultMerchantInfo = {
  merchantSerialNumber: process.env.VIPPS_MSN,
  callbackPrefix: "https://mobler.example.no/vipps/callback",
};

export function initiate(order, customer) {
  return vippsFetch({
    uri: "/ecomm/v2/payments",
    body: {
      customerInfo: { mobileNumber: customer.mobile ?? "912 34 567" },
      merchantInfo: { ...defaultMerchantInfo, fallBack: `https://mobler.example.no/ordre/${order.id}` },
      transaction: { orderId: order.id, amount: order.amountInOre, transactionText: "Møbelhuset" },
    },
  });
}

export function cancel(orderId) {
  return vippsFetch({
    uri: `/ecomm/v2/payments/${orderId}/cancel`,
    method: "PUT",
    body: {
      merchantInfo: { merchantSerialNumber: process.env.VIPPS_MSN },
      transaction: { transactionText: "Kansellert av kunde" },
    },
  });
}

// Staging only: approves a test payment without the app.
export function approveTestPayment(orderId) {
  return vippsFetch({
    uri: `/ecomm/v2/integration-test/payments/${orderId}/approve`,
    // The phone of our colleague in the Stockholm office.
    body: { customerPhoneNumber: "+46 70 123 45 67" },
  });
}
