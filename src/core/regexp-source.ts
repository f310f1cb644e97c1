/** `text` as a regular expression source that matches it literally. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A literal to look for, in any case; `wordStart` and `wordEnd` ask for a `\b` before and after it. */
export interface Literal {
  readonly text: string;
  readonly wordStart?: boolean;
  readonly wordEnd?: boolean;
}

/** Past this many literals a source is not "a few words", and `literalsOf` says so. */
const MAX_LITERALS = 64;
/** Characters with a meaning of their own in a source; escaped, they stand for themselves. */
const SYNTAX = new Set([..."\\^$.|?*+()[]{}"]);

/**
 * The literals a source written as plain text matches: characters, escaped punctuation (`\.`, `\/`), alternatives,
 * `(?:…)` groups of alternatives, and `\b` at an alternative's start or end. Undefined for any other source (a class,
 * a quantifier, an escape such as `\d`), and for one that expands to more than 64 literals.
 */
export function literalsOf(source: string): Literal[] | undefined {
  let index = 0;
  /** Alternatives until the source's end or the `)` that closes the group being read. */
  const alternatives = (top: boolean): Literal[] | undefined => {
    const found: Literal[] = [];
    for (;;) {
      const branch = sequence(top);
      if (!branch || found.length + branch.length > MAX_LITERALS) return undefined;
      found.push(...branch);
      if (source[index] !== "|") return found;
      index++;
    }
  };
  /** One alternative: the literals it spells, each possible combination of its groups' alternatives. */
  const sequence = (top: boolean): Literal[] | undefined => {
    let texts = [""];
    let wordStart = false;
    let wordEnd = false;
    while (index < source.length && source[index] !== "|" && source[index] !== ")") {
      if (wordEnd) return undefined;
      const char = source[index]!;
      if (char === "\\") {
        const escaped = source[index + 1];
        index += 2;
        if (escaped === "b") {
          // A boundary inside a group would bound only some of the literals: not "plain text".
          if (!top) return undefined;
          if (texts.length === 1 && texts[0] === "" && !wordStart) wordStart = true;
          else wordEnd = true;
        } else if (escaped === undefined || /[\dA-Za-z]/.test(escaped)) {
          return undefined;
        } else {
          texts = texts.map((text) => text + escaped);
        }
      } else if (source.startsWith("(?:", index)) {
        index += 3;
        const inner = alternatives(false);
        if (!inner || source[index] !== ")") return undefined;
        index++;
        if (texts.length * inner.length > MAX_LITERALS) return undefined;
        texts = texts.flatMap((text) => inner.map((literal) => text + literal.text));
      } else if (SYNTAX.has(char)) {
        return undefined;
      } else {
        texts = texts.map((text) => text + char);
        index++;
      }
    }
    return texts.map((text) => ({ text, wordStart, wordEnd }));
  };
  const literals = alternatives(true);
  return literals && index === source.length ? literals : undefined;
}
