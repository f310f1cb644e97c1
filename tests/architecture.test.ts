import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The layers of docs/architecture.md, held to: each module imports only from its own layer and the layers below it.
 * Type-only imports count too: a layer that names another's types depends on it.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Lowest first. A module may import from its own layer and any layer before it. */
const LAYERS = [
  { name: "core", paths: ["src/core/"] },
  { name: "spec", paths: ["src/spec/"] },
  { name: "knowledge", paths: ["src/vipps/"] },
  { name: "settings", paths: ["src/settings.ts"] },
  { name: "detection", paths: ["src/detect/"] },
  { name: "analysis", paths: ["src/analysis/"] },
  { name: "fixes", paths: ["src/fix/"] },
  { name: "rule kit", paths: ["src/rule-kit.ts"] },
  { name: "rules", paths: ["rules/"] },
  { name: "plugin", paths: ["src/index.ts", "src/configs.ts"] },
] as const;

function layerOf(file: string): number {
  const index = LAYERS.findIndex((layer) => layer.paths.some((path) => file === path || file.startsWith(path)));
  if (index < 0) throw new Error(`${file} belongs to no layer of docs/architecture.md`);
  return index;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split("\\").join("/"));
}

// `from "./x.js"` in import and export declarations, and `import("./x.js")`: the project's own modules are relative.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g;

function localImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(IMPORT)].map((match) => {
    const target = relative(ROOT, resolve(ROOT, dirname(file), match[1] ?? "")).split("\\").join("/");
    return target.replace(/\.js$/, ".ts");
  });
}

const files = [...sourceFiles("src"), ...sourceFiles("rules")];

describe("layers", () => {
  it.each(files)("%s imports only from its own layer and the ones below", (file) => {
    const own = layerOf(file);
    const upward = localImports(file)
      .filter((target) => target.startsWith("src/") || target.startsWith("rules/"))
      .filter((target) => layerOf(target) > own)
      .map((target) => `${target} (${LAYERS[layerOf(target)]?.name ?? "?"})`);
    expect(upward, `${file} (${LAYERS[own]?.name ?? "?"}) imports from a higher layer`).toEqual([]);
  });

  it("the core layer imports no Vipps knowledge, only the ESLint and typescript-eslint APIs", () => {
    for (const file of files.filter((candidate) => layerOf(candidate) === 0)) {
      const text = readFileSync(join(ROOT, file), "utf8");
      expect(text, file).not.toMatch(/vipps/i);
    }
  });

  it("only the plugin entry imports the rule registry", () => {
    const importers = files.filter((file) => localImports(file).includes("rules/index.ts"));
    expect(importers).toEqual(["src/index.ts"]);
  });

  it("rules walk no AST for calls themselves: they get requests from the rule kit", () => {
    for (const file of files.filter((candidate) => candidate.startsWith("rules/") && candidate !== "rules/index.ts")) {
      const text = readFileSync(join(ROOT, file), "utf8");
      expect(text, file).not.toMatch(/getVippsRequests|CallExpression\s*\(/);
      expect(text, file).toMatch(/defineVippsRule/);
    }
  });
});
