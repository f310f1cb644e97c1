// Vipps Checkout for the bike shop's storefront (runs in the Next.js API route that starts a checkout session).
import ky from "ky";

interface CartLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceInOre: number;
}

interface SessionResponse {
  token: string;
  checkoutFrontendUrl: string;
  pollingUrl: string;
}

const vipps = ky.create({
  prefixUrl: process.env.VIPPS_BASE_URL,
  headers: {
    client_id: process.env.VIPPS_CLIENT_ID,
    client_secret: process.env.VIPPS_CLIENT_SECRET,
    "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY,
    "Merchant-Serial-Number": process.env.VIPPS_MSN,
  },
  timeout: 15_000,
});

export async function startCheckout(reference: string, lines: CartLine[], returnUrl: string): Promise<SessionResponse> {
  const total = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceInOre, 0);
  const session = {
    merchantInfo: {
      callbackUrl: "https://sykkel.example.no/api/vipps/checkout-callback",
      returnUrl,
      callbackAuthorizationToken: process.env.VIPPS_CALLBACK_TOKEN,
    },
    transaction: {
      amount: { currency: "NOK", value: total },
      reference,
      paymentDescription: `Sykkelbutikken ordre ${reference}`,
    },
    // Prefilled for the demo store so that the sales team can click through a purchase.
    prefillCustomer: {
      firstName: "Ola",
      lastName: "Nordmann",
      email: "ola.nordmann@example.no",
      phoneNumber: "+47 91 23 45 67",
      streetAddress: "Storgata 1",
      postalCode: "0155",
      city: "Oslo",
      country: "NO",
    },
    logistics: {
      fixedOptions: [
        {
          brand: "POSTEN",
          type: "PICKUP_POINT",
          amount: { currency: "NOK", value: 9900 },
          id: "posten-pickup",
          priority: 1,
          isDefault: false,
        },
        {
          brand: "OTHER",
          type: "IN_STORE",
          amount: { currency: "NOK", value: 0 },
          id: "hent-i-butikk",
          priority: 0,
          isDefault: true,
        },
      ],
    },
  };
  return vipps.post("checkout/v3/session", { json: session }).json<SessionResponse>();
}

export async function getSession(reference: string): Promise<{ sessionState: string }> {
  return vipps.get(`checkout/v3/session/${reference}`).json();
}
