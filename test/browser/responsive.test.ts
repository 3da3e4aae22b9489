import type { BrowserContextOptions, Page } from 'playwright-core';
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
import { blockingViolations, formatViolations, runAxe } from '../helpers/axe.js';
import {
  launchBrowser,
  screenshot,
  type TestBrowser,
  signInThroughUi,
} from '../helpers/browser.js';

let h: Harness;
let browser: TestBrowser;
let admin: { email: string };
let eli: { email: string };
let contactId: number;
let conversationId: number;
let otherId: number;

const MAIN_PAGES = [
  '/',
  '/c/:id',
  '/new',
  '/contacts',
  '/contacts/new',
  '/contacts/:contact',
  '/board',
  '/reports',
  '/profile',
  '/profile/notifications',
  '/admin/users',
  '/admin/teams',
  '/admin/numbers',
  '/settings/sms',
  '/settings/tags',
  '/settings/rules',
  '/settings/assistant',
  '/simulator',
];

const PHONES: Array<[number, number]> = [
  [390, 844],
  [360, 740],
];

const pathFor = (pattern: string) =>
  pattern.replace(':id', String(conversationId)).replace(':contact', String(contactId));

async function openPage(
  width: number,
  height: number,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, ...options });
  await signInThroughUi(page, h.url, admin.email, PASSWORD);
  return page;
}

/** How far the page, or the main scroller inside it, reaches past the viewport's right edge. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    const main = document.querySelector('main');
    return Math.max(
      root.scrollWidth - root.clientWidth,
      main ? main.scrollWidth - main.clientWidth : 0,
    );
  });

/** The list's own region: on a phone a thread page keeps a hidden "Inbox" h1 of its own. */
const inboxList = (page: Page) => page.getByRole('region', { name: 'Inbox', exact: true });
const threadTitle = (page: Page) => page.locator('#thread-title');
/** Axe's serious and critical findings inside one part of the page, as readable lines. */
async function axeFindings(page: Page, include: string): Promise<string[]> {
  const blocking = blockingViolations(await runAxe(page, { include }));
  return blocking.length > 0 ? [formatViolations(include, blocking)] : [];
}

const contactPanel = (page: Page) => page.getByRole('complementary', { name: 'Maya Lopez' });

beforeAll(async () => {
  h = await startHarness({ carrier: 'simulator' });
  const make = factories(h);
  admin = await make.user({ name: 'Ava Ward', email: 'ava@example.edu', role: 'admin' });
  eli = await make.user({ name: 'Eli Park', email: 'eli@example.edu' });
  make.number('+12025550123', 'Admissions');
  make.number('+12025550124', 'Financial Aid');
  contactId = make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' }).id;
  const texts = [
    { to: '12025550123', text: 'Is the deposit refundable if I defer to the spring term?' },
    { to: '12025550124', text: 'Did my FAFSA arrive?' },
  ];
  for (const body of texts) {
    const res = await postWebhook(h, 'inbound', inboundBody(body));
    expect(res.body.stored).toBe(true);
  }
  const idOn = (label: string) =>
    (
      h.db.sqlite
        .prepare(
          `SELECT c.id FROM conversations c JOIN office_numbers n ON n.id = c.number_id
           WHERE n.label = ?`,
        )
        .get(label) as { id: number }
    ).id;
  conversationId = idOn('Admissions');
  otherId = idOn('Financial Aid');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('the inbox on a phone (390 × 844)', () => {
  it('shows the list alone, then the thread alone, and Back returns to the list', async () => {
    const page = await openPage(390, 844);
    await page.goto(`${h.url}/`);
    await inboxList(page).waitFor();
    expect(await page.getByRole('region', { name: 'Conversation', exact: true }).isVisible()).toBe(
      false,
    );
    await screenshot(page, 'responsive/inbox-phone');

    await page.locator(`a[href="/c/${conversationId}"]`).first().click();
    await threadTitle(page).waitFor();
    expect(await inboxList(page).isVisible()).toBe(false);
    expect(await page.getByTestId('composer-input').isVisible()).toBe(true);
    await screenshot(page, 'responsive/thread-phone');

    await page.getByRole('link', { name: 'Back to inbox' }).click();
    await inboxList(page).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await threadTitle(page).count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('href')))
      .toBe(`/c/${conversationId}`);
    await page.context().close();
  });

  it('keeps the composer on screen, with finger-sized controls on a touch screen', async () => {
    const page = await openPage(390, 844, { isMobile: true, hasTouch: true });
    await page.goto(`${h.url}/c/${conversationId}`);
    const send = page.getByRole('button', { name: 'Send' });
    await send.waitFor();

    const box = await send.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main button, main select, main [role="tab"]')]
        .filter((control) => control.getClientRects().length > 0)
        .filter((control) => control.getBoundingClientRect().height < 44)
        .map((control) => control.textContent?.trim() || control.className),
    );
    expect(small).toEqual([]);
    await page.context().close();
  });

  for (const [width, height] of PHONES) {
    it(`scrolls no main page sideways at ${width} px`, async () => {
      const guest = await browser.newPage({ viewport: { width, height } });
      await guest.goto(`${h.url}/login`);
      await guest.getByLabel('Password').waitFor();
      const overflowing = (await sidewaysOverflow(guest)) > 0 ? ['/login'] : [];
      await guest.context().close();

      const page = await openPage(width, height);
      for (const pattern of MAIN_PAGES) {
        await page.goto(`${h.url}${pathFor(pattern)}`);
        await page.locator('main h1:visible, main h2:visible').first().waitFor();
        await page.waitForLoadState('networkidle');
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) overflowing.push(`${pattern} (+${overflow}px)`);
      }
      expect(overflowing).toEqual([]);
      await page.context().close();
    });
  }
});

