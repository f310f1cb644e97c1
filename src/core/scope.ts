import type { TSESLint } from "./eslint-api.js";

/**
 * A name based on `base` (`response`, `response2`, ...) that no variable in reach of `scope` uses, that nothing
 * in the scope refers to outside it, and that is not in `claimed` (names other fixes of the same run took).
 */
export function freshName(scope: TSESLint.Scope.Scope, base: string, claimed: ReadonlySet<string> = new Set()): string {
  const taken = (name: string): boolean => {
    if (claimed.has(name)) return true;
    if (scope.through.some((reference) => reference.identifier.name === name)) return true;
    for (let current: TSESLint.Scope.Scope | null = scope; current; current = current.upper) {
      if (current.set.has(name)) return true;
    }
    return false;
  };
  let name = base;
  for (let index = 2; taken(name); index++) name = `${base}${index}`;
  return name;
}
