/**
 * How the erasure finds a person's name or e-mail in text that others wrote: as a whole word,
 * whatever the script, and never in JSON keys.
 *
 * - Whole words only: a letter, digit, combining mark or underscore of any script (Arabic and
 *   Tifinagh included) on either side means another word, so erasing "Amina Ali" leaves
 *   "Amina Alioui" alone. Case does not matter; any run of spaces between the name's words matches.
 * - Needles under MIN_NEEDLE_LENGTH letters (spaces not counted) are not searched at all: a name
 *   like "Al" or "Li" identifies nobody in free text and would turn up in countless ordinary words
 *   and titles. The account, certificates and everything the person wrote are still rewritten by
 *   their id; only copies of such a short name in other people's text remain.
 * - JSON: only string values are rewritten, so keys and the document's shape never change.
 */
export const MIN_NEEDLE_LENGTH = 4;

/** Letters, digits and marks of every script, and the underscore: what continues a word. */
const WORD_CHAR = String.raw`[\p{L}\p{N}\p{M}_]`;

const regexEscape = (value: string) => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The needles worth searching for, in the order given; short ones dropped (see above). */
export function searchableNeedles(candidates: string[]): string[] {
  return candidates
    .map((n) => n.trim())
    .filter((n) => [...n.replace(/\s+/gu, '')].length >= MIN_NEEDLE_LENGTH);
}

/** A whole-word, case-insensitive matcher of one needle (its metacharacters taken literally). */
export function wholeWord(needle: string): RegExp {
  const words = needle.trim().split(/\s+/u).map(regexEscape);
  return new RegExp(`(?<!${WORD_CHAR})${words.join(String.raw`\s+`)}(?!${WORD_CHAR})`, 'giu');
}

export class NameScrubber {
  private readonly patterns: RegExp[];

  constructor(
    needles: string[],
    private readonly replacement: string,
  ) {
    this.patterns = searchableNeedles(needles).map(wholeWord);
  }

  get isEmpty(): boolean {
    return this.patterns.length === 0;
  }

  text(value: string): string {
    return this.patterns.reduce((text, pattern) => text.replace(pattern, this.replacement), value);
  }

  /** A JSON value with its string values rewritten; keys, numbers and the structure as they were. */
  json(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.json(item));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.json(item)]));
    return value;
  }
}

/**
 * A PostgreSQL regular expression (for `~*`) that finds, loosely, every row where one of the
 * needles may stand: anywhere in the column's text, JSON-escaped in JSON columns. It only narrows
 * the rows that NameScrubber then rewrites exactly.
 */
export function loosePattern(needles: string[], json: boolean): string {
  const literal = (word: string) => regexEscape(json ? JSON.stringify(word).slice(1, -1) : word);
  return searchableNeedles(needles)
    .map((needle) => `(${needle.split(/\s+/u).map(literal).join('[[:space:]]+')})`)
    .join('|');
}
