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
import { blockingViolations, formatViolations, runAxe } from '../helpers/axe.js';
import {
  emulateColorScheme,
  launchBrowser,
  screenshot,
  type TestBrowser,
  signInThroughUi,
} from '../helpers/browser.js';

let h: Harness;
let browser: TestBrowser;
let page: Page;
let danaId: number;
/** Conversation ids by student, seeded oldest first, so the inbox shows Ava, Noah, Maya. */
const ids: Record<'maya' | 'noah' | 'ava', number> = { maya: 0, noah: 0, ava: 0 };

async function textFrom(phone: string, text: string, minutesAgo: number): Promise<number> {
  const timestamp = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const res = await postWebhook(h, 'inbound', inboundBody({ from: phone, text, timestamp }));
  expect(res.body).toMatchObject({ stored: true });
  const row = h.db.sqlite.prepare('SELECT id FROM conversations ORDER BY id DESC LIMIT 1').get();
  return (row as { id: number }).id;
}

const conversation = (id: number) =>
  h.db.sqlite
    .prepare('SELECT status, assignee_user_id AS assignee FROM conversations WHERE id = ?')
    .get(id) as { status: string; assignee: number | null };

const focused = () =>
  page.evaluate(() => {
    const element = document.activeElement;
    return {
      row: Number(element?.getAttribute('data-conversation-id') ?? 0),
      id: element?.id ?? '',
      testId: element?.getAttribute('data-testid') ?? '',
      inDialog: element?.closest('dialog') !== null,
    };
  });

const openRowId = () =>
  page
    .locator('[data-testid="inbox-row"][aria-current="page"]')
    .getAttribute('data-conversation-id')
    .then(Number);

const rows = () => page.getByTestId('inbox-row');
const composer = () => page.getByTestId('composer-input').first();
const press = async (...keys: string[]) => {
  for (const key of keys) await page.keyboard.press(key);
};

