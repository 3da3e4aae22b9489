import type { ReportName, ReportsByName, ResponseRow } from '@shared/reports.js';

import { formatCsv } from '../../lib/csv.js';

type Cell = string | number | null;

function responseCells(group: string, row: ResponseRow): Cell[] {
  const { firstResponse: first, reply } = row;
  return [
    group,
    row.name,
    first.count,
    first.median,
    first.p90,
    reply.count,
    reply.median,
    reply.p90,
  ];
}

const writers: { [N in ReportName]: (report: ReportsByName[N]) => Cell[][] } = {
  volume: (report) => [
    ['day', 'texts_in', 'texts_out'],
    ...report.days.map((day) => [day.day, day.inbound, day.outbound]),
  ],
  'response-times': (report) => [
    [
      'group',
      'name',
      'first_responses',
      'first_response_median_seconds',
      'first_response_p90_seconds',
      'replies',
      'reply_median_seconds',
      'reply_p90_seconds',
    ],
    responseCells('office', report.office),
    ...report.teams.map((row) => responseCells('team', row)),
    ...report.counselors.map((row) => responseCells('counselor', row)),
  ],
  'open-age': (report) => [
    ['waiting_since', 'open_conversations'],
    ...report.buckets.map((entry) => [entry.bucket, entry.count]),
    ['answered', report.answered],
  ],
  'opt-outs': (report) => [
    ['day', 'opt_outs', 'opt_ins'],
    ...report.days.map((day) => [day.day, day.optOuts, day.optIns]),
  ],
};

/** A report as CSV: one header row, then one row per day, group or bucket. */
export function reportCsv<N extends ReportName>(name: N, report: ReportsByName[N]): string {
  return formatCsv(writers[name](report));
}
