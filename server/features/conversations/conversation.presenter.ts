import type { Assignee, ConversationDto } from '@shared/dto.js';

import type { Deps } from '../../context.js';
import { errors } from '../../lib/errors.js';

export interface ConversationRow {
  id: number;
  name: string;
  status: 'open' | 'closed';
  contact_id: number;
  phone: string;
  number_id: number;
  assignee_user_id: number | null;
  assignee_team_id: number | null;
  created_by_id: number | null;
  possible_opt_out: number;
  last_message_at: string;
  last_message_id: number | null;
  last_message_preview: string;
  last_message_direction: 'inbound' | 'outbound' | null;
  last_inbound_message_id: number | null;
  created_at: string;
  updated_at: string;
  first_name: string;
  last_name: string;
}

export function assigneeOf(row: Pick<ConversationRow, 'assignee_user_id' | 'assignee_team_id'>) {
  if (row.assignee_user_id !== null) return { type: 'user', id: row.assignee_user_id } as Assignee;
  if (row.assignee_team_id !== null) return { type: 'team', id: row.assignee_team_id } as Assignee;
  return null;
}

export function assigneeKey(assignee: Assignee | null): string {
  if (!assignee) return '';
  return `${assignee.type === 'user' ? 'u' : 't'}:${assignee.id}`;
}

export const CONVERSATION_COLUMNS = `c.id, c.name, c.status, c.contact_id, c.phone, c.number_id,
  c.assignee_user_id, c.assignee_team_id, c.created_by_id, c.possible_opt_out, c.last_message_at,
  c.last_message_id, c.last_message_preview, c.last_message_direction, c.last_inbound_message_id,
  c.created_at, c.updated_at, ct.first_name, ct.last_name`;

export function toConversationDto(
  row: ConversationRow,
  participantIds: number[],
  tags: string[],
): ConversationDto {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    channel: 'sms',
    numberId: row.number_id,
    contactId: row.contact_id,
    phone: row.phone,
    contactName: `${row.first_name} ${row.last_name}`.trim(),
    assignee: assigneeOf(row),
    participantIds,
    tags,
    possibleOptOut: row.possible_opt_out === 1,
    createdById: row.created_by_id,
    lastMessageAt: row.last_message_at,
    lastMessagePreview: row.last_message_preview,
    lastMessageDirection: row.last_message_direction,
    lastMessageId: row.last_message_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Loads full conversation DTOs (participants and tags included) for a set of rows. */
export class ConversationPresenter {
  private readonly byId;
  private readonly participantsOf;
  private readonly tagsOf;

  constructor(deps: Deps) {
    // Ids travel as one JSON array so each statement is prepared once, whatever the page size.
    this.participantsOf = deps.db.sqlite.prepare<
      [string],
      { conversation_id: number; user_id: number }
    >(
      `SELECT conversation_id, user_id FROM participants
       WHERE conversation_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`,
    );
    this.tagsOf = deps.db.sqlite.prepare<[string], { conversation_id: number; name: string }>(
      `SELECT ct.conversation_id, t.name FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id
       WHERE ct.conversation_id IN (SELECT value FROM json_each(?)) ORDER BY t.name`,
    );
    this.byId = deps.db.sqlite.prepare<[number], ConversationRow>(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations c
       JOIN contacts ct ON ct.id = c.contact_id WHERE c.id = ?`,
    );
  }

  row(id: number): ConversationRow {
    const row = this.byId.get(id);
    if (!row) throw errors.notFound('The conversation');
    return row;
  }

  load(id: number): ConversationDto {
    const [dto] = this.present([this.row(id)]);
    if (!dto) throw errors.notFound('The conversation');
    return dto;
  }

  present(rows: ConversationRow[]): ConversationDto[] {
    if (!rows.length) return [];
    const ids = JSON.stringify(rows.map((row) => row.id));
    const people = groupBy(
      this.participantsOf.all(ids),
      (p) => p.conversation_id,
      (p) => p.user_id,
    );
    const tags = groupBy(
      this.tagsOf.all(ids),
      (t) => t.conversation_id,
      (t) => t.name,
    );

    return rows.map((row) =>
      toConversationDto(row, people.get(row.id) ?? [], tags.get(row.id) ?? []),
    );
  }
}

function groupBy<T, V>(rows: T[], key: (row: T) => number, value: (row: T) => V): Map<number, V[]> {
  const map = new Map<number, V[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(value(row));
    else map.set(key(row), [value(row)]);
  }
  return map;
}
