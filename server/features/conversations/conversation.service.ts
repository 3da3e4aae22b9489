import { eq } from 'drizzle-orm';

import type { Assignee, ConversationDto, MessageDto, UserDto } from '@shared/dto.js';
import { countSms } from '@shared/sms.js';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { users } from '../../db/schema.js';
import { errors } from '../../lib/errors.js';
import type { Tx } from '../realtime/event-log.js';
import { toUserDto, type UserRow } from '../users/user.presenter.js';
import { MessagePresenter } from '../messages/message.presenter.js';
import { ReplyWaitsService } from '../reports/reply-waits.service.js';
import {
  assigneeKey,
  assigneeOf,
  ConversationPresenter,
  type ConversationRow,
} from './conversation.presenter.js';

export interface Actor {
  id: number;
  name: string;
}

export const actorOf = (user: Pick<UserRow, 'id' | 'name'>): Actor => ({
  id: user.id,
  name: user.name,
});

export interface NewMessage {
  direction: MessageDto['direction'];
  kind: MessageDto['kind'];
  text: string;
  status: MessageDto['status'];
  carrierId?: string | null;
  authorId?: number | null;
  automated?: MessageDto['automated'];
  /** Echoed on the DTO and its event only: the sender matches its optimistic copy by it. */
  clientId?: string;
}

const PREVIEW_LENGTH = 140;

/** Threads: finding, creating, appending to, joining, assigning, closing and reopening. */
export class ConversationService {
  readonly presenter: ConversationPresenter;
  readonly messages: MessagePresenter;
  private readonly waits: ReplyWaitsService;
  private readonly statements;

