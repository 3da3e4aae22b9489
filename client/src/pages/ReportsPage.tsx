import { createMemo } from 'solid-js';

import { OpenAgeReportCard } from '../components/reports/OpenAgeReportCard.jsx';
import { OptOutsReportCard } from '../components/reports/OptOutsReportCard.jsx';
import { RangePicker, shiftDay } from '../components/reports/RangePicker.jsx';
import { ResponseTimesReportCard } from '../components/reports/ResponseTimesReportCard.jsx';
import { VolumeReportCard } from '../components/reports/VolumeReportCard.jsx';
import { currentQuery, navigate } from '../lib/router.js';
import type { DayRange } from '../lib/reports-api.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Supervisor reports over a date range kept in the URL (`/reports?from=…&to=…`). */
export function ReportsPage() {
  const today = localToday();
  const range = createMemo<DayRange>(
    () => {
      const query = currentQuery();
      const to = query.get('to') ?? '';
      const from = query.get('from') ?? '';
      if (DAY.test(from) && DAY.test(to) && from <= to) return { from, to };
      return { from: shiftDay(today, -29), to: today };
    },
    { from: '', to: '' },
    { equals: (a, b) => a.from === b.from && a.to === b.to },
  );
  const handleRange = (next: DayRange) => navigate(`/reports?from=${next.from}&to=${next.to}`);

  return (
    <div class="page page-wide reports-page">
      <header class="page-header">
        <div>
          <h1 data-autofocus tabindex="-1">
            Reports
          </h1>
          <p class="page-intro">
            Texts, response times, open work and opt-outs. Days are counted in the office's time
            zone.
          </p>
        </div>
      </header>
      <RangePicker range={range()} today={today} onChange={handleRange} />
      <div class="report-grid">
        <VolumeReportCard range={range()} />
        <ResponseTimesReportCard range={range()} />
        <OpenAgeReportCard range={range()} />
        <OptOutsReportCard range={range()} />
      </div>
    </div>
  );
}
