import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  factories,
  signIn,
  sleep,
  startHarness,
  type Harness,
  type Staff,
} from '../helpers/app-harness.js';
import { gif, jpeg, pdf, png } from '../helpers/media-files.js';

let h: Harness;
let dana: Staff;
let eli: Staff;
let numberId: number;
let make: ReturnType<typeof factories>;

beforeEach(async () => {
  h = await startHarness();
  make = factories(h);
  const a = await make.user({ name: 'Dana Reyes' });
  const b = await make.user({ name: 'Eli Park' });
  numberId = make.number('+12025550123', 'Admissions').id;
  dana = await signIn(h, a.email);
  eli = await signIn(h, b.email);
});

afterEach(async () => {
  await h.close();
});

function upload(
  bytes: Buffer,
  type: string,
  name = 'photo.png',
  cookie: string | null = dana.cookie,
) {
  return fetch(`${h.url}/api/uploads`, {
    method: 'POST',
    headers: {
      'content-type': type,
      'x-file-name': encodeURIComponent(name),
      ...(cookie ? { cookie } : {}),
    },
    body: new Uint8Array(bytes),
  }).then(async (res) => ({ status: res.status, body: await res.json() }));
}

const fetchMedia = (url: string, cookie?: string) =>
  fetch(`${h.url}${url}`, { headers: cookie ? { cookie } : {} });

const mediaDir = () => join(h.dir, 'media');

/** Starts a conversation with a new contact at `phone`, sending `attachmentIds` with the text. */
function textWithFiles(phone: string, attachmentIds: string[], text = 'Here is the campus map.') {
  const contact = make.contact({ firstName: 'Sam', lastName: 'Lee', phone });
  return dana.post('/api/conversations', {
    name: 'Campus visit',
    numberId,
    contactId: contact.id,
    text,
    attachmentIds,
  });
}

