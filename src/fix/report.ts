import type { TSESLint, TSESTree } from "../core/eslint-api.js";

/**
 * Fix or suggestion, decided in one place for every rule (typescript-eslint's `getFixOrSuggest` is the model).
 *
 * - `fix`: a repair that keeps what the code does for payments (a format, a spelling): `--fix` applies it.
 * - `opt-in`: a repair that changes what a payment flow does (throws on a failed payment, switches a callback off):
 *   a suggestion, which a person applies after reading it, unless the rule's `autofix` option is true.
 * - `suggestion`: never applied without a person, whatever the options.
 */
export type RepairKind = "fix" | "opt-in" | "suggestion";

export interface Repair<MessageIds extends string> {
  readonly kind: RepairKind;
  /** The suggestion's message; fixes carry the report's own message. */
  readonly messageId: MessageIds;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly fix: TSESLint.ReportFixFunction;
}

/** Where a report points: a node, or a source location. */
export type ReportTarget = { readonly node: TSESTree.Node | TSESTree.Token } | { readonly loc: TSESTree.SourceLocation };

export interface Finding<MessageIds extends string> {
  readonly at: ReportTarget;
  readonly messageId: MessageIds;
  readonly data?: Readonly<Record<string, unknown>>;
  /** The repairs on offer, at most one of them applied by `--fix`. */
  readonly repairs?: readonly (Repair<MessageIds> | undefined)[];
}

/**
 * The report descriptor for a finding: the first repair that `--fix` may apply becomes its fix, the rest suggestions.
 * Fix functions are handed on, not called: ESLint calls each (fix and suggestions alike) as it takes the report. Built
 * without spreads: this runs for every report of every rule.
 */
export function toReportDescriptor<MessageIds extends string>(
  finding: Finding<MessageIds>,
  autofix: boolean,
): TSESLint.ReportDescriptor<MessageIds> {
  let fix: TSESLint.ReportFixFunction | undefined;
  let suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] | undefined;
  for (const repair of finding.repairs ?? []) {
    if (!repair) continue;
    const applies = repair.kind === "fix" || (repair.kind === "opt-in" && autofix);
    if (applies && !fix) fix = repair.fix;
    else (suggest ??= []).push(repair.data ? { messageId: repair.messageId, data: repair.data, fix: repair.fix } : { messageId: repair.messageId, fix: repair.fix });
  }
  // ESLint reads an absent `data`, `fix` or `suggest` and an undefined one alike.
  const { at, messageId, data } = finding;
  return "node" in at ? { node: at.node, messageId, data, fix, suggest } : { loc: at.loc, messageId, data, fix, suggest };
}
