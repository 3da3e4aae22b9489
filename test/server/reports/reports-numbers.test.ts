import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  factories,
  signIn,
  startHarness,
  type Harness,
  type Staff,
} from '../../helpers/app-harness.js';
import { REPORT_NOW, seedReportDataset } from '../../helpers/report-dataset.js';

/**
 * Every number below was worked out by hand from test/helpers/report-dataset.ts (the comments
 * there name the threads C1–C11). Days are New York days; 9 March 2025 has 23 hours.
 */
let h: Harness;
let sue: Staff;

beforeAll(async () => {
  h = await startHarness({ carrier: 'simulator', app: { clock: { now: () => REPORT_NOW } } });
  const staff = await seedReportDataset(h);
  sue = await signIn(h, staff.sue.email);
});

afterAll(async () => {
  await h.close();
});

const stats = (count: number, median: number | null, p90: number | null) => ({
  count,
  median,
  p90,
});

describe('GET /api/reports/volume', () => {
  it('counts texts in and out per office day, zero days included', async () => {
    const res = await sue.get('/api/reports/volume?from=2025-03-06&to=2025-03-12');

    expect(res.status).toBe(200);
    expect(res.body.range).toEqual({
      from: '2025-03-06',
      to: '2025-03-12',
      timezone: 'America/New_York',
    });
    expect(res.body.days).toEqual([
      { day: '2025-03-06', inbound: 0, outbound: 0 },
      // C5's first text, 04:59Z on the 8th, is 23:59 on the 7th in New York.
      { day: '2025-03-07', inbound: 1, outbound: 0 },
      { day: '2025-03-08', inbound: 2, outbound: 2 },
      // 05:00Z on the 9th to 04:00Z on the 10th; Ben's 04:09Z text belongs to the 10th.
      { day: '2025-03-09', inbound: 2, outbound: 2 },
      { day: '2025-03-10', inbound: 5, outbound: 4 },
      // The bot's text counts as a text out; the reopening line and the note do not.
      { day: '2025-03-11', inbound: 2, outbound: 3 },
      { day: '2025-03-12', inbound: 5, outbound: 1 },
    ]);
    expect(res.body.totals).toEqual({ inbound: 17, outbound: 12 });
  });

  it('follows the office time zone setting', async () => {
    const admin = await signInAdmin();
    await admin.put('/api/settings', { timezone: 'UTC' });
    const res = await sue.get('/api/reports/volume?from=2025-03-09&to=2025-03-10');
    await admin.put('/api/settings', { timezone: 'America/New_York' });

    expect(res.body.range.timezone).toBe('UTC');
    expect(res.body.days).toEqual([
      { day: '2025-03-09', inbound: 2, outbound: 3 },
      { day: '2025-03-10', inbound: 6, outbound: 4 },
    ]);
  });

  it('writes the same numbers as CSV, as a download', async () => {
    const res = await fetch(`${h.url}/api/reports/volume.csv?from=2025-03-06&to=2025-03-08`, {
      headers: { cookie: sue.cookie },
    });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="switchboard-volume-2025-03-06-to-2025-03-08.csv"',
    );
    expect(await res.text()).toBe(
      'day,texts_in,texts_out\r\n2025-03-06,0,0\r\n2025-03-07,1,0\r\n2025-03-08,2,2\r\n',
    );
  });
});

