/**
 * The Vipps credentials: what they are called in headers, SDK configs and environment variables, and what a real
 * value looks like. Sources: ../shared/vipps-api-facts.md ("POST /accesstoken/get ... headers client_id,
 * client_secret, Ocp-Apim-Subscription-Key"; Checkout's client_id / client_secret headers; Login's Basic
 * credentials), the access token spec (/work/shared/specs, access-token 2.0.0: `client_secret` and
 * `Ocp-Apim-Subscription-Key` are the secrets, `client_id` and `Merchant-Serial-Number` identify), the SDK's
 * `Client({ subscriptionKey })` and `auth.getToken(clientId, clientSecret)`, and
 * https://developer.vippsmobilepay.com/docs/knowledge-base/api-keys/ ("keep them secret"). The merchant serial
 * number and the client id are identifiers, not secrets: they are never reported.
 */

export type SecretKind = "client secret" | "subscription key" | "access token";

/** Request header names (lower case) that carry a credential, and which. `authorization` carries the token. */
export const SECRET_HEADERS: ReadonlyMap<string, SecretKind> = new Map([
  ["client_secret", "client secret"],
  ["client-secret", "client secret"],
  ["ocp-apim-subscription-key", "subscription key"],
  ["authorization", "access token"],
]);

/** Property names of config objects (SDK configs, a project's own settings) that hold a credential. */
export const SECRET_KEYS: ReadonlyMap<string, SecretKind> = new Map([
  ["clientSecret", "client secret"],
  ["client_secret", "client secret"],
  ["client-secret", "client secret"],
  ["subscriptionKey", "subscription key"],
  ["subscription_key", "subscription key"],
  ["ocpApimSubscriptionKey", "subscription key"],
  ["Ocp-Apim-Subscription-Key", "subscription key"],
  ["accessToken", "access token"],
  ["access_token", "access token"],
]);

/**
 * The SDK calls that take a credential as an argument, by endpoint id and argument index: `auth.getToken(clientId,
 * clientSecret)`, `checkout.create(clientId, clientSecret, body)`, `checkout.info(clientId, clientSecret, reference)`.
 * The access token every other SDK method takes first is a value fetched at run time, not a literal.
 */
export const SDK_SECRET_ARGUMENTS: ReadonlyMap<string, { readonly index: number; readonly kind: SecretKind }> = new Map([
  ["accesstoken.get", { index: 1, kind: "client secret" }],
  ["checkout.createSession", { index: 1, kind: "client secret" }],
  ["checkout.getSession", { index: 1, kind: "client secret" }],
]);

/** An environment variable (or config key) name that says it holds a Vipps credential, and which. */
export function secretKindOfName(name: string): SecretKind | undefined {
  const upper = name.toUpperCase();
  if (!/VIPPS|MOBILEPAY/.test(upper)) return undefined;
  // A URL, host or path of the token endpoint names no secret (`NEXT_PUBLIC_VIPPS_TOKEN_URL`).
  if (/_(?:URL|URI|HOST|PATH|ENDPOINT|ID)$/.test(upper)) return undefined;
  if (/CLIENT_?SECRET|SECRET/.test(upper)) return "client secret";
  if (/SUBSCRIPTION_?KEY|SUB_?KEY|OCP_?APIM|APIM_?KEY|PRIMARY_?KEY|SECONDARY_?KEY|API_?KEY/.test(upper)) return "subscription key";
  if (/ACCESS_?TOKEN|AUTH_?TOKEN|BEARER/.test(upper)) return "access token";
  return undefined;
}

/** The longest value looked at: credentials are short; a long string is something else (and is not scanned). */
const MAX_CREDENTIAL_LENGTH = 4096;

/**
 * Words and marks of a value that stands in for a credential: "your-client-secret", "<subscription key>", "xxxx",
 * "changeme", "${SECRET}", "test-key". A committed placeholder leaks nothing.
 */
const PLACEHOLDER = /x{3}|your|change|replace|placeholder|example|dummy|fake|test|mock|sample|secret|insert|redacted|todo|[<>{}*]|\.\.\.|\s/i;

/** Whether a value is clearly not a real credential. */
export function isPlaceholder(value: string): boolean {
  if (value.length > MAX_CREDENTIAL_LENGTH || PLACEHOLDER.test(value)) return true;
  // An environment variable's name written where its value belongs: "VIPPS_CLIENT_SECRET".
  if (/^[A-Z][A-Z0-9_]*$/.test(value)) return true;
  // Few distinct characters ("aaaa…", "abababab…", "00000000…") or a run of the alphabet or digits.
  if (new Set(value.toLowerCase()).size < 8) return true;
  return /0123456|123456789|abcdefgh/i.test(value);
}

/**
 * Whether a literal written where a credential of this kind belongs looks like a real one: a 32-hex subscription
 * key; a JWT access token (three base64url parts, the first two JSON); Basic credentials that decode to `id:secret`;
 * a client secret of 20 or more characters mixing letters and digits without spaces. Placeholders never do.
 */
export function looksLikeCredential(value: string, kind: SecretKind): boolean {
  // The scheme word is not part of the credential: "Bearer <token>" is a placeholder, "Bearer eyJ…" is not.
  if (isPlaceholder(value.replace(/^(?:Bearer|Basic) /, ""))) return false;
  const jwt = /^(?:Bearer\s)?eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/;
  if (kind === "access token") {
    if (jwt.test(value)) return true;
    const basic = /^Basic\s([A-Za-z0-9+/]{16,}={0,2})$/.exec(value);
    return basic?.[1] !== undefined && Buffer.from(basic[1], "base64").toString("latin1").includes(":");
  }
  if (kind === "subscription key") return /^[0-9a-f]{32}$/i.test(value);
  return value.length >= 20 && /^[\w+/=.~-]+$/.test(value) && /[a-z]/i.test(value) && /\d/.test(value);
}
