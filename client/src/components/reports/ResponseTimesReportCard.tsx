import { createResource } from 'solid-js';

import { getReport, reportCsvUrl, type DayRange } from '../../lib/reports-api.js';
import { ReportCard } from './ReportCard.jsx';
import { ResponseTable } from './ResponseTable.jsx';
import { ResponseTimesDefinition } from './ResponseTimesDefinition.jsx';
import { reportError, reportState } from './report-state.js';
import { responseTimesSummary } from './report-summaries.js';

/** First-response and reply times (median, 90th percentile) for office, teams and counselors. */
export function ResponseTimesReportCard(props: { range: DayRange }) {
  const [report, { refetch }] = createResource(
    () => ({ ...props.range }),
    (range) => getReport('response-times', range),
  );
  const rows = () => {
    const value = report.latest;
    return value ? [value.office, ...value.teams, ...value.counselors] : [];
  };
  const scale = () =>
    Math.max(1, ...rows().flatMap((row) => [row.firstResponse.p90 ?? 0, row.reply.p90 ?? 0]));
  const summary = () => {
    const value = report.latest;
    return value ? responseTimesSummary(value) : '';
  };

  return (
    <ReportCard
      id="response-times"
      title="Response times"
      summary={summary()}
      csvUrl={reportCsvUrl('response-times', props.range)}
      state={reportState(report, (value) => value.office.reply.count + value.unanswered === 0)}
      emptyText="No student texts waited for a reply in this range."
      errorText={reportError(report)}
      onRetry={() => void refetch()}
      definition={<ResponseTimesDefinition />}
      chart={() => (
        <ResponseTable
          caption="Response times per team and counselor"
          rows={rows()}
          scale={scale()}
        />
      )}
    />
  );
}
