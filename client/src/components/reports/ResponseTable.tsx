import { For } from 'solid-js';

import type { ResponseRow } from '@shared/reports.js';

import { formatSeconds } from '../../lib/reports-api.js';

interface ResponseTableProps {
  caption: string;
  rows: ResponseRow[];
  /** The longest p90 on the page: every inline bar is drawn on the same scale. */
  scale: number;
}

function WaitBar(props: { seconds: number | null; scale: number; p90?: boolean }) {
  const width = () =>
    props.seconds === null ? 0 : Math.max(2, (100 * props.seconds) / props.scale);
  return (
    <span class="wait-cell">
      <span class="wait-value">{formatSeconds(props.seconds)}</span>
      <span class="wait-track" aria-hidden="true">
        <span
          classList={{ 'wait-bar': true, 'wait-bar-p90': props.p90 === true }}
          style={{ width: `${width()}%` }}
        />
      </span>
    </span>
  );
}

/** Median and p90 of first responses and replies per row, each with a bar on one scale. */
export function ResponseTable(props: ResponseTableProps) {
  return (
    <div class="table-scroll" role="region" aria-label={props.caption} tabindex="0">
      <table class="report-table response-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">First responses</th>
            <th scope="col">Median first response</th>
            <th scope="col">
              <abbr title="90th percentile">p90</abbr> first response
            </th>
            <th scope="col">Replies</th>
            <th scope="col">Median reply</th>
            <th scope="col">
              <abbr title="90th percentile">p90</abbr> reply
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <th scope="row">{row.name}</th>
                <td>{row.firstResponse.count}</td>
                <td>
                  <WaitBar seconds={row.firstResponse.median} scale={props.scale} />
                </td>
                <td>
                  <WaitBar seconds={row.firstResponse.p90} scale={props.scale} p90 />
                </td>
                <td>{row.reply.count}</td>
                <td>
                  <WaitBar seconds={row.reply.median} scale={props.scale} />
                </td>
                <td>
                  <WaitBar seconds={row.reply.p90} scale={props.scale} p90 />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
