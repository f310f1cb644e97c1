import { Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
const plugin = (await import("/work/wt/client-secrets/dist/src/index.js")).default;
const linter = new Linter({ cwd: process.cwd() });
const cases = process.argv.slice(2);
import { readFileSync } from "node:fs";
for (const file of cases) {
  const code = readFileSync(file, "utf8");
  const msgs = linter.verify(code, [{ files: ["**/*.ts", "**/*.tsx", "**/*.js", "**/*.jsx", "**/*.vue"], plugins: { vipps: plugin }, languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } }, rules: { "vipps/no-client-side-secrets": "error" } }], { filename: file.replace("/tmp/cs/", process.cwd() + "/") });
  for (const m of msgs) console.log(file, m.line + ":" + m.column, m.messageId ?? "", m.message.slice(0, 140));
}
