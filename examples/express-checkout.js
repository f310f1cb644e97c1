// Vipps Hurtigkasse (eCom express checkout) for the shop's product pages: an Express server that starts the payment
// and answers Vipps's shipping details callback. Home delivery is priced by post code; the shop also lets customers
// collect the order in the store.
import express from "express";

const VIPPS_BASE_URL = process.env.VIPPS_BASE_URL ?? "https://apitest.vipps.no";
const SHOP_URL = "https://butikk.example.no";

async function getAccessToken() {
  const response = await fetch(`${VIPPS_BASE_URL}/accesstoken/get`, {
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

/** Starts an express checkout for a cart and returns the URL that opens Vipps. */
export async function initiateExpressPayment(cart) {
  const accessToken = await getAccessToken();
  const payment = {
    merchantInfo: {
      merchantSerialNumber: process.env.VIPPS_MSN,
      callbackPrefix: `${SHOP_URL}/vipps/callbacks`,
      consentRemovalPrefix: `${SHOP_URL}/vipps`,
      shippingDetailsPrefix: `${SHOP_URL}/vipps`,
      fallBack: `${SHOP_URL}/ordre/${cart.orderId}`,
      paymentType: "eComm Express Payment",
    },
    transaction: {
      orderId: cart.orderId,
      amount: cart.totalInOre,
      transactionText: `Ordre ${cart.orderId} hos Butikk AS`,
    },
  };
  const response = await fetch(`${VIPPS_BASE_URL}/ecomm/v2/payments`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${accessToken}`,
      "Content-Type": "application/json",
      "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY,
      "Merchant-Serial-Number": process.env.VIPPS_MSN,
    },
    body: JSON.stringify(payment),
  });
  if (!response.ok) throw new Error(`Vipps initiate ${cart.orderId}: HTTP ${response.status} ${await response.text()}`);
  const { url } = await response.json();
  return url;
}

/** Home delivery in NOK: free in Oslo, otherwise by Posten's zone. */
function homeDeliveryCost(postCode) {
  return postCode.startsWith("0") ? 0 : 99;
}

export const router = express.Router();

// Vipps calls [shippingDetailsPrefix]/v2/payments/{orderId}/shippingDetails with the address the user picked.
router.post("/vipps/v2/payments/:orderId/shippingDetails", express.json(), (req, res) => {
  const { addressId, postCode } = req.body;
  res.json({
    addressId,
    orderId: req.params.orderId,
    shippingDetails: [
      {
        isDefault: "Y",
        priority: 0,
        shippingCost: homeDeliveryCost(postCode),
        shippingMethod: "Posten hjemlevering",
        shippingMethodId: "posten-home",
      },
      {
        isDefault: "N",
        priority: 1,
        shippingCost: 0,
        shippingMethod: "Hent i butikk (Storgata 1)",
        shippingMethodId: "click-and-collect",
      },
    ],
  });
});

// The user removed their consent in Vipps: forget what the shop kept about them.
router.delete("/vipps/v2/consents/:userId", (req, res) => {
  res.sendStatus(200);
});
