import type { AttachmentDto, MessageDto } from '@shared/dto.js';

import type { Deps } from '../../context.js';
import { errors } from '../../lib/errors.js';

export interface MessageRow {
  id: number;
  conversation_id: number;
  direction: MessageDto['direction'];
  kind: MessageDto['kind'];
  text: string;
  status: MessageDto['status'];
  segments: number;
  encoding: MessageDto['encoding'];
  error_code: string | null;
  error: string | null;
  author_id: number | null;
  automated: MessageDto['automated'];
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, conversation_id, direction, kind, text, status, segments, encoding, error_code,
  error, author_id, automated, created_at, updated_at`;

export function toMessageDto(row: MessageRow, attachments: AttachmentDto[] = []): MessageDto {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    direction: row.direction,
    kind: row.kind,
    text: row.text,
    status: row.status,
    segments: row.segments,
    encoding: row.encoding,
    error: row.error,
    errorCode: row.error_code,
    authorId: row.author_id,
    automated: row.automated,
    attachments,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

interface AttachmentRow {
  id: string;
  message_id: number;
  file_name: string;
  content_type: string;
  size: number;
  width: number | null;
  height: number | null;
}

export class MessagePresenter {
  private readonly byId;
  private readonly byConversation;
  private readonly attachmentsOf;

  constructor(private readonly deps: Deps) {
    const { sqlite } = deps.db;
    this.byId = sqlite.prepare<[number], MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE id = ?`,
    );
    this.byConversation = sqlite.prepare<[number, number, number], MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? AND id > ? ORDER BY id LIMIT ?`,
    );
    this.attachmentsOf = sqlite.prepare<[number], AttachmentRow>(
      `SELECT id, message_id, file_name, content_type, size, width, height FROM attachments
         WHERE message_id = ?`,
    );
  }

  load(id: number): MessageDto {
    const row = this.byId.get(id);
    if (!row) throw errors.notFound('The message');
    return this.present(row);
  }

  row(id: number): MessageRow | undefined {
    return this.byId.get(id);
  }

  present(row: MessageRow): MessageDto {
    const files =
      row.direction === 'outbound' && row.kind === 'sms' ? this.attachmentsOf.all(row.id) : [];
    return toMessageDto(
      row,
      files.map((file) => ({
        id: file.id,
        url: `/media/${file.id}`,
        contentType: file.content_type,
        size: file.size,
        fileName: file.file_name,
        width: file.width,
        height: file.height,
      })),
    );
  }

  /** A thread's messages, oldest first, after `afterId`. */
  list(conversationId: number, afterId = 0, limit = 1000): MessageDto[] {
    return this.byConversation.all(conversationId, afterId, limit).map((row) => this.present(row));
  }
}
