import { createResource, For } from 'solid-js';

import { getReport, reportCsvUrl, type DayRange } from '../../lib/reports-api.js';
import { CategoryBarsChart } from './CategoryBarsChart.jsx';
import { ReportCard } from './ReportCard.jsx';
import { reportError, reportState } from './report-state.js';
import { openAgeSummary } from './report-summaries.js';

const AGE_DEFINITION =
  "As of now, whatever the range: each open conversation by the time since the student's " +
  'oldest text that no person has answered. Answered ones are counted apart.';

/** Open conversations by how long their student has been waiting, as of now. */
export function OpenAgeReportCard(props: { range: DayRange }) {
  const [report, { refetch }] = createResource(() => getReport('open-age', props.range));
  const buckets = () => report.latest?.buckets ?? [];
  const summary = () => {
    const value = report.latest;
    return value ? openAgeSummary(value) : '';
  };

  return (
    <ReportCard
      id="open-age"
      title="Open conversations by age"
      summary={summary()}
      csvUrl={reportCsvUrl('open-age', props.range)}
      state={reportState(report, (value) => value.waiting + value.answered === 0)}
      emptyText="No open conversations right now."
      errorText={reportError(report)}
      onRetry={() => void refetch()}
      definition={AGE_DEFINITION}
      chart={() => (
        <CategoryBarsChart
          label={`Open conversations waiting, by age: ${summary()}`}
          bars={buckets().map((entry) => ({ label: entry.bucket, value: entry.count }))}
        />
      )}
      table={() => (
        <div
          class="table-scroll"
          role="region"
          aria-label="Open conversations by waiting time"
          tabindex="0"
        >
          <table class="report-table">
            <caption>Open conversations by waiting time</caption>
            <thead>
              <tr>
                <th scope="col">Waiting</th>
                <th scope="col">Conversations</th>
              </tr>
            </thead>
            <tbody>
              <For each={buckets()}>
                {(entry) => (
                  <tr>
                    <th scope="row">{entry.bucket}</th>
                    <td>{entry.count}</td>
                  </tr>
                )}
              </For>
              <tr>
                <th scope="row">Answered (not waiting)</th>
                <td>{report.latest?.answered ?? 0}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    />
  );
}
