import type NSpell from 'nspell';

import { COMMON_WORDS, EDUCATION_WORDS } from './spelling-words.js';

/**
 * Offline spelling fixes with a Hunspell dictionary (nspell + dictionary-en): what the writing
 * assistant still does when no model is configured. Conservative on purpose: names, acronyms,
 * words with digits, office words (FAFSA, registrar…), links, short texting words and template
 * fields are left alone, and a word is only changed into a close one with the same first letter.
 */

export interface SpellingResult {
  text: string;
  corrections: Array<{ from: string; to: string }>;
}

let checker: Promise<NSpell> | null = null;

function loadChecker(): Promise<NSpell> {
  checker ??= Promise.all([import('nspell'), import('dictionary-en')]).then(
    ([{ default: nspell }, { default: dictionary }]) =>
      nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) }),
  );
  return checker;
}

/** Common texting misspellings the dictionary cannot mend (missing apostrophes). */
const CONTRACTIONS: Record<string, string> = {
  i: 'I',
  im: "I'm",
  ive: "I've",
  dont: "don't",
  cant: "can't",
  wont: "won't",
  didnt: "didn't",
  doesnt: "doesn't",
  isnt: "isn't",
  arent: "aren't",
  wasnt: "wasn't",
  werent: "weren't",
  havent: "haven't",
  hasnt: "hasn't",
  couldnt: "couldn't",
  shouldnt: "shouldn't",
  wouldnt: "wouldn't",
  thats: "that's",
  youre: "you're",
  theyre: "they're",
};

const MIN_LENGTH = 4;
const MAX_LENGTH = 24;
/** Stretches never touched: template fields, masked data, links, emails, handles. */
const PROTECTED =
  /\{\{[^}]*\}\}|\[[A-Z]+\]|https?:\/\/\S+|www\.\S+|\S+@\S+|\S+\.(?:com|edu|org|net)\S*/gi;
/** Letters and digits together, so "2nd" or "COVID19" is one word, and one left alone. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;
/** The shortest office word a near miss is mended into; shorter ones are too easy to hit. */
const NEAR_MISS_MIN = 5;

function damerau(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

const sorted = (word: string) => [...word].sort().join('');

/** Two neighbouring letters swapped ("teh", "thier"): the commonest typo, and the safest fix. */
function transposed(spell: NSpell, word: string): string | null {
  // From the second letter on: a fix keeps the first letter, as every fix here does.
  for (let i = 1; i < word.length - 1; i += 1) {
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (spell.correct(swapped)) return swapped;
  }
  return null;
}

/** "fasfa" → FAFSA: one edit away from an office word the dictionary does not know. */
function nearOfficeWord(word: string): string | null {
  if (word.length < NEAR_MISS_MIN) return null;
  const near = [...EDUCATION_WORDS].filter(
    ([lower]) => lower.length >= NEAR_MISS_MIN && lower[0] === word[0] && damerau(word, lower) <= 1,
  );
  // "transcrips" is one edit from transcript and from transcripts: the plural stays one.
  const best = near.find(([lower]) => lower.at(-1) === word.at(-1)) ?? near[0];
  return best?.[1] ?? null;
}

/**
 * The best replacement for a misspelt lowercase word, or null to leave it: a lowercase
 * suggestion with the same first letter, one or two edits away; the fewest edits win, then a
 * common word, then a swap of letters, then the same last letter (a plural stays one), then
 * the dictionary's own order. Two edits away, an uncommon word wins only when it is the one
 * suggestion there.
 */
function bestFix(spell: NSpell, word: string): string | null {
  const swapped = transposed(spell, word);
  if (swapped) return swapped;
  const ranked = spell
    .suggest(word)
    .filter((candidate) => candidate[0] === word[0] && !/\p{Lu}/u.test(candidate))
    .map((candidate, order) => ({
      candidate,
      order,
      distance: damerau(word, candidate),
      rare: COMMON_WORDS.has(candidate) || EDUCATION_WORDS.has(candidate) ? 0 : 1,
      anagram: sorted(candidate) === sorted(word) ? 0 : 1,
      lastChanged: candidate.at(-1) === word.at(-1) ? 0 : 1,
    }))
    .filter((entry) => entry.distance >= 1 && entry.distance <= 2)
    .sort(
      (a, b) =>
        a.distance - b.distance ||
        a.rare - b.rare ||
        a.anagram - b.anagram ||
        a.lastChanged - b.lastChanged ||
        a.order - b.order,
    );
  const best = ranked[0];
  if (!best) return null;
  const tied = ranked.filter((entry) => entry.distance === best.distance).length;
  if (best.distance === 2 && best.rare && tied > 1) return null;
  return best.candidate;
}

function isSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).trimEnd();
  return before === '' || /[.!?\n]$/.test(before);
}

const matchCase = (original: string, fix: string) =>
  /^\p{Lu}/u.test(original) ? fix.charAt(0).toUpperCase() + fix.slice(1) : fix;

/**
 * Fixes likely misspellings in `text`. `knownWords` (the contact's and staff names, the office
 * name) are never changed.
 */
export async function fixSpelling(
  text: string,
  knownWords: string[] = [],
): Promise<SpellingResult> {
  const spell = await loadChecker();
  const known = new Set(knownWords.flatMap((w) => w.toLowerCase().split(/\s+/)).filter(Boolean));
  const shielded = [...text.matchAll(PROTECTED)].map((m) => [m.index, m.index + m[0].length]);
  const corrections: SpellingResult['corrections'] = [];

  const fixed = text.replace(WORD, (word: string, index: number) => {
    if (shielded.some(([from, to]) => index >= from! && index < to!)) return word;
    if (/\p{N}/u.test(word)) return word;
    const lower = word.toLowerCase().replace(/’/g, "'");
    if (EDUCATION_WORDS.has(lower)) return word;
    const capitalised = /^\p{Lu}/u.test(word);
    const mixedCase = /\p{Lu}/u.test(word.slice(1));
    const contraction = CONTRACTIONS[lower];
    if (contraction && !mixedCase) {
      const replacement = matchCase(word, contraction);
      if (replacement === word) return word;
      corrections.push({ from: word, to: replacement });
      return replacement;
    }

    const properNoun = capitalised && !isSentenceStart(text, index);
    const shape = mixedCase || word.length < MIN_LENGTH - 1 || word.length > MAX_LENGTH;
    if (properNoun || shape || known.has(lower) || spell.correct(word) || spell.correct(lower)) {
      return word;
    }

    const office = nearOfficeWord(lower);
    const fix =
      office ?? (word.length < MIN_LENGTH ? transposed(spell, lower) : bestFix(spell, lower));
    if (!fix) return word;
    const replacement = office && /\p{Lu}/u.test(office) ? office : matchCase(word, fix);
    corrections.push({ from: word, to: replacement });
    return replacement;
  });
  return { text: fixed, corrections };
}
