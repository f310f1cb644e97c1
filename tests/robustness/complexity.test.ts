import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { configFor, RULE_IDS } from "./lint.js";

/**
 * Time bounds: each adversarial shape of issue 10, and the similar ones found since, is linted at sizes n, 2n and 4n
 * with every rule and every opt-in option, and the test fails when the plugin's time grows faster than n log n.
 *
 * What is timed is the rules' own time, as ESLint's `stats` reports it (detection and fixes included), not parsing
 * or traversal, which are ESLint's and may grow on their own (one 4 MB line costs ESLint itself more than linear).
 * Ratios between sizes are compared, never absolute times, each size's time is the median of a few runs after a
 * warm-up, and the allowance is generous: 2.5 times n log n growth (about 11 times from n to 4n), with times under
 * MIN_TIME_MS counted as MIN_TIME_MS, so that a loaded 2-core machine does not fail it. Before the fixes, the shapes
 * of items 2 to 4 grew by 15 to 17 times (quadratic) and by 40 to 2,000 times (polynomial, exponential) from n to
 * 4n; with them, by at most 6 times.
 */

/** Every opt-in option: fixes instead of suggestions, an error handler, a custom pattern, wrappers and hosts. */
const OPTIONS: Linter.Config = {
  rules: {
    "vipps/click-and-collect-static-shipping": ["error", { autofix: true, clickAndCollectPattern: "click[ -]?(?:and|&|n)?[ -]?collect|hent i butikk" }],
    "vipps/handle-error-responses": ["error", { autofix: true, errorHandler: "reportVippsError" }],
  },
  settings: {
    vipps: {
      wrappers: [{ name: "vippsFetch", url: "0.uri", body: "0.body", method: "POST" }],
      hosts: ["payments.example.com"],
    },
  },
};

const linter = new Linter();
// JavaScript, parsed by espree: the TypeScript parser would triple the wall time without changing what is measured.
const config = configFor("js", OPTIONS);

/**
 * The plugin's rules' time on `code` as `--fix` runs them (every pass, fixes applied), in milliseconds; throws what a
 * rule throws.
 */
function ruleTime(code: string): number {
  // `stats` is an option of verifyAndFix that ESLint's typings leave out.
  const report = linter.verifyAndFix(code, config, { filename: "src/file.js", stats: true } as Linter.FixOptions);
  const fatal = report.messages.find((message) => message.fatal);
  if (fatal) throw new Error(`does not parse: ${fatal.message}`);
  let total = 0;
  for (const pass of linter.getTimes().passes) for (const id of RULE_IDS) total += pass.rules?.[id]?.total ?? 0;
  return total;
}

const RUNS = 3;
const MIN_TIME_MS = 5;
const SLACK = 2.5;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Times `shape` at n, 2n and 4n and checks the growth against n log n. */
function checkGrowth(shape: (n: number) => string, n: number): void {
  const sizes = [n, 2 * n, 4 * n];
  const codes = sizes.map(shape);
  ruleTime(codes[0] ?? ""); // warm-up: the JIT, and the first compile of the rules' patterns
  // Runs interleave the sizes, so that load from other processes falls on all of them alike.
  const runs: number[][] = sizes.map(() => []);
  for (let run = 0; run < RUNS; run++) codes.forEach((code, index) => runs[index]?.push(ruleTime(code)));
  const times = runs.map((values) => Math.max(MIN_TIME_MS, median(values)));
  const nLogN = (size: number): number => size * Math.log2(size + 2);
  for (let index = 1; index < sizes.length; index++) {
    const growth = (times[index] ?? 0) / (times[0] ?? 1);
    const allowed = (SLACK * nLogN(sizes[index] ?? 0)) / nLogN(n);
    expect(growth, `time at ${sizes[index]} vs ${n}: ${times.map((time) => time.toFixed(1)).join(" / ")} ms`).toBeLessThanOrEqual(allowed);
  }
  if (process.env.COMPLEXITY_REPORT) console.log(`${sizes.join("/")}: ${times.map((time) => time.toFixed(1)).join(" / ")} ms`);
}

const EPAYMENT = '"https://api.vipps.no/epayment/v1/payments"';
const ECOM = '"https://api.vipps.no/ecomm/v2/payments"';
const lines = (count: number, line: (index: number) => string): string => Array.from({ length: count }, (_, index) => line(index)).join("\n");

/** An express initiate with `merchantInfo` and `transaction` as given. */
const expressInitiate = (merchantInfo: string, transaction: string): string =>
  `fetch(${ECOM}, { method: "POST", body: JSON.stringify({ merchantInfo: ${merchantInfo}, transaction: ${transaction} }) });`;

/**
 * The shapes, each a function of its size and the size n it starts at. Doubling shapes (`m1 = m0 + m0`) take the
 * number of lines as size: the file grows linearly while the value doubles per line.
 */
