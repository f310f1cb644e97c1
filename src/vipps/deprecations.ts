/**
 * Retired and retiring Vipps MobilePay APIs, hosts, modules, SDK spellings and scopes, as data: one entry each, with
 * what it matches, since when, the source, the replacement and whether the repair is mechanical. Detection
 * (src/detect/deprecated.ts) matches entries by kind, the rule `no-deprecated-api` reports them, and the rule's doc
 * page lists them (scripts/deprecations-doc.js), so neither can drift from this table.
 *
 * Dates are the sources' own; an entry without a date is one whose source gives none.
 */

import type { EndpointId } from "../spec/endpoints.generated.js";
import { resolveSchema, responseBodySchema } from "../spec/schemas.generated.js";
import type { KnownEndpointId } from "./apis.js";

/**
 * One mechanical edit: `from` becomes `to`. For paths, `whole` means the path must end right after `from` (end of the
 * text, `?` or `#`); otherwise `from` must also end at a segment boundary (`/` may follow).
 */
export interface Rewrite {
  readonly from: string;
  readonly to: string;
  readonly whole?: boolean;
}

/** What an entry matches; an entry uses one kind. */
export interface DeprecationMatch {
  /** Requests the detection places at these endpoints (HTTP clients and the SDK). */
  readonly endpoints?: readonly KnownEndpointId[];
  /** Lower-case path parts found in a string literal or template (a URL, a base URL, a path constant). */
  readonly paths?: readonly string[];
  /** With `paths`: the path counts only in a string that also names one of these hosts. Alone: the host itself. */
  readonly hosts?: readonly string[];
  /** With `paths`: the path counts only in a file that mentions Vipps, since other vendors use the same path. */
  readonly needsVippsInFile?: boolean;
  /** Module names, as imports and requires write them. */
  readonly modules?: readonly string[];
  /** SDK client namespaces, spelled without the parent that later versions put first (`client.agreement.create`). */
  readonly sdkNamespaces?: readonly string[];
  /** OAuth scope values, as one space-separated word of a scope string. */
  readonly scopes?: readonly string[];
}

export interface DeprecationEntry {
  /** Stable id, used in tests and the doc page. */
  readonly id: string;
  /** What is retired, as messages name it. */
  readonly what: string;
  /** What happened, as messages say it: "was shut down", "is deprecated", ... */
  readonly status: string;
  /** ISO date or month, as the source gives it; absent where the source gives none. */
  readonly since?: string;
  /** Where the date and the replacement come from. */
  readonly source: string;
  /** What to use instead, as messages say it. */
  readonly replacement: string;
  readonly match: DeprecationMatch;
  /** The mechanical edits; an entry without them is reported without a repair. */
  readonly rewrites?: readonly Rewrite[];
  /**
   * For an endpoint replaced by another: the replacement, whose response lacks some fields of the old one. Where the
   * file reads such a field the repair is a suggestion, since the code needs more than the new path.
   */
  readonly responseOf?: { readonly old: EndpointId; readonly replacement: EndpointId };
  /** The rule option that turns the entry on; entries without one are always on. */
  readonly option?: "checkout";
}

const DEVELOPER_DOCS = "https://developer.vippsmobilepay.com/docs";

