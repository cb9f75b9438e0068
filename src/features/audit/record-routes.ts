/**
 * One record's history (who looked at it), and finding out whose record an id is: asked with a
 * reason, post/redirect/get with the form's errors kept in the session.
 */
import { z } from 'zod';
import { commandKernel } from '../../web/commands.js';
import { HttpError } from '../../web/errors.js';
import { askerOf } from '../../web/partner-pages.js';
import { route, type RouteSpec } from '../../web/routes.js';
import type { FormErrors } from '../../web/validation.js';
import { filterQuery, isUuid, type AuditFilter } from './filters.js';
import { AUDIT_READ, forInformationGovernance, type AuditPageDependencies } from './pages.js';
import { entryView, pages } from './presenters.js';
import { readRecordHistory, resolveRecord } from './reads.js';

const pageOnly = z.strictObject({
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'Page must be a number')
    .optional(),
});

const resolveSchema = z.strictObject({
  record: z
    .string({ error: 'Enter the record id' })
    .trim()
    .min(1, 'Enter the record id')
    .refine(isUuid, 'Record id must be a record id, like 0b6c1f3e-8d1a-4c55-9a1e-2f0d6b7a9c41'),
  reason: z
    .string({ error: 'Enter why you need to know whose record this is' })
    .trim()
    .min(1, 'Enter why you need to know whose record this is')
    .max(500, 'Reason must be 500 characters or fewer'),
});

const RESOLVE_PATH = '/partner/audit/resolve';

export function recordHistoryRoutes({ database, recordNames }: AuditPageDependencies): RouteSpec[] {
  const kernel = commandKernel(database);
  return [
    route({
      method: 'get',
      path: '/partner/audit/records/:id',
      access: AUDIT_READ,
      audit: 'audit.record.history',
      s62: 'consultation',
      summary: 'Who looked at one record: every audit entry naming its id',
      query: pageOnly,
      handle: async ({ res, params, query }) => {
        const recordId = params.id ?? '';
        if (!isUuid(recordId)) throw new HttpError(404, 'Page not found');
        forInformationGovernance(res);
        const filter: AuditFilter = { recordId: recordId.toLowerCase() };
        const page = query.page ? Number(query.page) : 1;
        const result = await readRecordHistory(kernel, askerOf(res, 'audit.unknown'), filter, page);
        const base = `/partner/audit/records/${filter.recordId ?? ''}`;
        res.render('audit/views/record-history.njk', {
          recordId: filter.recordId,
          entries: result.rows.map((row) => entryView(row, recordNames)),
          pagination: pages(result.total, page, (n) => `${base}?page=${n}`),
          exportHref: `/partner/audit/export.csv${filterQuery({ record: filter.recordId })}`,
          resolveHref: `${RESOLVE_PATH}?record=${filter.recordId ?? ''}`,
        });
      },
    }),
  ];
}

export function resolveRoutes({ database, sessions, recordNames }: AuditPageDependencies): RouteSpec[] {
  const kernel = commandKernel(database);
  return [
    route({
      method: 'get',
      path: RESOLVE_PATH,
      access: AUDIT_READ,
      audit: 'audit.record.resolve-view',
      summary: 'The form to find out whose record an id is',
      query: z.strictObject({ record: z.string().max(100).optional() }),
      handle: async ({ res, query }) => {
        forInformationGovernance(res);
        // Post/redirect/get: a failed form's errors and answers come back once, from the session.
        const session = res.locals.session;
        const flash = session?.flash as { form?: unknown; errors?: FormErrors; values?: unknown } | null;
        if (session && flash?.form === RESOLVE_PATH) {
          await sessions.clearFlash(session.idHash);
          return res.render('audit/views/resolve.njk', { errors: flash.errors, values: flash.values });
        }
        res.render('audit/views/resolve.njk', { values: { record: query.record } });
      },
    }),
    route({
      method: 'post',
      path: RESOLVE_PATH,
      access: AUDIT_READ,
      audit: 'audit.record.resolve',
      s62: 'consultation',
      summary: 'Find out whose record an id is (audited, with a reason)',
      body: resolveSchema,
      invalid: async (req, res, errors) => {
        const session = res.locals.session;
        const { record, reason } = req.body as { record?: unknown; reason?: unknown };
        const values = {
          record: typeof record === 'string' ? record : '',
          reason: typeof reason === 'string' ? reason : '',
        };
        if (!session) {
          // Never reached: the route needs a signed-in user. Kept so the form cannot lose its errors.
          return res.render('audit/views/resolve.njk', { errors, values });
        }
        await sessions.setFlash(session.idHash, { form: RESOLVE_PATH, errors, values });
        res.redirect(303, RESOLVE_PATH);
      },
      handle: async ({ res, body }) => {
        forInformationGovernance(res);
        const recordId = body.record.toLowerCase();
        const resolution = await resolveRecord(
          kernel,
          recordNames,
          askerOf(res, 'audit.unknown'),
          recordId,
          body.reason,
        );
        res.render('audit/views/resolved.njk', {
          resolution,
          unnamedTypes: resolution.unnamedTypes.map((type) => recordNames.labelOf(type)),
          historyHref: `/partner/audit/records/${recordId}`,
        });
      },
    }),
  ];
}
