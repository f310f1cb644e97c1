import { unwrap } from "../core/ast.js";
import type { TSESLint, TSESTree } from "../core/eslint-api.js";
import { quoteString } from "../core/style.js";
import type { SourceCode } from "../core/types.js";
import { staticValue, type ShippingList, type ShippingOption } from "../detect/express.js";
import { detectStyle, insertProperties, printProperty, type LiteralStyle } from "./object-literal.js";

/** The repair that makes one shipping option the default and first of its list, as far as the list's values are constants. */

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/**
 * A priority the repair can compare and count up from: a finite number whose successor is another number. NaN and
 * ±Infinity (which JSON sends as null) and numbers past 2^53 are treated as values that are not constants: a repair
 * built on them wrote NaN or left the order as it was, so the report and its fix came back on every pass.
 */
export function isUsablePriority(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER;
}

export interface OrderPlan {
  /** The option is not yet the only default, or not yet first by priority. */
  readonly needed: boolean;
  /** Undefined when a value the repair must change is not a constant. */
  readonly fix: ((fixer: Fixer) => Fix[]) | undefined;
}

/**
 * What makes `target` the default and first option of its list: `isDefault: "Y"` on it and `"N"` on any other option
 * that says `"Y"`, and a priority below every other. Values that are not constants are left as they are.
 */
export function planDefaultFirst(sourceCode: SourceCode, list: ShippingList, target: ShippingOption): OrderPlan {
  const others = list.options.filter((option) => option !== target);
  const style = detectStyle(sourceCode, target.object);
  const edits: ((fixer: Fixer) => Fix[])[] = [];
  const missing: string[] = [];
  let fixable = true;

  const targetDefault = target.isDefault;
  const targetDefaultValue = staticValue(sourceCode, targetDefault);
  if (!targetDefault) missing.push(printProperty("isDefault", quoteString("Y", style.stringQuote), style));
  else if (targetDefaultValue !== undefined && targetDefaultValue !== "Y") edits.push((fixer) => [replaceString(fixer, sourceCode, targetDefault, "Y", style)]);
  for (const { isDefault } of others) {
    if (isDefault && staticValue(sourceCode, isDefault) === "Y") edits.push((fixer) => [replaceString(fixer, sourceCode, isDefault, "N", style)]);
  }

  const otherPriorities = others.flatMap(({ priority }) => {
    const value = staticValue(sourceCode, priority);
    return priority && isUsablePriority(value) ? [{ priority, value }] : [];
  });
  const targetPriority = target.priority;
  const targetPriorityValue = staticValue(sourceCode, targetPriority);
  // A loop, not Math.min(...values): spreading a list of 200,000 options into one call overflows the stack.
  let lowest = Number.POSITIVE_INFINITY;
  for (const { value } of otherPriorities) if (value < lowest) lowest = value;
  // A constant that is not a usable priority (NaN, Infinity) on the target itself is replaced by a usable one.
  const priorityKnown = !targetPriority || typeof targetPriorityValue === "number";
  if (otherPriorities.length > 0 && priorityKnown && !(isUsablePriority(targetPriorityValue) && targetPriorityValue < lowest)) {
    // 0 as in the seed's snippet when the others leave room below them; otherwise the others move up one each.
    const newPriority = lowest >= 1 ? 0 : lowest;
    if (lowest < 1) {
      if (others.some(({ priority }) => priority && !isUsablePriority(staticValue(sourceCode, priority)))) fixable = false;
      for (const { priority, value } of otherPriorities) edits.push((fixer) => [fixer.replaceText(priority.value, String(value + 1))]);
    }
    if (!targetPriority) missing.push(printProperty("priority", String(newPriority), style));
    else edits.push((fixer) => [fixer.replaceText(targetPriority.value, String(newPriority))]);
  }
  if (missing.length > 0) edits.push((fixer) => insertProperties(fixer, sourceCode, target.object, missing));

  const needed = edits.length > 0;
  return { needed, fix: fixable && needed ? (fixer) => edits.flatMap((edit) => edit(fixer)) : undefined };
}

/** Rewrites a string property's value, keeping the quote it was written with. */
function replaceString(fixer: Fixer, sourceCode: SourceCode, property: TSESTree.Property, value: string, style: LiteralStyle): Fix {
  const current = unwrap(property.value);
  const written = sourceCode.getText(current);
  const quote = written.startsWith("'") ? "'" : written.startsWith('"') ? '"' : style.stringQuote;
  return fixer.replaceText(property.value, quoteString(value, quote));
}