const SHAPES: Record<string, { readonly code: (n: number) => string; readonly n: number }> = {
  "a constant doubled per line, as a method (item 2)": {
    n: 6,
    code: (n) => `const m0 = "P";\n${lines(n, (i) => `const m${i + 1} = m${i} + m${i};`)}\nfetch(${EPAYMENT}, { method: m${n} });`,
  },
  "a constant doubled per line in templates, as a URL": {
    n: 6,
    code: (n) => `const u0 = "/";\n${lines(n, (i) => `const u${i + 1} = \`\${u${i}}\${u${i}}\`;`)}\nfetch("https://api.vipps.no" + u${n} + "epayment/v1/payments", { method: "POST" });`,
  },
  "a constant doubled per line as a computed key and a member": {
    n: 6,
    code: (n) =>
      `const k0 = "a";\n${lines(n, (i) => `const k${i + 1} = k${i} + k${i};`)}\nconst METHODS = { [k${n}]: "POST", post: "POST" };\nfetch(${EPAYMENT}, { method: METHODS[k${n}], body: JSON.stringify({ [k${n}]: 1, customer: { phoneNumber: "+47 912 34 567" } }) });`,
  },
  "fallback chains doubled per line, as a phone number": {
    n: 6,
    code: (n) =>
      `const p0 = "+47 912 34 567";\n${lines(n, (i) => `const p${i + 1} = p${i} || p${i};`)}\nfetch(${EPAYMENT}, { method: "POST", body: JSON.stringify({ customer: { phoneNumber: p${n} } }) });`,
  },
  "seven levels of k spreads each, into an express transaction (item 3)": {
    n: 3,
    code: (k) => {
      const spreads = (level: number): string => Array.from({ length: k }, () => `...t${level - 1}`).join(", ");
      return `const t0 = { amount: 100 };\n${lines(7, (i) => `const t${i + 1} = { ${spreads(i + 1)} };`)}\n${expressInitiate('{ paymentType: "eComm Express Payment", shippingDetailsPrefix: "https://example.com/shipping" }', "t7")}\nexport const options = [{ shippingMethod: "Click and collect", shippingMethodId: "click-and-collect" }];`;
    },
  },
  "many bodies spreading one large object": {
    n: 200,
    code: (n) =>
      `const base = { ${lines(n, (i) => `field${i}: ${i},`)} };\n${lines(n, (i) => `export const body${i} = { ...base, merchantInfo: { merchantSerialNumber: "123" }, transaction: { ...base } };`)}`,
  },
  "an object with many spreads, read through many members": {
    n: 120,
    code: (n) =>
      `${lines(n, (i) => `const part${i} = { key${i}: "POST" };`)}\nconst METHODS = { ${lines(n, (i) => `...part${i},`)} };\n${lines(n, (i) => `fetch(${EPAYMENT}, { method: METHODS.key${i} });`)}`,
  },
  "a URL with a long run of slashes (item 4)": {
    n: 20_000,
    code: (n) => `fetch("https://api.vipps.no/ecomm/v2/" + "${"/".repeat(n)}x", { method: "POST" });`,
  },
  "a base URL with a long run of slashes, joined to a path (item 4)": {
    n: 20_000,
    code: (n) =>
      `import axios from "axios";\nconst client = axios.create({ baseURL: "https://api.vipps.no/${"/".repeat(n)}x" });\nclient.post("${"/".repeat(n)}epayment/v1/payments", {});`,
  },
  "a misplaced flag after a long run of spaces and a comment, removed by the fix (item 4)": {
    n: 20_000,
    code: (n) =>
      expressInitiate(`{ paymentType: "eComm Express Payment",${" ".repeat(n)}/* why */ useExplicitCheckoutFlow: true,\n}`, "{ amount: 100 }"),
  },
  "click-and-collect wording with a long run of spaces (item 4)": {
    n: 10_000,
    code: (n) =>
      expressInitiate(
        `{ paymentType: "eComm Express Payment", staticShippingDetails: [{ shippingMethod: "click${" ".repeat(n)}!", shippingMethodId: "click${"-".repeat(n)}collec", priority: 0 }, { shippingMethod: "Click and collect", priority: 1 }] }`,
        "{ amount: 100, useExplicitCheckoutFlow: true }",
      ),
  },
  "a long list of static shipping options (item 5)": {
    n: 1_000,
    code: (n) =>
      expressInitiate(
        `{ paymentType: "eComm Express Payment", staticShippingDetails: [{ shippingMethod: "Click and collect", priority: 5 },\n${lines(n, (i) => `{ shippingMethod: "Post ${i}", isDefault: "Y", priority: ${i % 3} },`)}] }`,
        "{ amount: 100, useExplicitCheckoutFlow: true }",
      ),
  },
  "one URLSearchParams with many appends, sent by many requests": {
    n: 120,
    code: (n) =>
      `const params = new URLSearchParams();\n${lines(n, (i) => `params.append("field${i}", "${i}");`)}\nparams.append("login_hint", "+47 912 34 567");\n${lines(n, () => `fetch("https://api.vipps.no/vipps-login-ciba/api/backchannel/authentication", { method: "POST", body: params });`)}`,
  },
  "one long form string, sent by many requests": {
    n: 120,
    code: (n) =>
      `const form = "${lines(4 * n, (i) => `f${i}=${i}`).replaceAll("\n", "&")}&login_hint=%2B4791234567";\n${lines(n, () => `fetch("https://api.vipps.no/vipps-login-ciba/api/backchannel/authentication", { method: "POST", body: form });`)}`,
  },
  "a long chain of constants naming each other": {
    n: 300,
    code: (n) => `const c0 = ${EPAYMENT};\n${lines(n, (i) => `const c${i + 1} = c${i};`)}\n${lines(n, (i) => `fetch(c${i}, { method: "POST", body: JSON.stringify({ customer: { phoneNumber: "+47 912 34 567" } }) });`)}`,
  },
};

describe("the plugin's time grows no faster than n log n", () => {
  for (const [name, { code, n }] of Object.entries(SHAPES)) {
    it(name, () => checkGrowth(code, n));
  }
});
