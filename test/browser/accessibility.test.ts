import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditBothThemes, expectNoFindings } from '../helpers/axe.js';
import { factories, PASSWORD, startHarness, type Harness } from '../helpers/app-harness.js';
import { launchBrowser, type TestBrowser, signInThroughUi } from '../helpers/browser.js';
import { seedOffice, type DemoOffice } from '../helpers/demo-office.js';

let h: Harness;
let office: DemoOffice;
let browser: TestBrowser;
let page: Page;

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

const audit = (label: string) => auditBothThemes(page, label);

/** Waits for what shows a state is ready and audits it; a state that never shows is a finding. */
async function auditWhen(label: string, ready: Locator): Promise<string[]> {
  try {
    await ready.first().waitFor({ timeout: 10_000 });
  } catch {
    return [`${label}: never showed ${ready.toString()}`];
  }
  return audit(label);
}

/** Opens each path, audits it once ready, and fails once for them all. */
async function auditPages(pages: Array<[path: string, ready: () => Locator]>): Promise<void> {
  const failures: string[] = [];
  for (const [path, ready] of pages) {
    await page.goto(`${h.url}${path}`);
    failures.push(...(await auditWhen(path, ready())));
  }
  expectNoFindings(failures);
}

/** Runs `steps` on a page of its own (someone else, or nobody signed in), then closes it. */
async function onOwnPage(steps: () => Promise<void>): Promise<void> {
  const main = page;
  page = await browser.newPage({ viewport: DESKTOP, reducedMotion: 'reduce' });
  try {
    await steps();
  } finally {
    await page.context().close();
    page = main;
  }
}

