import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { loadContact } from '../contacts/contact.service.js';
import type { Actor } from '../conversations/conversation.service.js';
import type { Tx } from '../realtime/event-log.js';

export interface ConsentChange {
  source: 'keyword' | 'staff' | 'carrier' | 'suppression';
  keyword?: string | null;
  actor?: Actor | null;
  numberId?: number | null;
  messageId?: number | null;
}

/** Opt-out state of contacts: the milestone, the consent history and the suppression list. */
export class OptOutService {
  private readonly statements;

  constructor(private readonly deps: Deps) {
    const { sqlite } = deps.db;
    this.statements = {
      state: sqlite.prepare<[number], { sms_unsubscribed_at: string | null }>(
        'SELECT sms_unsubscribed_at FROM contacts WHERE id = ?',
      ),
      set: sqlite.prepare<[string | null, string, number]>(
        'UPDATE contacts SET sms_unsubscribed_at = ?, updated_at = ? WHERE id = ?',
      ),
      history: sqlite.prepare<
        [number, string, string, string | null, number | null, number | null, number | null, string]
      >(
        `INSERT INTO consent_events (contact_id, kind, source, keyword, user_id, number_id,
           message_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      suppress: sqlite.prepare<[string, string]>(
        'INSERT INTO suppressions (e164, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
      ),
      unsuppress: sqlite.prepare<[string]>('DELETE FROM suppressions WHERE e164 = ?'),
      suppressed: sqlite.prepare<[string], { created_at: string }>(
        'SELECT created_at FROM suppressions WHERE e164 = ?',
      ),
    };
  }

  isUnsubscribed(contactId: number): boolean {
    return Boolean(this.statements.state.get(contactId)?.sms_unsubscribed_at);
  }

  /** Sets the SMS Unsubscribe Date milestone; returns false when it was already set. */
  optOut(tx: Tx, contactId: number, change: ConsentChange): boolean {
    return this.change(tx, contactId, 'opt_out', change);
  }

  optIn(tx: Tx, contactId: number, change: ConsentChange): boolean {
    return this.change(tx, contactId, 'opt_in', change);
  }

  /** Keeps a number that opted out before any contact had it: the number and the time only. */
  suppressNumber(e164: string): void {
    this.statements.suppress.run(e164, nowIso(this.deps));
  }

  liftSuppression(e164: string): void {
    this.statements.unsuppress.run(e164);
  }

  /** When a number on the suppression list is given to a contact, the contact starts opted out. */
  applySuppressions(tx: Tx, contactId: number, phones: string[]): void {
    const hit = phones.find((phone) => this.statements.suppressed.get(phone));
    if (hit) this.optOut(tx, contactId, { source: 'suppression' });
  }

  private change(tx: Tx, contactId: number, kind: 'opt_out' | 'opt_in', change: ConsentChange) {
    const wasOut = this.isUnsubscribed(contactId);
    if ((kind === 'opt_out') === wasOut) return false;

    const now = nowIso(this.deps);
    this.statements.set.run(kind === 'opt_out' ? now : null, now, contactId);
    this.statements.history.run(
      contactId,
      kind,
      change.source,
      change.keyword ?? null,
      change.actor?.id ?? null,
      change.numberId ?? null,
      change.messageId ?? null,
      now,
    );
    tx.emit('contact:updated', {
      contact: loadContact(this.deps, contactId),
      actor: change.actor ?? null,
    });
    return true;
  }
}