beforeAll(async () => {
  h = await startHarness();
  const make = factories(h);
  const dana = await make.user({ name: 'Dana Reyes', email: 'dana@example.edu' });
  danaId = dana.id;
  make.number('+12025550123', 'Admissions');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  make.contact({ firstName: 'Noah', lastName: 'Kim', phone: '+14155550111' });
  make.contact({ firstName: 'Ava', lastName: 'Chen', phone: '+14155550122' });
  const now = new Date().toISOString();
  h.db.sqlite
    .prepare('INSERT INTO saved_replies (title, body, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run('Deposit deadline', 'Hi {{contact.firstName}}, the deposit is due May 1.', now, now);
  ids.maya = await textFrom('14155550100', 'Is the deposit refundable?', 30);
  ids.noah = await textFrom('14155550111', 'Where do transcripts go?', 20);
  ids.ava = await textFrom('14155550122', 'Can I visit campus?', 10);

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signInThroughUi(page, h.url, dana.email, PASSWORD);
  await page.locator('[data-testid="inbox-row"]').nth(2).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('the inbox by keyboard', () => {
  it('moves through the rows with j, k, the arrows, Home and End', async () => {
    await expect.poll(async () => (await focused()).row).toBe(ids.ava);
    await press('j');
    expect((await focused()).row).toBe(ids.noah);
    await press('ArrowDown');
    expect((await focused()).row).toBe(ids.maya);
    await press('k');
    expect((await focused()).row).toBe(ids.noah);
    await press('Home');
    expect((await focused()).row).toBe(ids.ava);
    await press('End');
    expect((await focused()).row).toBe(ids.maya);
    await press('ArrowUp');
    expect((await focused()).row).toBe(ids.noah);
    await screenshot(page, 'keyboard-inbox-row-focus');
  });

  it('keeps only the focused row in the Tab order', async () => {
    const tabbable = await page.locator('[data-testid="inbox-row"][tabindex="0"]').all();
    expect(tabbable).toHaveLength(1);
    expect(Number(await tabbable[0]!.getAttribute('data-conversation-id'))).toBe(ids.noah);
  });

  it('opens the focused row with Enter and puts focus on the thread heading', async () => {
    await press('Enter');
    await page.waitForURL(`${h.url}/c/${ids.noah}`);
    await expect.poll(openRowId).toBe(ids.noah);
    await expect.poll(async () => (await focused()).id).toBe('thread-title');
  });

  it('opens the next and previous conversation with j and k from the thread', async () => {
    await press('j');
    await page.waitForURL(`${h.url}/c/${ids.maya}`);
    await expect.poll(openRowId).toBe(ids.maya);
    await press('k');
    await page.waitForURL(`${h.url}/c/${ids.noah}`);
    await expect.poll(openRowId).toBe(ids.noah);
  });

  it('focuses the search box with / and filters as the user types', async () => {
    await press('/');
    expect((await focused()).id).toBe('inbox-search');
    await page.keyboard.type('Maya');
    await expect.poll(() => rows().count()).toBe(1);
    await expect(rows().first().getAttribute('data-conversation-id')).resolves.toBe(
      String(ids.maya),
    );
    await press('Control+A', 'Backspace');
    await expect.poll(() => rows().count()).toBe(3);
  });

  it('goes back from an emptied search box to the open conversation’s row on Esc', async () => {
    await press('Escape');
    expect((await focused()).row).toBe(ids.noah);
  });
});

describe('a thread by keyboard', () => {
  it('focuses the composer with r and sends with Ctrl+Enter, keeping focus there', async () => {
    await press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('thread-title');
    await press('r');
    expect((await focused()).testId).toBe('composer-input');

    await page.keyboard.type('Transcripts go to the registrar.');
    await press('Control+Enter');
    const bubble = page.getByTestId('message').filter({ hasText: 'go to the registrar' });
    await expect.poll(() => bubble.count()).toBe(1);
    expect((await focused()).testId).toBe('composer-input');
    expect(await composer().inputValue()).toBe('');
    const stored = h.db.sqlite
      .prepare(
        `SELECT text FROM messages
         WHERE conversation_id = ? AND direction = 'outbound' AND kind = 'sms'`,
      )
      .all(ids.noah);
    expect(stored).toEqual([{ text: 'Transcripts go to the registrar.' }]);
  });

  it('goes back to the thread’s row with Esc from the composer', async () => {
    await press('Escape');
    expect((await focused()).row).toBe(ids.noah);
  });

  it('goes from the private-note tab back to the reply box with r', async () => {
    await page.getByTestId('mode-note').focus();
    await press('Enter');
    await expect.poll(async () => (await focused()).testId).toBe('note-input');
    await press('Escape');
    expect((await focused()).row).toBe(ids.noah);

    await press('r');

    await expect.poll(async () => (await focused()).testId).toBe('composer-input');
    expect(await page.getByTestId('mode-reply').getAttribute('aria-pressed')).toBe('true');
    await press('Escape');
    expect((await focused()).row).toBe(ids.noah);
  });

  it('assigns the thread to me with a, leaving focus where it was, and says so', async () => {
    await press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('thread-title');
    await press('a');
    await expect.poll(() => conversation(ids.noah).assignee).toBe(danaId);
    await expect
      .poll(() => page.getByTestId('live-polite').textContent())
      .toContain('Assigned to you');
    expect((await focused()).id).toBe('thread-title');
    await expect
      .poll(() => page.getByTestId('assignee-select').inputValue())
      .toBe(`user:${danaId}`);
  });

  it('closes the thread with e and moves focus to the next row', async () => {
    // The reply above made Noah's the newest activity, so Ava's row comes after it now.
    const order = await rows().evaluateAll((all) => all.map((row) => row.dataset.conversationId));
    expect(order).toEqual([ids.noah, ids.ava, ids.maya].map(String));
    await press('e');
    await expect.poll(() => conversation(ids.noah).status).toBe('closed');
    await expect.poll(async () => (await focused()).row).toBe(ids.ava);
    await expect
      .poll(() => page.getByTestId('live-polite').textContent())
      .toContain('Conversation closed');
    // The inbox lists open threads by default: the closed one has left the list.
    const after = await rows().evaluateAll((all) => all.map((row) => row.dataset.conversationId));
    expect(after).toEqual([ids.ava, ids.maya].map(String));
  });

  it('reopens the closed thread still on screen with e, and it is listed again', async () => {
    expect(page.url()).toBe(`${h.url}/c/${ids.noah}`);
    await expect.poll(() => page.getByRole('button', { name: 'Reopen' }).count()).toBe(1);
    await press('e');
    await expect.poll(() => conversation(ids.noah).status).toBe('open');
    await expect.poll(() => rows().count()).toBe(3);
  });
});

describe('saved replies by keyboard', () => {
  it('opens the picker with s; Enter inserts the reply with the caret after it', async () => {
    await press('s');
    expect((await focused()).testId).toBe('composer-input');
    const option = page.getByTestId('saved-reply-option');
    await expect.poll(() => option.count()).toBe(1);
    await expect.poll(() => option.first().getAttribute('aria-selected')).toBe('true');

    await press('Enter');
    const filled = 'Hi Noah, the deposit is due May 1.';
    await expect.poll(() => composer().inputValue()).toBe(filled);
    expect(await option.count()).toBe(0);
    expect((await focused()).testId).toBe('composer-input');
    const caret = await composer().evaluate((input: HTMLTextAreaElement) => input.selectionStart);
    expect(caret).toBe(filled.length);
  });

  it('closes the picker with Esc and takes the typed /query out again', async () => {
    await page.keyboard.type(' /depo');
    const option = page.getByTestId('saved-reply-option');
    await expect.poll(() => option.count()).toBe(1);
    await press('Escape');
    expect(await option.count()).toBe(0);
    expect(await composer().inputValue()).toBe('Hi Noah, the deposit is due May 1. ');
    expect((await focused()).testId).toBe('composer-input');
  });
});

describe('the shortcuts dialog', () => {
  it('opens with ?, keeps Tab inside and gives focus back on Esc', async () => {
    await press('Escape');
    const rowBefore = (await focused()).row;
    expect(rowBefore).toBe(ids.noah);

    await press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect((await focused()).inDialog).toBe(true);
    for (const group of ['Inbox', 'Thread', 'Composer']) {
      expect(await dialog.getByRole('heading', { name: group }).count()).toBe(1);
    }
    await press('Tab', 'Tab', 'Shift+Tab');
    expect((await focused()).inDialog).toBe(true);
    await screenshot(page, 'keyboard-shortcuts-dialog');
    const violations = blockingViolations(await runAxe(page, { include: '.shortcuts-dialog' }));
    expect(violations, formatViolations('shortcuts dialog', violations)).toEqual([]);
    await emulateColorScheme(page, 'dark');
    await screenshot(page, 'keyboard-shortcuts-dialog-dark');
    await emulateColorScheme(page, 'light');

    await press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await focused()).row).toBe(rowBefore);
  });

  it('has a visible Keyboard shortcuts button in the top bar', async () => {
    const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
    expect(await button.isVisible()).toBe(true);
  });
});

describe('the inbox by keyboard on a phone', () => {
  it('leaves the thread for the list with Esc and lands on its row', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInThroughUi(phone, h.url, 'dana@example.edu', PASSWORD);
    await phone.goto(`${h.url}/c/${ids.maya}`);
    await phone.getByTestId('composer-input').waitFor();
    await phone.keyboard.press('r');
    await phone.keyboard.press('Escape');
    await phone.waitForURL(`${h.url}/`);
    await expect
      .poll(() =>
        phone.evaluate(() => document.activeElement?.getAttribute('data-conversation-id')),
      )
      .toBe(String(ids.maya));
  });
});

describe('a long inbox by keyboard', () => {
  it('loads the next page when j moves past the last loaded row', async () => {
    const make = factories(h);
    for (let n = 0; n < 50; n += 1) {
      const phone = `1415557${String(n).padStart(4, '0')}`;
      make.contact({ firstName: 'Student', lastName: String(n), phone: `+${phone}` });
      await textFrom(phone, `Question ${n}`, 60 + n);
    }
    await page.goto(`${h.url}/`);
    await rows().nth(49).waitFor();
    expect(await rows().count()).toBe(50);

    await press('j', 'End');
    const lastLoaded = await rows().nth(49).getAttribute('data-conversation-id');
    expect(String((await focused()).row)).toBe(lastLoaded);
    await press('j');
    await expect.poll(() => rows().count()).toBe(53);
    const firstOfNextPage = await rows().nth(50).getAttribute('data-conversation-id');
    await expect.poll(async () => String((await focused()).row)).toBe(firstOfNextPage);
  });
});
