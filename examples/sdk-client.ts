// The web shop's payments, through the official Vipps MobilePay SDK.
import { Client } from "@vippsmobilepay/sdk";

const vipps = Client({
  merchantSerialNumber: process.env.VIPPS_MSN ?? "",
  subscriptionKey: process.env.VIPPS_SUBSCRIPTION_KEY ?? "",
  useTestMode: process.env.NODE_ENV !== "production",
  retryRequests: false,
  systemName: "nettbutikk",
  systemVersion: "4.2.0",
});

async function accessToken(): Promise<string> {
  const token = await vipps.auth.getToken(process.env.VIPPS_CLIENT_ID ?? "", process.env.VIPPS_CLIENT_SECRET ?? "");
  if (!token.ok) throw new Error(`Vipps access token: ${JSON.stringify(token.error)}`);
  return token.data.access_token;
}

export async function createPayment(reference: string, amountInOre: number, danishCustomer: boolean) {
  const token = await accessToken();
  const result = await vipps.payment.create(token, {
    amount: { currency: danishCustomer ? "DKK" : "NOK", value: amountInOre },
    paymentMethod: { type: "WALLET" },
    // Our Copenhagen and Oslo test phones.
    customer: { phoneNumber: danishCustomer ? "+45 20 12 34 56" : "+47 48 05 92 34" },
    reference,
    userFlow: "WEB_REDIRECT",
    returnUrl: `https://butikk.example.no/ordre/${reference}`,
    paymentDescription: `Ordre ${reference}`,
  });
  if (!result.ok) throw new Error(`Vipps create payment ${reference}: ${JSON.stringify(result.error)}`);
  return result.data.redirectUrl;
}

export async function capturePayment(reference: string, amountInOre: number) {
  const token = await accessToken();
  const result = await vipps.payment.capture(token, reference, {
    modificationAmount: { currency: "NOK", value: amountInOre },
  });
  if (!result.ok) throw new Error(`Vipps capture ${reference}: ${JSON.stringify(result.error)}`);
}