export const DEPRECATIONS: readonly DeprecationEntry[] = [
  {
    id: "ecom-status",
    what: "The eCom API GET /status endpoint",
    status: "is deprecated",
    source: "eCom spec 2.0.3 (ecom-v2.yaml): deprecated, \"use /details instead\"",
    replacement: "GET /ecomm/v2/payments/{orderId}/details",
    match: { endpoints: ["ecom.status"] },
    rewrites: [{ from: "/status", to: "/details", whole: true }],
    responseOf: { old: "ecom.status", replacement: "ecom.details" },
  },
  {
    id: "ecom-v1",
    what: "The eCom API v1",
    status: "was shut down",
    since: "2020-12-04",
    source: "vipps-api-facts.md (eCom API v2)",
    replacement: "the ePayment API (or eCom v2 for existing integrations)",
    match: { paths: ["/ecomm/v1/"] },
  },
  {
    id: "recurring-v2",
    what: "The Recurring API v2",
    status: "was removed",
    since: "2023-11-01",
    source: `${DEVELOPER_DOCS}/technical-updates/2022-12/`,
    replacement: `the Recurring API v3 (migration guide: ${DEVELOPER_DOCS}/APIs/recurring-api/v2-to-v3-migration-guide/)`,
    match: { paths: ["/recurring/v2/"] },
  },
  {
    id: "signup-api",
    what: "The Signup API",
    status: "was shut down",
    since: "2022-05-01",
    source: "vipps-api-facts.md (Signup and Partner APIs); https://github.com/vippsas/vipps-signup-api",
    replacement: `the Management API (${DEVELOPER_DOCS}/APIs/management-api/)`,
    match: { paths: ["/v1/partial/signup"] },
  },
  {
    id: "signup-login-requests",
    what: "The Signup API's login requests (/signup/v1/loginRequests)",
    status: "were shut down with the Signup API",
    since: "2022-05-01",
    source: "vipps-api-facts.md (Login; Signup and Partner APIs)",
    replacement: `Vipps Login, the Login API (${DEVELOPER_DOCS}/APIs/login-api/)`,
    match: { paths: ["/signup/v1/loginrequests"] },
  },
  {
    id: "partner-api",
    what: "The Partner API",
    status: "is deprecated",
    since: "2023-10",
    source: `${DEVELOPER_DOCS}/technical-updates/2023-10/; ${DEVELOPER_DOCS}/APIs/management-api/migration-guide/`,
    replacement: "the Management API (/management/v1/...)",
    // The migration guide's one-to-one paths; the merchant lookup by organisation number needs a scheme, so no rewrite.
    match: { paths: ["/partner-api/v0/", "/partner-api/v1/"], needsVippsInFile: true },
    rewrites: [
      { from: "/partner-api/v0/salesunits", to: "/management/v1/sales-units" },
      { from: "/partner-api/v1/products/orders", to: "/management/v1/product-orders", whole: true },
    ],
  },
  {
    id: "mobilepay-app-payments",
    what: "MobilePay's App Payments API",
    status: "was switched off",
    since: "2025-Q1",
    source: "https://developer.mobilepay.dk/docs/app-payments/transition-to-one-platform",
    replacement: `the ePayment API (${DEVELOPER_DOCS}/APIs/epayment-api/)`,
    match: { paths: ["/v1/payments"], hosts: ["api.mobilepay.dk", "api.sandbox.mobilepay.dk"] },
  },
  {
    id: "mobilepay-subscriptions",
    what: "MobilePay's Subscriptions API",
    status: "was switched off",
    since: "2025-Q1",
    source: `https://developer.mobilepay.dk/docs/subscriptions/transition-to-one-platform; ${DEVELOPER_DOCS}/mp-migration-guide/subscriptions/`,
    replacement: `the Recurring API v3 (${DEVELOPER_DOCS}/APIs/recurring-api/)`,
    match: { paths: ["/subscriptions/"], hosts: ["api.mobilepay.dk", "api.sandbox.mobilepay.dk"] },
  },
  {
    id: "mobilepay-landing-dk",
    what: "The landing page host pay.mobilepay.dk",
    status: "is replaced by pay.vipps.dk",
    since: "2027-01-12",
    source: `${DEVELOPER_DOCS}/technical-updates/2026-10/`,
    replacement: "pay.vipps.dk (redirect checks, allow-lists and CSP entries need the new host)",
    match: { hosts: ["pay.mobilepay.dk"] },
    rewrites: [{ from: "pay.mobilepay.dk", to: "pay.vipps.dk" }],
  },
  {
    id: "mobilepay-landing-fi",
    what: "The landing page host pay.mobilepay.fi",
    status: "is replaced by pay.vipps.fi",
    since: "2027-01-12",
    source: `${DEVELOPER_DOCS}/technical-updates/2026-10/`,
    replacement: "pay.vipps.fi (redirect checks, allow-lists and CSP entries need the new host)",
    match: { hosts: ["pay.mobilepay.fi"] },
    rewrites: [{ from: "pay.mobilepay.fi", to: "pay.vipps.fi" }],
  },
  {
    id: "vippsno-sdk",
    what: "The SDK @vippsno/vipps-sdk",
    status: "is deprecated (one release, 0.9.13)",
    source: "vipps-api-facts.md (the official SDK); https://www.npmjs.com/package/@vippsno/vipps-sdk",
    replacement: "direct API calls (the docs now advise them) or @vippsmobilepay/sdk",
    match: { modules: ["@vippsno/vipps-sdk"] },
  },
  {
    id: "sdk-0x-namespaces",
    what: "The @vippsmobilepay/sdk 0.x spelling client.agreement / client.charge",
    status: "was moved under client.recurring in 0.7.0",
    source: "vipps-api-facts.md (SDK @vippsmobilepay/sdk 2.4.2); https://github.com/vippsas/deno-sdk",
    replacement: "client.recurring.agreement / client.recurring.charge",
    match: { sdkNamespaces: ["agreement", "charge"] },
    rewrites: [
      { from: "agreement", to: "recurring.agreement" },
      { from: "charge", to: "recurring.charge" },
    ],
  },
  {
    id: "login-nnin-scope",
    what: "The Login scope nnin",
    status: "is gone",
    source: `vipps-api-facts.md (Login); ${DEVELOPER_DOCS}/APIs/login-api/api-guide/user-info/`,
    replacement: "the scope nin",
    match: { scopes: ["nnin"] },
    rewrites: [{ from: "nnin", to: "nin" }],
  },
  {
    id: "checkout-v3",
    what: "The Checkout API v3",
    status: "was transferred to Kustom",
    since: "2026-06",
    source: `${DEVELOPER_DOCS}/technical-updates/2026-06/; vipps-api-facts.md (Checkout API v3)`,
    replacement: "Kustom Checkout (its migration guide; HTTP Basic, POST /orders) or the ePayment API",
    match: { endpoints: ["checkout.createSession", "checkout.getSession"] },
    option: "checkout",
  },
];

