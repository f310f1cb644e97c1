import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { SPEC_ENDPOINTS, SPEC_SOURCES, type EndpointId, type SpecEndpoint } from "../../src/spec/endpoints.generated.js";
import { requestBodySchema, resolveSchema, responseBodySchema, type SchemaNode } from "../../src/spec/schemas.generated.js";
import { ENDPOINTS, SPEC_CORRECTIONS, getEndpoint, type ApiName } from "../../src/vipps/apis.js";
import { getDeprecation } from "../../src/vipps/deprecations.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const script = path.join(repoRoot, "scripts", "spec.js");

function runScript(...args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { cwd: repoRoot, encoding: "utf8" });
}

const specsDir = runScript("--specs-dir").stdout.trim();

/** The API of each spec file, as the generated module records it; every spec file in the folder must have one. */
const API_OF_FILE: Readonly<Record<string, ApiName>> = Object.fromEntries(
  Object.entries(SPEC_SOURCES).map(([api, source]) => [source.file, api as ApiName]),
);

const METHODS = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (value !== null && typeof value === "object" ? (value as Json) : {});

interface Occurrence {
  readonly api: ApiName;
  readonly method: string;
  readonly operationId?: string;
  /** The path as written under `paths`, joined to the server's base path. */
  readonly fullPath?: string;
  /** For a callback: its URL expression. */
  readonly expression?: string;
  readonly where: string;
}

/** Every operation the YAML lists, under `paths` and under operations' `callbacks`. */
function operationsInSpecs(): Occurrence[] {
  const found: Occurrence[] = [];
  for (const file of fs.readdirSync(specsDir).filter((name) => name.endsWith(".yaml"))) {
    const api = API_OF_FILE[file];
    if (api === undefined) throw new Error(`unexpected spec ${file}`);
    const doc = asObject(parse(fs.readFileSync(path.join(specsDir, file), "utf8")));
    const servers = (doc.servers as { url: string }[] | undefined) ?? [];
    const basePath = servers.length > 0 ? new URL(servers[0]!.url).pathname.replace(/\/$/, "") : "";
    for (const [rawPath, item] of Object.entries(asObject(doc.paths))) {
      const pathItem = asObject(item);
      for (const method of METHODS) {
        const operation = asObject(pathItem[method]);
        if (pathItem[method] === undefined) continue;
        found.push({
          api,
          method: method.toUpperCase(),
          operationId: operation.operationId as string | undefined,
          fullPath: `${basePath}${rawPath}`,
          where: `${file} ${method} ${rawPath}`,
        });
        for (const [name, callback] of Object.entries(asObject(operation.callbacks))) {
          for (const [expression, callbackItem] of Object.entries(asObject(callback))) {
            for (const callbackMethod of METHODS) {
              const callbackOperation = asObject(asObject(callbackItem)[callbackMethod]);
              if (asObject(callbackItem)[callbackMethod] === undefined) continue;
              found.push({
                api,
                method: callbackMethod.toUpperCase(),
                operationId: callbackOperation.operationId as string | undefined,
                expression,
                where: `${file} callback ${name} ${callbackMethod}`,
              });
            }
          }
        }
      }
    }
  }
  return found;
}

