import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createApp, type App } from '../../server/app.js';
import { openDatabase, type Database } from '../../server/db/database.js';
import { ConfigError, loadConfig } from '../../server/lib/config.js';
import { createLogger } from '../../server/lib/logger.js';

let app: App | null = null;
let db: Database | null = null;
let dir: string | null = null;

async function start(env: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-setup-'));
  const config = loadConfig({ DATABASE_PATH: join(dir, 'sb.db'), LOG_LEVEL: 'silent', ...env });
  db = openDatabase(config.databasePath);
  const printed: string[] = [];
  app = await createApp({
    config,
    db,
    logger: createLogger({ level: 'silent' }),
    announce: (t) => printed.push(t),
  });
  const port = await app.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, printed };
}

afterEach(async () => {
  await app?.close();
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  app = db = dir = null;
});

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('first admin', () => {
  it('is created from ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    const { url, printed } = await start({
      ADMIN_EMAIL: 'Boss@Example.edu',
      ADMIN_PASSWORD: 'a-long-password',
    });

    const res = await post(`${url}/api/auth/login`, {
      email: 'boss@example.edu',
      password: 'a-long-password',
    });

    expect(res.status).toBe(200);
    expect((await res.json()).user.role).toBe('admin');
    expect(printed).toHaveLength(0);
  });

  it('comes from the one-time link printed at first start', async () => {
    const { url, printed } = await start({});
    const token = /token=([\w-]+)/.exec(printed.join(''))?.[1];
    expect(token).toBeTruthy();
    expect(await (await fetch(`${url}/api/setup`)).json()).toEqual({ needsSetup: true });

    const wrong = await post(`${url}/api/setup`, {
      token: 'nope',
      email: 'a@example.edu',
      name: 'Ada',
      password: 'a-long-password',
    });
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.code).toBe('invalid_setup_token');

    const res = await post(`${url}/api/setup`, {
      token,
      email: 'a@example.edu',
      name: 'Ada',
      password: 'a-long-password',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('set-cookie')).toMatch(/sb_session=.*HttpOnly.*SameSite=Lax/i);

    const again = await post(`${url}/api/setup`, {
      token,
      email: 'b@example.edu',
      name: 'Bo',
      password: 'a-long-password',
    });
    expect(again.status).toBe(409);
    expect(await (await fetch(`${url}/api/setup`)).json()).toEqual({ needsSetup: false });
  });
});

describe('loadConfig', () => {
  it('refuses Vonage credentials without a signature secret', () => {
    expect(() => loadConfig({ VONAGE_API_KEY: 'k', VONAGE_API_SECRET: 's' })).toThrow(ConfigError);
    expect(() => loadConfig({ VONAGE_API_KEY: 'k', VONAGE_API_SECRET: 's' })).toThrow(
      /VONAGE_SIGNATURE_SECRET/,
    );
  });

  it('names every invalid variable', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', SMTP_URL: 'mail.example.edu', PUBLIC_URL: 'nope' }),
    ).toThrow(/PORT[\s\S]*PUBLIC_URL[\s\S]*SMTP_URL/);
  });

  it('gives the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databasePath: './data/switchboard.db',
      publicUrl: 'http://localhost:3000',
      vonage: null,
      smtpUrl: null,
    });
  });

  it('refuses one half of a credential pair', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@example.edu' })).toThrow(/together/);
    expect(() => loadConfig({ VONAGE_APPLICATION_ID: 'x' })).toThrow(/together/);
  });
});
