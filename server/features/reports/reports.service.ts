import {
  AGE_BUCKETS,
  type OpenAgeReport,
  type OptOutsReport,
  type ReportRange,
  type ResponseTimesReport,
  type VolumeReport,
} from '@shared/reports.js';

import type { Deps } from '../../context.js';
import { getSettings } from '../admin/settings.js';
import { officeDays } from './office-days.js';
import { ReportQueries, type AgeBounds } from './reports.queries.js';
import { responseRows } from './response-times.js';

const HOUR = 3_600_000;

/** The open-age bucket bounds as of `now`: a wait younger than an hour started after `h1`. */
function ageBounds(now: Date): AgeBounds {
  const before = (hours: number) => new Date(now.getTime() - hours * HOUR).toISOString();
  return { h1: before(1), h4: before(4), h24: before(24), h72: before(72), h168: before(168) };
}

/** The four supervisor reports; days are calendar days in the office's time zone. */
export class ReportsService {
  private readonly queries: ReportQueries;

  constructor(private readonly deps: Deps) {
    this.queries = new ReportQueries(deps);
  }

  timezone(): string {
    return getSettings(this.deps).timezone;
  }

  /** Today's date (YYYY-MM-DD) in the office's time zone. */
  today(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: this.timezone() }).format(
      this.deps.clock.now(),
    );
  }

  volume(range: { from: string; to: string }): VolumeReport {
    const days = this.queries.volume(officeDays(range.from, range.to, this.timezone()));
    const totals = { inbound: 0, outbound: 0 };
    for (const day of days) {
      totals.inbound += day.inbound;
      totals.outbound += day.outbound;
    }
    return { range: this.range(range), days, totals };
  }

  responseTimes(range: { from: string; to: string }): ResponseTimesReport {
    const days = officeDays(range.from, range.to, this.timezone());
    const start = days[0]?.start ?? '';
    const end = days[days.length - 1]?.end ?? '';
    const rows = responseRows(this.queries.waits(start, end), this.queries.directory());
    return { range: this.range(range), ...rows };
  }

  openAge(): OpenAgeReport {
    const now = this.deps.clock.now();
    const counts = new Map(this.queries.openAge(ageBounds(now)).map((r) => [r.bucket, r.count]));
    const buckets = AGE_BUCKETS.map((bucket, index) => ({ bucket, count: counts.get(index) ?? 0 }));
    const waiting = buckets.reduce((sum, entry) => sum + entry.count, 0);
    return { asOf: now.toISOString(), buckets, waiting, answered: counts.get(-1) ?? 0 };
  }

  optOuts(range: { from: string; to: string }): OptOutsReport {
    const days = this.queries.optOuts(officeDays(range.from, range.to, this.timezone()));
    const totals = { optOuts: 0, optIns: 0 };
    for (const day of days) {
      totals.optOuts += day.optOuts;
      totals.optIns += day.optIns;
    }
    return { range: this.range(range), days, totals };
  }

  private range(range: { from: string; to: string }): ReportRange {
    return { ...range, timezone: this.timezone() };
  }
}
