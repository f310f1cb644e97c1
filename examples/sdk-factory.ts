// A booking service's payments through the official SDK, with the client made by a factory so tests can swap it.
// The SDK resolves `{ ok: false, error }` on an error answer, and rejects on a network failure.
import { Client } from "@vippsmobilepay/sdk";

function getVippsClient() {
  return Client({
    merchantSerialNumber: process.env.VIPPS_MSN ?? "",
    subscriptionKey: process.env.VIPPS_SUBSCRIPTION_KEY ?? "",
    useTestMode: process.env.NODE_ENV !== "production",
    retryRequests: false,
  });
}

const vipps = getVippsClient();

async function accessToken(): Promise<string> {
  const token = await vipps.auth.getToken(process.env.VIPPS_CLIENT_ID ?? "", process.env.VIPPS_CLIENT_SECRET ?? "");
  if (!token.ok) throw new Error(`Vipps access token: ${JSON.stringify(token.error)}`);
  return token.data.access_token;
}

// Reported: on a refused payment `result.data` is undefined, and the booking page crashes on `.redirectUrl`.
export async function payForBooking(bookingId: string, amountInOre: number) {
  const token = await accessToken();
  const result = await getVippsClient().payment.create(token, {
    amount: { currency: "NOK", value: amountInOre },
    paymentMethod: { type: "WALLET" },
    reference: `booking-${bookingId}`,
    userFlow: "WEB_REDIRECT",
    returnUrl: `https://booking.example.no/${bookingId}/kvittering`,
    paymentDescription: `Booking ${bookingId}`,
  });
  return result.data.redirectUrl;
}

// Correct: narrowed on `ok` before the state is read.
export async function bookingPaymentState(bookingId: string) {
  const token = await accessToken();
  const result = await vipps.payment.info(token, `booking-${bookingId}`);
  if (!result.ok) throw new Error(`Vipps payment of booking ${bookingId}: ${JSON.stringify(result.error)}`);
  return result.data.state;
}

// Reported: nobody awaits the cancel, so a network failure is an unhandled rejection and a refused cancel is unseen.
export async function cancelBooking(bookingId: string) {
  const token = await accessToken();
  vipps.payment.cancel(token, `booking-${bookingId}`);
}
