import type { TagColor, TagDto } from '@shared/automation.js';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { errors } from '../../lib/errors.js';
import type { Actor, ConversationService } from '../conversations/conversation.service.js';
import type { Tx } from '../realtime/event-log.js';

interface TagRow {
  id: number;
  name: string;
  color: TagColor;
  conversation_count: number;
}

const TAG_SELECT = `SELECT t.id, t.name, t.color,
  (SELECT COUNT(*) FROM conversation_tags ct WHERE ct.tag_id = t.id) AS conversation_count
  FROM tags t`;

const toDto = (row: TagRow): TagDto => ({
  id: row.id,
  name: row.name,
  color: row.color,
  conversationCount: row.conversation_count,
});

/** Tags and their use on conversations; every change is pushed as `conversation:updated`. */
export class TagService {
  private readonly statements;

  constructor(
    private readonly deps: Deps,
    private readonly conversations: ConversationService,
  ) {
    const { sqlite } = deps.db;
    this.statements = {
      all: sqlite.prepare<[], TagRow>(`${TAG_SELECT} ORDER BY t.name COLLATE NOCASE`),
      byId: sqlite.prepare<[number], TagRow>(`${TAG_SELECT} WHERE t.id = ?`),
      byName: sqlite.prepare<[string], TagRow>(`${TAG_SELECT} WHERE t.name = ? COLLATE NOCASE`),
      insert: sqlite.prepare<[string, string, string], { id: number }>(
        'INSERT INTO tags (name, color, created_at) VALUES (?, ?, ?) RETURNING id',
      ),
      update: sqlite.prepare<[string, string, number]>(
        'UPDATE tags SET name = ?, color = ? WHERE id = ?',
      ),
      remove: sqlite.prepare<[number]>('DELETE FROM tags WHERE id = ?'),
      tagged: sqlite.prepare<[number], { conversation_id: number }>(
        'SELECT conversation_id FROM conversation_tags WHERE tag_id = ?',
      ),
      apply: sqlite.prepare<[number, number, string]>(
        `INSERT INTO conversation_tags (conversation_id, tag_id, created_at) VALUES (?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ),
      unapply: sqlite.prepare<[number, number]>(
        'DELETE FROM conversation_tags WHERE conversation_id = ? AND tag_id = ?',
      ),
      touch: sqlite.prepare<[string, number]>(
        'UPDATE conversations SET updated_at = ? WHERE id = ?',
      ),
      has: sqlite.prepare<[number, number], { one: number }>(
        'SELECT 1 AS one FROM conversation_tags WHERE conversation_id = ? AND tag_id = ?',
      ),
    };
  }

  list(): TagDto[] {
    return this.statements.all.all().map(toDto);
  }

  load(id: number): TagDto {
    const row = this.statements.byId.get(id);
    if (!row) throw errors.notFound('The tag');
    return toDto(row);
  }

  /** A tag by id, or by name ignoring case; null when there is none. */
  find(ref: number | string): TagDto | null {
    const row =
      typeof ref === 'number'
        ? this.statements.byId.get(ref)
        : this.statements.byName.get(ref.trim());
    return row ? toDto(row) : null;
  }

  create(name: string, color: TagColor): TagDto {
    if (this.statements.byName.get(name)) {
      throw errors.conflict('tag_exists', `There is already a tag called “${name}”.`);
    }
    const row = this.statements.insert.get(name, color, nowIso(this.deps));
    return this.load(row!.id);
  }

  /** Renames or recolours a tag; each conversation carrying it is pushed again. */
  update(tx: Tx, id: number, change: { name?: string; color?: TagColor }, actor: Actor | null) {
    const current = this.load(id);
    const name = change.name ?? current.name;
    const clash = this.statements.byName.get(name);
    if (clash && clash.id !== id) {
      throw errors.conflict('tag_exists', `There is already a tag called “${name}”.`);
    }
    this.statements.update.run(name, change.color ?? current.color, id);
    if (name !== current.name) this.pushTagged(tx, id, actor);
    return this.load(id);
  }

  delete(tx: Tx, id: number, actor: Actor | null): void {
    this.load(id);
    const tagged = this.statements.tagged.all(id).map((row) => row.conversation_id);
    this.statements.remove.run(id);
    for (const conversationId of tagged) this.push(tx, conversationId, actor);
  }

  has(conversationId: number, tagId: number): boolean {
    return this.statements.has.get(conversationId, tagId) !== undefined;
  }

  /** Tags a conversation; false (and no event) when it already carried the tag. */
  apply(tx: Tx, conversationId: number, tagId: number, actor: Actor | null): boolean {
    this.conversations.row(conversationId);
    this.load(tagId);
    const added = this.statements.apply.run(conversationId, tagId, nowIso(this.deps)).changes > 0;
    if (added) this.push(tx, conversationId, actor);
    return added;
  }

  remove(tx: Tx, conversationId: number, tagId: number, actor: Actor | null): boolean {
    this.conversations.row(conversationId);
    const removed = this.statements.unapply.run(conversationId, tagId).changes > 0;
    if (removed) this.push(tx, conversationId, actor);
    return removed;
  }

  private pushTagged(tx: Tx, tagId: number, actor: Actor | null): void {
    for (const row of this.statements.tagged.all(tagId)) this.push(tx, row.conversation_id, actor);
  }

  private push(tx: Tx, conversationId: number, actor: Actor | null): void {
    this.statements.touch.run(nowIso(this.deps), conversationId);
    tx.emit('conversation:updated', {
      conversation: this.conversations.load(conversationId),
      actor,
    });
  }
}
