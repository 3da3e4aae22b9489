import nodemailer, { type Transporter } from 'nodemailer';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { category } from '../../lib/logger.js';

export interface Mail {
  to: string;
  userId: number | null;
  subject: string;
  text: string;
}

/** Sends mail through SMTP, or keeps it in the in-app notification log when none is set. */
export interface Mailer {
  readonly kind: 'smtp' | 'log';
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function createMailer(deps: Deps, from = 'Switchboard <switchboard@localhost>'): Mailer {
  const log = category(deps.logger, 'mail');
  const url = deps.config.smtpUrl;

  if (!url) {
    const insert = deps.db.sqlite.prepare(
      `INSERT INTO notifications (user_id, to_email, subject, body, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    );
    return {
      kind: 'log',
      send: async (mail) => {
        insert.run(mail.userId, mail.to, mail.subject, mail.text, nowIso(deps));
        log.debug({ userId: mail.userId }, 'mail kept in notification log');
      },
      close: () => {},
    };
  }

  const transport: Transporter = nodemailer.createTransport(url, {
    from,
    // Loopback or an internal relay without a certificate is common in small offices.
    ignoreTLS: url.startsWith('smtp://') && /@(127\.0\.0\.1|localhost)[:/]/.test(url),
    connectionTimeout: 10_000,
    socketTimeout: 20_000,
  } as never);
  return {
    kind: 'smtp',
    send: async (mail) => {
      await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
      log.info({ userId: mail.userId }, 'mail sent');
    },
    close: () => transport.close(),
  };
}
