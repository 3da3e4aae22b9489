import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser, screenshot } from './browser.js';
import type { TestBrowser } from './browser.js';

const PAGE = `<!doctype html>
<html>
  <head><meta charset="utf-8"><title>Helper check</title></head>
  <body>
    <button id="count" type="button">Clicked 0 times</button>
    <p id="owner"></p>
    <script>
      let clicks = 0;
      const button = document.getElementById('count');
      button.addEventListener('click', () => {
        clicks += 1;
        button.textContent = 'Clicked ' + clicks + ' times';
      });
      const owner = localStorage.getItem('owner') ?? 'nobody';
      document.getElementById('owner').textContent = 'Owner: ' + owner;
    </script>
  </body>
</html>`;

describe('launchBrowser', () => {
  let server: Server;
  let baseUrl: string;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('clicks a button on a page served from 127.0.0.1', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);

    await page.getByRole('button', { name: 'Clicked 0 times' }).click();
    await page.getByRole('button').click();

    await expect.poll(() => page.locator('#count').textContent()).toBe('Clicked 2 times');
  });

  it('keeps storage apart between two users', async () => {
    const alice = await browser.newPage();
    const bob = await browser.newPage();
    await alice.goto(baseUrl);
    await alice.evaluate(() => localStorage.setItem('owner', 'alice'));

    await alice.reload();
    await bob.goto(baseUrl);

    expect(await alice.locator('#owner').textContent()).toBe('Owner: alice');
    expect(await bob.locator('#owner').textContent()).toBe('Owner: nobody');
  });

  it('saves a screenshot under test/artifacts', async () => {
    const page = await browser.newPage({ viewport: { width: 480, height: 240 } });
    await page.goto(baseUrl);

    const path = await screenshot(page, 'helpers/browser-check');

    expect(path).toMatch(/test\/artifacts\/helpers\/browser-check\.png$/);
    expect(existsSync(path)).toBe(true);
  });
});
