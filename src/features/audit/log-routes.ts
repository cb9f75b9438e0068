/** The audit log's list (filtered, newest first) and its CSV export. */
import type { Request, Response } from 'express';
import type { Database } from '../../db/database.js';
import { commandKernel } from '../../web/commands.js';
import { askerOf } from '../../web/partner-pages.js';
import { route, type RouteSpec } from '../../web/routes.js';
import type { FormErrors } from '../../web/validation.js';
import { S62_ACTIONS } from './audit-log.js';
import { checkpointReader } from './checkpoints.js';
import { auditFilterSchema, filterQuery, normaliseFilter } from './filters.js';
import { AUDIT_READ, forInformationGovernance, type AuditPageDependencies } from './pages.js';
import { entryView, pages, selectedFilters } from './presenters.js';
import { agencyChoices } from './queries.js';
import { exportLog, readLogPage } from './reads.js';

/** The list page's form, with its errors and no entries: a failed filter shows nothing. */
function invalidFilterPage(database: Database) {
  return async (req: Request, res: Response, errors: FormErrors) => {
    forInformationGovernance(res);
    res.render('audit/views/audit-log.njk', {
      values: req.query,
      errors,
      agencies: await agencyChoices(database.db),
      actions: S62_ACTIONS,
    });
  };
}

export function auditLogRoutes({ database, recordNames, checkpoints }: AuditPageDependencies): RouteSpec[] {
  const kernel = commandKernel(database);
  const showInvalidFilter = invalidFilterPage(database);
  const readLatestCheckpoints = checkpointReader(checkpoints.checkpointDir, checkpoints.key);
  return [
    route({
      method: 'get',
      path: '/partner/audit',
      access: AUDIT_READ,
      audit: 'audit.log.view',
      s62: 'consultation',
      summary: 'The audit log, filtered, newest first',
      query: auditFilterSchema,
      invalid: showInvalidFilter,
      handle: async ({ res, query }) => {
        forInformationGovernance(res);
        const { filter, page } = normaliseFilter(query);
        const result = await readLogPage(kernel, askerOf(res, 'audit.unknown'), filter, page);
        const values = query as Record<string, string | undefined>;
        res.render('audit/views/audit-log.njk', {
          values,
          checkpoint: await readLatestCheckpoints(),
          agencies: result.agencies,
          actions: S62_ACTIONS,
          entries: result.rows.map((row) => entryView(row, recordNames)),
          pagination: pages(
            result.total,
            page,
            (n) => `/partner/audit${filterQuery(values, { page: String(n) })}`,
          ),
          selectedFilters: selectedFilters(values, result.agencies),
          exportHref: `/partner/audit/export.csv${filterQuery(values)}`,
        });
      },
    }),
    route({
      method: 'get',
      path: '/partner/audit/export.csv',
      access: AUDIT_READ,
      audit: 'audit.log.export',
      s62: 'disclosure',
      summary: 'The filtered audit log as CSV (a disclosure, itself audited)',
      query: auditFilterSchema,
      invalid: showInvalidFilter,
      handle: async ({ res, query }) => {
        forInformationGovernance(res);
        const { filter } = normaliseFilter(query);
        const csv = await exportLog(kernel, askerOf(res, 'audit.unknown'), filter);
        const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '');
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="lantern-audit-log-${stamp}Z.csv"`);
        res.send(csv);
      },
    }),
  ];
}
