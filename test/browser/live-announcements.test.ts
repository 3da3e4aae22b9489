import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  factories,
  inboundBody,
  PASSWORD,
  postWebhook,
  signIn,
  startHarness,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';
import { launchBrowser, signInThroughUi, type TestBrowser } from '../helpers/browser.js';

let h: Harness;
let browser: TestBrowser;
let page: Page;
let sam: Staff;
let danaId: number;
let threadId: number;
let contactId: number;

const polite = () => page.getByTestId('live-polite');
const assertive = () => page.getByTestId('live-assertive');
const composer = () => page.getByTestId('composer-input');
const bubbles = (text: string) =>
  page.locator('.message-list > li').filter({ has: page.getByText(text, { exact: true }) });
const SEND_ROUTE = '**/api/conversations/*/messages';

/** Holds each send in the browser until `release` is called; the server is not touched yet. */
function holdSends(): { release: () => void } {
  const held: Route[] = [];
  void page.route(SEND_ROUTE, (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    held.push(route);
  });
  return {
    release: () => {
      for (const route of held.splice(0)) void route.fallback();
    },
  };
}

beforeAll(async () => {
  h = await startHarness({ carrier: 'simulator' });
  const make = factories(h);
  const samUser = await make.user({ name: 'Sam Ortiz', role: 'supervisor' });
  const dana = await make.user({ name: 'Dana Reyes' });
  danaId = dana.id;
  make.number('+12025550123', 'Admissions');
  contactId = make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' }).id;
  await postWebhook(h, 'inbound', inboundBody({ text: 'Is the deposit refundable?' }));
  threadId = (h.db.sqlite.prepare('SELECT id FROM conversations').get() as { id: number }).id;
  sam = await signIn(h, samUser.email);

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signInThroughUi(page, h.url, dana.email, PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const socketIds = async () => (await h.app.realtime.io.fetchSockets()).map((s) => s.id);

/** Opens the thread and waits until the page's new socket is live, so events reach it. */
beforeEach(async () => {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  const before = new Set(await socketIds());
  await page.goto(`${h.url}/c/${threadId}`);
  await composer().waitFor();
  await expect.poll(async () => (await socketIds()).some((id) => !before.has(id))).toBe(true);
  await page.locator('[data-message-id]').first().waitFor();
});

describe('live announcements', () => {
  it('announces a student text in the open thread with its words', async () => {
    await postWebhook(
      h,
      'inbound',
      inboundBody({ text: 'Also, when are housing forms due?', message_uuid: crypto.randomUUID() }),
    );

    await expect
      .poll(() => polite().textContent())
      .toContain('New text from Maya Lopez: Also, when are housing forms due?');
    expect(await page.locator('.message-list[aria-live], .message-list[role=log]').count()).toBe(0);
  });

  it('announces an assignment by a colleague, and not the user’s own', async () => {
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Assign to me' }).count()).toBe(0);

    await sam.post(`/api/conversations/${threadId}/assign`, { assignee: null });
    await expect
      .poll(() => polite().textContent())
      .toContain('Sam Ortiz unassigned this conversation');
    await sam.post(`/api/conversations/${threadId}/assign`, {
      assignee: { type: 'user', id: danaId },
    });

    await expect
      .poll(() => polite().textContent())
      .toContain('Sam Ortiz assigned this conversation to you');
    expect(await polite().textContent()).not.toContain('Dana Reyes assigned');
  });
});

describe('optimistic sends', () => {
  it('shows a reply as "Sending…" at once, then as the one stored message', async () => {
    const hold = holdSends();
    await composer().fill('The deposit is refundable until May 1.');
    await composer().press('Control+Enter');

    const pending = page.getByTestId('pending-message');
    await expect.poll(() => pending.textContent()).toContain('Sending…');
    expect(await composer().inputValue()).toBe('');
    hold.release();

    await expect.poll(() => pending.count()).toBe(0);
    await expect
      .poll(() => bubbles('The deposit is refundable until May 1.').getAttribute('data-status'))
      .toMatch(/queued|submitted|delivered/);
    expect(await bubbles('The deposit is refundable until May 1.').count()).toBe(1);
  });

  it('shows one bubble when the socket event comes before the send’s answer', async () => {
    let copiesBeforeAnswer: number | null = null;
    await page.route(SEND_ROUTE, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      const response = await route.fetch();
      await page.locator('[data-message-id]').getByText('Orientation is June 3.').waitFor();
      copiesBeforeAnswer = await bubbles('Orientation is June 3.').count();
      await route.fulfill({ response });
    });

    await composer().fill('Orientation is June 3.');
    await composer().press('Control+Enter');

    await expect.poll(() => copiesBeforeAnswer, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('pending-message').count()).toBe(0);
    expect(await bubbles('Orientation is June 3.').count()).toBe(1);
  });

  it('keeps a refused reply as "Not sent" with the reason, and Edit brings it back', async () => {
    h.db.sqlite
      .prepare('UPDATE contacts SET sms_unsubscribed_at = ? WHERE id = ?')
      .run(new Date().toISOString(), contactId);
    await composer().fill('Are you still coming on Friday?');
    await composer().press('Control+Enter');

    const failed = page.getByTestId('pending-message');
    await expect.poll(() => failed.getAttribute('data-state')).toBe('failed');
    expect(await failed.textContent()).toMatch(/Not sent — This contact has opted out/);
    await expect.poll(() => assertive().textContent()).toContain('was not sent');

    await page.getByTestId('pending-edit').click();
    await expect.poll(() => composer().inputValue()).toBe('Are you still coming on Friday?');
    expect(await failed.count()).toBe(0);
    h.db.sqlite
      .prepare('UPDATE contacts SET sms_unsubscribed_at = NULL WHERE id = ?')
      .run(contactId);
  });

  it('keeps a reply lost on the network as "Not sent", and Retry sends it', async () => {
    await composer().fill('See you at the open day.');
    await page.route(SEND_ROUTE, (route) =>
      route.request().method() === 'POST' ? route.abort('connectionreset') : route.fallback(),
    );
    await composer().press('Control+Enter');

    const failed = page.getByTestId('pending-message');
    await expect.poll(() => failed.getAttribute('data-state')).toBe('failed');
    expect(await failed.textContent()).toContain('Not sent');
    await page.unrouteAll({ behavior: 'ignoreErrors' });

    await page.getByTestId('pending-retry').click();
    await expect.poll(() => failed.count()).toBe(0);
    expect(await bubbles('See you at the open day.').count()).toBe(1);
  });
});

describe('the message history as texts arrive', () => {
  const history = () => page.locator('.messages');
  const gapBelow = () =>
    history().evaluate((el) => Math.round(el.scrollHeight - el.scrollTop - el.clientHeight));

  it('follows new texts at the end, and keeps the place of a reader scrolled up', async () => {
    for (let i = 1; i <= 20; i += 1) {
      await sam.post(`/api/conversations/${threadId}/messages`, { text: `Checklist item ${i}.` });
    }
    await bubbles('Checklist item 20.').waitFor();
    await expect.poll(gapBelow).toBeLessThan(4);

    await history().evaluate((el) => el.scrollTo({ top: 0 }));
    await postWebhook(
      h,
      'inbound',
      inboundBody({ text: 'Which item is the transcript?', message_uuid: crypto.randomUUID() }),
    );
    await bubbles('Which item is the transcript?').waitFor();

    expect(await history().evaluate((el) => el.scrollTop)).toBe(0);
    const pill = page.getByTestId('new-texts');
    await expect.poll(() => pill.textContent()).toContain('New text');
    await pill.click();
    await expect.poll(gapBelow).toBeLessThan(4);
    expect(await pill.count()).toBe(0);
  });
});
