import type { Deps } from '../../context.js';

type Opening = 'first' | 'reply';

/**
 * Keeps `reply_waits` and `reply_turns` as texts are written, inside the writer's transaction:
 * each call is one or two prepared statements on primary keys or the open-waits index.
 * `rebuildReplyWaits` derives the same rows from history.
 */
export class ReplyWaitsService {
  private readonly statements;

  constructor(deps: Pick<Deps, 'db'>) {
    const { sqlite } = deps.db;
    this.statements = {
      // The open-waits index turns a second student text in a row into a no-op.
      start: sqlite.prepare<[{ message: number; conversation: number; at: string }]>(
        `INSERT INTO reply_waits (message_id, conversation_id, started_at, opening)
         VALUES (@message, @conversation, @at, COALESCE(
           (SELECT t.next_opening FROM reply_turns t WHERE t.conversation_id = @conversation),
           'first'))
         ON CONFLICT DO NOTHING`,
      ),
      answer: sqlite.prepare<[{ at: string; reply: number; author: number; conversation: number }]>(
        `UPDATE reply_waits SET ended_at = @at, reply_message_id = @reply, replied_by = @author,
           wait_ms = CAST(round((julianday(@at) - julianday(started_at)) * 86400000) AS INTEGER)
         WHERE conversation_id = @conversation AND ended_at IS NULL`,
      ),
      abandon: sqlite.prepare<[string, number]>(
        'UPDATE reply_waits SET ended_at = ? WHERE conversation_id = ? AND ended_at IS NULL',
      ),
      turn: sqlite.prepare<[number, Opening]>(
        `INSERT INTO reply_turns (conversation_id, next_opening) VALUES (?, ?)
         ON CONFLICT (conversation_id) DO UPDATE SET next_opening = excluded.next_opening
         WHERE next_opening <> excluded.next_opening`,
      ),
    };
  }

  /** The SQL of the writes, for the query-plan tests. */
  statementsForPlans(): string[] {
    const { start, answer, abandon, turn } = this.statements;
    return [start.source, answer.source, abandon.source, turn.source];
  }

  /** A student text: it starts a wait unless the thread already waits. */
  studentText(conversationId: number, messageId: number, at: string): void {
    this.statements.start.run({ message: messageId, conversation: conversationId, at });
  }

  /** A person's reply (not a bot's or a rule's): it answers the open wait, if any. */
  personReply(conversationId: number, reply: { id: number; authorId: number; at: string }) {
    const { id, authorId, at } = reply;
    this.statements.answer.run({ at, reply: id, author: authorId, conversation: conversationId });
    this.statements.turn.run(conversationId, 'reply');
  }

  /** The thread was reopened: an open wait ends unanswered, and the next text is a first one. */
  reopened(conversationId: number, at: string): void {
    this.statements.abandon.run(at, conversationId);
    this.statements.turn.run(conversationId, 'first');
  }
}
