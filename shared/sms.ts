/**
 * The one SMS counter: the composer and the server both count with it, so a text the composer
 * accepts is never refused by the server (SPEC §4).
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsCount {
  /** UTF-16 code units after line-break normalisation (an emoji counts 2, a line break 1). */
  characters: number;
  encoding: SmsEncoding;
  /** 0 for an empty text. */
  segments: number;
  /** Septets for GSM-7 (extension characters take 2), UTF-16 code units for UCS-2. */
  unitsUsed: number;
  /** Capacity of one segment: 160 / 153 for GSM-7, 70 / 67 for UCS-2 (single / multi-part). */
  perSegment: number;
  /** Units still free in the last segment before another segment is needed. */
  remainingInSegment: number;
  /** The distinct characters that force UCS-2, in order of first appearance. */
  ucs2Chars: string[];
}

/** Hard limit for one outbound message, in UTF-16 code units after normalisation. */
export const MAX_MESSAGE_LENGTH = 1600;

/** The Vonage Messages API takes at most this many characters of SMS text per request. */
export const CARRIER_PART_LIMIT = 1000;

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

/** Characters of the GSM 03.38 basic table (one septet each). */
export const GSM_BASIC_CHARS: ReadonlySet<string> = new Set(GSM_BASIC);

/** Characters of the GSM 03.38 extension table (escape + char: two septets each). */
export const GSM_EXTENSION_CHARS: ReadonlySet<string> = new Set(GSM_EXTENSION);

const LIMITS = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const;

/** Turns CRLF and lone CR into LF, so a line break always counts one. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** True when the text, after normalisation, is over {@link MAX_MESSAGE_LENGTH} code units. */
export function isTooLong(text: string): boolean {
  return normalizeText(text).length > MAX_MESSAGE_LENGTH;
}

function isGsmChar(char: string): boolean {
  return GSM_BASIC_CHARS.has(char) || GSM_EXTENSION_CHARS.has(char);
}

/** Units each character takes; `for…of` walks code points, so a surrogate pair stays whole. */
function unitWidths(text: string, encoding: SmsEncoding): number[] {
  const widths: number[] = [];
  for (const char of text) {
    if (encoding === 'UCS-2') widths.push(char.length);
    else widths.push(GSM_EXTENSION_CHARS.has(char) ? 2 : 1);
  }
  return widths;
}

/**
 * Packs characters into segments of `capacity` units without splitting a character: a GSM-7
 * escape pair or a UTF-16 surrogate pair that would straddle a boundary moves to the next part.
 */
function packSegments(widths: number[], capacity: number): { segments: number; lastFill: number } {
  let segments = 1;
  let fill = 0;
  for (const width of widths) {
    if (fill + width > capacity) {
      segments += 1;
      fill = 0;
    }
    fill += width;
  }
  return { segments, lastFill: fill };
}

/** Counts characters, encoding and segments of an SMS text as the carrier will send it. */
export function countSms(text: string): SmsCount {
  const normalized = normalizeText(text);
  const ucs2Chars = [...new Set(Array.from(normalized).filter((char) => !isGsmChar(char)))];
  const encoding: SmsEncoding = ucs2Chars.length > 0 ? 'UCS-2' : 'GSM-7';
  const limits = LIMITS[encoding];
  const widths = unitWidths(normalized, encoding);
  const unitsUsed = widths.reduce((sum, width) => sum + width, 0);
  const base = { characters: normalized.length, encoding, unitsUsed, ucs2Chars };

  if (unitsUsed <= limits.single) {
    const segments = unitsUsed === 0 ? 0 : 1;
    const remainingInSegment = limits.single - unitsUsed;
    return { ...base, segments, perSegment: limits.single, remainingInSegment };
  }

  const { segments, lastFill } = packSegments(widths, limits.multi);
  return {
    ...base,
    segments,
    perSegment: limits.multi,
    remainingInSegment: limits.multi - lastFill,
  };
}

