import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import express from 'express';

import type { Database } from './db/database.js';
import { settingsRoutes } from './features/admin/settings.js';
import {
  checkOrigin,
  isOwnOrigin,
  loadSession,
  requireStaff,
} from './features/auth/auth.middleware.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { type Automation, createAutomation } from './features/automation/automation.js';
import type { LoginLimiter } from './features/auth/login-limiter.js';
import { boardRoutes } from './features/board/board.routes.js';
import { contactRoutes } from './features/contacts/contact.routes.js';
import { conversationRoutes } from './features/conversations/conversation.routes.js';
import { ConversationService } from './features/conversations/conversation.service.js';
import { InboxQueries } from './features/conversations/inbox.queries.js';
import { createMailer, type Mailer } from './features/mail/mailer.js';
import { notificationRoutes } from './features/mail/notification.routes.js';
import { participantMail } from './features/mail/participant-mail.js';
import { mediaRoutes, uploadRoutes } from './features/media/media.routes.js';
import { MediaService } from './features/media/media.service.js';
import { MessageService } from './features/messages/message.service.js';
import { numbersRoutes } from './features/numbers/numbers.routes.js';
import { optOutRoutes } from './features/optout/optout.routes.js';
import { OptOutService } from './features/optout/optout.service.js';
import { EventLog } from './features/realtime/event-log.js';
import { Realtime, type RealtimeOptions } from './features/realtime/realtime.js';
import { ensureReplyWaits } from './features/reports/reply-waits.rebuild.js';
import { reportsRoutes } from './features/reports/reports.routes.js';
import { SearchService } from './features/search/search.service.js';
import { bootstrapAdmin, setupRoutes } from './features/setup/setup.js';
import { DEFAULT_OUTBOX, Outbox, type OutboxOptions } from './features/sms/outbox.js';
import { ReceiptService } from './features/sms/receipts.js';
import { SimulatorProvider } from './features/sms/simulator-provider.js';
import { simulatorRoutes } from './features/sms/simulator.routes.js';
import type { SmsProvider } from './features/sms/sms-provider.js';
import { VonageProvider } from './features/sms/vonage-provider.js';
import { teamsRoutes } from './features/teams/teams.routes.js';
import { usersRoutes } from './features/users/users.routes.js';
import { InboundService } from './features/webhooks/inbound.service.js';
import { webhookRoutes } from './features/webhooks/webhook.routes.js';
import type { Deps } from './context.js';
import { type Clock, systemClock } from './lib/clock.js';
import type { Config } from './lib/config.js';
import { errors } from './lib/errors.js';
import { errorHandler, requestId, requireRole } from './lib/http.js';
import { category, type Logger } from './lib/logger.js';

export interface AppOptions {
  config: Config;
  db: Database;
  logger: Logger;
  clock?: Clock;
  sms?: SmsProvider;
  mailer?: Mailer;
  outbox?: Partial<OutboxOptions>;
  realtime?: Partial<RealtimeOptions>;
  loginLimiter?: LoginLimiter;
  clientDir?: string;
  /** Where the one-time set-up link is printed; stdout by default. */
  announce?: (text: string) => void;
}

export interface App {
  server: Server;
  /** The Express app behind `server`; the attack tests read its route table. */
  web: express.Express;
  deps: Deps;
  sms: SmsProvider;
  outbox: Outbox;
  realtime: Realtime;
  services: {
    conversations: ConversationService;
    messages: MessageService;
    inbound: InboundService;
    automation: Automation;
  };
  /** Starts the outbox and listens; resolves with the bound port. */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));
const EVENT_RETENTION_MS = 7 * 86_400_000;

