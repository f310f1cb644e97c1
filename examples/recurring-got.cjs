// Subscriptions for the coffee club: a Vipps Recurring agreement per member, charged monthly.
"use strict";

const got = require("got");
const { randomUUID } = require("node:crypto");

const VIPPS_BASE_URL = process.env.VIPPS_BASE_URL || "https://apitest.vipps.no";

async function getAccessToken() {
  const { access_token: accessToken } = await got
    .post(`${VIPPS_BASE_URL}/accesstoken/get`, {
      headers: {
        client_id: process.env.VIPPS_CLIENT_ID,
        client_secret: process.env.VIPPS_CLIENT_SECRET,
        "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY,
      },
    })
    .json();
  return accessToken;
}

async function vippsHeaders() {
  return {
    Authorization: `Bearer ${await getAccessToken()}`,
    "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY,
    "Merchant-Serial-Number": process.env.VIPPS_MSN,
    "Idempotency-Key": randomUUID(),
  };
}

async function createAgreement(member) {
  const agreement = {
    pricing: { type: "LEGACY", amount: 24900, currency: "NOK" },
    interval: { unit: "MONTH", count: 1 },
    productName: "Kaffeklubben",
    productDescription: "En pose nybrent kaffe i måneden",
    merchantRedirectUrl: `https://kaffeklubben.example.no/medlem/${member.id}`,
    merchantAgreementUrl: "https://kaffeklubben.example.no/min-side",
    phoneNumber: "+47 912 34 567",
    externalId: member.id,
  };
  const { body } = await got.post(`${VIPPS_BASE_URL}/recurring/v3/agreements`, {
    json: agreement,
    headers: await vippsHeaders(),
    responseType: "json",
  });
  return body;
}

async function chargeMember(agreementId, month) {
  const { body } = await got.post(`${VIPPS_BASE_URL}/recurring/v3/agreements/${agreementId}/charges`, {
    json: {
      amount: 24900,
      transactionType: "DIRECT_CAPTURE",
      description: `Kaffeklubben ${month}`,
      due: `${month}-05`,
      retryDays: 5,
    },
    headers: await vippsHeaders(),
    responseType: "json",
  });
  return body;
}

// Staging only: accepts a draft agreement as the test user, without the app.
async function forceAcceptAgreement(agreementId) {
  await got.patch(`${VIPPS_BASE_URL}/recurring/v3/agreements/${agreementId}/accept`, {
    json: { phoneNumber: "4797777776" },
    headers: await vippsHeaders(),
  });
}

module.exports = { createAgreement, chargeMember, forceAcceptAgreement };