const SPLIT_WHITESPACE = /[ \t\n\r\f\v]/;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function cutPoint(text: string, limit: number): number {
  for (let index = limit - 1; index > 0; index -= 1) {
    if (SPLIT_WHITESPACE.test(text.charAt(index))) return index + 1;
  }

  const splitsPair =
    isHighSurrogate(text.charCodeAt(limit - 1)) && isLowSurrogate(text.charCodeAt(limit));
  return splitsPair ? limit - 1 : limit;
}

/**
 * Splits a text into consecutive parts of at most `limit` UTF-16 code units for the carrier.
 * It cuts after the last whitespace that fits, so the whitespace stays at the end of the
 * earlier part; a run with no whitespace is cut hard, never inside a surrogate pair.
 * `parts.join('')` is always the input; an empty text gives no parts.
 */
export function splitForCarrier(text: string, limit: number = CARRIER_PART_LIMIT): string[] {
  if (!Number.isInteger(limit) || limit < 2) {
    throw new RangeError('splitForCarrier needs an integer limit of at least 2');
  }

  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

const LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  ['\u2018', "'"],
  ['\u2019', "'"],
  ['\u201a', "'"],
  ['\u201b', "'"],
  ['\u2032', "'"],
  ['\u02bc', "'"],
  ['\u00b4', "'"],
  ['`', "'"],
  ['\u201c', '"'],
  ['\u201d', '"'],
  ['\u201e', '"'],
  ['\u201f', '"'],
  ['\u2033', '"'],
  ['\u00ab', '"'],
  ['\u00bb', '"'],
  ['\u2010', '-'],
  ['\u2011', '-'],
  ['\u2012', '-'],
  ['\u2013', '-'],
  ['\u2014', '-'],
  ['\u2015', '-'],
  ['\u2212', '-'],
  ['\u2026', '...'],
  ['\u00a0', ' '],
  ['\u2002', ' '],
  ['\u2003', ' '],
  ['\u2007', ' '],
  ['\u2009', ' '],
  ['\u202f', ' '],
  ['\t', ' '],
  ['\u200b', ''],
  ['\u00ad', ''],
  ['\u2022', '-'],
]);

export interface LookAlike {
  char: string;
  replacement: string;
  count: number;
}

/**
 * Characters that look like GSM-7 ones but force UCS-2 (curly quotes, dashes, ellipsis,
 * special spaces…), with their plain replacement and how often each occurs.
 */
export function lookAlikes(text: string): LookAlike[] {
  const found = new Map<string, LookAlike>();
  for (const char of text) {
    const replacement = LOOK_ALIKES.get(char);
    if (replacement === undefined) continue;
    const entry = found.get(char);
    if (entry) entry.count += 1;
    else found.set(char, { char, replacement, count: 1 });
  }
  return [...found.values()];
}

/** Replaces every look-alike character listed by {@link lookAlikes} with its plain form. */
export function replaceLookAlikes(text: string): string {
  return Array.from(text, (char) => LOOK_ALIKES.get(char) ?? char).join('');
}

export type DeliverabilityCode =
  'link_shortener' | 'mostly_caps' | 'punctuation_run' | 'many_emoji' | 'no_sender_id';

export interface DeliverabilityWarning {
  code: DeliverabilityCode;
  message: string;
}

export interface DeliverabilityOptions {
  /** True for the first text to this contact, which should say who is writing. */
  firstMessage: boolean;
  /** Names that identify the sender: the counselor, the office, the school. */
  senderNames?: string[];
}

const SHORTENER_DOMAINS = [
  'bit.ly',
  'bitly.com',
  'tinyurl.com',
  'goo.gl',
  't.co',
  'ow.ly',
  'is.gd',
  'v.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'tiny.cc',
  'shorturl.at',
  'rb.gy',
  't.ly',
  'bl.ink',
  'short.io',
  'lnkd.in',
  'tr.im',
  'x.co',
  'adf.ly',
  'shorte.st',
];

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A shortener host not glued to a longer host name: `t.co` matches, `microsoft.com` does not. */
const SHORTENER = new RegExp(
  `(?<![\\w@.-])(?:${SHORTENER_DOMAINS.map(escapeRegExp).join('|')})(?![\\w-]|\\.\\w)`,
  'i',
);

