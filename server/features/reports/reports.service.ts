import {
  AGE_BUCKETS,
  type OpenAgeBucket,
  type OpenAgeReport,
  type OptOutsReport,
  type ReportRange,
  type ResponseTimesReport,
  type VolumeReport,
} from '@shared/reports.js';

import type { Deps } from '../../context.js';
import { getSettings } from '../admin/settings.js';
import { officeDays } from './office-days.js';
import { ReportQueries } from './reports.queries.js';
import { responseRows } from './response-times.js';

const HOUR = 3_600_000;
/** Upper bounds of the open-age buckets, in hours, in AGE_BUCKETS order. */
const BUCKET_LIMITS = [1, 4, 24, 72, 168, Infinity];

function bucketOf(ageMs: number): OpenAgeBucket {
  const index = BUCKET_LIMITS.findIndex((limit) => ageMs < limit * HOUR);
  return AGE_BUCKETS[index] ?? '> 7 d';
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
    const counts = new Map<OpenAgeBucket, number>(AGE_BUCKETS.map((name) => [name, 0]));
    let answered = 0;
    for (const thread of this.queries.waitingSince()) {
      if (thread.since === null) {
        answered += 1;
        continue;
      }
      const bucket = bucketOf(now.getTime() - Date.parse(thread.since));
      counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    }
    const buckets = AGE_BUCKETS.map((bucket) => ({ bucket, count: counts.get(bucket) ?? 0 }));
    const waiting = buckets.reduce((sum, entry) => sum + entry.count, 0);
    return { asOf: now.toISOString(), buckets, waiting, answered };
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
