import express, { Router, type RequestHandler } from 'express';

import type { Deps } from '../../context.js';
import { errors } from '../../lib/errors.js';
import { currentUser } from '../../lib/http.js';
import { loadSession } from '../auth/auth.middleware.js';
import { MAX_UPLOAD_BYTES, type MediaService } from './media.service.js';

const FILE_NAME_LIMIT = 200;

/**
 * `POST /api/uploads`: the raw file as the body, its type in `Content-Type` and its name,
 * URI-encoded, in `X-File-Name`. Mounted behind the staff check, so nothing is read for a caller
 * who is not signed in.
 */
export function uploadRoutes(media: MediaService): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES });
  const readFile: RequestHandler = (req, res, next) => {
    raw(req, res, (error?: { type?: string }) => {
      if (error?.type === 'entity.too.large') {
        next(errors.payloadTooLarge('Pictures and PDF files are limited to 5 MB.'));
      } else next(error);
    });
  };

  router.post('/uploads', readFile, async (req, res) => {
    const user = currentUser(req);
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);

    const result = await media.store({
      bytes,
      declaredType: req.get('content-type') ?? '',
      fileName: fileNameFrom(req.get('x-file-name')),
      userId: user.id,
    });
    res.status(201).json(result);
  });

  return router;
}

/**
 * `GET /media/:id`, outside `/api` because the carrier fetches it without a session. A file tied
 * to a sent message is public to whoever holds its unguessable URL; one not sent yet only to the
 * staff member who uploaded it.
 */
export function mediaRoutes(deps: Deps, media: MediaService): Router {
  const router = Router();

  router.get('/media/:id', loadSession(deps), (req, res, next) => {
    const row = media.find(String(req.params.id));
    if (!row || (row.message_id === null && row.uploaded_by_id !== req.user?.id)) {
      throw errors.notFound('That file');
    }

    const inline = row.content_type.startsWith('image/');
    const name = `filename*=UTF-8''${encodeRFC5987(row.file_name)}`;
    const disposition = `${inline ? 'inline' : 'attachment'}; ${name}`;
    const headers = {
      'Content-Type': row.content_type,
      'Content-Disposition': disposition,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': row.message_id === null ? 'private, no-store' : 'public, max-age=86400',
    };
    res.sendFile(media.pathOf(row), { headers }, (error) => {
      if (error && !res.headersSent) next(errors.notFound('That file'));
    });
  });

  return router;
}

function fileNameFrom(header: string | undefined): string {
  let name = header ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // A header that is not URI-encoded is taken as it is.
  }
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, FILE_NAME_LIMIT);
  return clean || 'attachment';
}

function encodeRFC5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16)}`,
  );
}
