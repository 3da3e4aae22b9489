import { Router, type Response } from 'express';

import { REPORT_NAMES, type ReportName, type ReportsByName } from '@shared/reports.js';

import type { Deps } from '../../context.js';
import { errors } from '../../lib/errors.js';
import { reportCsv } from './reports.csv.js';
import { parseRange } from './reports.schemas.js';
import { ReportsService } from './reports.service.js';

function isReportName(value: string): value is ReportName {
  return (REPORT_NAMES as readonly string[]).includes(value);
}

function sendCsv(res: Response, name: ReportName, report: ReportsByName[ReportName]): void {
  const span =
    'range' in report ? `${report.range.from}-to-${report.range.to}` : report.asOf.slice(0, 10);
  res
    .type('text/csv; charset=utf-8')
    .set('Content-Disposition', `attachment; filename="switchboard-${name}-${span}.csv"`)
    .send(reportCsv(name, report));
}

/**
 * `GET /api/reports/<name>` (JSON) and `/api/reports/<name>.csv`, for `?from=&to=` office days:
 * app.ts mounts this at `/reports` for supervisors and admins only.
 */
export function reportsRoutes(deps: Deps): Router {
  const router = Router();
  const service = new ReportsService(deps);
  const build = (name: ReportName, query: unknown): ReportsByName[ReportName] => {
    if (name === 'open-age') return service.openAge();
    const range = parseRange(query, service.today());
    if (name === 'volume') return service.volume(range);
    if (name === 'response-times') return service.responseTimes(range);
    return service.optOuts(range);
  };

  router.get('/:file', (req, res) => {
    const csv = req.params.file.endsWith('.csv');
    const name = csv ? req.params.file.slice(0, -4) : req.params.file;
    if (!isReportName(name)) throw errors.notFound('That report');

    const report = build(name, req.query);
    if (csv) sendCsv(res, name, report);
    else res.json(report);
  });

  return router;
}
