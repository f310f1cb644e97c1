import { ASTUtils, AST_NODE_TYPES, type TSESTree } from "../core/eslint-api.js";
import { argumentAt } from "../core/ast.js";
import { memoised } from "../core/memo.js";
import { findProperty, mayHideProperties, resolveObjectLiteral } from "../core/objects.js";
import type { SourceCode } from "../core/types.js";

/**
 * The `Client({...})` calls of `@vippsmobilepay/sdk` in a file whose options, an object literal in reach, lack some of
 * the names the SDK turns into `Vipps-System-*` headers. Found by reference tracking from the import (ESM and
 * CommonJS), once per file.
 */

export interface SdkClientFinding {
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly options: TSESTree.ObjectExpression;
  /** The option names missing, in the SDK's order. */
  readonly missing: readonly string[];
}

/** The SDK options that become the `Vipps-System-Name` and `Vipps-System-Version` headers. */
const SYSTEM_OPTIONS = ["systemName", "systemVersion"] as const;

const { CALL } = ASTUtils.ReferenceTracker;
const CLIENT_MAP = { Client: { [CALL]: true } };
const TRACE_MAP = { "@vippsmobilepay/sdk": { ...CLIENT_MAP, default: CLIENT_MAP } };

const found = new WeakMap<TSESTree.Program, readonly SdkClientFinding[]>();

export function sdkClientsWithoutSystemName(sourceCode: SourceCode): readonly SdkClientFinding[] {
  return memoised(found, sourceCode.ast, () => {
    const globalScope = sourceCode.scopeManager?.globalScope;
    if (!globalScope || !sourceCode.text.includes("@vippsmobilepay/sdk")) return [];
    const tracker = new ASTUtils.ReferenceTracker(globalScope, { mode: "legacy" });
    const results: SdkClientFinding[] = [];
    const seen = new Set<TSESTree.Node>();
    for (const { node } of [...tracker.iterateEsmReferences(TRACE_MAP), ...tracker.iterateCjsReferences(TRACE_MAP)]) {
      if ((node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) || seen.has(node)) continue;
      seen.add(node);
      const argument = argumentAt(node, 0);
      const options = argument && resolveObjectLiteral(sourceCode, argument);
      // Options out of reach, or with a spread that may hold the names: nothing to say.
      if (!options || mayHideProperties(sourceCode, options)) continue;
      const missing = SYSTEM_OPTIONS.filter((name) => !findProperty(sourceCode, options, name));
      if (missing.length > 0) results.push({ call: node, options, missing });
    }
    return results;
  });
}
