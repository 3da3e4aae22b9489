import { describe, expect, it } from 'vitest';

import {
  CARRIER_PART_LIMIT,
  GSM_BASIC_CHARS,
  GSM_EXTENSION_CHARS,
  MAX_MESSAGE_LENGTH,
  countSms,
  deliverabilityWarnings,
  isTooLong,
  lookAlikes,
  normalizeText,
  replaceLookAlikes,
  splitForCarrier,
} from '../../shared/sms.js';
import { SMS_CASES } from './sms-cases.js';

const EMOJI = '\u{1F600}';

describe('countSms', () => {
  it.each(SMS_CASES)('counts $name', ({ text, encoding, segments, characters }) => {
    const count = countSms(text);

    expect(count.encoding).toBe(encoding);
    expect(count.segments).toBe(segments);
    expect(count.characters).toBe(characters);
  });

  it('counts an empty text as no segments', () => {
    expect(countSms('')).toEqual({
      characters: 0,
      encoding: 'GSM-7',
      segments: 0,
      unitsUsed: 0,
      perSegment: 160,
      remainingInSegment: 160,
      ucs2Chars: [],
    });
  });

  it.each([
    { text: 'a'.repeat(160), unitsUsed: 160, perSegment: 160, remaining: 0 },
    { text: 'a'.repeat(161), unitsUsed: 161, perSegment: 153, remaining: 145 },
    { text: `${'a'.repeat(159)}€`, unitsUsed: 161, perSegment: 153, remaining: 145 },
    { text: '{hi}', unitsUsed: 6, perSegment: 160, remaining: 154 },
    { text: `Ł${'€'.repeat(9)}`, unitsUsed: 10, perSegment: 70, remaining: 60 },
    { text: EMOJI.repeat(36), unitsUsed: 72, perSegment: 67, remaining: 61 },
  ])('reports units and room left for $unitsUsed units', ({ text, ...expected }) => {
    const count = countSms(text);

    expect(count.unitsUsed).toBe(expected.unitsUsed);
    expect(count.perSegment).toBe(expected.perSegment);
    expect(count.remainingInSegment).toBe(expected.remaining);
  });

  it('counts every extension character as two septets', () => {
    for (const char of '€[]{}|^~\\\f') {
      expect(countSms(char)).toMatchObject({ encoding: 'GSM-7', unitsUsed: 2 });
    }
  });

  it('lists the distinct characters that force UCS-2 in order of appearance', () => {
    const { ucs2Chars } = countSms(`Zoë and Łukasz ${EMOJI} Zoë ${EMOJI}`);

    expect(ucs2Chars).toEqual(['ë', 'Ł', EMOJI]);
  });

  it('keeps the GSM-7 tables at their standard sizes', () => {
    expect(GSM_BASIC_CHARS.size).toBe(127);
    expect(GSM_EXTENSION_CHARS.size).toBe(10);
  });

  it('does not treat lower-case ç or ASCII backtick as GSM-7', () => {
    expect(countSms('ç').encoding).toBe('UCS-2');
    expect(countSms('`').encoding).toBe('UCS-2');
  });
});

