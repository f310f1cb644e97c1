import { AST_NODE_TYPES as UpstreamNodeTypes, AST_TOKEN_TYPES as UpstreamTokenTypes, ASTUtils as UpstreamASTUtils, TSESLint } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { AST_NODE_TYPES, AST_TOKEN_TYPES, ASTUtils, COMMUNITY_AST_UTIL_NAMES, DefinitionType, ScopeType } from "../../src/core/eslint-api.js";

// src/core/eslint-api.ts takes its values from cheaper places than `@typescript-eslint/utils`; they must be the same
// values that package hands out.

describe("eslint-api", () => {
  it("has typescript-eslint's node and token types", () => {
    expect(AST_NODE_TYPES).toBe(UpstreamNodeTypes);
    expect(AST_TOKEN_TYPES).toBe(UpstreamTokenTypes);
  });

  it("has the same eslint-utils functions as ASTUtils, for every member ASTUtils takes from eslint-utils", () => {
    for (const name of COMMUNITY_AST_UTIL_NAMES) expect(ASTUtils[name], name).toBe(UpstreamASTUtils[name]);
    // Every function of ASTUtils that is eslint-utils' own is listed (the rest are typescript-eslint's helpers).
    const community = Object.keys(UpstreamASTUtils).filter((name) => (ASTUtils as Record<string, unknown>)[name] === (UpstreamASTUtils as Record<string, unknown>)[name]);
    expect([...community].sort()).toEqual([...COMMUNITY_AST_UTIL_NAMES].sort());
  });

  it("has the scope manager's definition and scope types", () => {
    expect({ ...DefinitionType }).toEqual({ ...TSESLint.Scope.DefinitionType });
    expect({ ...ScopeType }).toEqual({ ...TSESLint.Scope.ScopeType });
  });
});
