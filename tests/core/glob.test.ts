import { describe, expect, it } from "vitest";
import { compileGlob, fileMatchesGlobs, matchesGlob } from "../../src/core/glob.js";

const matches = (glob: string, path: string) => matchesGlob(compileGlob(glob), path);

describe("file globs", () => {
  it("span folders with **, stay in one with * and ?", () => {
    expect(matches("app/**/route.ts", "app/api/vipps/route.ts")).toBe(true);
    expect(matches("**/webhooks/*.ts", "src/webhooks/vipps.ts")).toBe(true);
    expect(matches("**/route.ts", "route.ts")).toBe(true);
    expect(matches("src/**/client/*.ts", "src/client/a.ts")).toBe(true);
    expect(matches("src/**/client/*.ts", "src/x/y/client/a.ts")).toBe(true);
    expect(matches("src/*.ts", "src/a/b.ts")).toBe(false);
    expect(matches("src/?.ts", "src/b.ts")).toBe(true);
    expect(matches("./web/?.js", "web/ab.js")).toBe(false);
    expect(matches("src/**/client/*.ts", "src/client/x/a.ts")).toBe(false);
  });

  it("alternate with braces, and match a name in any folder when the glob has no slash", () => {
    expect(matches("app/{cart,checkout}/page.tsx", "app/checkout/page.tsx")).toBe(true);
    expect(matches("app/{cart,checkout}/page.tsx", "app/orders/page.tsx")).toBe(false);
    expect(matches("*.vue", "deep/dir/Pay.vue")).toBe(true);
    expect(matches("*.vue", "deep/dir/Pay.vue.ts")).toBe(false);
  });

  it("refuse an unclosed brace and too many alternatives, with the reason", () => {
    expect(() => compileGlob("app/{cart")).toThrow(/unclosed "\{"/);
    expect(() => compileGlob("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}")).toThrow(/more than 64 alternatives/);
  });

  it("match a file relative to the working directory or by its absolute path, with either slash", () => {
    const globs = [compileGlob("src/webhooks/*.ts")];
    expect(fileMatchesGlobs("/p/src/webhooks/vipps.ts", "/p", globs)).toBe(true);
    expect(fileMatchesGlobs("C:\\p\\src\\webhooks\\vipps.ts", "C:\\p", globs)).toBe(true);
    expect(fileMatchesGlobs("/q/src/webhooks/vipps.ts", "/p", [compileGlob("/q/src/**")])).toBe(true);
    expect(fileMatchesGlobs("/p/lib/vipps.ts", "/p", globs)).toBe(false);
    expect(fileMatchesGlobs("/p/src/webhooks/vipps.ts", "/p", [])).toBe(false);
  });

  it("never backtrack, and leave paths beyond the bound unmatched", () => {
    // A regular expression compiled from this glob backtracks exponentially on this path; the table does not.
    expect(matches("*a*a*a*a*a*a*a*a*b", "a".repeat(1000))).toBe(false);
    expect(matches("*.vue", `${"a/".repeat(600)}Pay.vue`)).toBe(false);
  });
});
