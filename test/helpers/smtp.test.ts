import { createTransport } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { parseMail, startSmtpServer } from './smtp.js';
import type { SmtpTestServer } from './smtp.js';

describe('startSmtpServer', () => {
  let smtp: SmtpTestServer;

  beforeEach(async () => {
    smtp = await startSmtpServer();
  });

  afterEach(async () => {
    await smtp.close();
  });

  it('receives mail sent through a transport built from its URL', async () => {
    const transport = createTransport(smtp.url);

    await transport.sendMail({
      from: 'switchboard@example.test',
      to: 'advisor@example.test',
      subject: 'New text from a student',
      text: 'You have 1 unread conversation.',
    });

    const [mail] = await smtp.waitFor(1);
    expect(smtp.url).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(mail).toMatchObject({
      from: 'switchboard@example.test',
      to: ['advisor@example.test'],
      subject: 'New text from a student',
      text: 'You have 1 unread conversation.',
    });
  });

  it('decodes quoted-printable soft line breaks and non-ASCII subjects', async () => {
    const transport = createTransport({ url: smtp.url, ignoreTLS: true });
    const text = `Café hours: ${'long line of words '.repeat(12).trim()} — see you`;

    await transport.sendMail({
      from: 'switchboard@example.test',
      to: ['a@example.test', 'b@example.test'],
      subject: 'Résumé ready ✓',
      text,
    });

    const [mail] = await smtp.waitFor(1);
    expect(mail?.raw).toMatch(/quoted-printable/i);
    expect(mail?.raw).toMatch(/=\r\n/);
    expect(mail).toMatchObject({
      to: ['a@example.test', 'b@example.test'],
      subject: 'Résumé ready ✓',
      text,
    });
  });

  it('accepts credentials in the URL without TLS', async () => {
    const transport = createTransport(smtp.url.replace('smtp://', 'smtp://user:pass@'));

    await transport.sendMail({ from: 'x@example.test', to: 'y@example.test', text: 'hi' });

    const [mail] = await smtp.waitFor(1);
    expect(mail?.text).toBe('hi');
  });

  it('takes the text part of a multipart message', async () => {
    const transport = createTransport(smtp.url);

    await transport.sendMail({
      from: 'x@example.test',
      to: 'y@example.test',
      subject: 'Digest',
      text: 'Plain version',
      html: '<p>HTML version</p>',
    });

    const [mail] = await smtp.waitFor(1);
    expect(mail).toMatchObject({ subject: 'Digest', text: 'Plain version' });
  });

  it('rejects waitFor when too few messages arrive', async () => {
    await expect(smtp.waitFor(1, 50)).rejects.toThrow(/0 of 1/);
  });
});

describe('parseMail', () => {
  it('decodes a base64 body', () => {
    const raw = [
      'Subject: =?UTF-8?B?SGVsbG8g8J+Riw==?=',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('Body ✓').toString('base64'),
    ].join('\r\n');

    expect(parseMail(raw)).toEqual({ subject: 'Hello 👋', text: 'Body ✓' });
  });
});
