import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PASSWORD, startHarness, type Harness } from '../helpers/app-harness.js';
import {
  emulateColorScheme,
  launchBrowser,
  screenshot,
  type TestBrowser,
  signInThroughUi,
} from '../helpers/browser.js';
import { seedOffice, type DemoOffice } from '../helpers/demo-office.js';

let h: Harness;
let office: DemoOffice;
let browser: TestBrowser;
let page: Page;

const SIZES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
} as const;

interface Screen {
  name: string;
  path: () => string;
  /** What must be on screen for the shot to show the page as a counselor sees it. */
  shows: () => Locator[];
}

const message = (text: string) => page.getByTestId('message').filter({ hasText: text });

const SCREENS: Screen[] = [
  {
    name: 'inbox',
    path: () => '/',
    shows: () => [
      page.getByRole('heading', { level: 1, name: 'Inbox' }),
      page.getByRole('link', { name: /Maya Lopez/ }),
      page.getByRole('link', { name: /Jordan Kim/ }),
    ],
  },
  {
    name: 'thread',
    path: () => `/c/${office.busyThread}`,
    shows: () => [
      page.getByRole('heading', { name: 'Maya Lopez' }).first(),
      message('does it cover housing too?'),
      message('Call back after 5pm.'),
      message('Here is the deferral form: it covers housing too.'),
    ],
  },
  {
    name: 'board',
    path: () => '/board',
    shows: () => [
      page.getByRole('heading', { level: 1, name: 'Assignment board' }),
      page.getByRole('region', { name: 'Dana Reyes' }).getByRole('link', { name: /Maya Lopez/ }),
    ],
  },
  {
    name: 'reports',
    path: () => '/reports',
    shows: () => [
      page.getByRole('heading', { level: 1, name: /Reports/ }),
      page.getByRole('heading', { level: 2, name: 'Texts in and out' }),
      page.getByText(/^7 texts in, 3 out/),
      page.getByRole('heading', { level: 2, name: 'Response times' }),
      page.getByRole('heading', { level: 2, name: 'Open conversations by age' }),
      page.getByRole('heading', { level: 2, name: 'Opt-outs over time' }),
    ],
  },
];

/** How far the page is wider than the window; a layout that fits gives 0. */
const horizontalOverflow = () =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const pageBackground = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

beforeAll(async () => {
  h = await startHarness();
  office = await seedOffice(h);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: SIZES.desktop, reducedMotion: 'reduce' });
  await signInThroughUi(page, h.url, office.supervisor.email, PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('screenshots of the main screens', () => {
  for (const screen of SCREENS) {
    for (const [size, viewport] of Object.entries(SIZES)) {
      it(`shows the ${screen.name} at ${size} width in both themes, fitting`, async () => {
        await page.setViewportSize(viewport);

        const backgrounds: string[] = [];
        for (const colorScheme of ['light', 'dark'] as const) {
          // Each theme gets a fresh load: headless Chromium can leave a few elements styled in
          // the previous scheme when it switches under a page already drawn.
          await emulateColorScheme(page, colorScheme);
          await page.goto(`${h.url}${screen.path()}`);
          for (const locator of screen.shows()) await locator.waitFor();
          expect(await horizontalOverflow()).toBe(0);
          backgrounds.push(await pageBackground());
          await screenshot(page, `${screen.name}-${size}-${colorScheme}`, { whole: true });
        }
        expect(backgrounds[1], 'the dark theme follows the system setting').not.toBe(
          backgrounds[0],
        );
      });
    }
  }
});
