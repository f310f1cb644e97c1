// Vipps eCom payments for the web shop (Node 20, global fetch, no HTTP client library).
// Initiates a payment when the customer clicks "Betal med Vipps" and captures it when the order ships.
import { randomUUID } from "node:crypto";

const VIPPS_HEADERS = {
  "Content-Type": "application/json",
  "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY,
  "Merchant-Serial-Number": process.env.VIPPS_MSN,
  "Vipps-System-Name": "nettbutikk",
  "Vipps-System-Version": "4.2.0",
};

async function getAccessToken() {
  const response = await fetch(`${process.env.VIPPS_BASE_URL}/accesstoken/get`, {
    method: "POST",
    headers: {
      client_id: process.env.VIPPS_CLIENT_ID,
      client_secret: process.env.VIPPS_CLIENT_SECRET,
      "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY,
    },
  });
  if (!response.ok) throw new Error(`Vipps access token: HTTP ${response.status} ${await response.text()}`);
  const { access_token: accessToken } = await response.json();
  return accessToken;
}

export async function initiatePayment(order, customer) {
  const accessToken = await getAccessToken();
  const payment = {
    customerInfo: {
      // Customers who skip the phone field still get the number from their profile prefilled.
      mobileNumber: customer.phone || "+47 412 34 567",
    },
    merchantInfo: {
      merchantSerialNumber: process.env.VIPPS_MSN,
      callbackPrefix: "https://butikk.example.no/api/vipps/callbacks",
      fallBack: `https://butikk.example.no/ordre/${order.id}/kvittering`,
    },
    transaction: {
      orderId: order.id,
      amount: order.totalInOre,
      transactionText: `Ordre ${order.id} hos Butikk AS`,
    },
  };
  const options = {
    method: "POST",
    headers: { ...VIPPS_HEADERS, Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify(payment),
  };
  const response = await fetch(`${process.env.VIPPS_BASE_URL}/ecomm/v2/payments`, options);
  if (!response.ok) throw new Error(`Vipps initiate ${order.id}: HTTP ${response.status} ${await response.text()}`);
  const { url } = await response.json();
  return url;
}

export async function capturePayment(order) {
  const accessToken = await getAccessToken();
  const response = await fetch(`${process.env.VIPPS_BASE_URL}/ecomm/v2/payments/${order.id}/capture`, {
    method: "POST",
    headers: { ...VIPPS_HEADERS, Authorization: `Bearer ${accessToken}`, "X-Request-Id": randomUUID() },
    body: JSON.stringify({
      merchantInfo: { merchantSerialNumber: process.env.VIPPS_MSN },
      transaction: { amount: order.totalInOre, transactionText: "Sendt fra lager" },
    }),
  });
  if (!response.ok) throw new Error(`Vipps capture ${order.id}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

// Staging only: approves a test payment as the merchant portal's test user.
export async function approveTestPayment(orderId) {
  const accessToken = await getAccessToken();
  const response = await fetch(`${process.env.VIPPS_BASE_URL}/ecomm/v2/integration-test/payments/${orderId}/approve`, {
    method: "POST",
    headers: { ...VIPPS_HEADERS, Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ customerPhoneNumber: "0047 97777776", token: process.env.VIPPS_TEST_TOKEN }),
  });
  if (!response.ok) throw new Error(`Vipps test approve ${orderId}: HTTP ${response.status}`);
}
