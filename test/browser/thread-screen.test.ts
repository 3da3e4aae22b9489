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
  emulateColorScheme,
  launchBrowser,
  screenshot,
  type TestBrowser,
  signInThroughUi,
} from '../helpers/browser.js';

let h: Harness;
let browser: TestBrowser;
let ava: { email: string };
let talkId: number;
let stoppedId: number;

const TALK = '14155550100';
const STOPPED = '14155550111';

async function textsFrom(from: string, count: number): Promise<void> {
  for (let index = 1; index <= count; index += 1) {
    const text = `Question ${index} about the campus visit and what to bring along on the day.`;
    const res = await postWebhook(h, 'inbound', inboundBody({ from, text }));
    expect(res.body.stored).toBe(true);
  }
}

const conversationOf = (from: string) =>
  (
    h.db.sqlite.prepare('SELECT id FROM conversations WHERE phone = ?').get(`+${from}`) as {
      id: number;
    }
  ).id;

async function openThread(width: number, height: number, id: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await signInThroughUi(page, h.url, ava.email, PASSWORD);
  await page.goto(`${h.url}/c/${id}`);
  await page.locator('#thread-title').waitFor();
  await page.getByTestId('message').first().waitFor();
  return page;
}

/** How far the history is from its end, and the newest bubble's bottom against the box's. */
const historyEnd = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector<HTMLElement>('.messages')!;
    const bubbles = box.querySelectorAll('[data-testid="message"]');
    const last = bubbles[bubbles.length - 1]!.getBoundingClientRect();
    return {
      gap: Math.round(box.scrollHeight - box.scrollTop - box.clientHeight),
      lastVisible: last.bottom <= box.getBoundingClientRect().bottom + 1,
    };
  });

const messagesHeight = (page: Page) =>
  page.evaluate(() => document.querySelector('.messages')!.getBoundingClientRect().height);

beforeAll(async () => {
  h = await startHarness();
  const make = factories(h);
  ava = await make.user({ name: 'Ava Ward', email: 'ava@example.edu', role: 'admin' });
  make.number('+12025550123', 'Admissions');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: `+${TALK}` });
  make.contact({ firstName: 'Luc', lastName: 'Roy', phone: `+${STOPPED}` });
  await textsFrom(TALK, 12);
  await textsFrom(STOPPED, 12);
  await postWebhook(h, 'inbound', inboundBody({ from: STOPPED, text: 'STOP' }));
  talkId = conversationOf(TALK);
  stoppedId = conversationOf(STOPPED);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('the end of a thread', () => {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    it(`opens an opted-out thread with its newest text in view at ${width} px`, async () => {
      const page = await openThread(width, height, stoppedId);
      await page.getByTestId('composer-opted-out').waitFor();
      await expect.poll(() => historyEnd(page)).toEqual({ gap: 0, lastVisible: true });
      await page.context().close();
    });
  }

  it('keeps the newest text in view while the reply box grows below it', async () => {
    const page = await openThread(1440, 900, talkId);
    await expect.poll(() => historyEnd(page)).toEqual({ gap: 0, lastVisible: true });
    const before = await messagesHeight(page);
    await page.getByTestId('composer-input').fill('One line\nand another\nand a third\nfourth');
    await expect.poll(() => messagesHeight(page)).toBeLessThan(before);
    await expect.poll(() => historyEnd(page)).toEqual({ gap: 0, lastVisible: true });
    await page.context().close();
  });

  it('stays put when scrolled up while the box around it changes', async () => {
    const page = await openThread(1440, 900, talkId);
    await expect.poll(() => historyEnd(page)).toEqual({ gap: 0, lastVisible: true });
    await page.locator('.messages').evaluate((box) => (box.scrollTop = 0));
    await page.getByTestId('composer-input').fill('One line\nand another\nand a third\nfourth');
    await textsFrom(TALK, 1);
    await page.getByTestId('new-texts').waitFor();
    expect(await page.locator('.messages').evaluate((box) => box.scrollTop)).toBe(0);
    await page.context().close();
  });
});

/** Boxes of two elements overlap. */
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
type Box = { x: number; y: number; width: number; height: number };

