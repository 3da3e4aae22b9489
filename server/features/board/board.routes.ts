import { Router } from 'express';

import type { Deps } from '../../context.js';
import { parse, z } from '../../lib/validate.js';
import { BoardQueries } from './board.queries.js';

const boardQuery = z.object({ feedLimit: z.coerce.number().int().min(1).max(200).default(50) });

/** `GET /api/board`: app.ts mounts this at `/board` for supervisors and admins only. */
export function boardRoutes(deps: Deps): Router {
  const router = Router();
  const queries = new BoardQueries(deps);

  router.get('/', (req, res) => {
    const query = parse(boardQuery, req.query);
    res.json(queries.board(query.feedLimit));
  });

  return router;
}
