// A correct ePayment integration: every phone number is already in the format its API expects and the
// idempotency key is derived from the operation, so the plugin has nothing to say about this file.
import axios from "axios";

const VIPPS_BASE_URL = process.env.VIPPS_BASE_URL ?? "https://apitest.vipps.no";
const TEST_CUSTOMER_MSISDN = "4797777776";

interface Customer {
  msisdn: string | undefined;
}

export async function createPayment(accessToken: string, reference: string, amountInOre: number, customer: Customer) {
  const body = {
    amount: { currency: "NOK", value: amountInOre },
    paymentMethod: { type: "WALLET" },
    // A number typed by the customer is not a constant: it is validated at the form, not here.
    customer: { phoneNumber: customer.msisdn ?? TEST_CUSTOMER_MSISDN },
    reference,
    userFlow: "PUSH_MESSAGE",
    paymentDescription: "Abonnement",
  };
  const { data } = await axios.post<{ reference: string }>(`${VIPPS_BASE_URL}/epayment/v1/payments`, body, {
    headers: {
      Authorization: `Bearer ${accessToken}`,
      "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY,
      "Merchant-Serial-Number": process.env.VIPPS_MSN,
      // Derived from the operation: a retry of this create is answered from the first attempt.
      "Idempotency-Key": `${reference}-create`,
    },
  });
  return data.reference;
}

// A Danish customer's MSISDN is fine where ePayment expects one.
export const DANISH_TEST_CUSTOMER = { phoneNumber: "4520123456" };

// Not a Vipps request: the SMS gateway takes numbers with a plus sign, and the plugin leaves it alone.
export async function sendReceiptSms(reference: string) {
  await axios.post("https://sms.example.no/v1/messages", {
    to: "+47 977 77 776",
    phoneNumber: "+47 977 77 776",
    text: `Takk for kjøpet! Kvittering: ${reference}`,
  });
}
