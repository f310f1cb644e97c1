import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { Linter } from "eslint";
import { configFor, lint, LANGUAGES, RULE_IDS } from "./lint.js";

const lintWith = (code: string, config: Linter.Config[]) => new Linter().verify(code, config, { filename: "src/file.js" });

/**
 * Wrong rule options and wrong `settings.vipps` end in an error that says what is wrong, the way ESLint reports a
 * bad config, for every rule of the plugin; never in a TypeError from inside a rule.
 */

const CODE = `fetch("https://api.vipps.no/epayment/v1/payments", { method: "POST", body: JSON.stringify({ customer: { phoneNumber: "+47 912 34 567" } }) });\nvippsFetch("/epayment/v1/payments", { body: {} });`;

const INVALID_OPTIONS: Record<string, unknown[]> = {
  "an unknown property": [{ notAnOption: true }],
  "a string instead of an object": ["strict"],
  "a number": [42],
  null: [null],
  "an array": [[]],
  "a second options object": [{}, {}],
};

describe("invalid rule options are schema errors", () => {
  for (const ruleId of RULE_IDS) {
    for (const [name, options] of Object.entries(INVALID_OPTIONS)) {
      it(`${ruleId}: ${name}`, () => {
        const configured = { rules: { [ruleId]: ["error", ...options] } } as const;
        // ESLint's own wording for a rule option its schema rejects.
        expect(() => lint(CODE, "js", configured as never)).toThrow(new RegExp(`Key "rules": Key "${ruleId.replace("/", "\\/")}":\\s+\\S`));
      });
    }
  }

  it("vipps/mobile-number-format: an unknown country", () => {
    expect(() => lint(CODE, "js", { rules: { "vipps/mobile-number-format": ["error", { defaultCountry: "XX" }] } })).toThrow(
      /Key "vipps\/mobile-number-format":\s+Value "XX" should be equal to one of the allowed values/,
    );
  });

  it("every option in every schema is described and closed to unknown properties", () => {
    type ObjectSchema = { type?: string; items?: ObjectSchema[]; properties?: Record<string, { description?: string }>; additionalProperties?: boolean };
    for (const [name, rule] of Object.entries(plugin.rules)) {
      // An array of option schemas, or one `{ type: "array", items: [...] }` schema.
      const schema = (rule.meta?.schema ?? []) as ObjectSchema[] | ObjectSchema;
      const entries = Array.isArray(schema) ? schema : (schema.items ?? []);
      for (const entry of entries) {
        if (entry.type !== "object") continue;
        expect(entry.additionalProperties, name).toBe(false);
        for (const [property, spec] of Object.entries(entry.properties ?? {})) {
          expect(spec.description, `${name}.${property}`).toEqual(expect.any(String));
        }
      }
    }
  });
});

const INVALID_SETTINGS: Record<string, [unknown, RegExp]> = {
  "a string": ["wrappers", /settings\.vipps must be an object/],
  "an array": [[], /settings\.vipps must be an object/],
  "an unknown key": [{ wrapers: [] }, /settings\.vipps\.wrapers is not a known setting/],
  "wrappers not an array": [{ wrappers: "vippsFetch" }, /settings\.vipps\.wrappers must be an array/],
  "a wrapper that is null": [{ wrappers: [null] }, /settings\.vipps\.wrappers\[0\] must be a name or an object/],
  "a wrapper without a name": [{ wrappers: [{ url: 0 }] }, /settings\.vipps\.wrappers\[0\]\.name must be/],
  "a wrapper name with spaces": [{ wrappers: [{ name: "vipps fetch", url: 0 }] }, /wrappers\[0\]\.name must be/],
  "a wrapper without url or endpoint": [{ wrappers: ["vippsFetch"] }, /wrappers\[0\] needs "url"/],
  "a negative argument index": [{ wrappers: [{ name: "vippsFetch", url: -1 }] }, /wrappers\[0\]\.url must be an argument index/],
  "a locator that is no path": [{ wrappers: [{ name: "vippsFetch", url: "0..body" }] }, /wrappers\[0\]\.url must be an argument index/],
  "an unknown endpoint": [{ wrappers: [{ name: "vippsFetch", endpoint: "ecom.pay" }] }, /wrappers\[0\]\.endpoint must be a known endpoint id/],
  "an unknown failure mode": [{ wrappers: [{ name: "vippsFetch", url: 0, failure: "sometimes" }] }, /wrappers\[0\]\.failure must be one of/],
  "an unknown method": [{ wrappers: [{ name: "vippsFetch", url: 0, method: "FETCH" }] }, /wrappers\[0\]\.method must be an HTTP method/],
  "an unknown wrapper key": [{ wrappers: [{ name: "vippsFetch", url: 0, path: 1 }] }, /wrappers\[0\]\.path is not a wrapper setting/],
  // Inside settings.vipps, null is refused by name; `vipps: null` itself means no settings (below).
  "wrappers null": [{ wrappers: null }, /settings\.vipps\.wrappers must be an array \(leave it out for none\)/],
  "hosts null": [{ hosts: null }, /settings\.vipps\.hosts must be an array of host names \(leave it out for none\)/],
  "wrappers and hosts null": [{ wrappers: null, hosts: null }, /settings\.vipps\.wrappers must be an array/],
  "hosts not strings": [{ hosts: ["gateway.example", 42] }, /settings\.vipps\.hosts must be an array of host names/],
  "an empty host": [{ hosts: [""] }, /settings\.vipps\.hosts must be an array of host names/],
  "a method that is neither a name nor an argument": [
    { wrappers: [{ name: "request", url: 2, method: { arg: 1 } }] },
    /wrappers\[0\]\.method must be an HTTP method .* or \{ argument: <locator> \}.*; got \{"arg":1\}/,
  ],
  "a method argument that is no locator": [{ wrappers: [{ name: "request", url: 2, method: { argument: -1 } }] }, /wrappers\[0\]\.method must be/],
  "helpers not an array": [{ helpers: "vippsRequest" }, /settings\.vipps\.helpers must be an array/],
  "helpers null": [{ helpers: null }, /settings\.vipps\.helpers must be an array \(leave it out for none\)/],
  "a helper given as a bare name": [{ helpers: ["vippsRequest"] }, /settings\.vipps\.helpers\[0\] must be an object such as/],
  "a helper without returns": [{ helpers: [{ name: "vippsRequest" }] }, /helpers\[0\]\.returns must be "response" .* or "result" .*; got undefined/],
  "a helper with an unknown returns": [{ helpers: [{ name: "vippsRequest", returns: "json" }] }, /helpers\[0\]\.returns must be .*; got "json"/],
  "a helper with an unknown API": [{ helpers: [{ name: "vippsRequest", returns: "result", api: "payments" }] }, /helpers\[0\]\.api must be one of "accesstoken", .*; got "payments"/],
  "a helper with an unknown endpoint": [{ helpers: [{ name: "vippsRequest", returns: "result", endpoint: "epayment.pay" }] }, /helpers\[0\]\.endpoint must be a known endpoint id/],
  "a helper whose API and endpoint disagree": [
    { helpers: [{ name: "pay", returns: "result", api: "ecom", endpoint: "epayment.create" }] },
    /helpers\[0\]\.api is "ecom", but endpoint "epayment\.create" belongs to "epayment"/,
  ],
  "an unknown helper key": [{ helpers: [{ name: "pay", returns: "result", url: 0 }] }, /helpers\[0\]\.url is not a helper setting/],
  "a helper name with spaces": [{ helpers: [{ name: "vipps request", returns: "response" }] }, /helpers\[0\]\.name must be/],
};