describe('the thread on a phone (390 × 844)', () => {
  it('leaves at least 450 px to the texts, on a normal and an opted-out thread', async () => {
    for (const id of [talkId, stoppedId]) {
      const page = await openThread(390, 844, id);
      await page.getByTestId('composer-input').waitFor();
      expect(await messagesHeight(page)).toBeGreaterThanOrEqual(450);
      await page.context().close();
    }
  });

  it('folds the secondary actions into More, usable by keyboard alone', async () => {
    const page = await openThread(390, 844, talkId);
    const more = page.getByRole('button', { name: 'More actions' });
    const close = page.getByRole('button', { name: 'Close', exact: true });
    expect(await close.isVisible()).toBe(false);

    await more.focus();
    await page.keyboard.press('Enter');
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Join');
    for (const name of ['Close', 'Contact', '+ Tag']) {
      expect(await page.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    }
    await screenshot(page, 'thread-screen/more-open-phone');

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Maya Lopez' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Contact');

    await page.keyboard.press('Escape');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await close.isVisible()).toBe(false);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('more-actions');
    await page.context().close();
  });
});

describe('a contact who opted out', () => {
  it('offers no editable reply box, says why once, and keeps Private note', async () => {
    const page = await openThread(1440, 900, stoppedId);
    const input = page.getByTestId('composer-input');
    await page.getByTestId('composer-opted-out').waitFor();
    expect(await input.isDisabled()).toBe(true);
    const reason = await input.evaluate(
      (box) => document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(reason).toMatch(/Luc has opted out of texts since .+ until they text START/);
    const link = page.getByRole('link', { name: 'resubscribe them on their contact page' });
    expect(await link.getAttribute('href')).toMatch(/^\/contacts\/\d+$/);
    expect(await page.getByText(/opted out of texts/).count()).toBe(1);
    expect(await page.getByTestId('send-button').count()).toBe(0);

    await page.getByTestId('mode-note').click();
    await page.getByTestId('note-input').fill('Called the family instead.');
    await page.getByTestId('note-button').click();
    await page.getByText('Private note · You').waitFor();
    await page.context().close();
  });
});

describe('toasts', () => {
  it('cover neither title, status nor reply box, and go after a few seconds', async () => {
    const page = await openThread(1440, 900, talkId);
    await page.getByTestId('join-button').click();
    const toast = page.getByTestId('toast');
    await toast.waitFor();
    const box = (await toast.boundingBox())!;
    await screenshot(page, 'thread-screen/toast-desktop');
    for (const part of ['#thread-title', '.thread-title-row .badge', '.composer']) {
      expect(overlaps(box, (await page.locator(part).boundingBox())!), part).toBe(false);
    }
    await expect.poll(() => toast.count(), { timeout: 6_000 }).toBe(0);
    await page.context().close();
  });
});

describe('the contact beside the thread (1600 × 900)', () => {
  it('marks the number this conversation texts as “Used here”', async () => {
    const page = await openThread(1600, 900, talkId);
    const phone = page.getByTestId('contact-panel').locator('.contact-phone');
    await expect.poll(() => phone.textContent()).toMatch(/\(415\) 555-0100.*Used here/);
    expect(await phone.locator('.badge-here').isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('the first-text tip', () => {
  it('stays quiet once the text is signed, and spans the reply box when it shows', async () => {
    const page = await openThread(1440, 900, talkId);
    const input = page.getByTestId('composer-input');
    const tip = page.getByText(/Say who is writing in a first text/);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await input.fill('Your visit is confirmed for Friday at 10.');
    await tip.waitFor();
    const share = () =>
      tip.evaluate((element) => {
        const width = (selector: string) =>
          element.closest(selector)!.getBoundingClientRect().width;
        return width('.sms-warnings') / width('.composer-footer');
      });
    await expect.poll(share).toBeGreaterThan(0.9);
    await screenshot(page, 'thread-screen/first-text-tip-desktop');

    for (const signed of ['Your visit is confirmed. - Ava', 'Ava from Admissions: see you!']) {
      await input.fill(signed);
      await expect.poll(() => tip.count()).toBe(0);
    }
    await page.context().close();
  });
});

describe('screenshots', () => {
  for (const [width, height, size] of [
    [390, 844, 'phone'],
    [1440, 900, 'desktop'],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`saves the thread at ${size} width in ${scheme}`, async () => {
        for (const [id, name] of [
          [talkId, 'thread'],
          [stoppedId, 'opted-out'],
        ] as const) {
          const page = await openThread(width, height, id);
          await emulateColorScheme(page, scheme);
          await expect.poll(() => historyEnd(page)).toEqual({ gap: 0, lastVisible: true });
          await screenshot(page, `thread-screen/${name}-${size}-${scheme}`);
          await page.context().close();
        }
      });
    }
  }
});
