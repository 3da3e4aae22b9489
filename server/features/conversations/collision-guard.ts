import type { MessageDto } from '@shared/dto.js';

import type { Deps } from '../../context.js';
import { errors } from '../../lib/errors.js';
import type { MessagePresenter } from '../messages/message.presenter.js';

export interface DraftCheck {
  conversationId: number;
  userId: number;
  /** The newest message id the counselor had seen when they started the draft. */
  draftStartedAfter: number | undefined;
  force: boolean;
}

const SHOWN = 20;

/**
 * The collision guard: so that two counselors don't answer the same question, a reply is held
 * when, since its draft began, the student texted again or someone else (a colleague, a rule,
 * the bot) sent a text. Call it inside the send's transaction, before the insert, so nothing can
 * land between the check and the write; it throws `409 newer_messages` with those messages.
 */
export class CollisionGuard {
  private readonly newer;

  constructor(
    deps: Deps,
    private readonly messages: MessagePresenter,
  ) {
    this.newer = deps.db.sqlite.prepare<[number, number, number, number], { id: number }>(
      `SELECT id FROM messages
       WHERE conversation_id = ? AND id > ? AND kind = 'sms'
         AND (direction = 'inbound' OR author_id IS NOT ?)
       ORDER BY id DESC LIMIT ?`,
    );
  }

  /** The SQL of the check, for the query-plan checks. */
  statementsForPlans(): string[] {
    return [this.newer.source];
  }

  check(draft: DraftCheck): void {
    if (draft.force || draft.draftStartedAfter === undefined) return;
    const rows = this.newer.all(draft.conversationId, draft.draftStartedAfter, draft.userId, SHOWN);
    if (!rows.length) return;

    const newer: MessageDto[] = rows.reverse().map((row) => this.messages.load(row.id));
    throw errors.conflict(
      'newer_messages',
      'New messages arrived in this thread since you started writing. Read them, then send ' +
        'anyway or change your reply.',
      { messages: newer },
    );
  }
}
