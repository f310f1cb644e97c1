import tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { getVippsRequests, type VippsRequest } from "../../src/detect/index.js";

export interface DetectOptions {
  readonly typescript?: boolean;
  readonly sourceType?: "module" | "commonjs";
  readonly settings?: Record<string, unknown>;
  readonly globals?: Record<string, "readonly" | "writable">;
}

/** A compact, comparable view of one detected request. */
export interface RequestSummary {
  readonly transport: string;
  readonly api: string | undefined;
  readonly endpoint: string | undefined;
  readonly method: string | undefined;
  readonly failure: string | undefined;
  readonly body: string | undefined;
  readonly line: number;
}

/** Runs the shared detection on `code` as ESLint would, and returns what it found. */
export function detect(code: string, options: DetectOptions = {}): { requests: VippsRequest[]; source: string } {
  let requests: VippsRequest[] = [];
  const probe: TSESLint.RuleModule<string, []> = {
    defaultOptions: [],
    meta: { type: "problem", messages: {}, schema: [] },
    create(context) {
      return {
        Program() {
          requests = [...getVippsRequests(context)];
        },
      };
    },
  };
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(
    code,
    {
      files: ["**/*.js", "**/*.tsx"],
      plugins: { probe: { rules: { detect: probe as never } } },
      rules: { "probe/detect": "error" },
      settings: options.settings ?? {},
      languageOptions: {
        ...(options.typescript && { parser: tsParser }),
        sourceType: options.sourceType ?? "module",
        globals: options.globals ?? {},
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    },
    options.typescript ? "file.tsx" : "file.js",
  );
  const fatal = messages.find((message) => message.ruleId !== "probe/detect" || message.fatal === true) ?? messages[0];
  if (fatal) throw new Error(fatal.message);
  return { requests, source: code };
}

export function summarize(code: string, options: DetectOptions = {}): RequestSummary[] {
  const { requests } = detect(code, options);
  return requests.map((request) => ({
    transport: request.transport,
    api: request.api?.name,
    endpoint: request.endpoint?.id,
    method: request.method,
    failure: request.response?.failure,
    body: request.body?.object ? code.slice(...request.body.object.range) : undefined,
    line: request.node.loc.start.line,
  }));
}
