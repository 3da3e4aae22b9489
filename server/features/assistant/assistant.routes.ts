import { Router } from 'express';

import {
  ASSISTANT_ACTIONS,
  ASSISTANT_TONES,
  type AssistantAction,
  type AssistantStatusDto,
} from '@shared/automation.js';

import { errors } from '../../lib/errors.js';
import { currentUser, route } from '../../lib/http.js';
import { parse, z } from '../../lib/validate.js';
import type { WritingAssistant } from './writing-assistant.js';

const actionBody = z
  .object({
    text: z.string().max(4000).optional(),
    conversationId: z.number().int().positive().optional(),
    tone: z.enum(ASSISTANT_TONES).optional(),
    language: z.string().trim().min(2).max(40).optional(),
    oneSegment: z.boolean().optional(),
  })
  .strict();

const isAction = (value: string): value is AssistantAction =>
  (ASSISTANT_ACTIONS as readonly string[]).includes(value);

/** The writing assistant: what it can do now, and one route per action answering `{text}`. */
export function assistantRoutes(assistant: WritingAssistant): Router {
  const router = Router();

  router.get('/assistant', (_req, res) => {
    const status: AssistantStatusDto = {
      enabled: assistant.enabled,
      actions: assistant.available(),
      setup: ['ASSISTANT_API_URL', 'ASSISTANT_API_KEY', 'ASSISTANT_MODEL'],
    };
    res.json(status);
  });

  router.post(
    '/assistant/:action',
    route(async (req, res) => {
      const action = String(req.params.action);
      if (!isAction(action)) throw errors.notFound('That assistant action');
      const body = parse(actionBody, req.body);
      const result = await assistant.run({ action, userId: currentUser(req).id, ...body });
      res.json(result);
    }),
  );

  return router;
}