const byEndpoint = new Map<KnownEndpointId, DeprecationEntry>(
  DEPRECATIONS.flatMap((entry) => (entry.match.endpoints ?? []).map((id) => [id, entry] as const)),
);
const recurringV2 = DEPRECATIONS.find((entry) => entry.id === "recurring-v2");

/** The entry an endpoint falls under: its own, or its API version's (every generated `recurring.v2.*` id). */
export function getDeprecation(id: KnownEndpointId): DeprecationEntry | undefined {
  return byEndpoint.get(id) ?? (id.startsWith("recurring.v2.") ? recurringV2 : undefined);
}

/** The note endpoint tables keep for a deprecated endpoint: what happened and what replaces it. */
export function deprecationNote(entry: DeprecationEntry): string {
  return `${entry.status}; use ${entry.replacement}`;
}

const onlyInOld = new Map<string, readonly string[]>();

/**
 * The top-level fields of the old endpoint's success response that the replacement's lacks (from the generated
 * response schemas), computed once per entry.
 */
export function fieldsLostByReplacement(entry: DeprecationEntry): readonly string[] {
  const pair = entry.responseOf;
  if (!pair) return [];
  let fields = onlyInOld.get(entry.id);
  if (!fields) {
    const propertiesOf = (id: EndpointId): readonly string[] => {
      const schema = responseBodySchema(id, 200);
      return Object.keys((schema && resolveSchema(schema))?.properties ?? {});
    };
    const kept = new Set(propertiesOf(pair.replacement));
    fields = propertiesOf(pair.old).filter((field) => !kept.has(field));
    onlyInOld.set(entry.id, fields);
  }
  return fields;
}
