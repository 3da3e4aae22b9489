import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  factories,
  fixture,
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
let dana: Page;
let eli: Page;
let eliId: number;

beforeAll(async () => {
  h = await startHarness();
  const make = factories(h);
  const a = await make.user({ name: 'Dana Reyes', email: 'dana@example.edu' });
  const b = await make.user({ name: 'Eli Park', email: 'eli@example.edu' });
  eliId = b.id;
  make.number('+12025550123', 'Admissions');
  make.contact({ firstName: 'Maya', lastName: 'Lopez', phone: '+14155550100' });

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
  it('shows a text, a reply with its delivery state and an assignment on both pages', async () => {
    await postWebhook(h, 'inbound', fixture('inbound-sms.json'));
    const row = dana.getByTestId('inbox-row').first();
    await row.waitFor();
    const id = await row.getAttribute('data-conversation-id');
    expect(id).toBeTruthy();

    await dana.goto(`${h.url}/c/${id}`);
    await eli.goto(`${h.url}/c/${id}`);
    const bubbles = (page: Page, text: string | RegExp) =>
      page.getByTestId('message').filter({ hasText: text });
    const question = /deposit deadline still May 1/;
    await expect.poll(() => bubbles(dana, question).count()).toBe(1);
    await expect.poll(() => bubbles(eli, question).count()).toBe(1);

    const second = {
      ...JSON.parse(fixture('inbound-sms.json')),
      message_uuid: 'live-2',
      text: 'Also, where do I send transcripts?',
    };
    await postWebhook(h, 'inbound', second);
    await expect.poll(() => bubbles(dana, 'where do I send transcripts').count()).toBe(1);
    await expect.poll(() => bubbles(eli, 'where do I send transcripts').count()).toBe(1);

    await dana
      .getByTestId('composer-input')
      .fill('Yes, May 1 still stands. Transcripts go to the registrar.');
    await dana.getByTestId('send-button').click();
    const [request] = await h.fake!.waitForRequests(1, 10_000);
    const reply = bubbles(eli, 'Transcripts go to the registrar');
    await expect.poll(() => reply.count()).toBe(1);
    await expect.poll(() => reply.getAttribute('data-status')).toBe('submitted');

    const delivered = {
      ...JSON.parse(fixture('status-delivered.json')),
      message_uuid: request!.messageUuid,
    };
    await postWebhook(h, 'status', delivered);
    await expect.poll(() => reply.getAttribute('data-status')).toBe('delivered');
    await expect.poll(() => reply.getByText(/delivered/i).count()).toBeGreaterThan(0);

    await dana.getByTestId('assignee-select').selectOption({ value: `user:${eliId}` });
    await expect.poll(() => eli.getByTestId('assignee-select').inputValue()).toBe(`user:${eliId}`);

    await eli.goto(`${h.url}/`);
    await eli.getByTestId('inbox-row').first().waitFor();
    await screenshot(eli, 'inbox');
    await screenshot(dana, 'thread');
  });
});
