/**
 * Recognises the consent keywords of an inbound text (SPEC §3): opt-out, opt-in and help.
 */

export type KeywordClass = 'stop' | 'start' | 'help' | 'possible_stop';

/** Opt-out keywords, each honoured when it is the whole message. */
export const OPT_OUT_KEYWORDS = [
  'STOP',
  'STOPALL',
  'STOP ALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
  'OPT OUT',
] as const;

/** Opt-in keywords, each honoured when it is the whole message. */
export const OPT_IN_KEYWORDS = ['START', 'UNSTOP'] as const;

/** Keywords answered with the office's help text. */
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const;

const OPT_OUT: ReadonlySet<string> = new Set(OPT_OUT_KEYWORDS);
const OPT_IN: ReadonlySet<string> = new Set(OPT_IN_KEYWORDS);
const HELP: ReadonlySet<string> = new Set(HELP_KEYWORDS);

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const EDGE_PUNCTUATION = /^[\s\p{P}]+|[\s\p{P}]+$/gu;

/**
 * Upper-cases, drops zero-width characters and the punctuation and spaces at both ends, and
 * collapses inner spaces and hyphens: "  Opt-out. " → "OPT OUT". NFKC turns full-width letters
 * into plain ones.
 */
function canonical(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(EDGE_PUNCTUATION, '')
    .replace(/[\s-]+/g, ' ')
    .toUpperCase();
}

function startsWithWord(text: string, word: string): boolean {
  if (!text.startsWith(word)) return false;
  const next = text.charAt(word.length);
  return !/[\p{L}\p{N}]/u.test(next);
}

/**
 * Classifies an inbound text: `stop`, `start` or `help` when a keyword is the whole message
 * (case, surrounding spaces and punctuation ignored), `possible_stop` when the text begins with
 * an opt-out keyword as a word but says more ("Stop please", "Cancel my visit"), otherwise null.
 */
export function classifyKeyword(text: string): KeywordClass | null {
  const words = canonical(text);
  if (words.length === 0) return null;

  if (OPT_OUT.has(words)) return 'stop';
  if (OPT_IN.has(words)) return 'start';
  if (HELP.has(words)) return 'help';
  if (OPT_OUT_KEYWORDS.some((keyword) => startsWithWord(words, keyword))) return 'possible_stop';
  return null;
}
