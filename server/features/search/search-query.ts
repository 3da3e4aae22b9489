import { normalizePhone, toCarrier } from '@shared/phone.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '@shared/search.js';

/** FTS5 MATCH expressions for one typed query; null where that table cannot match. */
export interface SearchMatch {
  /** Against conversation_search (name, contact_name, phones). */
  conversations: string | null;
  /** Against message_search (text). */
  messages: string | null;
  /** Digits to find among phone numbers, for a query that looks like one. */
  phoneDigits: string[];
  /** The query's words, folded, for marking names; the last one matches as a prefix. */
  words: string[];
  /** The words a matching message holds whole, folded, for its snippet. */
  messageWords: string[];
}

const PHONE_LIKE = /^[\d\s+().-]+$/;
const MIN_PHONE_DIGITS = 3;
const MIN_PREFIX_LENGTH = 2;
const MAX_TOKENS = 8;

/** Words as FTS5's unicode61 tokenizer sees them: runs of letters and digits. */
function tokensOf(q: string): string[] {
  return (
    q
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, MAX_TOKENS);
}

// Tokens hold only letters and digits, so quoting them is enough to keep FTS5 syntax out.
const quoted = (token: string) => `"${token}"`;

function wordsMatch(tokens: string[], prefixLast: boolean): string {
  return tokens
    .map((token, index) => {
      const last = index === tokens.length - 1;
      return last && prefixLast && token.length >= MIN_PREFIX_LENGTH
        ? `${quoted(token)}*`
        : quoted(token);
    })
    .join(' ');
}

/**
 * Turns what someone typed into MATCH expressions. A query that looks like a phone number is
 * normalised with shared/phone.ts and matched against the digit tokens (the E.164 digits exactly,
 * or the typed digits as a prefix of any stored form); other queries match words, the last one
 * as a prefix in names so results follow the typing. Message text matches whole words only,
 * which keeps a common prefix from merging thousands of doclists.
 */
export function buildSearchMatch(q: string, defaultCountry: string): SearchMatch {
  const tokens = tokensOf(q);
  if (!tokens.length) {
    return { conversations: null, messages: null, phoneDigits: [], words: [], messageWords: [] };
  }

  const digits = q.replace(/\D/g, '');
  if (PHONE_LIKE.test(q) && digits.length >= MIN_PHONE_DIGITS) {
    const e164 = normalizePhone(q, defaultCountry)?.e164;
    const full = e164 ? toCarrier(e164) : null;
    const forms = [...new Set([full, digits].filter((form): form is string => form !== null))];
    const phones = forms.map((form) => (form === full ? quoted(form) : `${quoted(form)}*`));
    const phrase = quoted(tokens.join(' '));
    const messages = [...new Set([phrase, quoted(digits)])].join(' OR ');
    return {
      conversations: `phones : (${phones.join(' OR ')})`,
      messages,
      phoneDigits: forms,
      words: [],
      messageWords: [...new Set([...tokens, digits])],
    };
  }

  return {
    conversations: `{name contact_name} : (${wordsMatch(tokens, true)})`,
    messages: wordsMatch(tokens, false),
    phoneDigits: [],
    words: tokens.map(foldWord),
    messageWords: tokens.map(foldWord),
  };
}

/** A word as unicode61 with remove_diacritics compares it: lower case, accents off. */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

function isHit(word: string, words: string[], prefixLast: boolean): boolean {
  const folded = foldWord(word);
  return words.some((want, index) => {
    if (folded === want) return true;
    const prefix = prefixLast && index === words.length - 1 && want.length >= MIN_PREFIX_LENGTH;
    return prefix && folded.startsWith(want);
  });
}

/**
 * Marks the words of `text` that the query's words match — whole, or (with `prefixLast`) the
 * last query word as a prefix — the way the FTS5 tokenizer matched them; null when none does.
 */
export function markWords(text: string, words: string[], prefixLast = true): string | null {
  let marked = false;
  const result = text.replace(WORD, (word) => {
    if (!isHit(word, words, prefixLast)) return word;
    marked = true;
    return `${HIGHLIGHT_START}${word}${HIGHLIGHT_END}`;
  });
  return marked ? result : null;
}

/**
 * About `size` words of a message around its first match, matches marked and "…" where it was
 * cut: what FTS5's snippet() gives, without a MATCH query per listed row.
 */
export function snippetOf(text: string, words: string[], size = 12): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  const spans = [...flat.matchAll(WORD)];
  const first = spans.findIndex((span) => isHit(span[0], words, false));
  if (first === -1) return null;

  const start = Math.max(0, Math.min(first - Math.floor(size / 3), spans.length - size));
  const end = Math.min(spans.length, start + size);
  const from = start === 0 ? 0 : (spans[start]?.index ?? 0);
  const to = end >= spans.length ? flat.length : (spans[end]?.index ?? flat.length);
  const body = markWords(flat.slice(from, to).trimEnd(), words, false) ?? '';
  return `${start > 0 ? '…' : ''}${body}${end < spans.length ? '…' : ''}`;
}