describe("invalid settings.vipps give a clear error", () => {
  for (const [name, [vipps, message]] of Object.entries(INVALID_SETTINGS)) {
    it(name, () => {
      for (const language of LANGUAGES) {
        expect(() => lint(CODE, language, { settings: { vipps } })).toThrow(message);
        // ESLint names the first rule that read the settings; the message says the fault is in the shared settings
        // and links the page by its full URL (a relative path means nothing in a terminal).
        expect(() => lint(CODE, language, { settings: { vipps } })).toThrow(
          /eslint-plugin-vipps: settings\.vipps\S* .+\. It is a setting shared by every vipps rule, not an option of the rule named above\. See https:\/\/github\.com\/vipps-lint\/eslint-plugin-vipps\/blob\/main\/docs\/settings\.md#\w+(?:\s|$)/,
        );
      }
    });
  }

  it("takes vipps: null in a later config object as no settings, dropping an earlier one's", () => {
    const code = `vippsFetch("/epayment/v1/payments", { customer: { phoneNumber: "+47 912 34 567" } });`;
    const wrappers = [{ name: "vippsFetch", url: 0, body: 1 }];
    const phoneProblems = (messages: ReturnType<typeof lint>) => messages.filter((message) => message.ruleId === "vipps/mobile-number-format");
    expect(phoneProblems(lint(code, "js", { settings: { vipps: { wrappers } } }))).toHaveLength(1);
    const [languageConfig, allConfig] = configFor("js");
    const layered = [languageConfig ?? {}, allConfig ?? {}, { settings: { vipps: { wrappers } } }, { settings: { vipps: null } }];
    expect(phoneProblems(lintWith(code, layered))).toHaveLength(0);
  });

  it("accepts absent, null and empty settings", () => {
    for (const vipps of [undefined, null, {}, { wrappers: [], hosts: [] }]) {
      expect(() => lint(CODE, "ts", { settings: { vipps } })).not.toThrow();
    }
  });

  it("accepts helpers and a wrapper method passed as an argument, as docs/settings.md shows them", () => {
    const settings = {
      vipps: {
        wrappers: [{ name: "request", url: 2, body: "3.body", method: { argument: 1 }, failure: "resolves" }],
        helpers: [
          { name: "vippsRequest", returns: "response", api: "epayment" },
          { name: "payments.create", returns: "result", endpoint: "epayment.create" },
        ],
      },
    };
    for (const language of LANGUAGES) expect(() => lint(CODE, language, { settings })).not.toThrow();
  });

  it("accepts wrappers whose locators point at arguments that are not there", () => {
    const settings = { vipps: { wrappers: [{ name: "vippsFetch", url: 5, body: "7.body.inner", headers: "0.headers" }] } };
    expect(() => lint(CODE, "ts", { settings })).not.toThrow();
  });
});