describe('the top bar', () => {
  it('folds into a menu on a phone that opens and leads to a page', async () => {
    const page = await openPage(390, 844);
    await inboxList(page).waitFor();
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await page.getByRole('link', { name: 'Contacts' }).isVisible()).toBe(false);

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: 'Contacts' }).click();

    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await page.context().close();
  });

  it('keeps the admin’s whole nav clear of the account area on desktop widths', async () => {
    const crowded: string[] = [];
    for (const width of [1280, 1366, 1440, 1536, 1600, 1728, 1920]) {
      const page = await openPage(width, 800);
      await inboxList(page).waitFor();
      const fit = await page.evaluate(() => {
        const nav = document.querySelector<HTMLElement>('.main-nav')!;
        const account = document.querySelector<HTMLElement>('.account')!;
        const navRight = nav.getBoundingClientRect().left + nav.scrollWidth;
        return { spare: account.getBoundingClientRect().left - navRight };
      });
      if (fit.spare < 0) crowded.push(`${width} px (${Math.round(fit.spare)} px)`);
      await page.context().close();
    }
    expect(crowded).toEqual([]);
  });
});

describe('the inbox on a wide monitor (1600 × 900)', () => {
  it('shows the contact beside the thread with name and phone', async () => {
    const page = await openPage(1600, 900);
    await page.goto(`${h.url}/c/${conversationId}`);
    const panel = contactPanel(page);
    await panel.getByText('+1 (415) 555-0100').waitFor();

    expect(await panel.getByRole('heading', { name: 'Maya Lopez' }).isVisible()).toBe(true);
    expect(await panel.getByText('Mobile', { exact: true }).isVisible()).toBe(true);
    expect(await panel.locator(`a[href="/c/${otherId}"]`).textContent()).toContain('Financial Aid');
    expect(await panel.locator(`a[href="/c/${conversationId}"]`).count()).toBe(0);
    const thread = await page
      .getByRole('region', { name: 'Conversation', exact: true })
      .boundingBox();
    const aside = await panel.boundingBox();
    expect(aside!.x).toBeGreaterThanOrEqual(thread!.x + thread!.width - 1);
    expect(aside!.y).toBeLessThan(thread!.y + thread!.height);
    expect(await axeFindings(page, '.inbox-contact')).toEqual([]);
    await screenshot(page, 'responsive/thread-wide');
    await page.context().close();
  });

  it('updates the contact live when another user unsubscribes them', async () => {
    const page = await openPage(1600, 900);
    await page.goto(`${h.url}/c/${conversationId}`);
    const panel = contactPanel(page);
    await panel.getByText('Subscribed').waitFor();
    await page.evaluate(() => Object.assign(window, { panelMarker: 'same page' }));

    const other = await signIn(h, eli.email);
    const res = await other.post(`/api/contacts/${contactId}/unsubscribe`);
    expect(res.status).toBe(200);

    await panel.getByText('Opted out').waitFor({ timeout: 10_000 });
    expect(await panel.getByRole('button', { name: 'Resubscribe' }).isVisible()).toBe(true);
    const marker = await page.evaluate(() => (window as { panelMarker?: string }).panelMarker);
    expect(marker).toBe('same page');

    await panel.getByRole('button', { name: 'Resubscribe' }).click();
    await panel.getByText('Subscribed').waitFor();
    await page.context().close();
  });
});

describe('the contact below the wide layout (1280 × 800)', () => {
  it('opens as a dialog from the keyboard; Esc closes it and focus returns', async () => {
    const page = await openPage(1280, 800);
    await page.goto(`${h.url}/c/${conversationId}`);
    expect(await page.getByTestId('contact-panel').count()).toBe(0);
    const button = page.getByRole('button', { name: 'Contact', exact: true });
    await button.focus();
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: 'Maya Lopez' });
    await dialog.getByText('+1 (415) 555-0100').waitFor();
    expect(await dialog.locator(`a[href="/c/${otherId}"]`).count()).toBe(1);
    expect(await axeFindings(page, '.contact-drawer')).toEqual([]);
    await page.keyboard.press('Escape');

    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Contact');
    await page.context().close();
  });
});
