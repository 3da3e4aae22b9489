import { MAX_REPORT_DAYS } from '@shared/reports.js';

import { errors } from '../../lib/errors.js';
import { parse, z } from '../../lib/validate.js';
import { dayCount } from './office-days.js';

const DEFAULT_DAYS = 30;

const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => {
    const ms = Date.parse(`${day}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
  });

const rangeQuery = z.object({
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
});

function checkDay(value: string, field: 'from' | 'to'): string {
  if (calendarDay.safeParse(value).success) return value;
  throw errors.unprocessable(
    'invalid_date',
    `${field} must be a calendar day written YYYY-MM-DD.`,
    { field },
  );
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The `from`/`to` query of a report. `to` defaults to `today` (the office's current day) and
 * `from` to 30 days ending at `to`; a reversed or over-long range is a 422 with a stable code.
 */
export function parseRange(query: unknown, today: string): { from: string; to: string } {
  const raw = parse(rangeQuery, query);
  const to = raw.to === undefined ? today : checkDay(raw.to, 'to');
  const from = raw.from === undefined ? shiftDay(to, 1 - DEFAULT_DAYS) : checkDay(raw.from, 'from');

  if (from > to) {
    throw errors.unprocessable('range_reversed', 'from must be on or before to.');
  }
  if (dayCount(from, to) > MAX_REPORT_DAYS) {
    throw errors.unprocessable(
      'range_too_long',
      `A report covers at most ${MAX_REPORT_DAYS} days.`,
      { maxDays: MAX_REPORT_DAYS },
    );
  }
  return { from, to };
}
