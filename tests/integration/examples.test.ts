import { ESLint } from "eslint";
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * ESLint with the built package (dist/, reached by examples/eslint.config.js through the package's own name) on
 * examples/, the way `npm run demo` and a user's project run it. tests/build-dist.ts builds dist/ when it is stale.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const examples = path.join(root, "examples");
const eslintOptions: ESLint.Options = { cwd: examples, overrideConfigFile: path.join(examples, "eslint.config.js") };
const RULE = "vipps/mobile-number-format";

const nsn8 = (api: string, field: string, value: string) =>
  `${api} ${field} must be 8 digits without country code, like "91234567"; got "${value}".`;
const msisdn = (api: string, field: string, value: string) =>
  `${api} ${field} must be an MSISDN: country code and number, digits only, like "4791234567"; got "${value}".`;
const urnMsisdn = (value: string) =>
  `Login API login_hint must be "urn:msisdn:" followed by an MSISDN, like "urn:msisdn:4791234567"; got "${value}".`;

interface Finding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const finding = (
  [line, column, endColumn]: [number, number, number],
  messageId: string,
  message: string,
): Finding => ({ ruleId: RULE, messageId, message, line, column, endLine: line, endColumn });

const ERRORS_RULE = "vipps/handle-error-responses";
const ERRORS_TARGET = 'so an error answer from Vipps goes unnoticed. Check `response.ok` before using it.';

/** A handle-error-responses finding: it spans the whole call, often several lines. */
const errorFinding = (
  [line, column, endLine, endColumn]: [number, number, number, number],
  messageId: string,
  message: string,
): Finding => ({ ruleId: ERRORS_RULE, messageId, message, line, column, endLine, endColumn });

interface Expectation {
  readonly findings: readonly Finding[];
  /** What `--fix` rewrites: each `from` occurs once in the file and becomes `to`; nothing else changes. */
  readonly fixes: readonly { readonly from: string; readonly to: string }[];
  /** The findings left after `--fix`, where they are not simply the findings without a fix. */
  readonly afterFix?: readonly Finding[];
}

/** A finding of the express checkout rules. */
const expressFinding = (
  ruleId: string,
  [line, column, endLine, endColumn]: [number, number, number, number],
  messageId: string,
  message: string,
): Finding => ({ ruleId: `vipps/${ruleId}`, messageId, message, line, column, endLine, endColumn });
const CLICK_AND_COLLECT = "click-and-collect-static-shipping";
const callbackClickAndCollect = (rest: string) =>
  'Click-and-collect option "Hent i butikk (Storgata 1)" is offered by the shipping details callback, but it does not ' +
  `depend on the address: offer it in \`staticShippingDetails\` of the initiate call instead${rest}`;
const callbackInsteadOfStatic = expressFinding(
  CLICK_AND_COLLECT,
  [31, 7, 31, 28],
  "callbackInsteadOfStatic",
  "This express checkout asks the shipping details callback for options although this module offers click and collect " +
    '("Hent i butikk (Storgata 1)"): send `staticShippingDetails` in `merchantInfo` with click and collect as the ' +
    "default, so Vipps skips the round trip.",
);

// vipps/valid-headers: keys made fresh in the header (randomUUID() on each call) and a header the file never sends.
const headerFinding = (
  [line, column, endLine, endColumn]: [number, number, number, number],
  messageId: string,
  message: string,
): Finding => ({ ruleId: "vipps/valid-headers", messageId, message, line, column, endLine, endColumn });
const freshKey = (target: string, maker: string, operation: string) =>
  `The Idempotency-Key of ${target} is made fresh by ${maker} on each call, so a retry becomes a new operation; derive it ` +
  `from the operation (\`\${reference}-${operation}\`, with a number for each partial capture or refund) or create it once and pass it in.`;
// vipps/valid-request-body: the two findings on examples/ (both true: the spec's integer amount, its required field).
const VALID_BODY = "valid-request-body";
const unroundedAmount = expressFinding(
  VALID_BODY,
  [24, 41, 24, 77],
  "unrounded",
  'ePayment API "create payment": amount.value must be an integer in minor units, but floating point makes ' +
    '`Number(formData.get("amount")) * 100` a fraction for many prices (19.99 * 100 is 1998.9999999999998); round it.',
);
const missingCustomerInfo = expressFinding(
  VALID_BODY,
  [26, 19, 26, 20],
  "missingField",
  'eCom API "initiate payment": the body lacks customerInfo, which the spec requires.',
);

// examples/webhook-routes.js: verify-webhook-signature finds a content hash checked without the signature, a hash of a
// re-serialised body, a hex digest (suggestion: base64) and a misspelt event name (fixed); verify-callback-authorization a body field taken for authentication.
const WEBHOOK_ROUTES: readonly Finding[] = [
  expressFinding(
    "verify-webhook-signature",
    [11, 16, 11, 43],
    "contentHashOnly",
    "Only the content hash is checked: anyone can send a body with its own SHA-256. Also check the Authorization " +
      "signature, an HMAC-SHA256 with the webhook secret over the method, path and query, x-ms-date, host and content hash.",
  ),
  expressFinding(
    "verify-webhook-signature",
    [11, 51, 11, 75],
    "reserialisedBody",
    "A re-serialised body never hashes to what Vipps hashed (key order, spacing and escapes differ): hash the raw body as received.",
  ),
  expressFinding(
    "verify-webhook-signature",
    [11, 84, 11, 89],
    "hexDigest",
    "Vipps sends base64 digests: a hex digest never matches x-ms-content-sha256 or the signature.",
  ),
  expressFinding(
    "verify-webhook-signature",
    [13, 25, 13, 56],
    "unknownEvent",
    '"recurring.charge-cancelled.v1" is not a Vipps webhook event; the name is "recurring.charge-canceled.v1".',
  ),
  expressFinding(
    "verify-callback-authorization",
    [18, 7, 18, 62],
    "bodyFieldAuthentication",
    "`merchantSerialNumber` comes from the callback body, which the caller writes, and it is no secret: compare the " +
      "`Authorization` header with the token sent as `merchantInfo.authToken`, or read the payment back from the API.",
  ),
];

const EXPECTED: Readonly<Record<string, Expectation>> = {
  "checkout-ky.ts": {
    findings: [finding([46, 20, 37], "wrongFormat", msisdn("Checkout API", "prefillCustomer.phoneNumber", "+47 91 23 45 67"))],
    fixes: [{ from: 'phoneNumber: "+47 91 23 45 67",', to: 'phoneNumber: "4791234567",' }],
  },
  "checkout-page.tsx": {
    findings: [
      headerFinding([21, 26, 21, 35], "freshKey", freshKey('ePayment API "create payment"', "randomUUID()", "create")),
      unroundedAmount,
      finding([27, 77, 92], "wrongFormat", msisdn("ePayment API", "customer.phoneNumber", "0047 41234567")),
    ],
    // The JSX placeholder has a phone number too, but it is not sent to Vipps.
    fixes: [{ from: 'phone ? phone : "0047 41234567" },', to: 'phone ? phone : "4741234567" },' }],
  },
  "config-fetch.ts": {
    // No URL names Vipps: the VIPPS_API_URL variable and the Merchant-Serial-Number set on `new Headers()` do.
    findings: [
      errorFinding(
        [31, 26, 33, 5],
        "uncheckedStatus",
        `The response of eCom API "get payment details" is read without a check of its HTTP status, ${ERRORS_TARGET}`,
      ),
    ],
    fixes: [],
  },
  "ecom-fetch.js": {
    findings: [
      finding([32, 39, 55], "wrongFormat", nsn8("eCom API", "customerInfo.mobileNumber", "+47 412 34 567")),
      finding([76, 49, 64], "wrongFormat", nsn8("eCom API", "customerPhoneNumber", "0047 97777776")),
    ],
    fixes: [
      { from: 'mobileNumber: customer.phone || "+47 412 34 567",', to: 'mobileNumber: customer.phone || "41234567",' },
      { from: 'customerPhoneNumber: "0047 97777776",', to: 'customerPhoneNumber: "97777776",' },
    ],
  },
  "epayment-axios.ts": {
    // The constant is reported where the body uses it, and rewritten where it is written.
    findings: [
      finding([43, 32, 89], "wrongFormat", msisdn("ePayment API", "customer.phoneNumber", "97777776")),
      headerFinding([49, 90, 49, 102], "freshKey", freshKey('ePayment API "create payment"', "randomUUID()", "create")),
      headerFinding([58, 92, 58, 104], "freshKey", freshKey('ePayment API "capture payment"', "randomUUID()", "capture")),
    ],
    fixes: [{ from: 'const TEST_CUSTOMER_PHONE = "97777776";', to: 'const TEST_CUSTOMER_PHONE = "4797777776";' }],
  },
  "epayment-correct.ts": {
    findings: [],
    fixes: [],
  },
  "error-handling.ts": {
    // Its repairs change what a payment flow does on failure: suggestions, never applied by --fix.
    findings: [
      errorFinding(
        [25, 26, 35, 5],
        "uncheckedStatus",
        `The response of ePayment API "create payment" is read without a check of its HTTP status, ${ERRORS_TARGET}`,
      ),
      errorFinding(
        [53, 9, 57, 5],
        "uncheckedStatus",
        `The response of ePayment API "capture payment" is dropped without a check of its HTTP status, ${ERRORS_TARGET}`,
      ),
      errorFinding(
        [64, 5, 64, 122],
        "lostRejection",
        'The promise of ePayment API "refund payment" is neither awaited, returned nor given a rejection handler, ' +
          "so a failed request goes unnoticed. Await it or add a `.catch()` handler.",
      ),
      errorFinding(
        [69, 5, 69, 10],
        "swallowedError",
        'This handler discards the error of ePayment API "cancel payment", so a failed request goes unnoticed. ' +
          "Log it, pass it on or rethrow it.",
      ),
      errorFinding(
        [89, 24, 95, 5],
        "uncheckedResult",
        'The result of ePayment API "create payment" is read without a check of `.ok`; the SDK reports failures as ' +
          "`{ ok: false, error }`, so this one goes unnoticed. Check `result.ok` before using `.data`.",
      ),
    ],
    fixes: [],
  },
  "express-checkout.js": {
    findings: [
      missingCustomerInfo,
      // require-explicit-checkout-flow, in `all` only, would also ask for `useExplicitCheckoutFlow: true` here.
      callbackInsteadOfStatic,
      // verify-callback-authorization: the shipping details callback trusts the body; the initiate sends no authToken.
      expressFinding(
        "verify-callback-authorization",
        [65, 35, 65, 43],
        "unauthenticatedCallback",
        "This eCom shipping details callback handler trusts what the caller sent without comparing the `Authorization` header with " +
          "the token sent as `merchantInfo.authToken`, and without reading the payment back from the API: anyone who knows the URL can forge it.",
      ),
      expressFinding(
        CLICK_AND_COLLECT,
        [77, 7, 83, 8],
        "callbackNotDefault",
        callbackClickAndCollect("; here, at least make it the default and first option."),
      ),
    ],
    // Both repairs change what the checkout does (which option is preselected; the callback switched off): they stay
    // suggestions without `autofix: true`.
    fixes: [],
  },
  "legacy-sdk.cjs": {
    // @vippsno/vipps-sdk rejects on an error answer: the awaited call in try/catch that logs stays silent.
    findings: [
      // no-deprecated-api: the SDK itself is deprecated (a true finding; reported without a repair).
      {
        ruleId: "vipps/no-deprecated-api",
        messageId: "retired",
        message:
          "The SDK @vippsno/vipps-sdk is deprecated (one release, 0.9.13): use direct API calls (the docs now advise them) " +
          "or @vippsmobilepay/sdk.",
        line: 5,
        column: 27,
        endLine: 5,
        endColumn: 47,
      },
      errorFinding(
        [37, 12, 37, 22],
        "swallowedError",
        'This handler discards the error of ePayment API "refund payment", so a failed request goes unnoticed. ' +
          "Log it, pass it on or rethrow it.",
      ),
    ],
    fixes: [],
  },
  "local-wrapper.js": {
    // The file's own vippsRequest() returns the fetch promise unchecked: its call sites are checked, and the one that
    // checks `response.ok` stays silent.
    findings: [
      headerFinding(
        [13, 26, 13, 45],
        "freshKey",
        freshKey("an ePayment API request to …/epayment/v1/payments…", "crypto.randomUUID()", "<operation>"),
      ),
      errorFinding(
        [39, 26, 39, 68],
        "uncheckedStatus",
        `The response of an ePayment API request to …/epayment/v1/payments… is read without a check of its HTTP status, ${ERRORS_TARGET}`,
      ),
      errorFinding(
        [46, 9, 49, 5],
        "uncheckedStatus",
        `The response of an ePayment API request to …/epayment/v1/payments… is dropped without a check of its HTTP status, ${ERRORS_TARGET}`,
      ),
    ],
    fixes: [],
  },
  "login-ciba.mjs": {
    findings: [
      finding([23, 26, 96], "wrongFormat", urnMsisdn("urn:msisdn:97777776")),
      finding([42, 36, 46], "wrongFormat", urnMsisdn("4797777776")),
    ],
    fixes: [
      { from: 'const STAGING_LOGIN_HINT = "urn:msisdn:97777776";', to: 'const STAGING_LOGIN_HINT = "urn:msisdn:4797777776";' },
      { from: '"scope=openid&login_hint=4797777776&', to: '"scope=openid&login_hint=urn:msisdn:4797777776&' },
    ],
  },
  "login-correct.js": { findings: [], fixes: [] },
  "recurring-got.cjs": {
    findings: [finding([39, 18, 34], "wrongFormat", msisdn("Recurring API", "phoneNumber", "+47 912 34 567"))],
    fixes: [{ from: 'phoneNumber: "+47 912 34 567",', to: 'phoneNumber: "4791234567",' }],
  },
  "request-promise.js": {
    // A number with a digit missing: reported, never guessed at.
    findings: [
      finding(
        [26, 21, 59],
        "invalidNumber",
        'eCom API customerInfo.mobileNumber must be 8 digits without country code, like "91234567"; ' +
          'got "+47 9123 456", which is not a valid mobile number.',
      ),
      headerFinding(
        [51, 10, 60, 5],
        "missingHeader",
        'eCom API "refund payment" requires an X-Request-Id header (ecom-v2.yaml 2.0.3); without it a retried call may run the operation twice.',
      ),
    ],
    fixes: [],
  },
  "sdk-client.ts": {
    findings: [
      finding([25, 47, 64], "wrongFormat", msisdn("ePayment API", "customer.phoneNumber", "+45 20 12 34 56")),
      finding([25, 67, 84], "wrongFormat", msisdn("ePayment API", "customer.phoneNumber", "+47 48 05 92 34")),
    ],
    fixes: [
      {
        from: 'phoneNumber: danishCustomer ? "+45 20 12 34 56" : "+47 48 05 92 34" },',
        to: 'phoneNumber: danishCustomer ? "4520123456" : "4748059234" },',
      },
    ],
  },
  "sdk-factory.ts": {
    // A client from the local getVippsClient() factory, called directly and through a module constant.
    findings: [
      errorFinding(
        [25, 24, 32, 5],
        "uncheckedResult",
        'The result of ePayment API "create payment" is read without a check of `.ok`; the SDK reports failures as ' +
          "`{ ok: false, error }`, so this one goes unnoticed. Check `result.ok` before using `.data`.",
      ),
      errorFinding(
        [47, 3, 47, 54],
        "lostRejection",
        'The promise of ePayment API "cancel payment" is neither awaited, returned nor given a rejection handler, ' +
          "so a failed request goes unnoticed. Await it or add a `.catch()` handler.",
      ),
    ],
    fixes: [],
  },
  "superagent.js": {
    findings: [
      headerFinding([13, 29, 13, 41], "freshKey", freshKey('ePayment API "create payment"', "randomUUID()", "create")),
      finding([17, 46, 64], "wrongFormat", msisdn("ePayment API", "customer.phoneNumber", "(+47) 412 34 567")),
      headerFinding([33, 26, 33, 38], "freshKey", freshKey('ePayment API "refund payment"', "randomUUID()", "refund")),
    ],
    fixes: [{ from: 'phoneNumber: sale.phone ?? "(+47) 412 34 567" },', to: 'phoneNumber: sale.phone ?? "4741234567" },' }],
  },
  "webhook-routes.js": {
    findings: WEBHOOK_ROUTES,
    fixes: [{ from: 'req.body.name === "recurring.charge-cancelled.v1"', to: 'req.body.name === "recurring.charge-canceled.v1"' }],
    afterFix: WEBHOOK_ROUTES.filter((item) => item.messageId !== "unknownEvent"),
  },
  "wrapper.js": {
    findings: [
      finding([49, 56, 68], "wrongFormat", nsn8("eCom API", "customerInfo.mobileNumber", "912 34 567")),
      // eCom is Norway only: a Swedish number is reported without a fix.
      finding(
        [72, 34, 52],
        "foreignNumber",
        'eCom API customerPhoneNumber takes mobile numbers from NO only; got "+46 70 123 45 67", a number from SE.',
      ),
    ],
    fixes: [{ from: 'mobileNumber: customer.mobile ?? "912 34 567" },', to: 'mobileNumber: customer.mobile ?? "91234567" },' }],
  },
};

const findingsOf = (result: ESLint.LintResult): Finding[] =>
  result.messages.map(({ ruleId, messageId, message, line, column, endLine, endColumn }) => ({
    ruleId: ruleId ?? "(parse error)",
    messageId: messageId ?? "(none)",
    message,
    line,
    column,
    endLine: endLine ?? line,
    endColumn: endColumn ?? column,
  }));

/** The source with each expected fix applied, after checking that each one names exactly one place. */
function applyFixes(source: string, fixes: Expectation["fixes"]): string {
  let output = source;
  for (const { from, to } of fixes) {
    expect(source.split(from), `"${from}" occurs once`).toHaveLength(2);
    output = output.replace(from, to);
  }
  return output;
}

const readExample = (name: string): string => readFileSync(path.join(examples, name), "utf8");

describe("ESLint with the built package on examples/", () => {
  let results: ReadonlyMap<string, ESLint.LintResult>;
  let fixedResults: ReadonlyMap<string, ESLint.LintResult>;
  const byName = (list: ESLint.LintResult[]) => new Map(list.map((result) => [path.basename(result.filePath), result]));

  beforeAll(async () => {
    results = byName(await new ESLint(eslintOptions).lintFiles(["."]));
    fixedResults = byName(await new ESLint({ ...eslintOptions, fix: true }).lintFiles(["."]));
  });

  it("loads the plugin from dist/ through the package's exports", async () => {
    const resolved = createRequire(import.meta.url).resolve("eslint-plugin-vipps");
    expect(path.relative(root, resolved)).toBe(path.join("dist", "index.js"));
    const config = (await new ESLint(eslintOptions).calculateConfigForFile("ecom-fetch.js")) as Record<string, unknown>;
    expect((config.plugins as Record<string, { meta?: unknown }>).vipps?.meta).toEqual({
      name: "eslint-plugin-vipps",
      version: (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version,
      namespace: "vipps",
    });
  });

  it("lints every example and nothing else", () => {
    const files = readdirSync(examples).filter((name) => name !== "eslint.config.js");
    expect([...results.keys()].sort()).toEqual(files.sort());
    expect(Object.keys(EXPECTED).sort()).toEqual(files.sort());
  });

  describe.each(Object.entries(EXPECTED))("%s", (name, expected) => {
    it("gives exactly the expected findings", () => {
      const result = results.get(name);
      expect(result).toBeDefined();
      if (result) expect(findingsOf(result)).toEqual(expected.findings);
    });

    it("is changed by --fix exactly as expected", () => {
      const output = fixedResults.get(name)?.output;
      if (expected.fixes.length === 0) expect(output).toBeUndefined();
      else expect(output).toBe(applyFixes(readExample(name), expected.fixes));
    });

    it("leaves only the findings without a fix after --fix, and a second pass changes nothing", async () => {
      const fixed = fixedResults.get(name)?.output ?? readExample(name);
      const eslint = new ESLint({ ...eslintOptions, fix: true });
      const [again] = await eslint.lintText(fixed, { filePath: path.join(examples, name) });
      expect(again?.output).toBeUndefined();
      // Every wrongFormat finding in examples/ has a fix; the others (invalid, foreign numbers, error handling) never do.
      expect(again && findingsOf(again)).toEqual(
        expected.afterFix ?? expected.findings.filter((item) => item.messageId !== "wrongFormat"),
      );
    });
  });
});

describe("npm run demo", () => {
  it("prints every finding, the --fix diff per file and the summary, and exits with 0", async () => {
    // execFile rejects on a non-zero exit code.
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, "scripts", "demo.js")], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
    });
    for (const [name, expected] of Object.entries(EXPECTED)) {
      expect(stdout).toContain(`examples/${name}  ${expected.findings.length === 0 ? "no findings" : ""}`);
      for (const { line, column, message, ruleId } of expected.findings) {
        expect(stdout).toContain(`  ${`${line}:${column}`.padEnd(7)} error  ${message}  ${ruleId}`);
      }
    }
    expect(stdout).toContain(
      [
        "--- a/examples/ecom-fetch.js",
        "+++ b/examples/ecom-fetch.js",
        "@@ -29,7 +29,7 @@",
        "   const payment = {",
        "     customerInfo: {",
        "       // Customers who skip the phone field still get the number from their profile prefilled.",
        '-      mobileNumber: customer.phone || "+47 412 34 567",',
        '+      mobileNumber: customer.phone || "41234567",',
        "     },",
        "     merchantInfo: {",
        "       merchantSerialNumber: process.env.VIPPS_MSN,",
        "@@ -73,7 +73,7 @@",
      ].join("\n"),
    );
    expect(stdout).toContain("What `eslint --fix` would change (10 files):");
    expect(stdout.trimEnd().split("\n").at(-1)).toBe(
      "19 files linted, 17 with findings: 43 findings, 13 fixable by --fix, 15 with suggestions.",
    );
  });
});
