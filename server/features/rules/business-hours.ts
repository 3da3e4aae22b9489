import type { BusinessHoursSlot } from '@shared/automation.js';

import { z } from '../../lib/validate.js';

const clock = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time such as 09:00 (24:00 for midnight)');

/** The office's opening hours: a list of (weekday, start, end) in the office's time zone. */
export const businessHoursSchema = z
  .array(
    z
      .object({ day: z.number().int().min(0).max(6), start: clock, end: clock })
      .strict()
      .refine((slot) => slot.start < slot.end, 'a slot must end after it starts'),
  )
  .max(21);

/** Monday to Friday, 9 to 5. */
export const DEFAULT_BUSINESS_HOURS: BusinessHoursSlot[] = [1, 2, 3, 4, 5].map((day) => ({
  day,
  start: '09:00',
  end: '17:00',
}));

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The weekday (0 is Sunday) and `HH:MM` of an instant on the wall clock of a time zone. */
export function wallClock(at: Date, timeZone: string): { day: number; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: WEEKDAYS.indexOf(part('weekday')), time: `${part('hour')}:${part('minute')}` };
}

/** True when `at` falls inside one of the slots, read in the office's time zone. */
export function isWithinBusinessHours(
  slots: readonly BusinessHoursSlot[],
  timeZone: string,
  at: Date,
): boolean {
  const { day, time } = wallClock(at, timeZone);
  return slots.some((slot) => slot.day === day && slot.start <= time && time < slot.end);
}