describe('GET /api/reports/response-times', () => {
  it('gives medians and p90s for the office, teams and counselors', async () => {
    const res = await sue.get('/api/reports/response-times?from=2025-03-08&to=2025-03-12');

    expect(res.status).toBe(200);
    // Replies (s): Ana 60, 600, 1800; Ben 600, 1800, 7200, 21600; Sue 180.
    // First responses: Ana 600 (C1); Ben 1800 (C2), 7200 (C4 reopened), 21600 (C8); Sue 180.
    expect(res.body.office).toEqual({
      id: null,
      name: 'Whole office',
      firstResponse: stats(5, 1800, 21600),
      reply: stats(8, 600, 21600),
    });
    expect(res.body.counselors.map((row: { name: string }) => row.name)).toEqual([
      'Ana Alvarez',
      'Ben Brooks',
      'Sue Super',
    ]);
    expect(res.body.counselors.map(pickStats)).toEqual([
      [stats(1, 600, 600), stats(3, 600, 1800)],
      [stats(3, 7200, 21600), stats(4, 1800, 21600)],
      [stats(1, 180, 180), stats(1, 180, 180)],
    ]);
    expect(res.body.teams.map((row: { name: string }) => row.name)).toEqual([
      'Admissions',
      'Housing',
    ]);
    expect(res.body.teams.map(pickStats)).toEqual([
      [stats(1, 600, 600), stats(3, 600, 1800)],
      [stats(4, 1800, 21600), stats(7, 1800, 21600)],
    ]);
    // C2 15:30, C3 06:00, C5 21:00, C7 (bot only), C8 20:00, C9, C11.
    expect(res.body.unanswered).toBe(7);
  });

  it('picks waits by the student text’s day: one more day adds C5’s wait', async () => {
    const res = await sue.get('/api/reports/response-times?from=2025-03-07&to=2025-03-12');
    const ana = res.body.counselors.find((row: { name: string }) => row.name === 'Ana Alvarez');

    // 04:59Z on the 8th to Ana's 20:00Z reply: 15 h 1 min.
    expect(ana.firstResponse).toEqual(stats(2, 600, 54060));
    expect(ana.reply).toEqual(stats(4, 600, 54060));
  });

  it('writes the rows as CSV: office, then teams, then counselors', async () => {
    const res = await fetch(
      `${h.url}/api/reports/response-times.csv?from=2025-03-08&to=2025-03-12`,
      { headers: { cookie: sue.cookie } },
    );

    expect(await res.text()).toBe(
      [
        'group,name,first_responses,first_response_median_seconds,first_response_p90_seconds,' +
          'replies,reply_median_seconds,reply_p90_seconds',
        'office,Whole office,5,1800,21600,8,600,21600',
        'team,Admissions,1,600,600,3,600,1800',
        'team,Housing,4,1800,21600,7,1800,21600',
        'counselor,Ana Alvarez,1,600,600,3,600,1800',
        'counselor,Ben Brooks,3,7200,21600,4,1800,21600',
        'counselor,Sue Super,1,180,180,1,180,180',
        '',
      ].join('\r\n'),
    );
  });
});

describe('GET /api/reports/open-age', () => {
  it('buckets open threads by their oldest unanswered student text, as of now', async () => {
    const res = await sue.get('/api/reports/open-age');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      asOf: REPORT_NOW.toISOString(),
      buckets: [
        { bucket: '< 1 h', count: 2 },
        { bucket: '1–4 h', count: 1 },
        { bucket: '4–24 h', count: 1 },
        { bucket: '1–3 d', count: 1 },
        { bucket: '3–7 d', count: 1 },
        { bucket: '> 7 d', count: 1 },
      ],
      waiting: 7,
      answered: 1,
    });
  });

  it('writes the buckets as CSV, named for the day', async () => {
    const res = await fetch(`${h.url}/api/reports/open-age.csv`, {
      headers: { cookie: sue.cookie },
    });

    expect(res.headers.get('content-disposition')).toContain('switchboard-open-age-2025-03-12.csv');
    expect(await res.text()).toBe(
      'waiting_since,open_conversations\r\n< 1 h,2\r\n1–4 h,1\r\n4–24 h,1\r\n1–3 d,1\r\n' +
        '3–7 d,1\r\n> 7 d,1\r\nanswered,1\r\n',
    );
  });
});

describe('GET /api/reports/opt-outs', () => {
  it('counts opt-outs and opt-ins per office day', async () => {
    const res = await sue.get('/api/reports/opt-outs?from=2025-03-06&to=2025-03-12');

    expect(res.body.days).toEqual([
      { day: '2025-03-06', optOuts: 0, optIns: 0 },
      { day: '2025-03-07', optOuts: 0, optIns: 0 },
      { day: '2025-03-08', optOuts: 1, optIns: 0 },
      { day: '2025-03-09', optOuts: 1, optIns: 0 },
      { day: '2025-03-10', optOuts: 0, optIns: 1 },
      { day: '2025-03-11', optOuts: 0, optIns: 0 },
      { day: '2025-03-12', optOuts: 1, optIns: 0 },
    ]);
    expect(res.body.totals).toEqual({ optOuts: 3, optIns: 1 });
  });

  it('writes the days as CSV', async () => {
    const res = await fetch(`${h.url}/api/reports/opt-outs.csv?from=2025-03-09&to=2025-03-10`, {
      headers: { cookie: sue.cookie },
    });

    expect(await res.text()).toBe('day,opt_outs,opt_ins\r\n2025-03-09,1,0\r\n2025-03-10,0,1\r\n');
  });
});

function pickStats(row: { firstResponse: unknown; reply: unknown }) {
  return [row.firstResponse, row.reply];
}

async function signInAdmin(): Promise<Staff> {
  const admin = await factories(h).user({ name: 'Ada Admin', role: 'admin' });
  return signIn(h, admin.email);
}
