/**
 * Masks personal data in thread text before it goes to the writing assistant: SSN-like numbers,
 * card numbers and birth dates become `[SSN]`, `[CARD]` and `[DATE]`.
 */

export interface MaskOptions {
  /** Reference time for telling birth dates from appointment dates; defaults to now. */
  now?: Date;
}

/** A birth date is at least this many years old; nearer dates (appointments, deadlines) stay. */
const MIN_AGE_YEARS = 10;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|' +
  'sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';

const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g;
const SSN = /(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])/g;
const LABELLED_SSN =
  /\b(ssn|ss#|social security(?: number| no\.?| #)?)(\s*(?:is|:|#)?\s*)\d{9}\b/gi;

const BIRTH_LABEL = '(?:dob|d\\.o\\.b\\.?|date of birth|birth ?date|birthday|born(?: on)?)';

type Groups = Array<string | undefined>;

/** Each pattern with a reader of its capture groups (`g[0]` is the first group). */
const DATE_PATTERNS: Array<{ pattern: RegExp; parts: (g: Groups) => DateParts }> = [
  {
    pattern: /(?<![\d/.-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/.-]*\d)/g,
    parts: (g) => ({ year: g[0], month: g[2], day: g[3] }),
  },
  {
    pattern: /(?<![\d/.-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-]*\d)/g,
    parts: (g) => ({ year: g[3], month: g[0], day: g[2] }),
  },
  {
    pattern: new RegExp(`\\b(${MONTH_NAME})\\s+${DAY},?\\s+(\\d{4})\\b`, 'gi'),
    parts: (g) => ({ year: g[2], month: monthNumber(g[0]), day: g[1] }),
  },
  {
    pattern: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?(${MONTH_NAME}),?\\s+(\\d{4})\\b`, 'gi'),
    parts: (g) => ({ year: g[2], month: monthNumber(g[1]), day: g[0] }),
  },
];

/** Dates right after a birth label, with or without a year. */
const LABELLED_DATE = new RegExp(
  `\\b(${BIRTH_LABEL})(\\s*(?:is|:|-|was)?\\s*)` +
    `(\\d{1,4}[-/.]\\d{1,2}(?:[-/.]\\d{1,4})?|${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?` +
    `(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}(?:,?\\s+\\d{4})?)`,
  'gi',
);

interface DateParts {
  year: string | undefined;
  month: string | undefined;
  day: string | undefined;
}

function monthNumber(name: string | undefined): string | undefined {
  const index = MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase());
  return index < 0 ? undefined : String(index + 1);
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits.charAt(digits.length - 1 - index));
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function fullYear(year: string, now: Date): number {
  if (year.length === 4) return Number(year);
  const century = now.getFullYear() - (now.getFullYear() % 100);
  const candidate = century + Number(year);
  return candidate > now.getFullYear() ? candidate - 100 : candidate;
}

function isBirthDate({ year, month, day }: DateParts, now: Date): boolean {
  if (year === undefined || month === undefined || day === undefined) return false;
  const first = Number(month);
  const second = Number(day);
  // Numeric dates may be month-first or day-first; either reading makes it a date.
  const valid = first >= 1 && second >= 1 && first <= 31 && second <= 31;
  if (!valid || Math.min(first, second) > 12) return false;
  return fullYear(year, now) <= now.getFullYear() - MIN_AGE_YEARS;
}

function maskCards(text: string): string {
  return text.replace(CARD, (match) => (luhnValid(match.replace(/\D/g, '')) ? '[CARD]' : match));
}

function maskSsns(text: string): string {
  return text.replace(SSN, '[SSN]').replace(LABELLED_SSN, '$1$2[SSN]');
}

function maskDates(text: string, now: Date): string {
  let masked = text.replace(LABELLED_DATE, '$1$2[DATE]');
  for (const { pattern, parts } of DATE_PATTERNS) {
    masked = masked.replace(pattern, (match: string, ...rest: unknown[]) => {
      const groups = rest.slice(0, -2).map((g) => (typeof g === 'string' ? g : undefined));
      return isBirthDate(parts(groups), now) ? '[DATE]' : match;
    });
  }
  return masked;
}

/**
 * Replaces personal data with placeholders: SSN-like numbers (`123-45-6789`, `123 45 6789`, or
 * nine digits after an SSN label) with `[SSN]`; Luhn-valid card numbers of 13–19 digits, with
 * or without spaces or dashes, with `[CARD]`; and birth dates with `[DATE]`. A date counts as a
 * birth date after a label (DOB, born, birthday…) or when it lies at least ten years back, so
 * appointment dates and deadlines stay readable.
 */
export function maskPersonalData(text: string, options: MaskOptions = {}): string {
  const now = options.now ?? new Date();
  return maskDates(maskSsns(maskCards(text)), now);
}
