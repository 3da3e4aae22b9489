import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  factories,
  signIn,
  startHarness,
  type Harness,
  type Staff,
} from '../../helpers/app-harness.js';

let h: Harness;
let supervisor: Staff;
let counselor: Staff;

beforeAll(async () => {
  h = await startHarness({ carrier: 'simulator' });
  const make = factories(h);
  const boss = await make.user({ name: 'Sam Supervisor', role: 'supervisor' });
  const staff = await make.user({ name: 'Cal Counselor' });
  supervisor = await signIn(h, boss.email);
  counselor = await signIn(h, staff.email);
});

afterAll(async () => {
  await h.close();
});

const NAMES = ['volume', 'response-times', 'open-age', 'opt-outs'];

describe('GET /api/reports/:name', () => {
  it('answers 401 without a session, for JSON and CSV', async () => {
    for (const name of NAMES) {
      for (const path of [`/api/reports/${name}`, `/api/reports/${name}.csv`]) {
        const res = await fetch(`${h.url}${path}`);
        expect(res.status, path).toBe(401);
      }
    }
  });

  it('answers 403 forbidden to a counselor', async () => {
    for (const name of NAMES) {
      const res = await counselor.get(`/api/reports/${name}?from=2025-03-01&to=2025-03-02`);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });

  it('refuses a date that is not a calendar day with 422 invalid_date', async () => {
    for (const query of ['from=2025-02-30&to=2025-03-02', 'from=yesterday', 'to=2025-3-1']) {
      const res = await supervisor.get(`/api/reports/volume?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.body.error.code).toBe('invalid_date');
    }
  });

  it('refuses from after to with 422 range_reversed', async () => {
    const res = await supervisor.get('/api/reports/opt-outs.csv?from=2025-03-10&to=2025-03-09');

    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('range_reversed');
  });

  it('takes 366 days and refuses 367 with 422 range_too_long', async () => {
    const longest = await supervisor.get('/api/reports/volume?from=2024-01-01&to=2024-12-31');
    const over = await supervisor.get('/api/reports/response-times?from=2024-01-01&to=2025-01-01');

    expect(longest.status).toBe(200);
    expect(longest.body.days).toHaveLength(366);
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('range_too_long');
  });

  it('answers 404 for a report that does not exist', async () => {
    const res = await supervisor.get('/api/reports/payroll');

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('defaults to the 30 days ending today in the office time zone', async () => {
    const res = await supervisor.get('/api/reports/volume');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(
      new Date(),
    );

    expect(res.status).toBe(200);
    expect(res.body.days).toHaveLength(30);
    expect(res.body.range.to).toBe(today);
    expect(res.body.range.timezone).toBe('America/New_York');
  });
});
