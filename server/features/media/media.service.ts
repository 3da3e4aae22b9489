import { randomBytes } from 'node:crypto';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { errors } from '../../lib/errors.js';
import type { MediaRef } from '../sms/sms-provider.js';
import { hasGoodAspectRatio, type MediaType, sniffFile } from './media-sniff.js';

/** Pictures and PDFs alike: what the carriers' MMS gateways take comfortably. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** What a browser may say it is sending; the bytes decide in the end. */
const DECLARED_TYPES = new Set<string>([
  'image/jpeg',
  'image/jpg',
  'image/pjpeg',
  'image/png',
  'image/gif',
  'application/pdf',
  'application/octet-stream',
]);

/** 24 random bytes: 192 bits, so the URL handed to the carrier cannot be guessed. */
const ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export interface AttachmentRow {
  id: string;
  message_id: number | null;
  uploaded_by_id: number | null;
  file_name: string;
  content_type: MediaType;
  size: number;
  width: number | null;
  height: number | null;
}

export interface UploadWarning {
  code: 'aspect_ratio';
  message: string;
}

/** Uploaded MMS files: checked by content, kept under `<data folder>/media/`, served by id. */
export class MediaService {
  readonly dir: string;
  private readonly statements;

  constructor(private readonly deps: Deps) {
    this.dir = join(dirname(deps.config.databasePath), 'media');
    const { sqlite } = deps.db;
    this.statements = {
      insert: sqlite.prepare<
        [string, number, string, string, number, number | null, number | null, string]
      >(
        `INSERT INTO attachments (id, uploaded_by_id, file_name, content_type, size, width,
           height, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      byId: sqlite.prepare<[string], AttachmentRow>(
        `SELECT id, message_id, uploaded_by_id, file_name, content_type, size, width, height
         FROM attachments WHERE id = ?`,
      ),
      ofMessage: sqlite.prepare<[number], { id: string; content_type: string }>(
        'SELECT id, content_type FROM attachments WHERE message_id = ? ORDER BY created_at, rowid',
      ),
    };
  }

  /** Checks and stores one upload; the row is tied to a message when that message is sent. */
  async store(input: { bytes: Buffer; declaredType: string; fileName: string; userId: number }) {
    const declared =
      input.declaredType.split(';')[0]?.trim().toLowerCase() || 'application/octet-stream';
    if (!DECLARED_TYPES.has(declared)) throw unsupported();
    if (input.bytes.length === 0) throw errors.invalidInput('The file is empty.');
    const sniffed = sniffFile(input.bytes);
    if (!sniffed) throw unsupported();
    if (declared !== 'application/octet-stream' && !sameType(declared, sniffed.contentType)) {
      throw errors.unsupportedMedia(
        `The file says it is ${declared} but its content is ${sniffed.contentType}.`,
      );
    }

    const id = randomBytes(24).toString('base64url');
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, id);
    await writeFile(path, input.bytes, { flag: 'wx' });
    try {
      this.statements.insert.run(
        id,
        input.userId,
        input.fileName,
        sniffed.contentType,
        input.bytes.length,
        sniffed.width,
        sniffed.height,
        nowIso(this.deps),
      );
    } catch (error) {
      await unlink(path);
      throw error;
    }
    const row = this.statements.byId.get(id);
    if (!row) throw new Error('attachment insert returned no row');
    return { attachment: this.present(row), warnings: warningsFor(row) };
  }

  /** The row behind an id that could be one of ours; anything else is undefined. */
  find(id: string): AttachmentRow | undefined {
    return ID_PATTERN.test(id) ? this.statements.byId.get(id) : undefined;
  }

  pathOf(row: AttachmentRow): string {
    return join(this.dir, row.id);
  }

  /** The public URLs the carrier fetches a message's files from, in upload order. */
  refsFor(messageId: number): MediaRef[] {
    return this.statements.ofMessage.all(messageId).map((row) => ({
      url: `${this.deps.config.publicUrl}/media/${row.id}`,
      contentType: row.content_type,
    }));
  }

  present(row: AttachmentRow) {
    return {
      id: row.id,
      url: `/media/${row.id}`,
      contentType: row.content_type,
      size: row.size,
      fileName: row.file_name,
      width: row.width,
      height: row.height,
    };
  }
}

function unsupported() {
  return errors.unsupportedMedia('Only JPEG, PNG and GIF pictures and PDF files can be attached.');
}

function sameType(declared: string, sniffed: MediaType): boolean {
  if (sniffed === 'image/jpeg')
    return ['image/jpeg', 'image/jpg', 'image/pjpeg'].includes(declared);
  return declared === sniffed;
}

function warningsFor(row: AttachmentRow): UploadWarning[] {
  if (row.width === null || row.height === null) return [];
  if (hasGoodAspectRatio(row.width, row.height)) return [];
  return [
    {
      code: 'aspect_ratio',
      message:
        `This picture is ${row.width}×${row.height}. Phones may crop a picture that is not ` +
        'square (1:1), 9:16 or 4:3.',
    },
  ];
}
