// The last step of `npm run build`: one ES module, dist/index.js, from tsc's output in dist/src/. ESLint imports the
// plugin at every start (editors, lint-staged, CI), and Node's loader pays for each module it resolves, reads and
// compiles: one file instead of eighty is most of the plugin's start-up (docs/performance.md, "Start-up").
// Dependencies stay imports of their packages; dist/src/ keeps the declaration files the package's types point to.

import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rolldown } from "rolldown";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const bundle = await rolldown({
  input: join(ROOT, "dist/src/index.js"),
  // Only the plugin's own files are bundled; every package import stays one.
  external: (id) => !id.startsWith(".") && !isAbsolute(id),
  logLevel: "warn",
});
await bundle.write({ file: join(ROOT, "dist/index.js"), format: "esm", sourcemap: true });
await bundle.close();
