import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  factories,
  inboundBody,
  PASSWORD,
  postWebhook,
  startHarness,
  type Harness,
} from '../helpers/app-harness.js';
import {
  launchBrowser,
  screenshot,
  type TestBrowser,
  signInThroughUi,
} from '../helpers/browser.js';

let h: Harness;
let browser: TestBrowser;
let supervisor: Page;
let counselor: Page;
let conversationId: string;

const column = (page: Page, title: string) => page.getByRole('region', { name: title });
const thread = (page: Page, title: string) =>
  column(page, title).getByRole('link', { name: /Maya Lopez/ });
const feed = (page: Page) => page.getByRole('region', { name: 'Live assignment feed' });

beforeAll(async () => {
  h = await startHarness({ carrier: 'simulator' });
  const make = factories(h);
  const sam = await make.user({ name: 'Sam Ortiz', email: 'sam@example.edu', role: 'supervisor' });
  const dana = await make.user({ name: 'Dana Reyes', email: 'dana@example.edu' });
  make.number('+12025550123', 'Admissions');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  const res = await postWebhook(h, 'inbound', inboundBody({ text: 'Is the deposit refundable?' }));
  expect(res.body.stored).toBe(true);
  conversationId = String(
    (h.db.sqlite.prepare('SELECT id FROM conversations').get() as { id: number }).id,
  );

  browser = await launchBrowser();
  supervisor = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  counselor = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signInThroughUi(supervisor, h.url, sam.email, PASSWORD);
  await signInThroughUi(counselor, h.url, dana.email, PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('the supervisor board', () => {
  it('shows an assignment made on a counselor’s page live, without a reload', async () => {
    await supervisor.goto(`${h.url}/board`);
    await thread(supervisor, 'Unassigned').waitFor();
    await expect
      .poll(() => column(supervisor, 'Dana Reyes').getByText('Nothing open').count())
      .toBe(1);
    await supervisor.evaluate(() => {
      (window as unknown as { boardMarker: string }).boardMarker = 'same page';
    });

    await counselor.goto(`${h.url}/c/${conversationId}`);
    await counselor.getByRole('button', { name: 'Assign to me' }).click();

    await expect.poll(() => thread(supervisor, 'Dana Reyes').count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => column(supervisor, 'Unassigned').getByText('Nothing open').count())
      .toBe(1);
    await expect
      .poll(() =>
        feed(supervisor)
          .getByText(/Dana Reyes took “Maya Lopez”/)
          .count(),
      )
      .toBe(1);
    const marker = await supervisor.evaluate(
      () => (window as unknown as { boardMarker?: string }).boardMarker,
    );
    expect(marker).toBe('same page');
    await screenshot(supervisor, 'board');
  });

  it('keeps the assignment feed and counts after a reload', async () => {
    await supervisor.reload();

    await thread(supervisor, 'Dana Reyes').waitFor();
    await expect
      .poll(() =>
        feed(supervisor)
          .getByText(/Dana Reyes took “Maya Lopez”/)
          .count(),
      )
      .toBe(1);
  });
});
