import type { Deps } from '../../context.js';
import { category } from '../../lib/logger.js';
import type { StoredInbound } from '../webhooks/inbound.service.js';
import type { Mailer } from './mailer.js';

interface Recipient {
  id: number;
  email: string;
  name: string;
}

/**
 * Emails each participant of a thread every text the student sends. Runs after the webhook's
 * commit and never delays or fails its answer; a failed send is logged.
 */
export function participantMail(deps: Deps, mailer: Mailer) {
  const log = category(deps.logger, 'mail');
  const recipients = deps.db.sqlite.prepare<[number], Recipient>(
    `SELECT u.id, u.email, u.name FROM participants p JOIN users u ON u.id = p.user_id
     WHERE p.conversation_id = ? AND u.active = 1 AND u.email_notifications = 1`,
  );
  const thread = deps.db.sqlite.prepare<
    [number],
    { name: string; first_name: string; last_name: string }
  >(
    `SELECT c.name, ct.first_name, ct.last_name FROM conversations c
     JOIN contacts ct ON ct.id = c.contact_id WHERE c.id = ?`,
  );

  return (stored: StoredInbound): void => {
    const people = recipients.all(stored.conversationId);
    const info = thread.get(stored.conversationId);
    if (!people.length || !info) return;

    const student = `${info.first_name} ${info.last_name}`.trim();
    const link = `${deps.config.publicUrl}/c/${stored.conversationId}`;
    const subject =
      info.name === student ? `New text from ${student}` : `${student} texted: ${info.name}`;
    const text = [
      `${student} sent a text in "${info.name}":`,
      '',
      stored.message.text,
      '',
      `Open the conversation: ${link}`,
      '',
      'You get this email because you are a participant. Turn these emails off in your profile:',
      `${deps.config.publicUrl}/profile`,
    ].join('\n');

    for (const person of people) {
      setImmediate(() => {
        mailer
          .send({ to: person.email, userId: person.id, subject, text })
          .catch((error: unknown) =>
            log.error({ err: error, userId: person.id }, 'participant mail failed'),
          );
      });
    }
  };
}
