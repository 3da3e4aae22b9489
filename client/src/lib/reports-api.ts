import type { ReportName, ReportsByName } from '@shared/reports.js';

import { request } from './api.js';

export interface DayRange {
  from: string;
  to: string;
}

const query = (range: DayRange) =>
  `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;

export const getReport = <N extends ReportName>(name: N, range: DayRange) =>
  request<ReportsByName[N]>('GET', `/api/reports/${name}?${query(range)}`);

/** The report's CSV download; the server names the file. */
export const reportCsvUrl = (name: ReportName, range: DayRange) =>
  `/api/reports/${name}.csv?${query(range)}`;

/** "2 h 5 min", "45 s", "3 d 4 h": a duration in seconds, in its two largest units. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  const units: Array<[number, string]> = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  const parts: string[] = [];
  let left = Math.round(seconds);
  for (const [size, name] of units) {
    if (left >= size && parts.length < 2) {
      parts.push(`${Math.floor(left / size)} ${name}`);
      left %= size;
    } else if (parts.length) break;
  }
  return parts.length ? parts.join(' ') : '0 s';
}

const WEEKDAY = { short: 'short', long: 'long', axis: undefined } as const;

/** "Mon 10 Mar" for an office day `YYYY-MM-DD`; `axis` drops the weekday ("10 Mar"). */
export function formatDay(day: string, style: keyof typeof WEEKDAY = 'short'): string {
  const date = new Date(`${day}T12:00:00Z`);
  return new Intl.DateTimeFormat(undefined, {
    timeZone: 'UTC',
    weekday: WEEKDAY[style],
    day: 'numeric',
    month: 'short',
  }).format(date);
}
