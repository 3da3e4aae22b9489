import type { JSX } from 'solid-js';
import { Show } from 'solid-js';

import { ListState } from '../common/ListState.jsx';

interface ReportCardProps {
  id: string;
  title: string;
  /** One sentence with the headline numbers, or null while there is nothing to say. */
  summary: string | null;
  csvUrl: string;
  state: 'loading' | 'error' | 'empty' | 'ready';
  emptyText: string;
  errorText: string;
  onRetry: () => void;
  /** A line saying how the numbers are counted. */
  definition: JSX.Element;
  chart: () => JSX.Element;
  /** The chart's numbers as a table, folded away; left out when the chart is a table. */
  table?: () => JSX.Element;
}

/** One report: heading, summary, chart, its numbers as a table, and a CSV download. */
export function ReportCard(props: ReportCardProps) {
  const headingId = () => `${props.id}-heading`;
  return (
    <section class="report-card" aria-labelledby={headingId()}>
      <header class="report-card-header">
        <h2 id={headingId()}>{props.title}</h2>
        <a class="button button-small report-csv" href={props.csvUrl} download="">
          Download CSV<span class="sr-only"> of {props.title.toLowerCase()}</span>
        </a>
      </header>
      <div class="report-definition">{props.definition}</div>
      <Show
        when={props.state === 'ready'}
        fallback={
          <ListState
            kind={props.state === 'ready' ? 'empty' : props.state}
            message={
              props.state === 'loading'
                ? `Loading ${props.title.toLowerCase()}…`
                : props.state === 'error'
                  ? props.errorText
                  : props.emptyText
            }
            onRetry={props.onRetry}
          />
        }
      >
        <p class="report-summary" data-testid={`${props.id}-summary`}>
          {props.summary}
        </p>
        {props.chart()}
        <Show when={props.table}>
          {(table) => (
            <details class="report-details">
              <summary>Show the numbers as a table</summary>
              {table()()}
            </details>
          )}
        </Show>
      </Show>
    </section>
  );
}
