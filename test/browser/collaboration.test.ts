import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  factories,
  inboundBody,
  PASSWORD,
  postWebhook,
  signIn,
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
let dana: Page;
let eli: Page;
let danaId: number;
let conversationId: string;

const bubbles = (page: Page, text: string) => page.getByTestId('message').filter({ hasText: text });

async function text(body: string): Promise<void> {
  const res = await postWebhook(h, 'inbound', inboundBody({ text: body }));
  expect(res.body.stored).toBe(true);
}

beforeAll(async () => {
  h = await startHarness({ carrier: 'simulator' });
  const make = factories(h);
  const a = await make.user({ name: 'Dana Reyes', email: 'dana@example.edu' });
  const b = await make.user({ name: 'Eli Park', email: 'eli@example.edu' });
  danaId = a.id;
  make.number('+12025550123', 'Admissions');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  await text('Is the deposit refundable?');
  conversationId = String(
    (h.db.sqlite.prepare('SELECT id FROM conversations').get() as { id: number }).id,
  );

  browser = await launchBrowser();
  dana = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  eli = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signInThroughUi(dana, h.url, a.email, PASSWORD);
  await signInThroughUi(eli, h.url, b.email, PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('two counselors on one thread', () => {
  it('see each other viewing and typing, in the thread and in the inbox', async () => {
    await dana.goto(`${h.url}/c/${conversationId}`);
    await eli.goto(`${h.url}/c/${conversationId}`);

    await expect.poll(() => dana.getByTestId('presence').textContent()).toContain('Eli Park');
    await expect.poll(() => eli.getByTestId('presence').textContent()).toContain('Dana Reyes');
    await expect.poll(() => dana.getByTestId('row-presence').textContent()).toContain('Eli Park');

    await eli.getByTestId('composer-input').pressSequentially('Hi Maya, ');
    await expect
      .poll(() => dana.getByTestId('typing-indicator').textContent())
      .toContain('Eli Park is typing');
    await screenshot(dana, 'collaboration/presence-and-typing');

    await eli.goto(`${h.url}/`);
    await expect.poll(() => dana.getByTestId('presence').textContent()).not.toContain('Eli Park');
    await expect.poll(() => dana.getByTestId('typing-indicator').textContent()).toBe('');
  });

  it('holds a reply when the student texts meanwhile, and sends it with one click', async () => {
    await dana.goto(`${h.url}/c/${conversationId}`);
    await dana.getByTestId('composer-input').fill('Yes, fully refundable until May 1.');
    await text('Never mind — I meant the housing deposit.');
    await expect.poll(() => bubbles(dana, 'housing deposit').count()).toBe(1);

    await dana.getByTestId('send-button').click();

    const held = dana.getByTestId('held-send');
    await expect.poll(() => held.textContent()).toContain('I meant the housing deposit');
    expect(await bubbles(dana, 'fully refundable').count()).toBe(0);
    await screenshot(dana, 'collaboration/held-send');

    await dana.getByTestId('send-anyway').click();
    await expect.poll(() => bubbles(dana, 'fully refundable').count()).toBe(1);
    await expect.poll(() => held.count()).toBe(0);
  });
});

describe('a page that lost its connection', () => {
  it('says it is reconnecting, then shows the texts that came meanwhile, once each', async () => {
    await dana.goto(`${h.url}/c/${conversationId}`);
    const banner = dana.getByTestId('connection-banner');
    await expect.poll(() => banner.getAttribute('data-state')).toBe('online');

    // Going offline may leave an open websocket alone, so the server closes it as well.
    await dana.context().setOffline(true);
    h.app.realtime.disconnectUser(danaId);
    await expect.poll(() => banner.getAttribute('data-state')).toBe('reconnecting');
    await text('Are you there?');
    await text('Sorry, one more: is parking included?');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await banner.getAttribute('data-state')).toBe('reconnecting');
    expect(await bubbles(dana, 'Are you there?').count()).toBe(0);

    await dana.context().setOffline(false);

    await expect.poll(() => banner.getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
    await expect.poll(() => bubbles(dana, 'Are you there?').count()).toBe(1);
    await expect.poll(() => bubbles(dana, 'is parking included?').count()).toBe(1);
    await expect.poll(() => banner.textContent()).toMatch(/You were offline .* — 2 new texts/);
    await screenshot(dana, 'collaboration/back-online');

    await text('Thanks!');
    await expect.poll(() => bubbles(dana, 'Thanks!').count()).toBe(1);
    expect(await bubbles(dana, 'Are you there?').count()).toBe(1);
    expect(await bubbles(dana, 'is parking included?').count()).toBe(1);
  });
});

describe('new-text alerts', () => {
  it('notify a participant of a new student text until they are turned off', async () => {
    await eli.addInitScript(() => {
      const shown: string[] = [];
      class RecordingNotification {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        onclick: (() => void) | null = null;
        constructor(title: string) {
          shown.push(title);
        }
        close() {}
      }
      Object.assign(window, { Notification: RecordingNotification, shownNotifications: shown });
    });
    const shown = () =>
      eli.evaluate(
        () => (window as unknown as { shownNotifications: string[] }).shownNotifications,
      );
    const eliStaff = await signIn(h, 'eli@example.edu');
    await eliStaff.post(`/api/conversations/${conversationId}/join`);
    const socketsBefore = new Set((await h.app.realtime.io.fetchSockets()).map((s) => s.id));
    await eli.goto(`${h.url}/`);
    await expect.poll(() => eli.getByTestId('notification-toggle').textContent()).toBe('Alerts on');
    // Alerts are for live texts: wait until the new page's socket is in the live room and its
    // inbox is loaded, or the text would only arrive in the list fetch.
    const joinedLive = async () =>
      (await h.app.realtime.io.fetchSockets()).some(
        (s) => !socketsBefore.has(s.id) && s.data.user.name === 'Eli Park',
      );
    await expect.poll(joinedLive).toBe(true);
    await eli.getByTestId('inbox-row').first().waitFor();

    await text('Is the dorm deposit separate?');
    await expect.poll(shown).toEqual(['New text · Maya Lopez']);

    await eli.getByTestId('notification-toggle').click();
    await expect
      .poll(() => eli.getByTestId('notification-toggle').textContent())
      .toBe('Alerts off');
    await text('Hello?');
    await expect.poll(() => eli.getByTestId('inbox-row').first().textContent()).toContain('Hello?');
    expect(await shown()).toEqual(['New text · Maya Lopez']);
  });
});
