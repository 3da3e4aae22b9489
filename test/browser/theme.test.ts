import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { factories, PASSWORD, startHarness, type Harness } from '../helpers/app-harness.js';
import { launchBrowser, signInThroughUi, type TestBrowser } from '../helpers/browser.js';

let h: Harness;
let browser: TestBrowser;
let email: string;

beforeAll(async () => {
  h = await startHarness({ carrier: 'simulator' });
  email = (await factories(h).user({ name: 'Dana Reyes', role: 'counselor' })).email;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

/** Relative luminance (WCAG) of an element's computed colour property. */
function luminanceOf(page: Page, selector: string, property: 'color' | 'background-color') {
  return page
    .locator(selector)
    .first()
    .evaluate((element, name) => {
      const value = getComputedStyle(element).getPropertyValue(name);
      const [r, g, b] = (value.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
        const c = Number(part) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    }, property);
}

async function inboxIn(colorScheme: 'light' | 'dark'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme });
  await signInThroughUi(page, h.url, email, PASSWORD);
  await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
  return page;
}

describe('the colour theme', () => {
  it('is light on a light system: dark text on a pale page', async () => {
    const page = await inboxIn('light');

    expect(await luminanceOf(page, 'body', 'background-color')).toBeGreaterThan(0.8);
    expect(await luminanceOf(page, 'body', 'color')).toBeLessThan(0.05);
    expect(await luminanceOf(page, 'input', 'background-color')).toBeGreaterThan(0.9);
  });

  it('follows a dark system setting, fields included', async () => {
    const page = await inboxIn('dark');

    expect(await luminanceOf(page, 'body', 'background-color')).toBeLessThan(0.02);
    expect(await luminanceOf(page, 'body', 'color')).toBeGreaterThan(0.7);
    expect(await luminanceOf(page, 'input', 'background-color')).toBeLessThan(0.05);
    expect(await luminanceOf(page, 'input', 'color')).toBeGreaterThan(0.7);
  });
});

describe('reduced motion', () => {
  const spinnerSeconds = (page: Page) =>
    page.evaluate(() => {
      const spinner = document.createElement('span');
      spinner.className = 'spinner';
      document.body.append(spinner);
      const seconds = Number.parseFloat(getComputedStyle(spinner).animationDuration);
      spinner.remove();
      return seconds;
    });

  it('spins the loading spinner when motion is welcome', async () => {
    const page = await inboxIn('light');

    expect(await spinnerSeconds(page)).toBeGreaterThan(0.1);
  });

  it('stills animations when the system asks for reduced motion', async () => {
    const page = await inboxIn('light');
    await page.emulateMedia({ reducedMotion: 'reduce' });

    expect(await spinnerSeconds(page)).toBeLessThan(0.001);
  });
});
