import { existsSync, writeFileSync } from 'node:fs';

import { openDatabase } from './db/database.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './lib/config.js';
import { category, createLogger } from './lib/logger.js';

async function main(): Promise<void> {
  // A .env file beside package.json is read when present; the real environment wins.
  if (existsSync('.env')) process.loadEnvFile('.env');

  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`\nSwitchboard cannot start.\n${error.message}\n\n`);
      process.exit(1);
    }
    throw error;
  }

  const logger = createLogger({ level: config.logLevel, pretty: config.logPretty });
  const log = category(logger, 'lifecycle');
  const db = openDatabase(config.databasePath);
  const app = await createApp({ config, db, logger });
  const port = await app.listen(config.port, config.host ?? undefined);
  if (config.portFile) writeFileSync(config.portFile, `${port}\n`);
  log.info(
    { port, carrier: app.sms.name, mail: config.smtpUrl ? 'smtp' : 'log' },
    'Switchboard is listening',
  );
  process.stdout.write(`\n  Switchboard is running at ${config.publicUrl}\n`);
  if (app.sms.name === 'simulator') {
    process.stdout.write(
      `  No Vonage credentials: the SMS simulator is at ${config.publicUrl}/simulator\n\n`,
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app
      .close()
      .then(() => {
        db.close();
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
