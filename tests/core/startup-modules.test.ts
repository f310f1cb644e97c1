import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// What the built plugin (dist/, built by tests/build-dist.ts) loads when ESLint imports it: the start-up budget of
// docs/performance.md in modules, which unlike milliseconds do not depend on the machine's load.

const root = fileURLToPath(new URL("../..", import.meta.url));

function modulesLoadedByPluginImport(): string[] {
  // bench/startup.js lists every module, ESM or CommonJS, that the plugin import loads after ESLint's.
  const output = execFileSync(process.execPath, ["bench/startup.js", "--child", "plugin", "--modules"], { cwd: root, encoding: "utf8" });
  return (JSON.parse(output) as { modules: string[] }).modules.map((file) => path.relative(root, file).split(path.sep).join("/"));
}

describe("importing the plugin after ESLint", () => {
  it("loads the plugin as one module, and no scope manager, parser or phone library, only the small parts of typescript-eslint it uses", () => {
    const loaded = modulesLoadedByPluginImport();
    const fromPackages = loaded.filter((file) => file.startsWith("node_modules/"));
    expect(loaded.filter((file) => !file.startsWith("node_modules/"))).toEqual(["dist/index.js"]);
    for (const file of fromPackages) {
      const allowed =
        file.startsWith("node_modules/@typescript-eslint/types/") ||
        file.startsWith("node_modules/@typescript-eslint/utils/dist/eslint-utils/") ||
        file === "node_modules/libphonenumber-js/metadata.min.json";
      expect(allowed, file).toBe(true);
    }
    expect(fromPackages.length).toBeLessThanOrEqual(20);
  });
});
