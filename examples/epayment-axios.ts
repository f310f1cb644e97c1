// ePayment client for the point-of-sale backend: the cashier types the customer's number and the payment request
// pops up in the Vipps app (PUSH_MESSAGE flow).
import axios, { type AxiosInstance } from "axios";
import { randomUUID } from "node:crypto";

export interface VippsConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  merchantSerialNumber: string;
  testMode: boolean;
}

interface CreatePaymentResponse {
  reference: string;
  redirectUrl?: string;
}

// The Vipps test user from the merchant portal, used on the staging terminals.
const TEST_CUSTOMER_PHONE = "97777776";

export class EpaymentClient {
  private readonly http: AxiosInstance;
  private token: { value: string; expiresAt: number } | undefined;

  constructor(private readonly config: VippsConfig) {
    this.http = axios.create({
      baseURL: `${config.baseUrl}/epayment/v1`,
      headers: {
        "Ocp-Apim-Subscription-Key": config.subscriptionKey,
        "Merchant-Serial-Number": config.merchantSerialNumber,
        "Vipps-System-Name": "kasse",
      },
      timeout: 10_000,
    });
  }

  async requestPayment(amountInOre: number, cashierInput: string, terminalId: string): Promise<CreatePaymentResponse> {
    const body = {
      amount: { currency: "NOK", value: amountInOre },
      paymentMethod: { type: "WALLET" },
      customer: { phoneNumber: this.config.testMode ? TEST_CUSTOMER_PHONE : cashierInput },
      reference: `pos-${terminalId}-${Date.now()}`,
      userFlow: "PUSH_MESSAGE",
      paymentDescription: "Kjøp i butikk",
    } as const;
    const { data } = await this.http.post<CreatePaymentResponse>("/payments", body, {
      headers: { Authorization: `Bearer ${await this.accessToken()}`, "Idempotency-Key": randomUUID() },
    });
    return data;
  }

  async capture(reference: string, amountInOre: number): Promise<void> {
    await this.http.post(
      `/payments/${reference}/capture`,
      { modificationAmount: { currency: "NOK", value: amountInOre } },
      { headers: { Authorization: `Bearer ${await this.accessToken()}`, "Idempotency-Key": randomUUID() } },
    );
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 60_000) return this.token.value;
    const { data } = await axios.post<{ access_token: string; expires_in: string }>(
      `${this.config.baseUrl}/accesstoken/get`,
      undefined,
      {
        headers: {
          client_id: this.config.clientId,
          client_secret: this.config.clientSecret,
          "Ocp-Apim-Subscription-Key": this.config.subscriptionKey,
        },
      },
    );
    this.token = { value: data.access_token, expiresAt: Date.now() + Number(data.expires_in) * 1000 };
    return this.token.value;
  }
}