describe('normalizeText', () => {
  it.each([
    ['a\r\nb', 'a\nb'],
    ['a\rb', 'a\nb'],
    ['a\n\rb', 'a\n\nb'],
    ['a\r\n\r\nb', 'a\n\nb'],
    ['plain', 'plain'],
  ])('normalises %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('isTooLong', () => {
  it.each([
    { name: '1600 GSM-7 characters', text: 'a'.repeat(1600), tooLong: false },
    { name: '1601 GSM-7 characters', text: 'a'.repeat(1601), tooLong: true },
    { name: '800 emoji (1600 units)', text: EMOJI.repeat(800), tooLong: false },
    { name: 'one letter and 800 emoji (1601 units)', text: `a${EMOJI.repeat(800)}`, tooLong: true },
    { name: '1599 letters and a CRLF', text: `${'a'.repeat(1599)}\r\n`, tooLong: false },
  ])('is $tooLong for $name', ({ text, tooLong }) => {
    expect(isTooLong(text)).toBe(tooLong);
  });

  it('uses the product limits', () => {
    expect(MAX_MESSAGE_LENGTH).toBe(1600);
    expect(CARRIER_PART_LIMIT).toBe(1000);
  });
});

describe('splitForCarrier', () => {
  const words = Array.from({ length: 300 }, (_, index) => `word${index % 10}`).join(' ');
  const text1300 = words.slice(0, 1300);

  it('splits a 1300-character text into parts of at most 1000 between words', () => {
    const parts = splitForCarrier(text1300);

    expect(text1300).toHaveLength(1300);
    expect(parts).toHaveLength(2);
    expect(parts.join('')).toBe(text1300);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(1000);
    expect(parts[0]?.endsWith(' ')).toBe(true);
    expect(parts[1]?.startsWith('word')).toBe(true);
  });

  it.each([
    { name: 'empty text', text: '', limit: 10, parts: [] },
    { name: 'text within the limit', text: 'hello there', limit: 20, parts: ['hello there'] },
    { name: 'exactly the limit', text: 'abcde', limit: 5, parts: ['abcde'] },
    { name: 'at the last space', text: 'aa bb cc dd', limit: 7, parts: ['aa bb ', 'cc dd'] },
    { name: 'at a line break', text: 'hello\nworld', limit: 8, parts: ['hello\n', 'world'] },
    { name: 'hard, with no space', text: 'abcdefghij', limit: 4, parts: ['abcd', 'efgh', 'ij'] },
    { name: 'not at a leading space', text: ' abcdefgh', limit: 4, parts: [' abc', 'defg', 'h'] },
    {
      name: 'not inside a surrogate pair',
      text: `abc${EMOJI}def`,
      limit: 4,
      parts: ['abc', `${EMOJI}de`, 'f'],
    },
    {
      name: 'not at a non-breaking space',
      text: 'ab\u00a0cdef gh',
      limit: 6,
      parts: ['ab\u00a0cde', 'f gh'],
    },
  ])('splits $name', ({ text, limit, parts }) => {
    const result = splitForCarrier(text, limit);

    expect(result).toEqual(parts);
    expect(result.join('')).toBe(text);
  });

  it('reproduces a long mixed text and keeps every part within the limit', () => {
    const text = `Hi Zoë ${EMOJI}\n`.repeat(120) + 'x'.repeat(1500);
    const parts = splitForCarrier(text);

    expect(parts.join('')).toBe(text);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(CARRIER_PART_LIMIT);
  });

  it('refuses a limit below two', () => {
    expect(() => splitForCarrier('abc', 1)).toThrow(RangeError);
  });
});

describe('lookAlikes', () => {
  it('lists each look-alike once with its count and replacement', () => {
    expect(lookAlikes('“Hi” – it’s Ana’s…')).toEqual([
      { char: '“', replacement: '"', count: 1 },
      { char: '”', replacement: '"', count: 1 },
      { char: '–', replacement: '-', count: 1 },
      { char: '’', replacement: "'", count: 2 },
      { char: '…', replacement: '...', count: 1 },
    ]);
  });

  it('finds nothing in plain text', () => {
    expect(lookAlikes('Plain "text" - it\'s fine...')).toEqual([]);
  });
});

describe('replaceLookAlikes', () => {
  it.each([
    ['‘single’', "'single'"],
    ['“double”', '"double"'],
    ['en – em —', 'en - em -'],
    ['wait…', 'wait...'],
    ['no\u00a0break', 'no break'],
    ['zero\u200bwidth', 'zerowidth'],
  ])('turns %j into %j', (input, expected) => {
    expect(replaceLookAlikes(input)).toBe(expected);
  });

  it('turns a UCS-2 text into GSM-7 when only look-alikes forced UCS-2', () => {
    const text = '“Your visit’s confirmed” — see you then…';

    expect(countSms(text).encoding).toBe('UCS-2');
    expect(countSms(replaceLookAlikes(text)).encoding).toBe('GSM-7');
  });
});

describe('deliverabilityWarnings', () => {
  const later = { firstMessage: false };
  const codes = (text: string, opts: Parameters<typeof deliverabilityWarnings>[1] = later) =>
    deliverabilityWarnings(text, opts).map((warning) => warning.code);

  it.each([
    ['Your form: https://bit.ly/3abcd', ['link_shortener']],
    ['See tinyurl.com/fafsa-help for details', ['link_shortener']],
    ['Slides at http://t.co/xyz', ['link_shortener']],
    ['Try cutt.ly/abc or ow.ly/def', ['link_shortener']],
    ['Details at https://www.microsoft.com/edu', []],
    ['Apply at https://admissions.example.edu/apply', []],
    ['PLEASE SEND YOUR TRANSCRIPT TODAY', ['mostly_caps']],
    ['Please send your FAFSA and SAT scores', []],
    ['OK, see you', []],
    ['Are you coming???', ['punctuation_run']],
    ['We got it!!!', ['punctuation_run']],
    ['Really?!?!', ['punctuation_run']],
    ['Free money $$$', ['punctuation_run']],
    ['Great, see you soon!', []],
    ['Congrats 🎉🎉🎉🎉', ['many_emoji']],
    ['Congrats 🎉🎉🎉', []],
    ['Family day 👨‍👩‍👧 👨‍👩‍👧 🇺🇸', []],
  ])('warns about %j with %j', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('gives a message with every warning', () => {
    for (const warning of deliverabilityWarnings('WIN NOW!!! bit.ly/x 😀😀😀😀', {
      firstMessage: true,
    })) {
      expect(warning.message.length).toBeGreaterThan(10);
    }
  });

  describe('no_sender_id', () => {
    const first = { firstMessage: true, senderNames: ['Ana', 'Admissions Office'] };

    it.each([
      ['Hi Sam, this is Ana from Admissions.', []],
      ['Hi Sam, it’s Maria from the financial aid office.', []],
      ['Hi Sam, my name is Lee.', []],
      ['Hi Sam, your visit is confirmed. - Admissions Office', []],
      ['Hi Sam, Ana here. Your visit is confirmed.', []],
      ['Hi Sam, your visit is confirmed.', ['no_sender_id']],
      ['Reminder: forms are due Friday.', ['no_sender_id']],
      ['Hi Sam, we have bananas at the fair.', ['no_sender_id']],
    ])('for %j gives %j', (text, expected) => {
      expect(codes(text, first)).toEqual(expected);
    });

    describe('signed with the first name of the counselor or the office label', () => {
      const signed = { firstMessage: true, senderNames: ['Sam Ortiz', 'Admissions Office'] };

      it.each([
        'Your visit is confirmed. - Sam',
        'Your visit is confirmed —Sam',
        'Your visit is confirmed – Sam.',
        'Your visit is confirmed ~sam',
        'Sam from Admissions: your visit is confirmed.',
        'Hi Maya, Sam here. Your visit is confirmed.',
        'Your visit is confirmed. Thanks, Sam!',
        'Your visit is confirmed.\nSam',
        'Your visit is confirmed. - Admissions',
        'Your visit is confirmed. Sam Ortiz',
      ])('accepts %j', (text) => {
        expect(codes(text, signed)).toEqual([]);
      });

      it.each([
        'Hi Sam, your visit is confirmed.',
        'Samantha will call you. - Maria',
        'Your visit is confirmed, Samuel.',
        'The admissions team confirmed your visit.',
        'Your visit is confirmed - see you soon',
      ])('still warns for %j', (text) => {
        expect(codes(text, signed)).toEqual(['no_sender_id']);
      });
    });

    it('does not apply to later messages', () => {
      expect(codes('Your visit is confirmed.', later)).toEqual([]);
    });

    it('works without sender names', () => {
      expect(codes('Your visit is confirmed.', { firstMessage: true })).toEqual(['no_sender_id']);
      expect(codes('This is Lee.', { firstMessage: true })).toEqual([]);
    });
  });
});
