import express, { Router, type Request } from 'express';

import type { Deps } from '../../context.js';
import { errors } from '../../lib/errors.js';
import { category } from '../../lib/logger.js';
import { parse, z } from '../../lib/validate.js';
import { isPartStatus } from '../sms/delivery-state.js';
import type { ReceiptService } from '../sms/receipts.js';
import type { InboundService } from './inbound.service.js';
import { isSignedByVonage } from './signature.js';

const msisdn = z
  .string()
  .trim()
  .regex(/^\+?\d{6,15}$/, 'must be a phone number in E.164 form');

const inboundBody = z.looseObject({
  channel: z.string().max(20),
  message_uuid: z.string().trim().min(1).max(100),
  to: msisdn,
  from: msisdn,
  message_type: z.string().max(20),
  text: z.string().max(10_000).optional(),
  image: z.looseObject({ url: z.string().max(2000) }).optional(),
  file: z.looseObject({ url: z.string().max(2000) }).optional(),
});

const statusBody = z.looseObject({
  message_uuid: z.string().trim().min(1).max(100),
  status: z.string().max(30),
  error: z
    .looseObject({
      title: z.union([z.string(), z.number()]).optional(),
      detail: z.string().max(2000).optional(),
    })
    .optional(),
});

/**
 * Vonage's webhooks. The body is read raw so the signature's payload hash can be checked over
 * the exact bytes. `200` means committed (or dropped on purpose); a failure to store is a 5xx, so
 * Vonage retries.
 */
export function webhookRoutes(
  deps: Deps,
  parts: { inbound: InboundService; receipts: ReceiptService },
): Router {
  const router = Router();
  const log = category(deps.logger, 'sms');
  const raw = express.raw({ type: () => true, limit: '256kb' });

  const readJson = (req: Request): unknown => {
    const secret = deps.config.vonageSignatureSecret;
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (secret && !isSignedByVonage(req.get('authorization'), body, secret)) {
      log.warn({ requestId: req.id, path: req.path }, 'webhook signature rejected');
      throw errors.invalidSignature();
    }
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      throw errors.badRequest('invalid_json', 'The webhook body is not valid JSON.');
    }
  };

  router.post('/vonage/inbound', raw, (req, res) => {
    const body = parse(inboundBody, readJson(req));
    if (body.channel !== 'sms' && body.channel !== 'mms') {
      res.status(200).json({ ok: true, stored: false, reason: 'unsupported_channel' });
      return;
    }
    const text = body.text ?? describeMedia(body.message_type, body.image?.url ?? body.file?.url);
    const outcome = parts.inbound.receive({
      carrierId: body.message_uuid,
      from: body.from,
      to: body.to,
      text,
    });
    res.status(200).json({ ok: true, stored: outcome.stored });
  });

  router.post('/vonage/status', raw, (req, res) => {
    const body = parse(statusBody, readJson(req));
    if (!isPartStatus(body.status) || body.status === 'queued') {
      res.status(200).json({ ok: true, applied: 'ignored' });
      return;
    }
    const status = body.status;
    const title = body.error?.title;
    const applied = deps.events.transact((tx) =>
      parts.receipts.apply(tx, {
        carrierId: body.message_uuid,
        status,
        errorCode: title === undefined ? null : String(title),
        errorDetail: body.error?.detail ?? null,
      }),
    );
    res.status(200).json({ ok: true, applied });
  });

  return router;
}

function describeMedia(type: string, url: string | undefined): string {
  const what = type === 'image' ? 'a picture' : type === 'video' ? 'a video' : 'a file';
  return url ? `[The student sent ${what}: ${url}]` : `[The student sent ${what}]`;
}
