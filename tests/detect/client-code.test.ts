import type { TSESLint } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { clientFileReason, eventHandlerOf } from "../../src/detect/client-code.js";
import { readSettings, VippsSettingsError } from "../../src/settings.js";
import { isPlaceholder, looksLikeCredential, secretKindOfName } from "../../src/vipps/secrets.js";

/** What client-code.ts says about a file: why it is client code, and the handler around each `mark()` call. */
function probe(code: string, filename: string, settings: Record<string, unknown> = {}) {
  const result: { reason: string | undefined; handlers: (string | undefined)[] } = { reason: undefined, handlers: [] };
  const rule: TSESLint.RuleModule<string, []> = {
    defaultOptions: [],
    meta: { type: "problem", messages: {}, schema: [] },
    create(context) {
      return {
        Program() {
          result.reason = clientFileReason(context);
        },
        "CallExpression[callee.name='mark']"(node: never) {
          result.handlers.push(eventHandlerOf(context.sourceCode, node));
        },
      };
    },
  };
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(
    code,
    {
      files: ["**/*.js", "**/*.jsx", "**/*.vue", "**/*.svelte"],
      plugins: { probe: { rules: { client: rule as never } } },
      rules: { "probe/client": "error" },
      settings,
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { filename },
  );
  expect(messages).toEqual([]);
  return result;
}

describe("client code", () => {
  it("knows a module by its directive, a Vue or Svelte component by its name, and clientFiles globs", () => {
    expect(probe(`"use client";\nmark();`, "app/pay.js").reason).toBe("use client");
    expect(probe(`"use strict";\n"use client";\nmark();`, "app/pay.js").reason).toBe("use client");
    expect(probe(`mark(); "use client";`, "app/pay.js").reason).toBeUndefined();
    expect(probe(`"use server";\nmark();`, "app/pay.js").reason).toBeUndefined();
    expect(probe(`mark();`, "src/Pay.vue").reason).toBe("component file");
    expect(probe(`mark();`, "src/routes/+page.svelte").reason).toBe("component file");
    expect(probe(`mark();`, "src/routes/+page.server.js").reason).toBeUndefined();
    const settings = { vipps: { clientFiles: ["src/components/**", "*.client.js"] } };
    expect(probe(`mark();`, "src/components/cart/pay.js", settings).reason).toBe("clientFiles");
    expect(probe(`mark();`, "lib/pay.client.js", settings).reason).toBe("clientFiles");
    expect(probe(`mark();`, "src/server/pay.js", settings).reason).toBeUndefined();
  });

  it("finds the JSX event handler around a call: in place, named, through useCallback, or called from one", () => {
    const code = `
      const named = () => mark();
      const viaCallback = useCallback(async () => { await mark(); }, []);
      function called() { mark(); }
      function notAHandler() { mark(); }
      export const View = () => (
        <div>
          <button onClick={() => mark()} />
          <form onSubmit={named} />
          <input onChange={viaCallback} />
          <a onMouseEnter={() => called()} />
          <Widget render={() => mark()} />
        </div>
      );`;
    expect(probe(code, "view.jsx").handlers).toEqual(["onSubmit", "onChange", "onMouseEnter", undefined, "onClick", undefined]);
  });
});

describe("globs", () => {
  it("settings.vipps.clientFiles is validated", () => {
    expect(readSettings({ vipps: { clientFiles: ["src/**"] } }).clientFiles).toHaveLength(1);
    expect(() => readSettings({ vipps: { clientFiles: "src/**" } })).toThrow(VippsSettingsError);
    expect(() => readSettings({ vipps: { clientFiles: [""] } })).toThrow(/clientFiles\[0\] must be a non-empty glob/);
    expect(() => readSettings({ vipps: { clientFiles: ["a/{b"] } })).toThrow(/clientFiles\[0\] is not a usable glob/);
  });
});

describe("Vipps secrets", () => {
  it("names: a secret word beside Vipps or MobilePay; ids, serial numbers and URLs are no secrets", () => {
    expect(secretKindOfName("NEXT_PUBLIC_VIPPS_CLIENT_SECRET")).toBe("client secret");
    expect(secretKindOfName("VITE_VIPPS_OCP_APIM_SUBSCRIPTION_KEY")).toBe("subscription key");
    expect(secretKindOfName("REACT_APP_MOBILEPAY_ACCESS_TOKEN")).toBe("access token");
    for (const name of ["NEXT_PUBLIC_VIPPS_CLIENT_ID", "VITE_VIPPS_MERCHANT_SERIAL_NUMBER", "NEXT_PUBLIC_VIPPS_TOKEN_URL", "NEXT_PUBLIC_STRIPE_SECRET"]) {
      expect(secretKindOfName(name)).toBeUndefined();
    }
  });

  it("values: real-looking shapes are credentials, placeholders are not", () => {
    expect(looksLikeCredential("0f3a9c2b7d4e81f6a5c3b2e1d9f8a7c6", "subscription key")).toBe(true);
    expect(looksLikeCredential("Xk9pQ2vL7mN4rT8wZ3yB6cF1", "client secret")).toBe(true);
    expect(looksLikeCredential("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtIn0.c2lnbmF0dXJl", "access token")).toBe(true);
    expect(looksLikeCredential(`Basic ${Buffer.from("client-id-1:Xk9pQ2vL7mN4rT8w").toString("base64")}`, "access token")).toBe(true);
    expect(looksLikeCredential(`Basic ${Buffer.from("nocolonhere-at-all").toString("base64")}`, "access token")).toBe(false);
    expect(looksLikeCredential("Bearer " + "token", "access token")).toBe(false);
    expect(looksLikeCredential("0f3a9c2b7d4e81f6a5c3b2e1d9f8a7c", "subscription key")).toBe(false);
    expect(looksLikeCredential("short1", "client secret")).toBe(false);
    for (const value of ["your-client-secret", "<client secret>", "xxxxxxxx", "changeme123", "VIPPS_CLIENT_SECRET", "aaaaaaaaaaaaaaaaaaaaaaaa", "0123456789abcdef0123456789abcdef", "test-sub-key", "${SECRET}"]) {
      expect(isPlaceholder(value)).toBe(true);
    }
    expect(isPlaceholder("x".repeat(5000))).toBe(true);
  });
});
