import { createResource } from 'solid-js';

import { getReport, reportCsvUrl, type DayRange } from '../../lib/reports-api.js';
import { DayBarsChart } from './DayBarsChart.jsx';
import { DayTable } from './DayTable.jsx';
import { ReportCard } from './ReportCard.jsx';
import { reportError, reportState } from './report-state.js';
import { volumeSummary } from './report-summaries.js';

const VOLUME_DEFINITION =
  'Every text students sent and the office sent (automatic replies included), per day in the ' +
  "office's time zone.";

/** Texts in and out per office day. */
export function VolumeReportCard(props: { range: DayRange }) {
  const [report, { refetch }] = createResource(
    () => ({ ...props.range }),
    (range) => getReport('volume', range),
  );
  const days = () => report.latest?.days ?? [];
  const totals = () => report.latest?.totals ?? { inbound: 0, outbound: 0 };
  const summary = () => volumeSummary(totals());

  return (
    <ReportCard
      id="volume"
      title="Texts in and out"
      summary={summary()}
      csvUrl={reportCsvUrl('volume', props.range)}
      state={reportState(report, (value) => value.totals.inbound + value.totals.outbound === 0)}
      emptyText="No texts in this range."
      errorText={reportError(report)}
      onRetry={() => void refetch()}
      definition={VOLUME_DEFINITION}
      chart={() => (
        <DayBarsChart
          id="volume-chart"
          label={`Texts per day: ${summary()}`}
          days={days().map((day) => day.day)}
          series={[
            { label: 'Texts in', hatched: false, values: days().map((day) => day.inbound) },
            { label: 'Texts out', hatched: true, values: days().map((day) => day.outbound) },
          ]}
        />
      )}
      table={() => (
        <DayTable
          caption="Texts in and out per day"
          columns={['Texts in', 'Texts out']}
          rows={days().map((day) => ({ day: day.day, values: [day.inbound, day.outbound] }))}
        />
      )}
    />
  );
}
