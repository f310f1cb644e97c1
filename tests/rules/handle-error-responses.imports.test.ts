import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import * as espree from "espree";
import { describe, expect, it } from "vitest";
import rule from "../../rules/handle-error-responses.js";

/**
 * Where a repair puts the import of the configured `errorHandler` in files that have no import to follow (the rule
 * tester cases cover files with imports): above the first statement's own comments, after directives, as ESM or
 * CommonJS. Checked through Linter so that the import is seen as its own edit, above the first statement.
 */

const handler = { name: "reportVippsError", module: "./errors.js" };

function fix(code: string, languageOptions: Linter.Config["languageOptions"]): string {
  const config: Linter.Config[] = [
    {
      plugins: { vipps: { rules: { "handle-error-responses": rule as never } } },
      rules: { "vipps/handle-error-responses": ["error", { autofix: true, errorHandler: handler }] },
      languageOptions,
    },
  ];
  return new Linter({ configType: "flat" }).verifyAndFix(code, config).output;
}

const FETCH = "await fetch(`https://api.vipps.no/epayment/v1/payments/${reference}`)";

describe("errorHandler import placement", () => {
  it("goes above the first statement's JSDoc, so the comment stays with its function", () => {
    const code = `/** The order's payment state. */\nexport async function info(reference: string) {\n  const response = ${FETCH};\n  return response.json();\n}\n`;
    expect(fix(code, { parser: tsParser })).toBe(
      `import { reportVippsError } from "./errors.js";\n/** The order's payment state. */\nexport async function info(reference: string) {\n  const response = ${FETCH};\n  if (!response.ok) {\n    await reportVippsError(response);\n  }\n  return response.json();\n}\n`,
    );
  });

  it("goes after \"use strict\" as a require in a CommonJS file without requires", () => {
    const code = `"use strict";\n\nasync function info(reference) {\n  const response = ${FETCH};\n  return response.json();\n}\n\nmodule.exports = { info };\n`;
    expect(fix(code, { parser: espree, sourceType: "commonjs" })).toBe(
      `"use strict";\nconst { reportVippsError } = require("./errors.js");\n\nasync function info(reference) {\n  const response = ${FETCH};\n  if (!response.ok) {\n    await reportVippsError(response);\n  }\n  return response.json();\n}\n\nmodule.exports = { info };\n`,
    );
  });

  it("follows the file's requires in a module-typed file that loads with require", () => {
    const code = `const axios = require('axios')\n\nasync function refund(reference) {\n  axios.post(\`https://api.vipps.no/epayment/v1/payments/\${reference}/refund\`, {}).catch(() => null)\n}\n`;
    const output = fix(code, { parser: espree, sourceType: "module" });
    expect(output.startsWith(`const axios = require('axios')\nconst { reportVippsError } = require('./errors.js')\n`)).toBe(true);
    expect(output).toContain(".catch((error) => {\n    reportVippsError(error)\n    return null\n  })");
  });
});
