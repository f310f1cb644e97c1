import { AST_NODE_TYPES, type TSESLint } from "../core/eslint-api.js";
import type { SourceCode } from "../core/types.js";
import type { BodyRepairPlan } from "../analysis/body-rules.js";
import { wrapExpression } from "./expressions.js";
import { moveProperty, renameKey } from "./move-property.js";
import { detectStyle, insertProperty, printKey, printProperty, printValue, removeProperty } from "./object-literal.js";

/** The fixes the body checks of src/analysis/body-rules.ts plan, written in the style of the code around them. */

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

export function bodyRepairFix(sourceCode: SourceCode, plan: BodyRepairPlan): TSESLint.ReportFixFunction {
  return (fixer) => planFixes(fixer, sourceCode, plan);
}

function planFixes(fixer: Fixer, sourceCode: SourceCode, plan: BodyRepairPlan): Fix[] {
  switch (plan.kind) {
    case "serialise":
      return serialise(fixer, sourceCode, plan);
    case "renameKey": {
      const object = plan.property.parent;
      const keyText = object.type === AST_NODE_TYPES.ObjectExpression ? printKey(plan.key, detectStyle(sourceCode, object)) : plan.key;
      return [renameKey(fixer, sourceCode, plan.property, keyText)];
    }
    case "move":
      // No edits where a move would overlap itself or re-indent a multi-line template: nothing to apply then.
      return moveProperty(fixer, sourceCode, plan.property, plan.destination) ?? [];
    case "setValue": {
      const object = plan.node.parent.type === AST_NODE_TYPES.Property ? plan.node.parent.parent : undefined;
      const style = object?.type === AST_NODE_TYPES.ObjectExpression ? detectStyle(sourceCode, object) : undefined;
      return [fixer.replaceText(plan.node, style ? printValue(plan.value, style) : JSON.stringify(plan.value))];
    }
    case "removeProperties":
      // A property holding comments is kept (removing it would lose them).
      return plan.properties.flatMap((property) => removeProperty(fixer, sourceCode, property) ?? []);
  }
}

function serialise(fixer: Fixer, sourceCode: SourceCode, plan: Extract<BodyRepairPlan, { kind: "serialise" }>): Fix[] {
  const { property } = plan;
  const fixes: Fix[] = property.shorthand
    ? [fixer.insertTextBefore(property, "body: JSON.stringify("), fixer.insertTextAfter(property, ")")]
    : // A property value is a whole argument already; only a sequence `(a, b)` needs its own parentheses.
      property.value.type === AST_NODE_TYPES.SequenceExpression
      ? wrapExpression(fixer, sourceCode, property.value, "JSON.stringify(", ")")
      : [fixer.insertTextBefore(property.value, "JSON.stringify("), fixer.insertTextAfter(property.value, ")")];
  if (plan.headers) {
    const style = detectStyle(sourceCode, plan.headers);
    fixes.push(...insertProperty(fixer, sourceCode, plan.headers, printProperty("Content-Type", printValue("application/json", style), style)));
  } else if (plan.options) {
    const style = detectStyle(sourceCode, plan.options);
    const headerText = `{ ${printProperty("Content-Type", printValue("application/json", style), style)} }`;
    fixes.push(...insertProperty(fixer, sourceCode, plan.options, printProperty("headers", headerText, style)));
  }
  return fixes;
}
