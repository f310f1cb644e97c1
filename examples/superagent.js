// Ticket sales for the concert venue's box office: ePayment through superagent.
import superagent from "superagent";
import { randomUUID } from "node:crypto";

const VIPPS_BASE_URL = process.env.VIPPS_BASE_URL;

export async function sellTickets(accessToken, sale) {
  const response = await superagent
    .post(`${VIPPS_BASE_URL}/epayment/v1/payments`)
    .set("Authorization", `Bearer ${accessToken}`)
    .set("Ocp-Apim-Subscription-Key", process.env.VIPPS_SUBSCRIPTION_KEY)
    .set("Merchant-Serial-Number", process.env.VIPPS_MSN)
    .set("Idempotency-Key", randomUUID())
    .send({
      amount: { currency: "NOK", value: sale.tickets * 45000 },
      paymentMethod: { type: "WALLET" },
      customer: { phoneNumber: sale.phone ?? "(+47) 412 34 567" },
      reference: `billett-${sale.id}`,
      userFlow: "PUSH_MESSAGE",
      paymentDescription: `${sale.tickets} billetter til ${sale.concert}`,
    })
    .timeout({ response: 10_000 });
  return response.body.reference;
}

export async function refundTickets(accessToken, reference, amountInOre) {
  await superagent
    .post(`${VIPPS_BASE_URL}/epayment/v1/payments/${reference}/refund`)
    .set({
      Authorization: `Bearer ${accessToken}`,
      "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY,
      "Merchant-Serial-Number": process.env.VIPPS_MSN,
      "Idempotency-Key": randomUUID(),
    })
    .send({ modificationAmount: { currency: "NOK", value: amountInOre } });
}
