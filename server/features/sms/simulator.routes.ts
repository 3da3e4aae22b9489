import { randomUUID } from 'node:crypto';

import { Router } from 'express';

import { normalizePhone, toCarrier } from '@shared/phone.js';

import { errors } from '../../lib/errors.js';
import { parse, z } from '../../lib/validate.js';
import type { InboundService } from '../webhooks/inbound.service.js';

const inboundBody = z
  .object({
    from: z.string().trim().min(3).max(40),
    to: z.string().trim().min(3).max(40),
    text: z.string().min(1, 'write a text').max(1600),
  })
  .strict();

/** The built-in SMS simulator: staff text in as a student through the real inbound path. */
export function simulatorRoutes(enabled: boolean, inbound: InboundService): Router {
  const router = Router();

  router.get('/simulator', (_req, res) => {
    res.json({ enabled });
  });

  router.post('/simulator/inbound', (req, res) => {
    if (!enabled) {
      throw errors.notFound('The simulator (Vonage credentials are set, so it is off)');
    }
    const body = parse(inboundBody, req.body);
    const from = normalizePhone(body.from);
    const to = normalizePhone(body.to);
    if (!from || !to) throw errors.invalidInput('from and to must be phone numbers');

    const outcome = inbound.receive({
      carrierId: `sim-${randomUUID()}`,
      from: toCarrier(from.e164),
      to: toCarrier(to.e164),
      text: body.text,
    });
    res.json({
      stored: outcome.stored,
      ...(outcome.stored ? { conversationId: outcome.conversationId } : { reason: outcome.reason }),
    });
  });

  return router;
}
