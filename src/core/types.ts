import type { TSESLint } from "./eslint-api.js";

/** The types every layer names: the source code of the file being linted, and a rule's context. */
export type SourceCode = Readonly<TSESLint.SourceCode>;
export type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
