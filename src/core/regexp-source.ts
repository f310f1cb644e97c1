/** `text` as a regular expression source that matches it literally. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The top-level alternatives of a regular expression's source, for joining several expressions into one without
 * repeating what two of them share. Escapes, character classes and groups are stepped over, so a `|` inside any of
 * them does not split. Linear in the source.
 */
export function topLevelAlternatives(source: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === "\\") {
      index++;
    } else if (inClass) {
      if (char === "]") inClass = false;
    } else if (char === "[") {
      inClass = true;
    } else if (char === "(") {
      depth++;
    } else if (char === ")") {
      depth--;
    } else if (char === "|" && depth === 0) {
      alternatives.push(source.slice(start, index));
      start = index + 1;
    }
  }
  alternatives.push(source.slice(start));
  return alternatives;
}

/** An alternative that is plain text (letters, digits, `_` and `-`): it matches exactly what it spells. */
const PLAIN = /^[\w-]+$/;

/**
 * One case-insensitive source that matches wherever any of `sources` would (each taken case-insensitively): their
 * alternatives once each, without those that start with a plain alternative already present (whatever matches
 * `mobilepay\.dk` contains `mobilepay`).
 */
export function unionOfAlternatives(sources: readonly string[]): string {
  const all = sources.flatMap(topLevelAlternatives);
  const plain = all.filter((alternative) => PLAIN.test(alternative)).map((alternative) => alternative.toLowerCase());
  const kept = new Map<string, string>();
  for (const alternative of all) {
    const lower = alternative.toLowerCase();
    if (kept.has(lower)) continue;
    // Not when the next character makes the text's last letter optional (`ab*c` matches "ac").
    if (plain.some((text) => text !== lower && lower.startsWith(text) && !"*?{".includes(lower[text.length] ?? ""))) continue;
    kept.set(lower, alternative);
  }
  return [...kept.values()].join("|");
}
