import type {
  OpenAgeReport,
  OptOutsReport,
  ResponseTimesReport,
  VolumeReport,
} from '@shared/reports.js';

import { plural } from '../../lib/format.js';
import { formatSeconds } from '../../lib/reports-api.js';

/** The one-line readings above each report's chart, counted nouns in the right number. */
export const volumeSummary = (totals: VolumeReport['totals']) =>
  `${plural(totals.inbound, 'text')} in, ${totals.outbound} out.`;

export function responseTimesSummary(
  report: Pick<ResponseTimesReport, 'office' | 'unanswered'>,
): string {
  const { firstResponse, reply } = report.office;
  return (
    `Median first response ${formatSeconds(firstResponse.median)}, ` +
    `median reply ${formatSeconds(reply.median)} ` +
    `over ${plural(reply.count, 'reply', 'replies')}; ${report.unanswered} still unanswered.`
  );
}

export function openAgeSummary(report: Pick<OpenAgeReport, 'waiting' | 'answered'>): string {
  const are = report.waiting === 1 ? 'is' : 'are';
  const open = plural(report.waiting, 'open conversation');
  return `${open} ${are} waiting for a reply; ${report.answered} answered.`;
}

export const optOutsSummary = (totals: OptOutsReport['totals']) =>
  `${plural(totals.optOuts, 'opt-out')}, ${plural(totals.optIns, 'opt-in')}.`;
