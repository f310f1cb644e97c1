/**
 * Whether a text holds any of a set of literals, ASCII letters in any case (as a regular expression's `i` flag reads
 * them), each optionally bounded by `\b` on either side. It is the pre-filter every linted file passes through, so it
 * is built for the file that holds none of them: Wu–Manber with blocks of two characters looks at the pair of
 * characters that ends each window of `m` characters and moves the window as far as that pair allows, about six
 * characters a step on ordinary code with windows of eight. A union of the literals as one regular expression tries a
 * match at every position instead: on the benchmark's files that hold none of the plugin's gate's literals, inside
 * ESLint, they cost 70 ms that way and 50 ms this way (docs/performance.md).
 *
 * A window is no longer than the shortest literal, and a step costs about the same however long the window is, so
 * literals shorter than SHORT_LITERAL are left to one regular expression (with those beyond ASCII, whose case the `i`
 * flag folds its own way): a few short words cost that expression less than they would cost every step of the scan.
 *
 * Linear in the text: every step moves the window, and at a pair that ends some literal's window only the literals
 * whose window ends there are compared, each over its own length.
 */
import { escapeRegExp, type Literal } from "./regexp-source.js";

/** A literal as compared at a pair: lower-cased, and how far its window's last character is from its start. */
interface Candidate {
  readonly text: string;
  readonly wordStart: boolean;
  readonly wordEnd: boolean;
  readonly windowEnd: number;
}

/** Literals shorter than this are not scanned (see above); the plugin's gate has three, of four and five characters. */
const SHORT_LITERAL = 6;

/**
 * Characters of JavaScript and TypeScript code, lower-cased, most frequent first (measured over the 3,271 files of
 * the benchmark's corpus from `node_modules`). A literal's window ends at its rarest pair, so that ordinary text
 * stops the scan there as seldom as possible; characters not listed are rarer than all of these.
 */
const BY_FREQUENCY = " etrnsoia\nclpdu\tmf.h()g=,-y;/b'{}v_xk\"*:w[]01`|\\j&+$2q@>!?z3<8#69";

const isAsciiLetter = (code: number): boolean => code >= 97 && code <= 122;
/** The codes a lower-case literal's character matches: a letter in both cases. */
const variants = (code: number): number[] => (isAsciiLetter(code) ? [code, code - 32] : [code]);
/** `\b`'s word characters, as a regular expression without the `u` flag has them. */
const isWordChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const commonness = (code: number): number => {
  const rank = BY_FREQUENCY.indexOf(String.fromCharCode(code));
  return rank < 0 ? 0 : BY_FREQUENCY.length - rank;
};

export class LiteralSearch {
  /** The window's length: the shortest literal's (the scanned ones; see `rest`). */
  readonly #window: number;
  /**
   * Each ASCII character's class: its own for a character of a literal (a letter's two cases share one), 0 for the
   * rest. Pairs of classes keep the tables small enough to stay in the CPU's cache between files, which pairs of
   * characters did not (it cost more than the scan).
   */
  readonly #classOf = new Uint8Array(128);
  /** How many classes there are: the stride of the pair tables. */
  readonly #classes: number;
  /** Per pair of classes: how far the window may move when it ends in that pair (0: a literal's window ends in it). */
  readonly #shift: Uint8Array;
  /** Per pair whose shift is 0: the literals whose window ends in it. */
  readonly #candidates: (Candidate[] | undefined)[];
  /** The literals the scan leaves to a regular expression: short ones, and those with a character beyond ASCII. */
  readonly #rest: RegExp | undefined;

