import { Router } from 'express';

import { requireRole } from '../../lib/http.js';
import { parse, parseId } from '../../lib/validate.js';
import { reorderBody, ruleBody, rulePatch } from './rule.schema.js';
import type { RuleService } from './rule.service.js';

/** Admin CRUD and ordering of conversation rules; staff may read them. */
export function rulesRoutes(rules: RuleService): Router {
  const router = Router();

  router.get('/rules', (_req, res) => {
    res.json({ rules: rules.list() });
  });

  router.post('/rules', requireRole('admin'), (req, res) => {
    const body = parse(ruleBody, req.body);
    res.status(201).json({ rule: rules.create(body) });
  });

  router.post('/rules/reorder', requireRole('admin'), (req, res) => {
    const body = parse(reorderBody, req.body);
    res.json({ rules: rules.reorder(body.ids) });
  });

  router.patch('/rules/:id', requireRole('admin'), (req, res) => {
    const id = parseId(req.params.id);
    const body = parse(rulePatch, req.body);
    res.json({ rule: rules.update(id, body) });
  });

  router.delete('/rules/:id', requireRole('admin'), (req, res) => {
    rules.delete(parseId(req.params.id));
    res.status(204).end();
  });

  return router;
}
