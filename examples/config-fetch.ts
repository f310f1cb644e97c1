// A Next.js route handler's payment service: every URL is built from configuration, and the headers with
// `new Headers()`, the way framework starters write it. Nothing in a URL says Vipps; the environment variable's name
// and the Merchant-Serial-Number header do.
const VIPPS_API_URL = process.env.VIPPS_API_URL ?? "";

async function accessToken(): Promise<string> {
  const response = await fetch(`${VIPPS_API_URL}/accesstoken/get`, {
    method: "POST",
    headers: {
      client_id: process.env.VIPPS_CLIENT_ID ?? "",
      client_secret: process.env.VIPPS_CLIENT_SECRET ?? "",
      "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY ?? "",
    },
  });
  if (!response.ok) throw new Error(`Vipps access token: ${response.status} ${await response.text()}`);
  const { access_token } = (await response.json()) as { access_token: string };
  return access_token;
}

async function vippsHeaders(): Promise<Headers> {
  const headers = new Headers();
  headers.set("Authorization", `Bearer ${await accessToken()}`);
  headers.set("Ocp-Apim-Subscription-Key", process.env.VIPPS_SUBSCRIPTION_KEY ?? "");
  headers.set("Merchant-Serial-Number", process.env.VIPPS_MSN ?? "");
  headers.set("Vipps-System-Name", "nextjs-shop");
  return headers;
}

// Reported: an error answer (404 for an unknown order, 401 for a stale token) is returned as if it were the details.
export async function getOrderDetails(orderId: string) {
  const response = await fetch(process.env.VIPPS_API_URL + "/ecomm/v2/payments/" + orderId + "/details", {
    headers: await vippsHeaders(),
  });
  const details = (await response.json()) as { transactionLogHistory: { operation: string }[] };
  return details.transactionLogHistory[0]?.operation ?? "UNKNOWN";
}

// Correct: the status is checked before the body is used.
export async function capture(orderId: string, amountInOre: number) {
  const headers = await vippsHeaders();
  headers.set("Content-Type", "application/json");
  const response = await fetch(`${VIPPS_API_URL}/ecomm/v2/payments/${orderId}/capture`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      merchantInfo: { merchantSerialNumber: process.env.VIPPS_MSN },
      transaction: { amount: amountInOre, transactionText: `Ordre ${orderId}` },
    }),
  });
  if (!response.ok) {
    throw new Error(`Vipps capture ${orderId}: ${response.status} ${await response.text()}`);
  }
  return response.json();
}
