/**
 * File globs as settings write them (`src/components/**`, `**\/*.client.ts`, `app/{cart,checkout}/*.tsx`): `**` spans
 * folders (`**\/` also none), `*` and `?` stay inside one, `{a,b}` is an alternation (not nested); everything else is
 * literal. A glob without a slash matches a file name in any folder, as in .gitignore. Matching runs a table over
 * (glob position, path position): linear in the product of two bounded lengths, with no backtracking, whatever the
 * glob (a regular expression compiled from `*a*a*a*b` would backtrack).
 */

const MAX_GLOB_PATH = 1024;
/** A glob's alternations expand to at most this many plain patterns. */
const MAX_ALTERNATIVES = 64;

/** A glob compiled once, when the settings are read. */
export interface Glob {
  readonly source: string;
  /** The plain patterns its `{a,b}` alternations expand to. */
  readonly patterns: readonly string[];
  /** No slash: matches the file name in any folder. */
  readonly anywhere: boolean;
}

/** Throws, with a message that says why, on a glob it cannot use (an unclosed `{`, too many alternatives). */
export function compileGlob(source: string): Glob {
  const glob = source.replace(/^\.\//, "").slice(0, MAX_GLOB_PATH);
  let patterns = [""];
  for (let index = 0; index < glob.length; index++) {
    const char = glob.charAt(index);
    if (char !== "{") {
      patterns = patterns.map((pattern) => pattern + char);
      continue;
    }
    const close = glob.indexOf("}", index);
    if (close < 0) throw new Error(`unclosed "{" in glob ${JSON.stringify(source)}`);
    const options = glob.slice(index + 1, close).split(",");
    patterns = patterns.flatMap((pattern) => options.map((option) => pattern + option));
    if (patterns.length > MAX_ALTERNATIVES) throw new Error(`more than ${MAX_ALTERNATIVES} alternatives in glob ${JSON.stringify(source)}`);
    index = close;
  }
  return { source, patterns, anywhere: !glob.includes("/") };
}

/** Whether the file (an absolute path, any slashes) matches one of the globs, relative to `cwd` or as an absolute path. */
export function fileMatchesGlobs(filename: string, cwd: string, globs: readonly Glob[]): boolean {
  if (globs.length === 0) return false;
  const absolute = forwardSlashes(filename);
  const base = forwardSlashes(cwd).replace(/\/?$/, "/");
  const relative = absolute.startsWith(base) ? absolute.slice(base.length) : absolute;
  return globs.some((glob) => matchesGlob(glob, relative) || (relative !== absolute && matchesGlob(glob, absolute)));
}

/** Whether a path (forward slashes) matches the glob. */
export function matchesGlob(glob: Glob, path: string): boolean {
  if (path.length > MAX_GLOB_PATH) return false;
  const name = glob.anywhere ? path.slice(path.lastIndexOf("/") + 1) : path;
  return glob.patterns.some((pattern) => matchesPattern(pattern, name));
}

function forwardSlashes(path: string): string {
  return path.slice(0, MAX_GLOB_PATH).split("\\").join("/");
}

function matchesPattern(glob: string, path: string): boolean {
  // reachable[j]: the glob read so far can match path[0, j).
  let reachable = new Array<boolean>(path.length + 1).fill(false);
  reachable[0] = true;
  for (let g = 0; g < glob.length; g++) {
    const char = glob[g];
    const next = new Array<boolean>(path.length + 1).fill(false);
    if (char === "*") {
      const globstar = glob[g + 1] === "*";
      if (globstar) g++;
      // `**/` may also match no folder at all.
      const slashAfter = globstar && glob[g + 1] === "/";
      for (let j = 0; j <= path.length; j++) {
        if (reachable[j]) next[j] = true;
        else if (j > 0 && next[j - 1] && (globstar || path[j - 1] !== "/")) next[j] = true;
      }
      if (slashAfter) {
        // Skip the slash after `**` when `**` matched nothing or ended at a slash.
        g++;
        const afterSlash = new Array<boolean>(path.length + 1).fill(false);
        for (let j = 0; j <= path.length; j++) {
          if (reachable[j] || (j > 0 && next[j] && path[j - 1] === "/")) afterSlash[j] = true;
        }
        reachable = afterSlash;
        continue;
      }
    } else {
      for (let j = 0; j < path.length; j++) {
        if (reachable[j] && (char === "?" ? path[j] !== "/" : path[j] === char)) next[j + 1] = true;
      }
    }
    reachable = next;
  }
  return reachable[path.length] === true;
}
