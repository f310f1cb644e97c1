// A correct merchant-initiated login: the login hint is "urn:msisdn:" and an MSISDN, or a customer token from a QR
// check-in; the plugin finds nothing to report here.
const VIPPS_BASE_URL = process.env.VIPPS_BASE_URL;

export async function startLogin(authorization, hint) {
  const body = new URLSearchParams({
    scope: "openid name",
    login_hint: hint.customerToken ? `urn:customer-token:${hint.customerToken}` : "urn:msisdn:4791234567",
  });
  const response = await fetch(`${VIPPS_BASE_URL}/vipps-login-ciba/api/backchannel/authentication`, {
    method: "POST",
    headers: { Authorization: authorization, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  if (!response.ok) throw new Error(`Vipps CIBA: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

export async function pollToken(authorization, authReqId) {
  const response = await fetch(`${VIPPS_BASE_URL}/access-management-1.0/access/oauth2/token`, {
    method: "POST",
    headers: { Authorization: authorization, "Content-Type": "application/x-www-form-urlencoded" },
    body: `grant_type=urn:openid:params:grant-type:ciba&auth_req_id=${encodeURIComponent(authReqId)}`,
  });
  return response.ok ? response.json() : undefined;
}
