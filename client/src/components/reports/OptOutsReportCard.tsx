import { createResource } from 'solid-js';

import { getReport, reportCsvUrl, type DayRange } from '../../lib/reports-api.js';
import { DayBarsChart } from './DayBarsChart.jsx';
import { DayTable } from './DayTable.jsx';
import { ReportCard } from './ReportCard.jsx';
import { reportError, reportState } from './report-state.js';
import { optOutsSummary } from './report-summaries.js';

const OPT_OUT_DEFINITION =
  'Each STOP keyword, carrier opt-out or manual unsubscribe, and each opt-back-in, per day.';

/** Opt-outs and opt-ins per office day, from the consent history. */
export function OptOutsReportCard(props: { range: DayRange }) {
  const [report, { refetch }] = createResource(
    () => ({ ...props.range }),
    (range) => getReport('opt-outs', range),
  );
  const days = () => report.latest?.days ?? [];
  const totals = () => report.latest?.totals ?? { optOuts: 0, optIns: 0 };
  const summary = () => optOutsSummary(totals());

  return (
    <ReportCard
      id="opt-outs"
      title="Opt-outs over time"
      summary={summary()}
      csvUrl={reportCsvUrl('opt-outs', props.range)}
      state={reportState(report, (value) => value.totals.optOuts + value.totals.optIns === 0)}
      emptyText="No opt-outs or opt-ins in this range."
      errorText={reportError(report)}
      onRetry={() => void refetch()}
      definition={OPT_OUT_DEFINITION}
      chart={() => (
        <DayBarsChart
          id="opt-outs-chart"
          label={`Opt-outs and opt-ins per day: ${summary()}`}
          days={days().map((day) => day.day)}
          series={[
            { label: 'Opt-outs', hatched: false, values: days().map((day) => day.optOuts) },
            { label: 'Opt-ins', hatched: true, values: days().map((day) => day.optIns) },
          ]}
        />
      )}
      table={() => (
        <DayTable
          caption="Opt-outs and opt-ins per day"
          columns={['Opt-outs', 'Opt-ins']}
          rows={days().map((day) => ({ day: day.day, values: [day.optOuts, day.optIns] }))}
        />
      )}
    />
  );
}