function entriesFor(occurrence: Occurrence): SpecEndpoint[] {
  return SPEC_ENDPOINTS.filter((endpoint) => {
    if (endpoint.api !== occurrence.api || endpoint.method !== occurrence.method) return false;
    if (occurrence.operationId !== undefined) return endpoint.operationIds.includes(occurrence.operationId);
    if (occurrence.expression !== undefined) {
      const field = /^\{\$request\.body#\/([^}]*)\}/.exec(occurrence.expression)?.[1]?.split("/").join(".");
      return endpoint.callback === true && endpoint.callbackUrlField === field;
    }
    return endpoint.path === occurrence.fullPath;
  });
}

function property(node: SchemaNode | undefined, name: string): SchemaNode | undefined {
  const resolved = node && resolveSchema(node);
  return resolved?.properties?.[name];
}

function endpoint(id: EndpointId): SpecEndpoint {
  const found = SPEC_ENDPOINTS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no endpoint ${id}`);
  return found;
}

describe("the generated endpoint table", () => {
  const occurrences = operationsInSpecs();

  it("covers every operation of all seven specs", () => {
    expect(new Set(occurrences.map((occurrence) => occurrence.api)).size).toBe(7);
    // eCom lists its callbacks again as paths that point into a file it does not ship: those are not operations.
    const real = occurrences.filter((occurrence) => !occurrence.where.startsWith("ecom-v2.yaml ") || !/ \/(?:callback|consentRemoval|shippingDetails)Prefix\//.test(occurrence.where));
    for (const occurrence of real) expect(entriesFor(occurrence), occurrence.where).toHaveLength(1);
    const matched = new Set(real.flatMap(entriesFor));
    // Nothing generated that the YAML does not hold; duplicates in the YAML (a callback also listed as a path) are one.
    expect(SPEC_ENDPOINTS.filter((entry) => !matched.has(entry)).map((entry) => entry.id)).toEqual([]);
    for (const api of Object.values(API_OF_FILE)) {
      const distinct = new Set(real.filter((occurrence) => occurrence.api === api).flatMap(entriesFor));
      expect(SPEC_ENDPOINTS.filter((entry) => entry.api === api)).toHaveLength(distinct.size);
    }
  });

  it("gives every operation a unique id that starts with its API", () => {
    const ids = SPEC_ENDPOINTS.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of SPEC_ENDPOINTS) expect(entry.id.startsWith(`${entry.api}.`), entry.id).toBe(true);
  });

  it("keeps Recurring v2 apart from v3, marked deprecated", () => {
    const v2 = SPEC_ENDPOINTS.filter((entry) => entry.path.startsWith("/recurring/v2/"));
    expect(v2.length).toBeGreaterThan(0);
    for (const entry of v2) {
      expect(entry.id.startsWith("recurring.v2."), entry.id).toBe(true);
      expect(entry.deprecated).toBe(true);
    }
    expect(endpoint("recurring.createCharge").path).toBe("/recurring/v3/agreements/{agreementId}/charges");
    expect(endpoint("recurring.v2.createCharge").path).toBe("/recurring/v2/agreements/{agreementId}/charges");
  });

  it("joins the servers' base path to each path", () => {
    expect(endpoint("epayment.info").path).toBe("/epayment/v1/payments/{Reference}");
    expect(endpoint("ecom.initiate").path).toBe("/ecomm/v2/payments");
    expect(endpoint("checkout.createSession").path).toBe("/checkout/v3/session");
    expect(endpoint("webhooks.register").path).toBe("/webhooks/v1/webhooks");
    expect(endpoint("accesstoken.get").path).toBe("/accesstoken/get");
    expect(endpoint("login.token").path).toBe("/access-management-1.0/access/oauth2/token");
  });

  it("states ePayment create's method, body and required fields", () => {
    const create = endpoint("epayment.create");
    expect([create.method, create.path, create.body]).toEqual(["POST", "/epayment/v1/payments", "json"]);
    const body = resolveSchema(requestBodySchema("epayment.create")!);
    expect(body?.required).toEqual(["amount", "paymentMethod", "reference", "userFlow"]);
    expect(resolveSchema(property(body, "reference")!)?.pattern).toBe("^[a-zA-Z0-9-]{8,64}$");
    expect(resolveSchema(property(body, "userFlow")!)?.enum).toEqual(["PUSH_MESSAGE", "NATIVE_REDIRECT", "WEB_REDIRECT", "QR"]);
    // Spec 1.8.1 writes the customer's phone number as 9 to 15 digits.
    const customer = resolveSchema(property(body, "customer")!);
    const phone = customer?.oneOf?.map((part) => property(part, "phoneNumber")).find(Boolean);
    expect(phone?.pattern).toBe("^\\d{9,15}$");
  });

  it("lists the headers, Idempotency-Key and the Authorization security scheme included", () => {
    const headers = new Map(endpoint("epayment.capture").headers.map((header) => [header.name, header]));
    expect(headers.get("Idempotency-Key")).toMatchObject({ required: true, maxLength: 50 });
    expect(headers.get("Merchant-Serial-Number")).toMatchObject({ required: true, pattern: "^[0-9]{4,10}$" });
    expect(headers.get("Authorization")).toMatchObject({ required: true, fromSecurity: true });
    expect(endpoint("ecom.capture").headers.find((header) => header.name === "X-Request-Id")?.required).toBe(true);
    expect(endpoint("login.token").auth).toEqual(["basic", "bearer"]);
  });

  it("reads eCom's body schemas, merchantInfo.fallBack included", () => {
    const merchantInfo = resolveSchema(property(requestBodySchema("ecom.initiate"), "merchantInfo")!);
    expect(merchantInfo?.properties?.fallBack).toBeDefined();
    expect(merchantInfo?.required).toContain("fallBack");
    const mobileNumber = property(property(requestBodySchema("ecom.initiate"), "customerInfo"), "mobileNumber");
    expect(resolveSchema(mobileNumber!)?.pattern).toBe("^\\d{8}$");
    expect(responseBodySchema("ecom.initiate", 200)).toBeDefined();
  });

  it("marks callbacks Vipps sends to the merchant, with the field that holds the merchant's URL", () => {
    const shipping = endpoint("ecom.shippingDetailsResponse");
    expect(shipping).toMatchObject({ callback: true, method: "POST", callbackUrlField: "merchantInfo.shippingDetailsPrefix" });
    expect(shipping.path).toBe("/v2/payments/{orderId}/shippingDetails");
    expect(endpoint("epayment.dynamicShippingCallback").callback).toBe(true);
    expect(endpoint("ecom.transactionCallback").callback).toBe(true);
    expect(endpoint("ecom.initiate").callback).toBeUndefined();
    // The merchant's answer to the shipping callback is the response body.
    const answer = resolveSchema(responseBodySchema("ecom.shippingDetailsResponse", "200")!);
    expect(answer?.properties?.shippingDetails?.type).toBe("array");
  });

  it("says which body kind each endpoint sends: form for the Login token endpoint", () => {
    expect(endpoint("login.token").body).toBe("form");
    expect(endpoint("webhooks.list").body).toBeUndefined();
    // CIBA is in no carried spec: the hand-kept endpoint says form.
    expect(SPEC_ENDPOINTS.some((entry) => entry.path.includes("ciba"))).toBe(false);
    expect(getEndpoint("login.cibaAuthenticate")?.form).toBe(true);
  });

  it("records each API's spec version", () => {
    expect(SPEC_SOURCES.epayment.version).toBe("1.8.1");
    expect(SPEC_SOURCES.recurring.version).toBe("2.6.17");
    const specFiles = fs.readdirSync(specsDir).filter((name) => name.endsWith(".yaml"));
    expect(Object.keys(API_OF_FILE).sort()).toEqual(specFiles.sort());
  });

  it("keeps no prose from the specs", () => {
    const text = fs.readFileSync(path.join(repoRoot, "src", "spec", "schemas.generated.ts"), "utf8");
    // These names occur as body fields (problem JSON has a `title`), whose value is a schema object; as prose keywords
    // their value would be text or a list.
    expect(text).not.toMatch(/"(?:description|example|examples|title|summary|x-[\w-]+)":(?!\{)/);
  });
});

describe("the hand-kept knowledge on the generated ids", () => {
  it("takes method, path and body kind from the generated table", () => {
    for (const entry of SPEC_ENDPOINTS) {
      const kept = getEndpoint(entry.id);
      expect(kept, entry.id).toBeDefined();
      expect([kept?.method, kept?.path, kept?.form === true, kept?.callbackResponse === true]).toEqual([
        entry.method,
        entry.path,
        entry.body === "form",
        entry.callback === true,
      ]);
    }
    expect(ENDPOINTS.length).toBe(SPEC_ENDPOINTS.length + 3);
  });

  it("dates deprecations the specs only flag", () => {
    expect(getDeprecation("recurring.v2.listAgreements")?.since).toBe("2023-11-01");
    expect(getEndpoint("ecom.status")?.deprecated).toBe("is deprecated; use GET /ecomm/v2/payments/{orderId}/details");
    expect(getDeprecation("recurring.listAgreements")).toBeUndefined();
  });

  it("corrects only fields the spec still has", () => {
    for (const correction of SPEC_CORRECTIONS) {
      if (correction.field === undefined) continue;
      const id = correction.endpoint as EndpointId;
      const body = correction.body === "response" ? responseBodySchema(id, 200) : requestBodySchema(id);
      expect(property(body, correction.field), `${correction.endpoint} ${correction.field}`).toBeDefined();
    }
  });
});

describe("lazy schemas", () => {
  it("parses no schema on import, and one API's on first use", async () => {
    vi.resetModules();
    const parseSpy = vi.spyOn(JSON, "parse");
    try {
      const schemas = await import("../../src/spec/schemas.generated.js");
      expect(parseSpy).not.toHaveBeenCalled();
      expect(schemas.parsedSchemaApis()).toEqual([]);
      expect(schemas.requestBodySchema("epayment.create")).toEqual({ ref: "epayment:CreatePaymentRequest" });
      expect(schemas.parsedSchemaApis()).toEqual(["epayment"]);
      schemas.requestBodySchema("epayment.capture");
      expect(parseSpy).toHaveBeenCalledTimes(1);
    } finally {
      parseSpy.mockRestore();
    }
  });
});

describe("npm run spec -- --check", () => {
  it("passes on the committed files", () => {
    const result = runScript("--check");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("fails on a modified copy, naming the stale file", () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "vipps-spec-"));
    try {
      for (const name of ["endpoints.generated.ts", "schemas.generated.ts"]) {
        fs.copyFileSync(path.join(repoRoot, "src", "spec", name), path.join(copy, name));
      }
      expect(runScript("--check", "--out", copy).status).toBe(0);
      const schemas = path.join(copy, "schemas.generated.ts");
      fs.writeFileSync(schemas, fs.readFileSync(schemas, "utf8").replace("^[a-zA-Z0-9-]{8,64}$", "^[a-z]{8,64}$"));
      const result = runScript("--check", "--out", copy);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("schemas.generated.ts");
      expect(result.stderr).not.toContain("endpoints.generated.ts");
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
