import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * vitest global setup: the integration tests lint with the built package, so build it when dist/ is missing or older
 * than any of its sources. CI builds before testing, so there this costs one stat per source file.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const builtEntry = path.join(root, "dist", "index.js");
const sources = ["src", "rules", "package.json", "tsconfig.json", "tsconfig.build.json"];

function newestModification(entry: string): number {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestModification(path.join(entry, name))));
}

export default function buildDistWhenStale(): void {
  const builtAt = existsSync(builtEntry) ? statSync(builtEntry).mtimeMs : -1;
  const changedAt = Math.max(...sources.map((source) => newestModification(path.join(root, source))));
  if (builtAt >= changedAt) return;
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  console.log("Building dist/ for the integration tests (tsc -p tsconfig.build.json, then scripts/bundle.js)...");
  try {
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  } catch {
    // tsc still emits on type errors (printed above); `npm run typecheck` is the gate for those, not the tests.
    if (!existsSync(path.join(root, "dist", "src", "index.js"))) throw new Error("The build emitted no dist/src/index.js; see the errors above.");
  }
  execFileSync(process.execPath, ["scripts/bundle.js"], { cwd: root, stdio: "inherit" });
}
