/**
 * The headers each Vipps endpoint takes, as vipps/valid-headers checks them: the spec's declarations
 * (src/spec/endpoints.generated.ts) plus the hand-kept facts the specs lack, each with its source.
 *
 * Sources: ../shared/vipps-api-facts.md ("Headers and limits", ePayment, Checkout, Recurring, eCom sections) and the
 * specs it cites: epayment-v1.yaml 1.8.1, recurring-v3.yaml 2.6.17, ecom-v2.yaml 2.0.3, checkout-v3.yaml v3,
 * accesstoken.yaml 2.0.0, login.yaml 1.1.0, webhooks-v1.yaml v1.
 */

import { SPEC_ENDPOINTS, SPEC_SOURCES, type SpecHeader } from "../spec/endpoints.generated.js";
import type { ApiName, KnownEndpointId } from "./apis.js";

/** The official spelling of every header a Vipps API reads, by lower-case name. */
export const OFFICIAL_HEADERS: ReadonlyMap<string, string> = new Map(
  [
    "Authorization",
    "Ocp-Apim-Subscription-Key",
    "Merchant-Serial-Number",
    "Idempotency-Key",
    "X-Request-Id",
    "Vipps-System-Name",
    "Vipps-System-Version",
    "Vipps-System-Plugin-Name",
    "Vipps-System-Plugin-Version",
    "Continuation-Token",
    "client_id",
    "client_secret",
  ].map((name) => [name.toLowerCase(), name]),
);

/**
 * Names seen in real integrations for an official header, by lower-case wrong name. Only names that mean exactly one
 * official header are listed (an autofix renames them). Sources: the facts sheet's list of defects ("header names like
 * `merchantSerialNumber` or `vipps_system_name`"), issue 13's review of public integrations, and the Recurring
 * guide: `Idempotent-Key` is the deprecated spelling of `Idempotency-Key`.
 */
export const WRONG_HEADER_NAMES: ReadonlyMap<string, string> = new Map([
  ["merchantserialnumber", "Merchant-Serial-Number"],
  ["merchant_serial_number", "Merchant-Serial-Number"],
  ["merchant-serial-no", "Merchant-Serial-Number"],
  ["msn", "Merchant-Serial-Number"],
  ["x-merchant-serial-number", "Merchant-Serial-Number"],
  ["vipps_system_name", "Vipps-System-Name"],
  ["vippssystemname", "Vipps-System-Name"],
  ["vipps_system_version", "Vipps-System-Version"],
  ["vippssystemversion", "Vipps-System-Version"],
  ["vipps_system_plugin_name", "Vipps-System-Plugin-Name"],
  ["vipps_system_plugin_version", "Vipps-System-Plugin-Version"],
  // The plugin's name is meant: Vipps-System-Plugin-Name (the spec has no Vipps-System-Plugin).
  ["vipps-system-plugin", "Vipps-System-Plugin-Name"],
  ["idempotent-key", "Idempotency-Key"],
  ["idempotency_key", "Idempotency-Key"],
  ["idempotencykey", "Idempotency-Key"],
  ["x-idempotency-key", "Idempotency-Key"],
  ["ocp-apim-subscription", "Ocp-Apim-Subscription-Key"],
  ["ocp_apim_subscription_key", "Ocp-Apim-Subscription-Key"],
  ["subscription-key", "Ocp-Apim-Subscription-Key"],
  ["ocpapimsubscriptionkey", "Ocp-Apim-Subscription-Key"],
  ["x_request_id", "X-Request-Id"],
  ["requestid", "X-Request-Id"],
  ["clientid", "client_id"],
  ["client-id", "client_id"],
  ["clientsecret", "client_secret"],
  ["client-secret", "client_secret"],
]);

/** How an endpoint wants to be authenticated. */
export type AuthStyle =
  /** `Authorization: Bearer <access token>`. */
  | "bearer"
  /** `client_id` / `client_secret` headers, no Authorization (Access token API, Checkout v3 sessions). */
  | "client-credentials"
  /** `Authorization: Basic <base64 id:secret>` (Login CIBA). */
  | "basic"
  /** Basic or Bearer (the login token endpoint: client_secret_basic, or a token). */
  | "basic-or-bearer";

/** Literal limits on a header's value. */
export interface HeaderValueRule {
  readonly pattern?: RegExp;
  readonly maxLength?: number;
  /** How messages state the rule. */
  readonly description: string;
}

/** What vipps/valid-headers checks on one endpoint. */
export interface EndpointHeaders {
  /** Official names the endpoint requires. */
  readonly required: readonly string[];
  /** Official names it accepts, required or not, lower-case. */
  readonly accepted: ReadonlySet<string>;
  readonly auth: AuthStyle;
  /** Which spec (file and version) or fact states the required list. */
  readonly source: string;
}

