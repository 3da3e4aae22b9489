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
let admin: Page;
let counselor: Page;
let mayaThread: number;

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** The left edge of each column header: a table that keeps its columns keeps these. */
const columnEdges = (page: Page) =>
  page
    .locator('table thead th')
    .evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().left)));

beforeAll(async () => {
  h = await startHarness({ carrier: 'simulator' });
  const make = factories(h);
  const ada = await make.user({ name: 'Ada Admin', email: 'ada@example.edu', role: 'admin' });
  const dana = await make.user({ name: 'Dana Reyes', email: 'dana@example.edu' });
  const now = new Date().toISOString();
  const team = h.db.sqlite
    .prepare(`INSERT INTO teams (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id`)
    .get('Undergraduate Admissions', now, now) as { id: number };
  h.db.sqlite
    .prepare('INSERT INTO team_members (team_id, user_id) VALUES (?, ?)')
    .run(team.id, dana.id);
  make.number('+12025550123', 'Admissions');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });
  await postWebhook(h, 'inbound', inboundBody({ text: 'Is the deposit refundable?' }));
  mayaThread = (h.db.sqlite.prepare('SELECT id FROM conversations').get() as { id: number }).id;

  browser = await launchBrowser();
  admin = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  counselor = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signInThroughUi(admin, h.url, ada.email, PASSWORD);
  await signInThroughUi(counselor, h.url, dana.email, PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('the inbox tabs and filters', () => {
  it('keeps a team member’s tabs on one row at 1440 px, unread counts in words', async () => {
    await counselor.goto(`${h.url}/`);
    const tabs = counselor.getByRole('tab');
    await counselor.getByRole('tab', { name: /^Undergraduate Admissions/ }).waitFor();
    const tops = await tabs.evaluateAll((all) =>
      all.map((tab) => Math.round(tab.getBoundingClientRect().top)),
    );
    expect(tops).toHaveLength(5);
    expect(new Set(tops).size).toBe(1);

    const all = counselor.getByRole('tab', { name: /^All/ });
    await expect.poll(() => all.textContent()).toContain('1 unread');
    expect(await all.getAttribute('title')).toBeNull();
    const badge = all.getByTestId('tab-unread');
    expect(await badge.getAttribute('title')).toBe('1 unread of 1 conversation');
    await screenshot(counselor, 'polish/inbox-tabs');
  });

  it('shows the tag filter from the start, so the first tag moves nothing', async () => {
    await counselor.goto(`${h.url}/c/${mayaThread}`);
    const filter = counselor.getByTestId('tag-filter');
    await expect.poll(() => filter.isDisabled()).toBe(true);
    expect(await filter.textContent()).toContain('No tags yet');
    const before = await counselor.locator('#inbox-search').boundingBox();

    await counselor.getByRole('button', { name: '+ Tag' }).click();
    await counselor.getByLabel('Tag name').fill('Deposit');
    await counselor.getByRole('button', { name: 'Add', exact: true }).click();
    await counselor.getByRole('button', { name: 'Remove tag Deposit' }).waitFor();

    await expect.poll(() => filter.isEnabled()).toBe(true);
    expect(await filter.textContent()).toContain('Any tag');
    expect(await counselor.locator('#inbox-search').boundingBox()).toEqual(before);
  });
});

describe('plain words on the pages', () => {
  it('explains response times as a short list of terms', async () => {
    await admin.goto(`${h.url}/reports`);
    const terms = admin.locator('[aria-labelledby="response-times-heading"] .report-definition dt');
    await expect
      .poll(() => terms.allTextContents())
      .toEqual(['Reply time', 'First response', 'Median', '90th percentile', 'Who and when']);
    await admin.getByText('9 in 10 replies were faster than this').waitFor();
    expect(await admin.getByText(/nearest-rank/).count()).toBe(0);
    await screenshot(admin, 'polish/reports-terms');
  });

  it('calls the saved-reply page what it is and shows fields as labelled chips', async () => {
    await admin.goto(`${h.url}/settings/sms`);
    await h1(admin, 'Saved replies').waitFor();
    const nav = admin.getByRole('navigation', { name: 'Settings' });
    expect(await nav.getByRole('link', { name: 'Saved replies' }).count()).toBe(1);

    await admin.getByLabel('Title').fill('Welcome');
    await admin.getByLabel('Text').fill('Hi {{contact.firstName|there}}, this is {{user.name}}.');
    await admin.getByRole('button', { name: 'Add saved reply' }).click();
    const row = admin.getByTestId('saved-reply-row').filter({ hasText: 'Welcome' });
    await row.waitFor();
    expect(await row.locator('.template-chip').allTextContents()).toEqual([
      'Contact first name, or “there”',
      'Your full name',
    ]);
    expect(await row.textContent()).not.toContain('{{');
    await screenshot(admin, 'polish/saved-replies');
  });

  it('names the saved-reply fields on the profile the way the editor does', async () => {
    await admin.goto(`${h.url}/profile`);
    const hint = admin.locator('#profile-name-hint');
    await expect.poll(() => hint.textContent()).toContain('“Your full name”');
    expect(await hint.textContent()).toContain('“Your first name”');
    expect(await hint.textContent()).not.toContain('{{');
  });

  it('tells a counselor the assistant is off without naming server settings', async () => {
    await counselor.goto(`${h.url}/c/${mayaThread}`);
    await counselor.getByRole('button', { name: 'Assistant' }).click();
    const off = counselor.getByTestId('assistant-off');
    await off.waitFor();
    expect(await off.textContent()).toContain('an admin can turn it on in Settings');
    expect(await off.textContent()).not.toMatch(/ASSISTANT_/);
    expect(await off.getByRole('link').count()).toBe(0);

    await admin.goto(`${h.url}/c/${mayaThread}`);
    await admin.getByRole('button', { name: 'Assistant' }).click();
    await admin.getByRole('link', { name: 'Open the assistant settings' }).click();
    await h1(admin, /Assistant/).waitFor();
    expect(new URL(admin.url()).pathname).toBe('/settings/assistant');
  });
});

describe('steady tables and supervisor shortcuts', () => {
  it('keeps the Users columns where they are when a long name arrives', async () => {
    await admin.goto(`${h.url}/admin/users`);
    await admin.getByRole('rowheader', { name: /Dana Reyes/ }).waitFor();
    const before = await columnEdges(admin);

    await admin.getByLabel('Name').fill('Bartholomew Featherstonehaugh-Cholmondeley the Third');
    await admin.getByLabel('Email').fill('bartholomew.featherstonehaugh@admissions.example.edu');
    await admin.getByLabel('Temporary password').fill('a long enough password');
    await admin.getByRole('button', { name: 'Add user' }).click();
    await admin.getByRole('rowheader', { name: /Bartholomew/ }).waitFor();

    expect(await columnEdges(admin)).toEqual(before);
    await screenshot(admin, 'polish/users-table');
  });

  it('opens reports with g r and the board with g b, listed for supervisors only', async () => {
    await admin.goto(`${h.url}/`);
    await h1(admin, 'Inbox').waitFor();
    await admin.keyboard.press('g');
    await admin.keyboard.press('r');
    await h1(admin, 'Reports').waitFor();
    await admin.keyboard.press('g');
    await admin.keyboard.press('b');
    await admin.waitForURL((url) => url.pathname === '/board');

    await admin.keyboard.press('?');
    const dialog = admin.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.getByText('Go to reports').waitFor();
    expect(await dialog.getByText('Go to the board').count()).toBe(1);

    await counselor.goto(`${h.url}/`);
    await h1(counselor, 'Inbox').waitFor();
    await counselor.keyboard.press('?');
    const counselorDialog = counselor.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await counselorDialog.getByText('Go to contacts').waitFor();
    expect(await counselorDialog.getByText('Go to reports').count()).toBe(0);
    await counselor.keyboard.press('Escape');
    await counselorDialog.waitFor({ state: 'hidden' });
    await counselor.keyboard.press('g');
    await counselor.keyboard.press('r');
    expect(new URL(counselor.url()).pathname).toBe('/');
  });
});
