import { Router } from 'express';

import { requireRole } from '../../lib/http.js';
import { parse, parseId, z } from '../../lib/validate.js';
import type { BotAnswers } from './bot-answers.js';

const answerFields = {
  question: z.string().trim().min(1, 'write the question').max(300),
  answer: z.string().trim().min(1, 'write the answer').max(1600),
  keywords: z.array(z.string().trim().min(1).max(60)).max(30),
};

const createBody = z
  .object({ ...answerFields, keywords: answerFields.keywords.default([]) })
  .strict();

const patchBody = z.object(answerFields).partial().strict();

/** The bot's questions and answers; admins only. Turning the bot on is a setting. */
export function botRoutes(answers: BotAnswers): Router {
  const router = Router();
  router.use('/bot', requireRole('admin'));

  router.get('/bot/answers', (_req, res) => {
    res.json({ answers: answers.list() });
  });

  router.post('/bot/answers', (req, res) => {
    res.status(201).json({ answer: answers.create(parse(createBody, req.body)) });
  });

  router.patch('/bot/answers/:id', (req, res) => {
    const id = parseId(req.params.id);
    res.json({ answer: answers.update(id, parse(patchBody, req.body)) });
  });

  router.delete('/bot/answers/:id', (req, res) => {
    answers.delete(parseId(req.params.id));
    res.status(204).end();
  });

  return router;
}