const PUNCTUATION_RUN = /[!?]{3,}|([$*#])\1{2,}/;

const SENDER_PHRASE = new RegExp(
  [
    '\\bthis is\\b',
    '\\bmy name is\\b',
    '\\bon behalf of\\b',
    '\\bhere from\\b',
    "\\b(?:i am|i'm|it's|it is)\\s+\\S+(?:\\s+\\S+)?\\s+(?:from|at|with)\\b",
    '\\b(?:writing|texting|reaching out|contacting you)\\s+from\\b',
  ].join('|'),
  'i',
);

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
const CASED_LETTER = /[\p{Lu}\p{Ll}]/gu;
const UPPER_LETTER = /\p{Lu}/gu;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function countEmoji(text: string): number {
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (EMOJI.test(segment)) count += 1;
  }
  return count;
}

function isMostlyCaps(text: string): boolean {
  const letters = text.match(CASED_LETTER)?.length ?? 0;
  const upper = text.match(UPPER_LETTER)?.length ?? 0;
  return letters >= 10 && upper / letters >= 0.7;
}

/** A whole word or phrase, so "Ana" is not found inside "bananas". */
const wholeWord = (needle: string): string =>
  `(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`;

/**
 * A short name signing the text: "- Sam", "—Sam", "~Sam", "Sam here", "Sam from Admissions",
 * or alone on the last line or after the last comma ("Thanks, Sam").
 */
function signedWith(text: string, short: string): boolean {
  const name = wholeWord(short);
  const forms = [
    `[-\u2013\u2014~]\\s*${name}`,
    `${name}\\s+(?:here|from)(?![\\p{L}\\p{N}])`,
    `(?:^|[,\\n])\\s*${name}\\s*[.!]?\\s*$`,
  ];
  return new RegExp(forms.join('|'), 'iu').test(text);
}

/** A sender named in full anywhere ("Ana Ruiz", "Admissions Office"), or signed by first word. */
function namesSender(text: string, senderNames: string[]): boolean {
  const plain = text.replace(/[\u2018\u2019]/g, "'");
  if (SENDER_PHRASE.test(plain)) return true;

  return senderNames.some((name) => {
    const needle = name.trim();
    if (needle.length === 0) return false;
    if (new RegExp(wholeWord(needle), 'iu').test(plain)) return true;
    const short = needle.split(/\s+/)[0] ?? '';
    return short.length > 1 && signedWith(plain, short);
  });
}

/**
 * Warns about content carriers tend to filter (SPEC §4): link shorteners, mostly capital
 * letters, runs of ! and ?, more than three emoji, and a first text that does not say who is
 * writing. An empty list means nothing to warn about.
 */
export function deliverabilityWarnings(
  text: string,
  opts: DeliverabilityOptions,
): DeliverabilityWarning[] {
  const normalized = normalizeText(text);
  const warnings: DeliverabilityWarning[] = [];
  const warn = (code: DeliverabilityCode, message: string): void => {
    warnings.push({ code, message });
  };

  if (SHORTENER.test(normalized)) {
    warn('link_shortener', 'Carriers often block link shorteners. Paste the full link instead.');
  }
  if (isMostlyCaps(normalized)) {
    warn('mostly_caps', 'Text in capital letters looks like spam. Write in normal case.');
  }
  if (PUNCTUATION_RUN.test(normalized)) {
    warn('punctuation_run', 'Runs like "!!!" or "?!?" look like spam. Use one mark.');
  }
  if (countEmoji(normalized) > 3) {
    warn('many_emoji', 'Many emoji can get a text filtered. Keep to one or two.');
  }
  if (opts.firstMessage && !namesSender(normalized, opts.senderNames ?? [])) {
    const example = '“This is Ana from Admissions”';
    warn('no_sender_id', `Say who is writing in a first text, e.g. ${example}.`);
  }
  return warnings;
}
