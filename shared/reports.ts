/**
 * Supervisor reports: their names and the shapes `GET /api/reports/<name>` answers with. Days are
 * `YYYY-MM-DD` calendar days in the office's time zone; durations are whole seconds.
 */

export const REPORT_NAMES = ['volume', 'response-times', 'open-age', 'opt-outs'] as const;

export type ReportName = (typeof REPORT_NAMES)[number];

/** The longest range a report accepts, in days, both ends included. */
export const MAX_REPORT_DAYS = 366;

export interface ReportRange {
  from: string;
  to: string;
  timezone: string;
}

export interface VolumeDay {
  day: string;
  inbound: number;
  outbound: number;
}

export interface VolumeReport {
  range: ReportRange;
  days: VolumeDay[];
  totals: { inbound: number; outbound: number };
}

/** Median and 90th percentile (nearest rank) of a set of waits; null when there are none. */
export interface WaitStats {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface ResponseRow {
  /** A user id, a team id, or null for the whole office. */
  id: number | null;
  name: string;
  firstResponse: WaitStats;
  reply: WaitStats;
}

export interface ResponseTimesReport {
  range: ReportRange;
  office: ResponseRow;
  counselors: ResponseRow[];
  teams: ResponseRow[];
  /** Waits that began in the range and have no reply by a person yet. */
  unanswered: number;
}

/** Open-age buckets: each holds ages from the previous bound (included) to its own (excluded). */
export const AGE_BUCKETS = ['< 1 h', '1–4 h', '4–24 h', '1–3 d', '3–7 d', '> 7 d'] as const;

export type OpenAgeBucket = (typeof AGE_BUCKETS)[number];

export interface OpenAgeReport {
  asOf: string;
  /** Open conversations whose student is waiting, by time since their oldest unanswered text. */
  buckets: Array<{ bucket: OpenAgeBucket; count: number }>;
  waiting: number;
  /** Open conversations whose last text from the student has been answered by a person. */
  answered: number;
}

export interface OptOutDay {
  day: string;
  optOuts: number;
  optIns: number;
}

export interface OptOutsReport {
  range: ReportRange;
  days: OptOutDay[];
  totals: { optOuts: number; optIns: number };
}

export interface ReportsByName {
  volume: VolumeReport;
  'response-times': ResponseTimesReport;
  'open-age': OpenAgeReport;
  'opt-outs': OptOutsReport;
}
