// The florist's Next.js checkout page: a server action creates the ePayment and sends the customer to Vipps.
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";

const VIPPS_BASE_URL = process.env.VIPPS_BASE_URL ?? "https://apitest.vipps.no";

// Shown in the form; not sent anywhere, so the plugin leaves its format alone.
const PHONE_PLACEHOLDER = "+47 412 34 567";

async function payWithVipps(formData: FormData) {
  "use server";
  const reference = `blomster-${randomUUID()}`;
  const phone = formData.get("phone");
  const response = await fetch(`${VIPPS_BASE_URL}/epayment/v1/payments`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${process.env.VIPPS_ACCESS_TOKEN}`,
      "Content-Type": "application/json",
      "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY ?? "",
      "Merchant-Serial-Number": process.env.VIPPS_MSN ?? "",
      "Idempotency-Key": reference,
    },
    body: JSON.stringify({
      amount: { currency: "NOK", value: Number(formData.get("amount")) * 100 },
      paymentMethod: { type: "WALLET" },
      // Shop staff test on their own phones; the shared test phone is the default.
      customer: { phoneNumber: typeof phone === "string" && phone ? phone : "0047 41234567" },
      reference,
      userFlow: "WEB_REDIRECT",
      returnUrl: `https://blomster.example.no/takk?ref=${reference}`,
      paymentDescription: "Blomsterbud",
    }),
  });
  if (!response.ok) throw new Error(`Vipps create payment: HTTP ${response.status} ${await response.text()}`);
  const { redirectUrl } = (await response.json()) as { redirectUrl: string };
  redirect(redirectUrl);
}

export default function CheckoutPage() {
  return (
    <form action={payWithVipps}>
      <label>
        Beløp (kr) <input name="amount" type="number" min={1} required />
      </label>
      <label>
        Mobilnummer <input name="phone" type="tel" placeholder={PHONE_PLACEHOLDER} />
      </label>
      <button type="submit">Betal med Vipps</button>
    </form>
  );
}
