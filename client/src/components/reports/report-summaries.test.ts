import { describe, expect, it } from 'vitest';

import type { ResponseRow } from '@shared/reports.js';

import {
  openAgeSummary,
  optOutsSummary,
  responseTimesSummary,
  volumeSummary,
} from './report-summaries.js';

const office = (replies: number): ResponseRow => ({
  id: null,
  name: 'Office',
  firstResponse: { count: replies, median: 1_800, p90: 3_600 },
  reply: { count: replies, median: 600, p90: 900 },
});

describe('report summaries', () => {
  it('says one reply, one text, one conversation and one opt-out in the singular', () => {
    expect(responseTimesSummary({ office: office(1), unanswered: 1 })).toBe(
      'Median first response 30 min, median reply 10 min over 1 reply; 1 still unanswered.',
    );
    expect(volumeSummary({ inbound: 1, outbound: 1 })).toBe('1 text in, 1 out.');
    expect(openAgeSummary({ waiting: 1, answered: 1 })).toBe(
      '1 open conversation is waiting for a reply; 1 answered.',
    );
    expect(optOutsSummary({ optOuts: 1, optIns: 1 })).toBe('1 opt-out, 1 opt-in.');
  });

  it('uses the plural for none and for many', () => {
    expect(responseTimesSummary({ office: office(0), unanswered: 0 })).toContain(
      'over 0 replies; 0 still',
    );
    expect(responseTimesSummary({ office: office(8), unanswered: 7 })).toContain('over 8 replies');
    expect(volumeSummary({ inbound: 0, outbound: 3 })).toBe('0 texts in, 3 out.');
    expect(volumeSummary({ inbound: 16, outbound: 12 })).toBe('16 texts in, 12 out.');
    expect(openAgeSummary({ waiting: 0, answered: 2 })).toBe(
      '0 open conversations are waiting for a reply; 2 answered.',
    );
    expect(openAgeSummary({ waiting: 7, answered: 1 })).toBe(
      '7 open conversations are waiting for a reply; 1 answered.',
    );
    expect(optOutsSummary({ optOuts: 3, optIns: 0 })).toBe('3 opt-outs, 0 opt-ins.');
  });
});
