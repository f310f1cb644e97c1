import rule from "../../rules/no-client-side-secrets.js";
import { jsTester, locate, tsTester } from "../support/testers.js";

const TOKEN_URL = `"https://api.vipps.no/accesstoken/get"`;
const SUBSCRIPTION_KEY = "0f3a9c2b7d4e81f6a5c3b2e1d9f8a7c6";
const CLIENT_SECRET = "Xk9pQ2vL7mN4rT8wZ3yB6cF1";
// A JWT's shape: header and payload are base64url JSON (`{"alg":"RS256"...`), the signature any base64url.
const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtZXJjaGFudCJ9.c2lnbmF0dXJlLXBhcnQtb25l";

const serverTokenFetch = `
export async function getToken() {
  const response = await fetch(${TOKEN_URL}, {
    method: "POST",
    headers: { client_id: process.env.VIPPS_CLIENT_ID, client_secret: process.env.VIPPS_CLIENT_SECRET, "Ocp-Apim-Subscription-Key": process.env.VIPPS_SUBSCRIPTION_KEY },
  });
  const data = await response.json();
  return data.access_token;
}`;

const publicEnvRead = `const secret = process.env.NEXT_PUBLIC_VIPPS_CLIENT_SECRET;\nexport default secret;`;
const viteRead = `export const key = import.meta.env.VITE_VIPPS_SUBSCRIPTION_KEY;`;
const craRead = `const { REACT_APP_VIPPS_ACCESS_TOKEN } = process.env;\nexport { REACT_APP_VIPPS_ACCESS_TOKEN };`;
const svelteRead = `import { PUBLIC_VIPPS_CLIENT_SECRET } from "$env/static/public";\nexport const s = PUBLIC_VIPPS_CLIENT_SECRET;`;
const nuxtRead = `export const k = process.env["NUXT_PUBLIC_VIPPS_OCP_APIM_KEY"];`;
const expoRead = `export const t = process.env.EXPO_PUBLIC_MOBILEPAY_SECRET;`;
const gatsbyRead = `export const t = process.env.GATSBY_VIPPS_SUBSCRIPTION_KEY;`;

const publicKeyConstant = `const key = process.env.NEXT_PUBLIC_APIM_KEY;
export const pay = () => fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", headers: { "Ocp-Apim-Subscription-Key": key } });`;
const useClientToken = `"use client";
export async function pay() {
  await fetch(${TOKEN_URL}, { method: "POST", headers: { client_id: id, client_secret: secret, "Ocp-Apim-Subscription-Key": key } });
}`;
const onClickInline = `export function Pay() {
  return <button onClick={async () => {
    await fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", headers: { Authorization: "Bearer " + token, "Ocp-Apim-Subscription-Key": key } });
  }}>Pay</button>;
}`;
const onClickNamed = `export function Pay() {
  const pay = useCallback(async () => {
    await fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", headers: { "Ocp-Apim-Subscription-Key": key } });
  }, []);
  return <button onClick={() => pay()}>Pay</button>;
}`;
const clientFilesCase = `export async function pay() {
  await fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", headers: { "Ocp-Apim-Subscription-Key": key } });
}`;
const literalKey = `await fetch("https://api.vipps.no/epayment/v1/payments", {
  method: "POST",
  headers: { Authorization: "Bearer ${JWT}", "Ocp-Apim-Subscription-Key": "${SUBSCRIPTION_KEY}" },
});`;
const sdkLiterals = `import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: "${SUBSCRIPTION_KEY}", useTestMode: true });
export const token = await client.auth.getToken(process.env.VIPPS_CLIENT_ID, "${CLIENT_SECRET}");`;
const configLiteral = `export const vippsConfig = { clientId: "a1b2", clientSecret: "${CLIENT_SECRET}", merchantSerialNumber: "123456" };`;
const serverAction = `"use server";
import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: process.env.MSN, subscriptionKey: process.env.VIPPS_KEY });
export async function getVippsToken() {
  const token = await client.auth.getToken(process.env.VIPPS_CLIENT_ID, process.env.VIPPS_CLIENT_SECRET);
  return token.data.access_token;
}`;
const serverActionThroughHelper = `"use server";
${serverTokenFetch.replace("export async function getToken", "async function fetchToken")}
export const tokenForPage = async () => ({ token: await fetchToken() });`;
const expressRoute = `import express from "express";
const app = express();
app.get("/token", async (req, res) => {
  const response = await fetch(${TOKEN_URL}, { method: "POST", headers: { client_id: process.env.VIPPS_CLIENT_ID, client_secret: process.env.VIPPS_CLIENT_SECRET } });
  const { access_token } = await response.json();
  res.status(200).json({ access_token });
});`;
const nextRoute = `import { NextResponse } from "next/server";
export async function GET() {
  const response = await fetch(${TOKEN_URL}, { method: "POST", headers: { client_id: process.env.VIPPS_CLIENT_ID, client_secret: process.env.VIPPS_CLIENT_SECRET } });
  const data = await response.json();
  return NextResponse.json(data);
}`;

