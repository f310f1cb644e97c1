import { createRequire } from "node:module";
import type { ASTUtils as UpstreamASTUtils, TSESLint } from "@typescript-eslint/utils";

/**
 * The runtime values the plugin takes from typescript-eslint and eslint-utils, each from the cheapest source that
 * has it, under the names and types `@typescript-eslint/utils` gives them. Importing `@typescript-eslint/utils`
 * itself loads its `TSESLint` namespace, whose `Scope` pulls in the whole scope manager (~180 modules): that was
 * most of the plugin's start-up time (docs/performance.md, "Start-up"). Nothing here loads it.
 */

// Imported, as enums are both values and types.
export { AST_NODE_TYPES, AST_TOKEN_TYPES } from "@typescript-eslint/types";
export type { TSESLint, TSESTree } from "@typescript-eslint/utils";

// CommonJS packages are required rather than imported where nothing but values is needed: no ESM wrapper and no
// scan of the package's files for its export names, about 5 ms of CPU at start-up (docs/performance.md).
const require = createRequire(import.meta.url);

/** The members of `ASTUtils` that `@typescript-eslint/utils` takes as they are from `@eslint-community/eslint-utils`. */
const COMMUNITY_AST_UTILS = [
  "findVariable",
  "getFunctionHeadLocation",
  "getFunctionNameWithKind",
  "getInnermostScope",
  "getPropertyName",
  "getStaticValue",
  "getStringIfConstant",
  "hasSideEffect",
  "isArrowToken",
  "isClosingBraceToken",
  "isClosingBracketToken",
  "isClosingParenToken",
  "isColonToken",
  "isCommaToken",
  "isCommentToken",
  "isNotArrowToken",
  "isNotClosingBraceToken",
  "isNotClosingBracketToken",
  "isNotClosingParenToken",
  "isNotColonToken",
  "isNotCommaToken",
  "isNotCommentToken",
  "isNotOpeningBraceToken",
  "isNotOpeningBracketToken",
  "isNotOpeningParenToken",
  "isNotSemicolonToken",
  "isOpeningBraceToken",
  "isOpeningBracketToken",
  "isOpeningParenToken",
  "isParenthesized",
  "isSemicolonToken",
  "PatternMatcher",
  "ReferenceTracker",
] as const satisfies readonly (keyof typeof UpstreamASTUtils)[];

export type CommunityAstUtilName = (typeof COMMUNITY_AST_UTILS)[number];
export const COMMUNITY_AST_UTIL_NAMES: readonly CommunityAstUtilName[] = COMMUNITY_AST_UTILS;

/**
 * `ASTUtils`' eslint-utils members. Required, not imported: ESLint has already required the CommonJS build of
 * `@eslint-community/eslint-utils`, so this costs nothing, where an ESM import would load its ESM build again.
 */
export const ASTUtils = require("@eslint-community/eslint-utils") as Pick<typeof UpstreamASTUtils, CommunityAstUtilName>;

/** The value of each member of a string enum, as the string it is. */
type EnumValues<Enum extends Record<string, string>> = { readonly [Name in keyof Enum]: `${Enum[Name]}` };

/**
 * `TSESLint.Scope.DefinitionType`, written out: the scope manager that defines it is not loaded at start-up. The
 * `satisfies` keeps each value equal to the scope manager's at compile time.
 */
export const DefinitionType = {
  CatchClause: "CatchClause",
  ClassName: "ClassName",
  FunctionName: "FunctionName",
  ImplicitGlobalVariable: "ImplicitGlobalVariable",
  ImportBinding: "ImportBinding",
  Parameter: "Parameter",
  TSEnumName: "TSEnumName",
  TSEnumMember: "TSEnumMemberName",
  TSModuleName: "TSModuleName",
  Type: "Type",
  Variable: "Variable",
} as const satisfies EnumValues<typeof TSESLint.Scope.DefinitionType> as unknown as typeof TSESLint.Scope.DefinitionType;

/** `TSESLint.Scope.ScopeType`, written out for the same reason as `DefinitionType`. */
export const ScopeType = {
  block: "block",
  catch: "catch",
  class: "class",
  classFieldInitializer: "class-field-initializer",
  classStaticBlock: "class-static-block",
  conditionalType: "conditionalType",
  for: "for",
  function: "function",
  functionExpressionName: "function-expression-name",
  functionType: "functionType",
  global: "global",
  mappedType: "mappedType",
  module: "module",
  switch: "switch",
  tsEnum: "tsEnum",
  tsModule: "tsModule",
  type: "type",
  with: "with",
} as const satisfies EnumValues<typeof TSESLint.Scope.ScopeType> as unknown as typeof TSESLint.Scope.ScopeType;