/**
 * Value rules that hold on every API (facts sheet "Headers and limits"): `Merchant-Serial-Number` is 4–10 digits
 * (ePayment 1.8.1, access token 2.0.0), `Vipps-System-*` at most 30 characters, `Idempotency-Key` at most 50.
 */
export const HEADER_VALUE_RULES: ReadonlyMap<string, HeaderValueRule> = new Map([
  ["merchant-serial-number", { pattern: /^[0-9]{4,10}$/, description: "4 to 10 digits" }],
  ["vipps-system-name", { maxLength: 30, description: "at most 30 characters" }],
  ["vipps-system-version", { maxLength: 30, description: "at most 30 characters" }],
  ["vipps-system-plugin-name", { maxLength: 30, description: "at most 30 characters" }],
  ["vipps-system-plugin-version", { maxLength: 30, description: "at most 30 characters" }],
  ["idempotency-key", { maxLength: 50, description: "at most 50 characters" }],
]);

/** Endpoints whose spec lacks a header the facts sheet requires, with the source. */
const EXTRA_REQUIRED: { readonly [id in KnownEndpointId]?: { readonly names: readonly string[]; readonly source: string } } = {
  // Facts sheet, ePayment: Idempotency-Key is required on every ePayment write; spec 1.8.1 omits it on cancel.
  "epayment.cancel": { names: ["Idempotency-Key"], source: "ePayment API guide (facts sheet)" },
  // Facts sheet, Checkout v3: the session calls authenticate with client_id / client_secret (the spec marks them optional).
  "checkout.createSession": { names: ["client_id", "client_secret"], source: "Checkout API guide (facts sheet)" },
  "checkout.getSession": { names: ["client_id", "client_secret"], source: "Checkout API guide (facts sheet)" },
  // Facts sheet, Recurring v3: Idempotency-Key on POST, PUT, PATCH and DELETE (the batch endpoint is off-spec).
  "recurring.createCharges": { names: ["Authorization", "Ocp-Apim-Subscription-Key", "Idempotency-Key"], source: "Recurring API guide (facts sheet)" },
};

/** How each API authenticates, where the spec does not say it per endpoint. Facts sheet, per API. */
const API_AUTH: { readonly [api in ApiName]?: AuthStyle } = {
  accesstoken: "client-credentials",
  checkout: "client-credentials",
  epayment: "bearer",
  ecom: "bearer",
  recurring: "bearer",
  webhooks: "bearer",
  management: "bearer",
};

const ENDPOINT_AUTH: { readonly [id in KnownEndpointId]?: AuthStyle } = {
  // The login token endpoint: client_secret_basic or a Bearer token (login.yaml 1.1.0, `auth: basic, bearer`).
  "login.token": "basic-or-bearer",
  // Facts sheet: Login CIBA calls authenticate with Authorization: Basic, not the access-token API.
  "login.cibaAuthenticate": "basic",
  // The Miami token endpoint (accesstoken.yaml 2.0.0) takes Basic client credentials.
  "accesstoken.fetchToken": "basic",
  // Userinfo takes the user's access token from Login.
  "userinfo.get": "bearer",
};

/** APIs that must not be sent a subscription key (facts sheet: Userinfo; the agent-toolkit login skill). */
export const NO_SUBSCRIPTION_KEY: ReadonlySet<ApiName> = new Set(["userinfo"]);

const specHeaders = new Map(SPEC_ENDPOINTS.map((endpoint) => [endpoint.id as KnownEndpointId, endpoint]));

const cache = new Map<KnownEndpointId, EndpointHeaders | null>();

/** What the rule checks on an endpoint; undefined where nothing is known (callbacks, endpoints without a spec). */
export function endpointHeaders(id: KnownEndpointId, api: ApiName): EndpointHeaders | undefined {
  let known = cache.get(id);
  if (known === undefined) {
    known = build(id, api);
    cache.set(id, known);
  }
  return known ?? undefined;
}

function build(id: KnownEndpointId, api: ApiName): EndpointHeaders | null {
  const spec = specHeaders.get(id);
  const extra = EXTRA_REQUIRED[id];
  const auth = ENDPOINT_AUTH[id] ?? API_AUTH[api];
  if (spec?.callback || !auth) return null;
  const declared: readonly SpecHeader[] = spec?.headers ?? [];
  const required = new Set(declared.filter((header) => header.required).map((header) => header.name));
  for (const name of extra?.names ?? []) required.add(name);
  const accepted = new Set([...declared.map((header) => header.name.toLowerCase()), ...[...required].map((name) => name.toLowerCase())]);
  const specSource = spec && `${SPEC_SOURCES[spec.api].file} ${SPEC_SOURCES[spec.api].version}`;
  const source = [specSource, extra?.source].filter(Boolean).join(" and ") || "the API guide";
  return { required: [...required], accepted, auth, source };
}

