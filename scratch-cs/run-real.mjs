import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
const plugin = (await import("../dist/src/index.js")).default;
const root = process.argv[2];
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  allowInlineConfig: false,
  errorOnUnmatchedPattern: false,
  overrideConfig: [
    { ignores: ["**/node_modules/**", "**/dist/**", "**/build/**", "**/.next/**", "**/*.min.js"] },
    { files: ["**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}"], plugins: { vipps: plugin }, languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } }, rules: { "vipps/no-client-side-secrets": "error" } },
  ],
});
const results = await eslint.lintFiles(["."]);
let files = 0;
for (const r of results) {
  files++;
  for (const m of r.messages) console.log(r.filePath.replace(root, ""), `${m.line}:${m.column}`, m.ruleId ?? "FATAL", m.message.slice(0, 110));
}
console.error("files", files);
