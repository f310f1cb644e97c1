// The code the benchmark and the corpus test lint: real files from the project's node_modules (after `npm ci`) and
// the generated Vipps integrations. Every list is sorted and capped by fixed rules, so two runs on the same lockfile
// lint the same files.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import tsParser from "@typescript-eslint/parser";
import { generateVippsFiles } from "./vipps-corpus.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const CORPUS_DIR = join(ROOT, "bench", ".corpus");
const NODE_MODULES = join(ROOT, "node_modules");

export const SOURCE_EXTENSIONS = /\.(?:js|mjs|cjs|jsx|ts|mts|cts|tsx)$/;
const TS_EXTENSIONS = /\.(?:ts|mts|cts|tsx)$/;

/** Settings a real project would have: one home-made wrapper that the detection is told about. */
export const VIPPS_SETTINGS = { vipps: { wrappers: [{ name: "vippsRequest", url: 0, body: "1.body" }] } };

const ESM_SYNTAX = /^[ \t]*(?:import[\s{*'"]|export[\s{*])/m;

/** How Node would load a file: `.mjs`/`.cjs` by extension, `.js` by the nearest package.json's `type`. */
export function sourceTypeOf(file, text = readFileSync(file, "utf8")) {
  if (/\.(?:mjs|mts)$/.test(file)) return "module";
  if (/\.(?:cjs|cts)$/.test(file)) return "commonjs";
  if (/\.tsx?$/.test(file)) return "module";
  for (let dir = dirname(file); dir.length >= ROOT.length; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        if (JSON.parse(readFileSync(manifest, "utf8")).type === "module") return "module";
        // Bundler inputs (`"module"` entry points, `esnext/` builds) use ESM syntax under a CommonJS package.
        return ESM_SYNTAX.test(text) ? "module" : "commonjs";
      } catch {
        return "commonjs";
      }
    }
    if (dir === dirname(dir)) break;
  }
  return "commonjs";
}

/** Language options for one file, as a project linting that file would set them. */
export function languageOptionsFor(file, sourceType) {
  if (TS_EXTENSIONS.test(file)) {
    return { parser: tsParser, sourceType, parserOptions: { ecmaFeatures: { jsx: file.endsWith(".tsx") } } };
  }
  return { ecmaVersion: "latest", sourceType, parserOptions: { ecmaFeatures: { jsx: file.endsWith(".jsx") } } };
}

/** Every source file under node_modules, sorted, with its size. */
export function listNodeModulesFiles() {
  const files = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && SOURCE_EXTENSIONS.test(entry.name)) files.push({ path, size: statSync(path).size });
    }
  };
  visit(NODE_MODULES);
  return files;
}

/** `node_modules/@scope/name/...` and nested `.../node_modules/x/...`: the innermost package's directory. */
function packageOf(path) {
  const parts = relative(ROOT, path).split(sep);
  const last = parts.lastIndexOf("node_modules");
  return parts.slice(0, last + (parts[last + 1]?.startsWith("@") ? 3 : 2)).join("/");
}

/** Minified or generated bundles: long lines say so. */
function looksMinified(text) {
  const lines = text.split("\n").length;
  return text.length / lines > 300;
}

/**
 * The benchmark's real code: per package, the first `perPackage` files in sorted order that are not declaration
 * files, not larger than `maxBytes` and not minified.
 */
export function selectBenchFiles({ perPackage = 40, maxBytes = 60_000 } = {}) {
  const byPackage = new Map();
  for (const file of listNodeModulesFiles()) {
    if (file.path.endsWith(".d.ts") || /\.d\.[mc]ts$/.test(file.path) || file.size > maxBytes || file.size === 0) continue;
    const name = packageOf(file.path);
    const list = byPackage.get(name) ?? [];
    if (list.length >= perPackage) continue;
    if (looksMinified(readFileSync(file.path, "utf8"))) continue;
    list.push(file.path);
    byPackage.set(name, list);
  }
  return [...byPackage.values()].flat();
}

/**
 * Writes the corpus into bench/.corpus: `real/` (copies of the selected node_modules files) and `vipps/` (the
 * generated integrations), each split into `module/` and `commonjs/` so that a glob gives the source type.
 * Returns the files with what kind they are.
 */
export function writeBenchCorpus({ perPackage, maxBytes, vippsCount = 300 } = {}) {
  rmSync(CORPUS_DIR, { recursive: true, force: true });
  const entries = [];
  const write = (path, text, kind) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    entries.push({ path: relative(CORPUS_DIR, path).split(sep).join("/"), kind });
  };
  for (const source of selectBenchFiles({ perPackage, maxBytes })) {
    const sourceType = sourceTypeOf(source);
    // Nested node_modules folders would be ignored by ESLint's defaults; flatten their name.
    const inside = relative(NODE_MODULES, source).split(sep).join("/").replaceAll("/node_modules/", "/~nm~/");
    write(join(CORPUS_DIR, "real", sourceType, inside), readFileSync(source, "utf8"), "real");
  }
  for (const file of generateVippsFiles(vippsCount)) {
    write(join(CORPUS_DIR, "vipps", file.esm ? "module" : "commonjs", file.name), file.text, "vipps");
  }
  writeFileSync(join(CORPUS_DIR, "manifest.json"), `${JSON.stringify(entries, null, 1)}\n`);
  return entries;
}

/** Flat config for the ESLint class over bench/.corpus, with `extra` (rules, plugin configs) on top. */
export function benchConfig(extra) {
  const js = languageOptionsFor("x.js", "module");
  const ts = languageOptionsFor("x.ts", "module");
  return [
    { files: ["**/*.{js,mjs,cjs,jsx}"], languageOptions: js },
    { files: ["**/*.jsx"], languageOptions: languageOptionsFor("x.jsx", "module") },
    { files: ["**/*.{ts,mts,cts,tsx}"], languageOptions: ts },
    { files: ["**/*.tsx"], languageOptions: languageOptionsFor("x.tsx", "module") },
    { files: ["**/commonjs/**/*.{js,ts}", "**/*.{cjs,cts}"], languageOptions: { sourceType: "commonjs" } },
    // Comments in dependencies enable rules and name unknown ones; the comparison needs each run's rules only.
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" }, settings: VIPPS_SETTINGS },
    ...extra,
  ];
}

/** Does the text mention Vipps at all (the benchmark's split between Vipps files and the rest)? */
export const mentionsVipps = (text) => /vipps/i.test(text);