describe('POST /api/uploads', () => {
  it('refuses a request without a session and stores nothing', async () => {
    const res = await upload(png(40, 30), 'image/png', 'map.png', null);

    expect(res.status).toBe(401);
    expect(existsSync(mediaDir()) ? readdirSync(mediaDir()) : []).toEqual([]);
  });

  it('stores a picture under the data folder with an unguessable id and its size', async () => {
    const res = await upload(png(400, 300), 'image/png', 'Campus map.png');

    expect(res.status).toBe(201);
    const { attachment, warnings } = res.body;
    expect(attachment).toMatchObject({
      contentType: 'image/png',
      fileName: 'Campus map.png',
      width: 400,
      height: 300,
    });
    expect(attachment.id).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(attachment.url).toBe(`/media/${attachment.id}`);
    expect(warnings).toEqual([]);
    expect(readdirSync(mediaDir())).toEqual([attachment.id]);
  });

  it.each([
    { name: '1:1', bytes: png(500, 500) },
    { name: '9:16', bytes: png(450, 800) },
    { name: '4:3', bytes: gif(640, 480) },
    { name: 'a 16:9 JPEG turned upright by EXIF (9:16)', bytes: jpeg(1600, 900, 6) },
  ])('gives no aspect-ratio warning for $name', async ({ bytes }) => {
    const res = await upload(bytes, 'application/octet-stream', 'photo');

    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([]);
  });

  it.each([
    { name: '2:1', bytes: png(1000, 500), size: '1000×500' },
    { name: '16:9 JPEG', bytes: jpeg(1600, 900), size: '1600×900' },
    { name: '3:4 JPEG (a 4:3 turned upright)', bytes: jpeg(1600, 1200, 8), size: '1200×1600' },
  ])('warns about a picture at $name', async ({ bytes, size }) => {
    const res = await upload(bytes, 'application/octet-stream', 'photo');

    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([
      { code: 'aspect_ratio', message: expect.stringContaining(size) },
    ]);
  });

  it('accepts a PDF, typed by its content', async () => {
    const res = await upload(pdf(), 'application/octet-stream', 'Checklist.pdf');

    expect(res.status).toBe(201);
    expect(res.body.attachment).toMatchObject({ contentType: 'application/pdf', width: null });
  });

  it.each([
    { name: 'a PNG that says it is a JPEG', bytes: png(10, 10), type: 'image/jpeg' },
    {
      name: 'text posing as a PNG',
      bytes: Buffer.from('<svg onload=alert(1)>'),
      type: 'image/png',
    },
    { name: 'an HTML page', bytes: Buffer.from('<html></html>'), type: 'text/html' },
    { name: 'an SVG picture', bytes: Buffer.from('<svg/>'), type: 'image/svg+xml' },
  ])('refuses $name with 415', async ({ bytes, type }) => {
    const res = await upload(bytes, type, 'file');

    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
    expect(existsSync(mediaDir()) ? readdirSync(mediaDir()) : []).toEqual([]);
  });

  it('refuses a file over 5 MB with 413', async () => {
    const big = Buffer.concat([png(10, 10), Buffer.alloc(5 * 1024 * 1024)]);

    const res = await upload(big, 'image/png');

    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('refuses an empty body', async () => {
    const res = await upload(Buffer.alloc(0), 'image/png');

    expect(res.status).toBe(400);
  });
});

describe('GET /media/:id', () => {
  it('serves an unsent file to its uploader only', async () => {
    const { attachment } = (await upload(png(40, 30), 'image/png')).body;

    const mine = await fetchMedia(attachment.url, dana.cookie);
    const theirs = await fetchMedia(attachment.url, eli.cookie);
    const anyone = await fetchMedia(attachment.url);

    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/png');
    expect(mine.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await mine.arrayBuffer()).equals(png(40, 30))).toBe(true);
    expect(theirs.status).toBe(404);
    expect(anyone.status).toBe(404);
  });

  it('answers 404 for an id that is not one', async () => {
    expect((await fetchMedia('/media/not-a-real-id', dana.cookie)).status).toBe(404);
    expect((await fetchMedia(`/media/${'A'.repeat(32)}`, dana.cookie)).status).toBe(404);
  });

  it('serves a sent file to anyone holding its URL, as the carrier fetches it', async () => {
    const { attachment } = (await upload(png(40, 30), 'image/png')).body;
    await textWithFiles('+14155550100', [attachment.id]);

    const carrier = await fetchMedia(attachment.url);

    expect(carrier.status).toBe(200);
    expect(carrier.headers.get('content-type')).toBe('image/png');
  });
});

describe('MMS by number region', () => {
  it('sends a picture to a US number through the public URL', async () => {
    const { attachment } = (await upload(png(400, 300), 'image/png')).body;

    const res = await textWithFiles('+14155550100', [attachment.id]);

    expect(res.status).toBe(201);
    expect(res.body.message.attachments).toEqual([
      expect.objectContaining({ id: attachment.id, url: `/media/${attachment.id}` }),
    ]);
    const [request] = await h.fake!.waitForRequests(1);
    expect(request!.body).toEqual({
      to: '14155550100',
      from: '12025550123',
      channel: 'mms',
      message_type: 'image',
      image: {
        url: `http://127.0.0.1:3999/media/${attachment.id}`,
        caption: 'Here is the campus map.',
      },
      client_ref: expect.any(String),
    });
  });

  it('sends a PDF as a file, and each file of a message in a request of its own', async () => {
    const picture = (await upload(png(400, 300), 'image/png')).body.attachment;
    const checklist = (await upload(pdf(), 'application/pdf', 'Checklist.pdf')).body.attachment;

    await textWithFiles('+17875550100', [picture.id, checklist.id], 'Map and checklist.');

    const [first, second] = await h.fake!.waitForRequests(2);
    expect(first!.body).toMatchObject({
      message_type: 'image',
      image: { caption: 'Map and checklist.' },
    });
    expect(second!.body).toMatchObject({
      message_type: 'file',
      file: { url: `http://127.0.0.1:3999/media/${checklist.id}` },
    });
    await sleep(100);
    expect(h.fake!.requests).toHaveLength(2);
  });

  it.each([
    { name: 'a Canadian', phone: '+14165550100' },
    { name: 'a UK', phone: '+447400123456' },
  ])('refuses $name number before any carrier call and keeps the attachment', async ({ phone }) => {
    const { attachment } = (await upload(png(400, 300), 'image/png')).body;

    const res = await textWithFiles(phone, [attachment.id]);

    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('mms_not_supported');
    expect(res.body.error.message).toMatch(/US numbers/);
    const conversations = h.db.sqlite.prepare('SELECT COUNT(*) AS n FROM conversations').get();
    expect(conversations).toEqual({ n: 0 });
    expect((await fetchMedia(attachment.url, dana.cookie)).status).toBe(200);
    await sleep(100);
    expect(h.fake!.requests).toHaveLength(0);

    const retry = await textWithFiles('+14155550100', [attachment.id]);
    expect(retry.status).toBe(201);
    await h.fake!.waitForRequests(1);
  });

  it('still texts a Canadian number without attachments', async () => {
    const res = await textWithFiles('+14165550100', []);

    expect(res.status).toBe(201);
    const [request] = await h.fake!.waitForRequests(1);
    expect(request!.body).toMatchObject({ channel: 'sms', to: '14165550100' });
  });

  it('refuses an attachment someone else uploaded or that was already sent', async () => {
    const theirs = (await upload(png(40, 30), 'image/png', 'x.png', eli.cookie)).body.attachment;
    const mine = (await upload(png(40, 30), 'image/png')).body.attachment;
    await textWithFiles('+14155550100', [mine.id]);

    const stolen = await textWithFiles('+14155550101', [theirs.id]);
    const reused = await textWithFiles('+14155550102', [mine.id]);

    expect(stolen.status).toBe(400);
    expect(reused.status).toBe(400);
    await sleep(100);
    expect(h.fake!.requests).toHaveLength(1);
  });
});
