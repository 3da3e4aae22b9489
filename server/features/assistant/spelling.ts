import type NSpell from 'nspell';

/**
 * Offline spelling fixes with a Hunspell dictionary (nspell + dictionary-en): what the writing
 * assistant still does when no model is configured. Conservative on purpose: names, acronyms,
 * links, short texting words and template fields are left alone.
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
const WORD = /\p{L}[\p{L}'’]*/gu;

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
  for (let i = 0; i < word.length - 1; i += 1) {
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (spell.correct(swapped)) return swapped;
  }
  return null;
}

/** The best replacement for a misspelt lowercase word, or null to leave it. */
function bestFix(spell: NSpell, word: string): string | null {
  const swapped = transposed(spell, word);
  if (swapped) return swapped;
  const ranked = spell
    .suggest(word)
    .map((candidate, order) => ({
      candidate,
      order,
      distance: damerau(word, candidate.toLowerCase()),
      firstChanged: candidate[0]?.toLowerCase() !== word[0] ? 1 : 0,
      anagram: sorted(candidate.toLowerCase()) === sorted(word) ? 0 : 1,
    }))
    .filter((entry) => entry.distance <= 2 && !/[A-Z]/.test(entry.candidate.slice(1)))
    .sort(
      (a, b) =>
        a.distance - b.distance ||
        a.firstChanged - b.firstChanged ||
        a.anagram - b.anagram ||
        a.order - b.order,
    );
  return ranked[0]?.candidate ?? null;
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
    const lower = word.toLowerCase().replace(/’/g, "'");
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

    const fix = word.length < MIN_LENGTH ? transposed(spell, lower) : bestFix(spell, lower);
    if (!fix) return word;
    const replacement = matchCase(word, fix);
    corrections.push({ from: word, to: replacement });
    return replacement;
  });
  return { text: fixed, corrections };
}