  constructor(private readonly deps: Deps) {
    this.presenter = new ConversationPresenter(deps);
    this.messages = new MessagePresenter(deps);
    this.waits = new ReplyWaitsService(deps);
    const { sqlite } = deps.db;
    this.statements = {
      findThread: sqlite.prepare<[number, string, number], { id: number }>(
        'SELECT id FROM conversations WHERE contact_id = ? AND phone = ? AND number_id = ?',
      ),
      insertThread: sqlite.prepare<
        [string, number, string, number, number | null, string, string, string],
        { id: number }
      >(
        `INSERT INTO conversations (name, status, contact_id, phone, number_id, created_by_id,
           last_message_at, created_at, updated_at)
         VALUES (?, 'open', ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      ),
      insertMessage: sqlite.prepare<
        [
          number,
          string,
          string,
          string,
          string,
          number,
          string,
          string | null,
          number | null,
          string | null,
          string,
          string,
        ],
        { id: number }
      >(
        `INSERT INTO messages (conversation_id, direction, kind, text, status, segments, encoding,
           carrier_id, author_id, automated, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (carrier_id) DO NOTHING RETURNING id`,
      ),
      touchThread: sqlite.prepare<[string, number, string, string, string, number | null, number]>(
        `UPDATE conversations SET last_message_at = ?, last_message_id = ?,
           last_message_preview = ?,
           last_message_direction = ?, updated_at = ?,
           last_inbound_message_id = COALESCE(?, last_inbound_message_id)
         WHERE id = ?`,
      ),
      addParticipant: sqlite.prepare<[number, number, string]>(
        `INSERT INTO participants (conversation_id, user_id, created_at) VALUES (?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ),
      removeParticipant: sqlite.prepare<[number, number]>(
        'DELETE FROM participants WHERE conversation_id = ? AND user_id = ?',
      ),
      setStatus: sqlite.prepare<[string, string, number, string]>(
        'UPDATE conversations SET status = ?, updated_at = ? WHERE id = ? AND status = ?',
      ),
      assign: sqlite.prepare<[number | null, number | null, string, string, number]>(
        `UPDATE conversations SET assignee_user_id = ?, assignee_team_id = ?, assignee_key = ?,
           updated_at = ? WHERE id = ?`,
      ),
      assignIf: sqlite.prepare<[number | null, number | null, string, string, number, string]>(
        `UPDATE conversations SET assignee_user_id = ?, assignee_team_id = ?, assignee_key = ?,
           updated_at = ? WHERE id = ? AND assignee_key = ?`,
      ),
      userById: sqlite.prepare<[number], { id: number; name: string; active: number }>(
        'SELECT id, name, active FROM users WHERE id = ?',
      ),
      teamById: sqlite.prepare<[number], { id: number; name: string }>(
        'SELECT id, name FROM teams WHERE id = ?',
      ),
    };
  }

  findThread(contactId: number, phone: string, numberId: number): number | null {
    return this.statements.findThread.get(contactId, phone, numberId)?.id ?? null;
  }

  load(id: number): ConversationDto {
    return this.presenter.load(id);
  }

  row(id: number): ConversationRow {
    return this.presenter.row(id);
  }

  /** Inserts an open thread; the caller emits `conversation:created` once it holds its message. */
  createThread(input: {
    name: string;
    contactId: number;
    phone: string;
    numberId: number;
    createdById: number | null;
  }): number {
    const now = nowIso(this.deps);
    const row = this.statements.insertThread.get(
      input.name,
      input.contactId,
      input.phone,
      input.numberId,
      input.createdById,
      now,
      now,
      now,
    );
    if (!row) throw new Error('thread insert returned no row');
    return row.id;
  }

  /**
   * Appends a message to a thread and emits `message:created`. Returns null when the carrier id
   * was stored before (a duplicate webhook).
   */
  appendMessage(tx: Tx, conversationId: number, input: NewMessage): MessageDto | null {
    const now = nowIso(this.deps);
    const counted = input.kind === 'sms' ? countSms(input.text) : null;
    const inserted = this.statements.insertMessage.get(
      conversationId,
      input.direction,
      input.kind,
      input.text,
      input.status,
      counted?.segments ?? 0,
      counted?.encoding ?? 'GSM-7',
      input.carrierId ?? null,
      input.authorId ?? null,
      input.automated ?? null,
      now,
      now,
    );
    if (!inserted) return null;

    if (input.kind === 'sms') {
      this.countWait(conversationId, inserted.id, input, now);
      const preview = input.text.replace(/\s+/g, ' ').trim().slice(0, PREVIEW_LENGTH);
      const inboundId = input.direction === 'inbound' ? inserted.id : null;
      this.statements.touchThread.run(
        now,
        inserted.id,
        preview,
        input.direction,
        now,
        inboundId,
        conversationId,
      );
    }

    const loaded = this.messages.load(inserted.id);
    const message = input.clientId ? { ...loaded, clientId: input.clientId } : loaded;
    tx.emit('message:created', { conversationId, message, actor: null });
    return message;
  }

  /** The reports' waits: a student text may start one, a person's reply ends it. */
  private countWait(conversationId: number, id: number, input: NewMessage, at: string): void {
    if (input.direction === 'inbound') {
      this.waits.studentText(conversationId, id, at);
    } else if (input.authorId) {
      this.waits.personReply(conversationId, { id, authorId: input.authorId, at });
    }
  }

  /** A staff-visible line in the thread: who assigned, closed, reopened. */
  appendActivity(tx: Tx, conversationId: number, text: string, authorId: number | null): void {
    this.appendMessage(tx, conversationId, {
      direction: 'outbound',
      kind: 'activity',
      text,
      status: 'received',
      authorId,
    });
  }

  /**
   * The first participants of a thread being created (the creator first): no `joined` events,
   * since `conversation:created` carries them. Each must be an active user.
   */
  seedParticipants(conversationId: number, userIds: number[]): void {
    const now = nowIso(this.deps);
    for (const userId of userIds) {
      if (!this.statements.userById.get(userId)?.active) {
        throw errors.invalidInput(`participantIds: no active user ${userId}`);
      }
      this.statements.addParticipant.run(conversationId, userId, now);
    }
  }

  /** Adds a participant; emits `conversation:joined` only when they were not one yet. */
  addParticipant(tx: Tx, conversationId: number, user: UserDto | UserRow, actor: Actor | null) {
    const added = this.statements.addParticipant.run(conversationId, user.id, nowIso(this.deps));
    if (added.changes === 0) return false;
    const dto = 'passwordHash' in user ? toUserDto(user) : user;
    tx.emit('conversation:joined', { conversationId, user: dto, actor });
    return true;
  }

  /** Takes a participant out; emits `conversation:left` and an activity line when they were one. */
  removeParticipant(tx: Tx, conversationId: number, user: UserDto | UserRow, actor: Actor) {
    const removed = this.statements.removeParticipant.run(conversationId, user.id);
    if (removed.changes === 0) return false;
    const dto = 'passwordHash' in user ? toUserDto(user) : user;
    tx.emit('conversation:left', { conversationId, user: dto, actor });
    this.appendActivity(tx, conversationId, `${dto.name} left the conversation`, actor.id);
    return true;
  }

  /** The one who has a thread follows it: an assigned user becomes a participant. */
  private joinAssignee(tx: Tx, conversationId: number, assignee: Assignee, actor: Actor | null) {
    if (assignee.type !== 'user') return;
    const user = this.deps.db.orm.select().from(users).where(eq(users.id, assignee.id)).get();
    if (user) this.addParticipant(tx, conversationId, user, actor);
  }

  /** Sets the status; emits `conversation:updated` and an activity line when it changed. */
  setStatus(tx: Tx, id: number, status: 'open' | 'closed', actor: Actor | null, why?: string) {
    const from = status === 'open' ? 'closed' : 'open';
    const changed = this.statements.setStatus.run(status, nowIso(this.deps), id, from).changes > 0;
    if (!changed) return false;

    if (status === 'open') this.waits.reopened(id, nowIso(this.deps));
    const who = actor ? actor.name : (why ?? 'A student text');
    this.appendActivity(
      tx,
      id,
      `${who} ${status === 'open' ? 'reopened' : 'closed'} the conversation`,
      actor?.id ?? null,
    );
    tx.emit('conversation:updated', { conversation: this.load(id), actor });
    return true;
  }

  /**
   * Sets the single assignee. With `ifAssignee` (what the caller saw) the update is conditional,
   * so of two simultaneous claims exactly one wins; the other gets 409 assignment_conflict.
   */
  assign(
    tx: Tx,
    id: number,
    assignee: Assignee | null,
    actor: Actor | null,
    options: { ifAssignee?: Assignee | null; label?: string } = {},
  ): ConversationDto {
    const current = this.row(id);
    const previous = assigneeOf(current);
    const name = this.assigneeName(assignee);
    const now = nowIso(this.deps);
    const user = assignee?.type === 'user' ? assignee.id : null;
    const team = assignee?.type === 'team' ? assignee.id : null;

    if (options.ifAssignee !== undefined) {
      // The conditional UPDATE is the guard; the key check first only spares a no-op write.
      const sawCurrent = assigneeKey(options.ifAssignee) === assigneeKey(previous);
      const won =
        sawCurrent &&
        this.statements.assignIf.run(
          user,
          team,
          assigneeKey(assignee),
          now,
          id,
          assigneeKey(options.ifAssignee),
        ).changes > 0;
      if (!won) {
        throw errors.conflict('assignment_conflict', 'Someone else changed the assignee first.', {
          assignee: previous,
        });
      }
      if (assigneeKey(previous) === assigneeKey(assignee)) return this.load(id);
    } else if (assigneeKey(previous) === assigneeKey(assignee)) {
      return this.load(id);
    } else {
      this.statements.assign.run(user, team, assigneeKey(assignee), now, id);
    }

    const who = options.label ?? actor?.name ?? 'Switchboard';
    const from = previous ? ` (was ${this.assigneeName(previous)})` : '';
    const self = assignee?.type === 'user' && actor?.id === assignee.id;
    const line = !assignee
      ? `${who} unassigned this${from}`
      : self
        ? `${who} took this${from}`
        : `${who} assigned this to ${name}${from}`;
    this.appendActivity(tx, id, line, actor?.id ?? null);
    tx.emit('conversation:assigned', { conversationId: id, assignee, previous, actor });
    if (assignee) this.joinAssignee(tx, id, assignee, actor);
    return this.load(id);
  }

  /** Checks an assignee exists (and a user is active); returns their display name. */
  assigneeName(assignee: Assignee | null): string {
    if (!assignee) return 'nobody';
    if (assignee.type === 'user') {
      const user = this.statements.userById.get(assignee.id);
      if (!user || !user.active) throw errors.invalidInput('assignee: no such active user');
      return user.name;
    }
    const team = this.statements.teamById.get(assignee.id);
    if (!team) throw errors.invalidInput('assignee: no such team');
    return team.name;
  }
}
