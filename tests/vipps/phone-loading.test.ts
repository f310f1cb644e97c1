import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getCountries } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { checkPhone, COUNTRY_CODES } from "../../src/vipps/phone.js";

// libphonenumber-js is loaded on the first phone check, not at start-up (docs/performance.md, "Start-up"). These
// tests run the built plugin (dist/, built by tests/build-dist.ts) in fresh processes, as ESLint loads it.

const root = fileURLToPath(new URL("../..", import.meta.url));
const pluginEntry = path.join(root, "dist", "index.js");

const runNode = (args: string[]): string => execFileSync(process.execPath, args, { cwd: root, encoding: "utf8" });

describe("the country list for option schemas", () => {
  it("is every region libphonenumber-js's full metadata knows, without loading the library", () => {
    expect([...COUNTRY_CODES].sort()).toEqual([...getCountries()].sort());
    expect(COUNTRY_CODES).toContain("NO");
    expect(COUNTRY_CODES).toContain("DK");
  });
});

describe("loading libphonenumber-js", () => {
  it("does not happen when the plugin is imported", () => {
    // bench/startup.js lists every module, ESM or CommonJS, that the plugin import loads after ESLint's.
    const { modules } = JSON.parse(runNode(["bench/startup.js", "--child", "plugin", "--modules"])) as { modules: string[] };
    const loaded = modules.map((file) => path.relative(root, file).split(path.sep).join("/"));
    expect(loaded).toContain("dist/index.js");
    // Only the small metadata file, for the country list; none of the library's code and not its full metadata.
    expect(loaded.filter((file) => file.includes("/libphonenumber-js/"))).toEqual(["node_modules/libphonenumber-js/metadata.min.json"]);
  });

  it("happens on the first phone check, which then gives the same verdicts", () => {
    const script = `
      const { createRequire } = await import("node:module");
      const { Linter } = await import("eslint");
      const plugin = (await import(process.argv[1])).default;
      const require = createRequire(process.argv[1]);
      const phoneLibraryLoaded = () => Object.keys(require.cache).some((file) => file.endsWith("/libphonenumber-js/max/index.cjs"));
      const linter = new Linter();
      const config = { plugins: { vipps: plugin }, rules: { "vipps/mobile-number-format": "error" } };
      const lint = (code) => linter.verify(code, config).map((message) => message.messageId ?? message.message);
      const before = phoneLibraryLoaded();
      const withoutPhone = lint("console.log('no Vipps here');");
      const afterFileWithoutPhone = phoneLibraryLoaded();
      const payment = (number) => 'fetch("https://api.vipps.no/ecomm/v2/payments", { method: "POST", body: JSON.stringify({ customerInfo: { mobileNumber: "' + number + '" } }) });';
      // A Norwegian mobile number written the common way is read without the library (readCommonNumber).
      const withCommonPhone = lint(payment("+47 91 23 45 67"));
      const afterCommonPhone = phoneLibraryLoaded();
      // A fixed-line number is not.
      const withPhone = lint(payment("22 22 22 22"));
      console.log(JSON.stringify({ before, withoutPhone, afterFileWithoutPhone, withCommonPhone, afterCommonPhone, withPhone, after: phoneLibraryLoaded() }));
    `;
    const result = JSON.parse(runNode(["--input-type=module", "-e", script, pluginEntry])) as Record<string, unknown>;
    expect(result).toEqual({
      before: false,
      withoutPhone: [],
      afterFileWithoutPhone: false,
      withCommonPhone: ["wrongFormat"],
      afterCommonPhone: false,
      withPhone: ["invalidNumber"],
      after: true,
    });
  });

  it("gives the verdicts of the full metadata when called from the sources", () => {
    const options = { defaultCountry: "NO", msisdnCountries: ["NO", "DK", "FI"] } as const;
    expect(checkPhone("+47 91 23 45 67", "nsn8", options)).toEqual({ kind: "fixable", fixed: "91234567" });
    expect(checkPhone("+46 70 123 45 67", "msisdn", options)).toEqual({ kind: "foreign", country: "SE", allowed: ["NO", "DK", "FI"] });
    // A Norwegian fixed-line number: only the full metadata knows it is no mobile number.
    expect(checkPhone("22 22 22 22", "msisdn", options)).toEqual({ kind: "invalid" });
  });
});
