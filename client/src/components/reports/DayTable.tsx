import { For } from 'solid-js';

import { formatDay } from '../../lib/reports-api.js';

interface DayTableProps {
  caption: string;
  columns: [string, string];
  rows: Array<{ day: string; values: [number, number] }>;
}

/** A report's numbers per day, as the accessible alternative to its chart. */
export function DayTable(props: DayTableProps) {
  return (
    <div class="table-scroll" role="region" aria-label={props.caption} tabindex="0">
      <table class="report-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">{props.columns[0]}</th>
            <th scope="col">{props.columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <th scope="row">
                  <time datetime={row.day}>{formatDay(row.day, 'long')}</time>
                </th>
                <td>{row.values[0]}</td>
                <td>{row.values[1]}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
