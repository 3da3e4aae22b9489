import { readFile } from 'node:fs/promises';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PASSWORD, startHarness, type Harness } from '../helpers/app-harness.js';
import {
  launchBrowser,
  screenshot,
  signInThroughUi,
  type TestBrowser,
} from '../helpers/browser.js';
import { seedReportDataset } from '../helpers/report-dataset.js';

let h: Harness;
let browser: TestBrowser;
let staff: Awaited<ReturnType<typeof seedReportDataset>>;

const RANGE = '/reports?from=2025-03-08&to=2025-03-12';
const summary = (page: Page, id: string) => page.getByTestId(`${id}-summary`);

beforeAll(async () => {
  h = await startHarness({ carrier: 'simulator' });
  staff = await seedReportDataset(h);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

async function supervisorPage(
  viewport = { width: 1440, height: 900 },
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const page = await browser.newPage({ viewport, colorScheme });
  await signInThroughUi(page, h.url, staff.sue.email, PASSWORD);
  return page;
}

describe('the reports page', () => {
  it('shows the seeded numbers, follows a new range and keeps it on reload', async () => {
    const page = await supervisorPage();
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.goto(`${h.url}${RANGE}`);

    await expect.poll(() => summary(page, 'volume').textContent()).toBe('16 texts in, 12 out.');
    expect(await summary(page, 'response-times').textContent()).toBe(
      'Median first response 30 min, median reply 10 min over 8 replies; 7 still unanswered.',
    );
    expect(await summary(page, 'open-age').textContent()).toBe(
      '7 open conversations are waiting for a reply; 1 answered.',
    );
    expect(await summary(page, 'opt-outs').textContent()).toBe('3 opt-outs, 1 opt-in.');
    const ben = page.getByRole('row', { name: /^Ben Brooks/ });
    expect(await ben.getByRole('cell').allTextContents()).toEqual([
      '3',
      '2 h',
      '6 h',
      '4',
      '30 min',
      '6 h',
    ]);
    expect(await page.getByRole('img', { name: /^Texts per day: 16 texts in/ }).count()).toBe(1);

    await page.getByLabel('From').fill('2025-03-06');
    await expect.poll(() => summary(page, 'volume').textContent()).toBe('17 texts in, 12 out.');
    expect(new URL(page.url()).search).toBe('?from=2025-03-06&to=2025-03-12');
    await page.reload();
    await expect.poll(() => summary(page, 'volume').textContent()).toBe('17 texts in, 12 out.');
    await page.getByText('Show the numbers as a table').first().click();
    const zeroDay = page.locator(
      '[aria-labelledby="volume-heading"] tr:has(time[datetime="2025-03-06"])',
    );
    expect(await zeroDay.getByRole('cell').allTextContents()).toEqual(['0', '0']);
    await page.context().close();
  });

  it('downloads a report as CSV', async () => {
    const page = await supervisorPage();
    await page.goto(`${h.url}${RANGE}`);
    await summary(page, 'opt-outs').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV of opt-outs over time' }).click(),
    ]);

    expect(download.suggestedFilename()).toBe('switchboard-opt-outs-2025-03-08-to-2025-03-12.csv');
    expect(await readFile(await download.path(), 'utf8')).toBe(
      'day,opt_outs,opt_ins\r\n2025-03-08,1,0\r\n2025-03-09,1,0\r\n2025-03-10,0,1\r\n' +
        '2025-03-11,0,0\r\n2025-03-12,1,0\r\n',
    );
    await page.context().close();
  });

  it('shows an empty state for a range without texts', async () => {
    const page = await supervisorPage();
    await page.goto(`${h.url}/reports?from=2024-06-01&to=2024-06-07`);

    await page.getByText('No texts in this range.').waitFor();
    expect(await page.getByText('No opt-outs or opt-ins in this range.').count()).toBe(1);
    await page.context().close();
  });

  it('gives a counselor no Reports link and the no-access page at /reports', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signInThroughUi(page, h.url, staff.ana.email, PASSWORD);
    await page.getByRole('link', { name: 'Inbox' }).first().waitFor();

    expect(await page.getByRole('link', { name: 'Reports' }).count()).toBe(0);
    await page.goto(`${h.url}/reports`);
    await page.getByRole('heading', { name: "You don't have access to this page" }).waitFor();
    await page.context().close();
  });

  it('saves screenshots at desktop and phone widths, light and dark', async () => {
    const sizes = {
      desktop: { width: 1440, height: 900 },
      phone: { width: 390, height: 844 },
    };
    for (const [name, viewport] of Object.entries(sizes)) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await supervisorPage(viewport, scheme);
        await page.goto(`${h.url}${RANGE}`);
        await summary(page, 'opt-outs').waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${name} ${scheme}`).toBeLessThanOrEqual(viewport.width);
        await screenshot(page, `reports-${name}-${scheme}`);
        await page.context().close();
      }
    }
  });
});
