import type { SmsEncoding } from '../../shared/sms.js';

export interface SmsCase {
  name: string;
  text: string;
  encoding: SmsEncoding;
  segments: number;
  /** UTF-16 code units after line-break normalisation. */
  characters: number;
}

const EMOJI = '\u{1F600}';
const a = (count: number): string => 'a'.repeat(count);

/**
 * SMS counting edge cases, shared by the unit tests and the server's message tests. Every text
 * is sendable: non-empty and within the 1600-unit limit.
 */
export const SMS_CASES: SmsCase[] = [
  { name: 'one GSM-7 character', text: 'a', encoding: 'GSM-7', segments: 1, characters: 1 },
  { name: '160 GSM-7 characters', text: a(160), encoding: 'GSM-7', segments: 1, characters: 160 },
  { name: '161 GSM-7 characters', text: a(161), encoding: 'GSM-7', segments: 2, characters: 161 },
  { name: '306 GSM-7 characters', text: a(306), encoding: 'GSM-7', segments: 2, characters: 306 },
  { name: '307 GSM-7 characters', text: a(307), encoding: 'GSM-7', segments: 3, characters: 307 },
  {
    name: '158 characters and a euro sign fill one segment',
    text: `${a(158)}€`,
    encoding: 'GSM-7',
    segments: 1,
    characters: 159,
  },
  {
    name: '159 characters and a euro sign need two segments',
    text: `${a(159)}€`,
    encoding: 'GSM-7',
    segments: 2,
    characters: 160,
  },
  {
    name: 'a euro sign at the 153 boundary moves to the next part',
    text: `${a(152)}€${a(152)}`,
    encoding: 'GSM-7',
    segments: 3,
    characters: 305,
  },
  {
    name: 'a euro sign that just fits the first part',
    text: `${a(151)}€${a(153)}`,
    encoding: 'GSM-7',
    segments: 2,
    characters: 305,
  },
  {
    name: 'ú and ô force UCS-2 among GSM-7 accents',
    text: 'Hola José, ¿qué tal? Müller, Ñandú, à bientôt',
    encoding: 'UCS-2',
    segments: 1,
    characters: 45,
  },
  {
    name: 'GSM-7 accents only',
    text: 'José Müller, Ñoño, è à ù ì ò',
    encoding: 'GSM-7',
    segments: 1,
    characters: 28,
  },
  {
    name: 'a Polish name forces UCS-2',
    text: 'Hi Łukasz',
    encoding: 'UCS-2',
    segments: 1,
    characters: 9,
  },
  { name: 'Zoë forces UCS-2', text: 'Hi Zoë!', encoding: 'UCS-2', segments: 1, characters: 7 },
  {
    name: '35 emoji fill one UCS-2 segment',
    text: EMOJI.repeat(35),
    encoding: 'UCS-2',
    segments: 1,
    characters: 70,
  },
  {
    name: '36 emoji need two segments',
    text: EMOJI.repeat(36),
    encoding: 'UCS-2',
    segments: 2,
    characters: 72,
  },
  {
    name: '70 emoji need three segments',
    text: EMOJI.repeat(70),
    encoding: 'UCS-2',
    segments: 3,
    characters: 140,
  },
  {
    name: 'a surrogate pair at the 67 boundary moves to the next part',
    text: `Ł${a(65)}${EMOJI}${a(66)}`,
    encoding: 'UCS-2',
    segments: 3,
    characters: 134,
  },
  {
    name: 'an extension character counts one in UCS-2',
    text: `Ł${'€'.repeat(69)}`,
    encoding: 'UCS-2',
    segments: 1,
    characters: 70,
  },
  { name: 'CRLF counts one', text: 'Hi\r\nthere', encoding: 'GSM-7', segments: 1, characters: 8 },
  {
    name: 'a lone CR counts one',
    text: 'Hi\rthere',
    encoding: 'GSM-7',
    segments: 1,
    characters: 8,
  },
  {
    name: '1600 GSM-7 characters',
    text: a(1600),
    encoding: 'GSM-7',
    segments: 11,
    characters: 1600,
  },
  {
    name: '800 emoji are 1600 code units',
    text: EMOJI.repeat(800),
    encoding: 'UCS-2',
    segments: 25,
    characters: 1600,
  },
];
