const DAY_MS = 86_400_000;

/** One calendar day in the office's time zone and the UTC instants it runs between. */
export interface OfficeDay {
  day: string;
  start: string;
  end: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at `ms`, in milliseconds. */
function zoneOffset(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(ms))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The UTC instant of local midnight starting `day` (YYYY-MM-DD) in `timeZone`. */
export function zoneMidnight(day: string, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00.000Z`);
  const first = wall - zoneOffset(wall, timeZone);
  // A second pass settles days whose offset differs from the guess's (daylight saving).
  return wall - zoneOffset(first, timeZone);
}

/** Each calendar day from `from` to `to` (both included), with its UTC bounds. */
export function officeDays(from: string, to: string, timeZone: string): OfficeDay[] {
  const days: OfficeDay[] = [];
  const last = Date.parse(`${to}T00:00:00.000Z`);
  for (let wall = Date.parse(`${from}T00:00:00.000Z`); wall <= last; wall += DAY_MS) {
    const day = new Date(wall).toISOString().slice(0, 10);
    const next = new Date(wall + DAY_MS).toISOString().slice(0, 10);
    days.push({
      day,
      start: new Date(zoneMidnight(day, timeZone)).toISOString(),
      end: new Date(zoneMidnight(next, timeZone)).toISOString(),
    });
  }
  return days;
}

/** The number of calendar days from `from` to `to`, both included. */
export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}