/** Builds the whole app from its dependencies; only `server/index.ts` reads the environment. */
export async function createApp(options: AppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const { config, db, logger } = options;
  const events = new EventLog(db, clock);
  const deps: Deps = { config, db, events, clock, logger };
  ensureReplyWaits(deps);

  const sms = options.sms ?? createSmsProvider(config);
  const mailer = options.mailer ?? createMailer(deps);
  const conversations = new ConversationService(deps);
  const optOut = new OptOutService(deps);
  const messages = new MessageService(deps, conversations, optOut);
  const receipts = new ReceiptService(deps, conversations, optOut);
  const inbound = new InboundService(deps, conversations, messages, optOut);
  const inbox = new InboxQueries(deps, conversations.presenter);
  const search = new SearchService(deps);
  const media = new MediaService(deps);
  const outbox = new Outbox(deps, events, sms, receipts, (id) => media.refsFor(id), {
    ...DEFAULT_OUTBOX,
    ...options.outbox,
  });
  messages.setOutbox(outbox);
  inbound.onStored(participantMail(deps, mailer));
  const automation = createAutomation(deps, { conversations, messages, inbound });

  if (sms instanceof SimulatorProvider) {
    sms.setReceiptHandler((receipt) => {
      events.transact((tx) =>
        receipts.apply(tx, { ...receipt, errorCode: null, errorDetail: null }),
      );
    });
  }

  const setupToken = await bootstrapAdmin(deps, options.announce);
  const ownOrigin = isOwnOrigin(config.publicUrl);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestId(category(logger, 'http')));

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use('/webhooks', webhookRoutes(deps, { inbound, receipts }));
  app.use(mediaRoutes(deps, media));

  const server = createServer(app);
  const allowSocket = (origin: string | undefined, host: string | undefined) =>
    !origin || ownOrigin(origin, host);
  const realtime = new Realtime(deps, server, events, allowSocket, options.realtime);

  const api = express.Router();
  api.use(express.json({ limit: '100kb', strict: true }));
  api.use(checkOrigin((origin, req) => ownOrigin(origin, req.get('host'))));
  api.use(loadSession(deps));
  api.use(setupRoutes(deps, () => setupToken));
  const sessionHooks = {
    onSessionEnded: (token: string) => realtime.disconnectSession(token),
    onUserSessionsEnded: (userId: number) => realtime.disconnectUser(userId),
  };
  api.use(authRoutes(deps, sessionHooks, options.loginLimiter));
  api.use(requireStaff);
  api.use(usersRoutes(deps, { onUserDisabled: (id) => realtime.disconnectUser(id) }));
  api.use(teamsRoutes(deps));
  api.use(numbersRoutes(deps));
  api.use(settingsRoutes(deps));
  api.use(contactRoutes(deps, { optOut, presenter: conversations.presenter }));
  api.use(conversationRoutes(deps, { conversations, messages, inbox, search }));
  api.use(optOutRoutes(deps, { optOut, conversations }));
  api.use(uploadRoutes(media));
  api.use(simulatorRoutes(sms instanceof SimulatorProvider, inbound));
  api.use(automation.routes);
  api.use('/board', requireRole('admin', 'supervisor'), boardRoutes(deps));
  api.use('/reports', requireRole('admin', 'supervisor'), reportsRoutes(deps));
  api.use(notificationRoutes(deps));
  api.use((_req, _res, next) => next(errors.notFound('That API route')));
  app.use('/api', api);

  serveClient(app, options.clientDir ?? DEFAULT_CLIENT_DIR);
  app.use(errorHandler(category(logger, 'http')));

  const pruneTimer = setInterval(
    () => events.prune(new Date(clock.now().getTime() - EVENT_RETENTION_MS)),
    3_600_000,
  );
  pruneTimer.unref();
  events.prune(new Date(clock.now().getTime() - EVENT_RETENTION_MS));

  return {
    server,
    web: app,
    deps,
    sms,
    outbox,
    realtime,
    services: { conversations, messages, inbound, automation },
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        outbox.start();
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      clearInterval(pruneTimer);
      await outbox.stop();
      // Requests in flight finish; a keep-alive connection would then hold the close for its
      // idle timeout, so each is ended as soon as it is idle.
      const reaper = setInterval(() => server.closeIdleConnections(), 50);
      await realtime.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      clearInterval(reaper);
      sms.close?.();
      mailer.close();
    },
  };
}

function createSmsProvider(config: Config): SmsProvider {
  if (!config.vonage) return new SimulatorProvider();
  return new VonageProvider(config.vonage, config.vonageApiHost);
}

function serveClient(app: express.Express, dir: string): void {
  const index = join(dir, 'index.html');
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  app.get('/{*splat}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/webhooks/')) return next();
    if (!existsSync(index)) {
      res.status(503).type('text').send('The client is not built yet: run `npm run build`.');
      return;
    }
    res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
  });
}
