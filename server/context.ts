import type { Database } from './db/database.js';
import type { EventLog } from './features/realtime/event-log.js';
import type { Clock } from './lib/clock.js';
import type { Config } from './lib/config.js';
import type { Logger } from './lib/logger.js';

/** The dependencies every feature is built from; assembled once by `createApp`. */
export interface Deps {
  config: Config;
  db: Database;
  events: EventLog;
  clock: Clock;
  logger: Logger;
}

/** An ISO timestamp from the app's clock. */
export function nowIso(deps: Pick<Deps, 'clock'>): string {
  return deps.clock.now().toISOString();
}
