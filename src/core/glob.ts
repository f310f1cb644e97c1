/**
 * File globs as settings write them (`src/components/**`, `**\/*.client.ts`, `app/{cart,checkout}/*.tsx`), compiled
 * to one anchored regular expression. `**` spans folders, `*` and `?` stay inside one, `{a,b}` is an alternation
 * (not nested); everything else is literal. A pattern without a slash matches a file name in any folder, as in
 * .gitignore. Paths longer than MAX_GLOB_PATH never match: a glob with several `*` can backtrack, and a bound path
 * keeps that small.
 */

const MAX_GLOB_PATH = 1024;

export function compileGlob(pattern: string): RegExp {
  const glob = pattern.replace(/^\.\//, "");
  let source = "";
  let inBraces = false;
  for (let index = 0; index < glob.length; index++) {
    const char = glob.charAt(index);
    if (char === "*" && glob.charAt(index + 1) === "*") {
      const slash = glob.charAt(index + 2) === "/";
      source += slash ? "(?:[^/]*/)*" : ".*";
      index += slash ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "{" && !inBraces) {
      inBraces = true;
      source += "(?:";
    } else if (char === "}" && inBraces) {
      inBraces = false;
      source += ")";
    } else if (char === "," && inBraces) source += "|";
    else source += char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  if (inBraces) throw new Error(`unclosed "{" in glob ${JSON.stringify(pattern)}`);
  const anywhere = !glob.includes("/");
  return new RegExp(`${anywhere ? "(?:^|/)" : "^"}${source}$`);
}

/** Whether a path (forward slashes, relative to the working directory) matches one of the compiled globs. */
export function matchesGlobs(path: string, globs: readonly RegExp[]): boolean {
  return path.length <= MAX_GLOB_PATH && globs.some((glob) => glob.test(path));
}
