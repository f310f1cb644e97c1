// "Log in with Vipps" at the pharmacy counter: the customer says their number, the app asks them to confirm
// (merchant-initiated login, CIBA). The body is form-encoded, as the Login API requires.
const VIPPS_BASE_URL = process.env.VIPPS_BASE_URL ?? "https://apitest.vipps.no";
const CIBA_URL = `${VIPPS_BASE_URL}/vipps-login-ciba/api/backchannel/authentication`;

// The test user the staging counters log in as.
const STAGING_LOGIN_HINT = "urn:msisdn:97777776";

function basicAuth() {
  const credentials = `${process.env.VIPPS_CLIENT_ID}:${process.env.VIPPS_CLIENT_SECRET}`;
  return `Basic ${Buffer.from(credentials).toString("base64")}`;
}

function bindingMessage() {
  return Math.random().toString(36).slice(2, 8).toUpperCase();
}

export async function startCounterLogin(phoneNumber) {
  const form = new URLSearchParams({
    scope: "openid name phoneNumber",
    binding_message: bindingMessage(),
  });
  form.set("login_hint", process.env.STAGING ? STAGING_LOGIN_HINT : `urn:msisdn:${phoneNumber}`);
  const response = await fetch(CIBA_URL, {
    method: "POST",
    headers: {
      Authorization: basicAuth(),
      "Content-Type": "application/x-www-form-urlencoded",
      "Merchant-Serial-Number": process.env.VIPPS_MSN,
    },
    body: form,
  });
  if (!response.ok) throw new Error(`Vipps CIBA: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

// Smoke test run after each deploy: starts a login for the test user and only checks that Vipps accepts it.
export async function smokeTestLogin() {
  const response = await fetch(CIBA_URL, {
    method: "POST",
    headers: { Authorization: basicAuth(), "Content-Type": "application/x-www-form-urlencoded" },
    body: "scope=openid&login_hint=4797777776&binding_message=SMOKE1",
  });
  return response.status === 200;
}
