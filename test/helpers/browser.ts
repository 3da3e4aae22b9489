import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

/** Where `screenshot()` writes: `test/artifacts/` at the repository root. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium still looks up Google hosts (accounts, update) in the background; tests only ever
  // talk to loopback, so every other name fails to resolve without a DNS query.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export interface TestBrowser {
  /** Opens a page in a context of its own, so two pages act as two separate users. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A fresh context (cookies, storage) for one user; closed with the browser. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Launches Debian's headless Chromium (or `CHROMIUM_PATH`) through playwright-core. */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });

  const newContext = (options?: BrowserContextOptions) => browser.newContext(options);

  return {
    newContext,

    async newPage(options) {
      const context = await newContext(options);
      return context.newPage();
    },

    async close() {
      await Promise.all(browser.contexts().map((context) => context.close()));
      await browser.close();
    },
  };
}

/** Saves a PNG as `test/artifacts/<name>.png`; `whole` includes what <main> scrolls past. */
export async function screenshot(
  page: Page,
  name: string,
  options: { whole?: boolean } = {},
): Promise<string> {
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await mkdir(dirname(path), { recursive: true });
  const viewport = page.viewportSize();
  // The app scrolls inside <main>, so a full-page shot alone stops at the window's edge.
  const hidden = options.whole
    ? await page.evaluate(() => {
        const main = document.querySelector('main');
        return main ? Math.max(0, main.scrollHeight - main.clientHeight) : 0;
      })
    : 0;
  if (viewport && hidden > 0) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height + hidden });
  }
  await page.screenshot({ path, fullPage: true });
  if (viewport && hidden > 0) await page.setViewportSize(viewport);
  return path;
}

/** Signs a page in through the real sign-in form and waits until it has left it. */
export async function signInThroughUi(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Switches the emulated system theme. Headless Chromium restyles the page for the new
 * `prefers-color-scheme` only when it next draws a frame, so this draws one (a 1-pixel
 * screenshot); without it, styles read straight after still show the old theme.
 */
export async function emulateColorScheme(page: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await page.screenshot({ clip: { x: 0, y: 0, width: 1, height: 1 } });
}