  constructor(literals: readonly Literal[]) {
    const scanned: Candidate[] = [];
    const rest: string[] = [];
    for (const literal of withoutCovered(literals)) {
      // eslint-disable-next-line no-control-regex -- ASCII is what the scan compares
      if (literal.text.length < SHORT_LITERAL || /[^\u0000-\u007f]/.test(literal.text)) rest.push(sourceOf(literal));
      else scanned.push({ text: literal.text.toLowerCase(), wordStart: literal.wordStart === true, wordEnd: literal.wordEnd === true, windowEnd: 0 });
    }
    this.#rest = rest.length > 0 ? new RegExp(rest.join("|"), "i") : undefined;
    const window = Math.min(255, ...scanned.map((literal) => literal.text.length));
    this.#window = window;
    let classes = 1;
    for (const { text } of scanned) {
      for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (this.#classOf[code] !== 0) continue;
        for (const variant of variants(code)) this.#classOf[variant] = classes;
        classes++;
      }
    }
    this.#classes = classes;
    this.#shift = new Uint8Array(classes * classes).fill(window - 1);
    this.#candidates = new Array<Candidate[] | undefined>(classes * classes);
    for (const literal of scanned) {
      const start = rarestWindow(literal.text, window);
      const candidate = { ...literal, windowEnd: start + window - 1 };
      for (let end = start + 1; end <= candidate.windowEnd; end++) {
        const shift = candidate.windowEnd - end;
        const key = this.#classOf[literal.text.charCodeAt(end - 1)]! * classes + this.#classOf[literal.text.charCodeAt(end)]!;
        if (shift < this.#shift[key]!) this.#shift[key] = shift;
        if (shift === 0) (this.#candidates[key] ??= []).push(candidate);
      }
    }
  }

  /** Whether `text` holds one of the literals. */
  test(text: string): boolean {
    if (this.#rest?.test(text)) return true;
    const shifts = this.#shift;
    const classOf = this.#classOf;
    const classes = this.#classes;
    const length = text.length;
    // With no scanned literal the window is 255 characters and no pair stops it.
    let end = this.#window - 1;
    while (end < length) {
      // A character beyond ASCII takes the class of its low seven bits: at worst the scan stops and compares in vain.
      const key = classOf[text.charCodeAt(end - 1) & 127]! * classes + classOf[text.charCodeAt(end) & 127]!;
      const shift = shifts[key]!;
      if (shift !== 0) {
        end += shift;
        continue;
      }
      for (const candidate of this.#candidates[key]!) {
        if (matchesAt(text, end - candidate.windowEnd, candidate)) return true;
      }
      end++;
    }
    return false;
  }
}

/** Whether the literal stands in `text` from `start`, letters in any case, with the word boundaries it asks for. */
function matchesAt(text: string, start: number, literal: Candidate): boolean {
  const after = start + literal.text.length;
  if (start < 0 || after > text.length) return false;
  for (let index = 0; index < literal.text.length; index++) {
    const wanted = literal.text.charCodeAt(index);
    const found = text.charCodeAt(start + index);
    if (found !== wanted && !(isAsciiLetter(wanted) && found === wanted - 32)) return false;
  }
  // `\b` holds where a word character meets a character that is not one (or the text's start or end).
  if (literal.wordStart && (start > 0 && isWordChar(text.charCodeAt(start - 1))) === isWordChar(literal.text.charCodeAt(0))) return false;
  return !(literal.wordEnd && (after < text.length && isWordChar(text.charCodeAt(after))) === isWordChar(literal.text.charCodeAt(literal.text.length - 1)));
}

/** Where the literal's window of `window` characters starts: the one ending in its rarest pair. */
function rarestWindow(text: string, window: number): number {
  let best = 0;
  let bestCommonness = Infinity;
  for (let start = 0; start + window <= text.length; start++) {
    const end = start + window - 1;
    const value = commonness(text.charCodeAt(end - 1)) + commonness(text.charCodeAt(end));
    if (value < bestCommonness) {
      bestCommonness = value;
      best = start;
    }
  }
  return best;
}

/**
 * The literals without repeats and without those another one already finds: whatever holds `mobilepay.dk` or a
 * bounded `nnin` holds `mobilepay` or `nnin`. Only ASCII letters are folded, as the `i` flag folds them: "\u212a"
 * (the Kelvin sign) lower-cases to "k" but does not match it.
 */
function withoutCovered(literals: readonly Literal[]): Literal[] {
  const unique = new Map<string, Literal>();
  for (const literal of literals) unique.set(sourceOf({ ...literal, text: asciiLowerCase(literal.text) }), literal);
  const all = [...unique.values()];
  const unbounded = all.filter((literal) => !literal.wordStart && !literal.wordEnd).map((literal) => asciiLowerCase(literal.text));
  return all.filter((literal) => {
    const text = asciiLowerCase(literal.text);
    const bounded = literal.wordStart === true || literal.wordEnd === true;
    return !unbounded.some((other) => (bounded || other !== text) && text.includes(other));
  });
}

const asciiLowerCase = (text: string): string => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
const sourceOf = (literal: Literal): string => `${literal.wordStart ? "\\b" : ""}${escapeRegExp(literal.text)}${literal.wordEnd ? "\\b" : ""}`;