const shared = {
  valid: [
    { name: "server code reads the secrets from private variables and keeps the token", code: serverTokenFetch },
    { name: "public variables that name no secret: client id, base URL, MSN", code: `export const a = [process.env.NEXT_PUBLIC_VIPPS_CLIENT_ID, process.env.NEXT_PUBLIC_VIPPS_BASE_URL, import.meta.env.VITE_VIPPS_MERCHANT_SERIAL_NUMBER, process.env.NEXT_PUBLIC_VIPPS_TOKEN_URL];` },
    { name: "another provider's public secret is not this rule's", code: `export const s = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY; fetch("https://api.vipps.no/epayment/v1/payments/x", { headers: { Authorization: "Bearer " + token } });` },
    { name: "private variable with a Vipps secret", code: `export const s = process.env.VIPPS_CLIENT_SECRET;` },
    {
      name: "a client component calls its own server, which calls Vipps",
      code: `"use client";\nexport async function pay() { await fetch("/api/vipps/payments", { method: "POST", body: JSON.stringify({ amount: 1000 }) }); }`,
    },
    {
      name: "placeholders in headers and configs",
      code: `fetch(${TOKEN_URL}, { method: "POST", headers: { client_id: "your-client-id", client_secret: "<client secret>", "Ocp-Apim-Subscription-Key": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" } });
fetch(${TOKEN_URL}, { method: "POST", headers: { client_secret: "VIPPS_CLIENT_SECRET", "Ocp-Apim-Subscription-Key": "0123456789abcdef0123456789abcdef" } });
export const vippsConfig = { clientSecret: "test-client-secret", subscriptionKey: "test-sub-key", merchantSerialNumber: "123456" };`,
    },
    {
      name: "Stripe and GitHub credentials in configs without Vipps keys",
      code: `export const stripe = { clientSecret: "${CLIENT_SECRET}", apiVersion: "2024-06-20" };\nexport const github = { client_secret: "${CLIENT_SECRET}" };`,
    },
    {
      name: "the token is used for the next request and a timestamp is answered",
      code: `app.post("/pay", async (req, res) => {
  const response = await fetch(${TOKEN_URL}, { method: "POST", headers: { client_secret: process.env.VIPPS_CLIENT_SECRET } });
  const data = await response.json();
  await fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", headers: { Authorization: \`Bearer \${data.access_token}\` } });
  res.json({ ok: true, expiresIn: data.expires_in });
});`,
    },
    {
      name: '"use server" module: a private token helper and an exported action returning the payment',
      code: `"use server";
import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: process.env.MSN, subscriptionKey: process.env.VIPPS_KEY });
async function token() { const t = await client.auth.getToken(process.env.VIPPS_CLIENT_ID, process.env.VIPPS_CLIENT_SECRET); return t.data.access_token; }
export async function pay() { const result = await client.payment.create(await token(), { amount: { value: 1000, currency: "NOK" } }); return result.ok; }`,
    },
    {
      name: "a server module that exports a token getter (not a server action)",
      code: serverTokenFetch,
    },
    {
      name: "userinfo with the user's own Login token from a client component",
      code: `"use client";\nexport async function me(token) { return fetch("https://api.vipps.no/vipps-userinfo-api/userinfo/sub", { headers: { Authorization: \`Bearer \${token}\` } }); }`,
    },
    {
      name: "a token checked for failure and its error answered",
      code: `app.get("/x", async (req, res) => {
  const token = await client.auth.getToken(process.env.VIPPS_CLIENT_ID, process.env.VIPPS_CLIENT_SECRET);
  if (!token.ok) return res.status(502).json(token.error);
  res.json({ done: true });
});
import { Client } from "@vippsmobilepay/sdk";
const client = Client({ merchantSerialNumber: "123456", subscriptionKey: process.env.VIPPS_KEY });`,
    },
    {
      name: "onClick handler that calls Vipps without credentials in sight is not reported; one without Vipps is not either",
      code: `export function Pay() { return <button onClick={() => fetch("/api/pay", { method: "POST" })}>Pay</button>; }`,
    },
  ],
  invalid: [
    {
      name: "Next.js public variable with the client secret",
      code: publicEnvRead,
      errors: [{ messageId: "publicEnv" as const, ...locate(publicEnvRead, "process.env.NEXT_PUBLIC_VIPPS_CLIENT_SECRET") }],
    },
    { name: "Vite", code: viteRead, errors: [{ messageId: "publicEnv" as const, ...locate(viteRead, "import.meta.env.VITE_VIPPS_SUBSCRIPTION_KEY") }] },
    {
      name: "Create React App, destructured",
      code: craRead,
      errors: [{ messageId: "publicEnv" as const, ...locate(craRead, "REACT_APP_VIPPS_ACCESS_TOKEN") }],
    },
    {
      name: "SvelteKit $env/static/public",
      code: svelteRead,
      errors: [{ messageId: "publicEnv" as const, ...locate(svelteRead, "PUBLIC_VIPPS_CLIENT_SECRET") }],
    },
    { name: "Nuxt, computed key", code: nuxtRead, errors: [{ messageId: "publicEnv" as const, ...locate(nuxtRead, `process.env["NUXT_PUBLIC_VIPPS_OCP_APIM_KEY"]`) }] },
    { name: "Expo, MobilePay", code: expoRead, errors: [{ messageId: "publicEnv" as const, ...locate(expoRead, "process.env.EXPO_PUBLIC_MOBILEPAY_SECRET") }] },
    { name: "Gatsby", code: gatsbyRead, errors: [{ messageId: "publicEnv" as const, ...locate(gatsbyRead, "process.env.GATSBY_VIPPS_SUBSCRIPTION_KEY") }] },
    {
      name: "a public variable of any name sent as the client secret",
      code: `fetch(${TOKEN_URL}, { method: "POST", headers: { client_secret: process.env.NEXT_PUBLIC_CLIENT_SECRET } });`,
      errors: [{ messageId: "publicEnv" as const, ...locate(`fetch(${TOKEN_URL}, { method: "POST", headers: { client_secret: process.env.NEXT_PUBLIC_CLIENT_SECRET } });`, "process.env.NEXT_PUBLIC_CLIENT_SECRET") }],
    },
    {
      name: "a public variable kept in a constant and sent as the subscription key",
      code: publicKeyConstant,
      errors: [{ messageId: "publicEnv" as const, ...locate(publicKeyConstant, "process.env.NEXT_PUBLIC_APIM_KEY") }],
    },
    {
      name: '"use client" module fetching a token',
      code: useClientToken,
      errors: [{ messageId: "clientRequest" as const, ...locate(useClientToken, `fetch(${TOKEN_URL}, { method: "POST", headers: { client_id: id, client_secret: secret, "Ocp-Apim-Subscription-Key": key } })`) }],
    },
    {
      name: "onClick handler written in place",
      code: onClickInline,
      errors: [{ messageId: "clientRequest" as const, line: 3, column: 11 }],
    },
    {
      name: "useCallback handler called from onClick",
      code: onClickNamed,
      errors: [{ messageId: "clientRequest" as const, line: 3, column: 11 }],
    },
    {
      name: "a file settings.vipps.clientFiles names",
      code: clientFilesCase,
      filename: "src/components/pay.ts",
      settings: { vipps: { clientFiles: ["src/components/**"] } },
      errors: [{ messageId: "clientRequest" as const, line: 2, column: 9 }],
    },
    {
      name: "JWT and subscription key written in headers",
      code: literalKey,
      errors: [
        { messageId: "literalSecret" as const, ...locate(literalKey, `"Bearer ${JWT}"`) },
        { messageId: "literalSecret" as const, ...locate(literalKey, `"${SUBSCRIPTION_KEY}"`) },
      ],
    },
    {
      name: "SDK config and getToken argument",
      code: sdkLiterals,
      errors: [
        { messageId: "literalSecret" as const, ...locate(sdkLiterals, `"${SUBSCRIPTION_KEY}"`) },
        { messageId: "literalSecret" as const, ...locate(sdkLiterals, `"${CLIENT_SECRET}"`) },
      ],
    },
    {
      name: "the project's own Vipps config object",
      code: configLiteral,
      errors: [{ messageId: "literalSecret" as const, ...locate(configLiteral, `"${CLIENT_SECRET}"`) }],
    },
    {
      name: "server action returns the token (SDK)",
      code: serverAction,
      errors: [{ messageId: "serverActionToken" as const, ...locate(serverAction, "return token.data.access_token;") }],
    },
    {
      name: "server action returns the token through a local helper",
      code: serverActionThroughHelper,
      errors: [{ messageId: "serverActionToken" as const, ...locate(serverActionThroughHelper, "{ token: await fetchToken() }") }],
    },
    {
      name: "Express route answers with the token",
      code: expressRoute,
      errors: [{ messageId: "tokenSent" as const, ...locate(expressRoute, "res.status(200).json({ access_token })") }],
    },
    {
      name: "Next.js route handler answers with the token response",
      code: nextRoute,
      errors: [{ messageId: "tokenSent" as const, ...locate(nextRoute, "NextResponse.json(data)") }],
    },
  ],
};

tsTester.run("no-client-side-secrets (TypeScript)", rule, {
  valid: shared.valid.map((test) => ({ ...test, filename: "file.tsx" })),
  invalid: shared.invalid.map((test) => ({ ...test, filename: test.filename ?? "file.tsx" })),
});
jsTester.run("no-client-side-secrets (JavaScript)", rule, {
  valid: shared.valid.filter((test) => !test.code.includes("import.meta")),
  invalid: shared.invalid.filter((test) => !test.code.includes("import.meta")),
});