beforeAll(async () => {
  h = await startHarness();
  office = await seedOffice(h);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: DESKTOP, reducedMotion: 'reduce' });
  await signInThroughUi(page, h.url, office.admin.email, PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  it('finds nothing serious on the sign-in page, and ties its error to the fields', async () => {
    await onOwnPage(async () => {
      await page.goto(`${h.url}/login`);
      await h1('Sign in').waitFor();
      const failures = await audit('/login');

      await page.getByLabel('Email').fill(office.admin.email);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: /sign in/i }).click();
      failures.push(...(await auditWhen('/login (error)', page.getByRole('alert'))));

      expectNoFindings(failures);
      const describedBy = await page.getByLabel('Password').getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/do not match/);
    });
  });

  it('finds nothing serious on the inbox, threads and contacts', async () => {
    await auditPages([
      ['/', () => page.getByRole('link', { name: /Maya Lopez/ })],
      [`/c/${office.busyThread}`, () => page.getByText('Call back after 5pm.')],
      [`/c/${office.closedThread}`, () => page.getByText(/Tours start at 10am/)],
      ['/new', () => h1('New conversation')],
      ['/contacts', () => page.getByRole('link', { name: /Jordan Kim/ })],
      [`/contacts/${office.contact}`, () => h1('Maya Lopez')],
      [`/contacts/${office.optedOutContact}`, () => h1('Amara Okafor')],
      ['/contacts/new', () => h1('New contact')],
    ]);
  });

  it('marks the fields a new contact is missing and describes them by the error', async () => {
    await page.goto(`${h.url}/contacts/new`);
    await page.getByRole('button', { name: 'Create contact' }).click();
    const failures = await auditWhen('/contacts/new (error)', page.getByRole('alert'));

    expectNoFindings(failures);
    const firstName = page.getByLabel('First name');
    expect(await firstName.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await firstName.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/first or last name/);
    expect(await firstName.evaluate((input) => input === document.activeElement)).toBe(true);
  });

  it('finds nothing serious on the board, reports, profile and 404 pages', async () => {
    await auditPages([
      ['/board', () => page.getByRole('region', { name: 'Dana Reyes' })],
      ['/reports', () => page.getByText(/^7 texts in, 3 out/)],
      ['/profile', () => h1('Your profile')],
      ['/profile/notifications', () => h1('My notifications')],
      ['/no-such-page', () => h1('Page not found')],
    ]);
  });

  it('finds nothing serious on the admin and settings pages', async () => {
    await auditPages([
      ['/admin/users', () => page.getByText('lee@example.edu')],
      ['/admin/teams', () => page.getByText('Financial aid')],
      ['/admin/numbers', () => page.getByText('Admissions')],
      ['/settings/sms', () => page.getByText('Deposit deadline')],
      ['/settings/tags', () => page.getByText('FAFSA')],
      ['/settings/rules', () => page.getByText('Tag deposit questions')],
      ['/settings/assistant', () => h1('Assistant and bot')],
    ]);
  });

  it('finds nothing serious with the shortcuts, reply and assignee pickers open', async () => {
    const failures: string[] = [];
    await page.goto(`${h.url}/c/${office.busyThread}`);
    await page.getByText('Call back after 5pm.').waitFor();

    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: /shortcuts/i });
    failures.push(...(await auditWhen('shortcuts dialog', shortcuts)));
    await page.keyboard.press('Escape');

    const composer = page.getByTestId('composer-input');
    await composer.click();
    await composer.pressSequentially('/dep');
    const picker = page.getByRole('option', { name: /Deposit deadline/ });
    failures.push(...(await auditWhen('saved-reply picker', picker)));
    await composer.fill('');

    await page.getByTestId('assignee-select').focus();
    failures.push(...(await audit('assignee picker (focused)')));

    expectNoFindings(failures);
  });

  it('finds nothing serious at phone width: menu, stacked thread, contact drawer', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${h.url}/`);
    await page.getByRole('link', { name: /Maya Lopez/ }).waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    const users = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Users' });
    const failures = await auditWhen('phone menu', users);

    try {
      await page.goto(`${h.url}/c/${office.busyThread}`);
      failures.push(...(await auditWhen('phone thread', page.getByText('Call back after 5pm.'))));
      await page.getByRole('button', { name: 'More actions' }).click();
      const contact = page.getByRole('button', { name: 'Contact', exact: true });
      failures.push(...(await auditWhen('phone thread actions', contact)));
      await contact.click();
      const drawer = page.getByRole('dialog', { name: 'Maya Lopez' });
      failures.push(...(await auditWhen('phone contact drawer', drawer)));
      await page.keyboard.press('Escape');
      await page.goto(`${h.url}/reports`);
      failures.push(...(await auditWhen('phone reports', page.getByText(/^7 texts in, 3 out/))));
    } finally {
      await page.setViewportSize(DESKTOP);
    }

    expectNoFindings(failures);
  });

  it('finds nothing serious on the no-access page a counselor meets', async () => {
    await onOwnPage(async () => {
      await signInThroughUi(page, h.url, office.counselor.email, PASSWORD);
      await auditPages([['/admin/users', () => h1(/have access to this page/)]]);
    });
  });
});

describe('accessibility of a fresh office', () => {
  let fresh: Harness;

  beforeAll(async () => {
    fresh = await startHarness({ carrier: 'simulator' });
  });

  afterAll(async () => {
    await fresh?.close();
  });

  it('finds nothing serious on set-up, the empty inbox and the simulator', async () => {
    const failures: string[] = [];
    await onOwnPage(async () => {
      await page.goto(`${fresh.url}/`);
      await h1('Set up Switchboard').waitFor();
      failures.push(...(await audit('/setup')));
      await page.getByLabel('Setup token').fill('token-from-the-log');
      await page.getByLabel('Your name').fill('Ada Admin');
      await page.getByLabel('Email').fill('ada@example.edu');
      await page.getByLabel('Password').fill('short');
      await page.getByRole('button', { name: 'Create admin account' }).click();
      const password = page.getByLabel('Password');
      await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
      expect(await password.getAttribute('aria-describedby')).toContain('setup-password-error');
      failures.push(...(await audit('/setup (error)')));

      const ada = await factories(fresh).user({ email: 'ada@example.edu', role: 'admin' });
      await signInThroughUi(page, fresh.url, ada.email, PASSWORD);
      await h1('Inbox').waitFor();
      await page.getByText('No conversations here').waitFor();
      failures.push(...(await audit('/ (empty)')));

      await page.goto(`${fresh.url}/simulator`);
      await h1('SMS simulator').waitFor();
      failures.push(...(await audit('/simulator')));
    });

    expectNoFindings(failures);
  });
});
