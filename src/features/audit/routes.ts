/**
 * The audit log's self-service for information governance: who looked at what, when and why.
 * Reading the log is itself a consultation of personal data (staff names) and the CSV a
 * disclosure, so each request reads and writes its own audit entry in one transaction: if the
 * entry cannot be written, nothing is shown (fail-closed).
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AuditConfig } from '../../config.js';
import type { Database } from '../../db/database.js';
import { HttpError } from '../../web/errors.js';
import { route, type RouteSpec } from '../../web/routes.js';
import type { FormErrors } from '../../web/validation.js';
import type { Sessions } from '../access/sessions.js';
import { S62_ACTIONS, writeAuditEntry } from './audit-log.js';
import { readCheckpoints } from './checkpoints.js';
import { csvDocument } from './csv.js';
import {
  auditFilterSchema,
  filterDetail,
  filterQuery,
  isUuid,
  normaliseFilter,
  PAGE_SIZE,
  type AuditFilter,
} from './filters.js';
import { CSV_HEADER, csvCells, entryView } from './presenters.js';
import { actorsShown, agencyChoices, countEntries, listEntries } from './queries.js';
import type { RecordNames } from './record-names.js';

const AUDIT_READ = { permission: 'audit:read' } as const;

/** More than this in one file is refused rather than cut short: an export is all or nothing. */
export const MAX_EXPORT_ROWS = 100_000;

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

export interface AuditPageDependencies {
  database: Database;
  sessions: Sessions;
  recordNames: RecordNames;
  /** Where the signed checkpoints are, and the key that checks them: the latest is shown. */
  checkpoints: Pick<AuditConfig, 'checkpointDir' | 'key'>;
}

/** Every audit page works for information governance: the purpose of each entry they write. */
function forInformationGovernance(res: Response): void {
  res.locals.audit.purpose = 'information-governance';
  res.setHeader('Cache-Control', 'no-store');
}

function pages(total: number, page: number, hrefFor: (page: number) => string) {
  const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return {
    total,
    page,
    last,
    first: total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1,
    previous: page > 1 ? { href: hrefFor(page - 1) } : undefined,
    next: page < last ? { href: hrefFor(page + 1) } : undefined,
  };
}

export function auditRoutes({
  database,
  sessions,
  recordNames,
  checkpoints,
}: AuditPageDependencies): RouteSpec[] {
  /** The list page's form, with its errors and no entries: a failed filter shows nothing. */
  async function showInvalidFilter(req: Request, res: Response, errors: FormErrors) {
    forInformationGovernance(res);
    res.render('audit/views/audit-log.njk', {
      values: req.query,
      errors,
      agencies: await agencyChoices(database.db),
      actions: S62_ACTIONS,
    });
  }

  function selectedFilters(
    values: Record<string, string | undefined>,
    agencies: { id: string; name: string }[],
  ) {
    const labels: [string, string][] = [
      ['user', 'User'],
      ['agency', 'Agency'],
      ['from', 'Date from'],
      ['to', 'Date to'],
      ['record', 'Record id'],
      ['action', 'Action'],
      ['event', 'Event'],
    ];
    return labels
      .filter(([key]) => values[key])
      .map(([key, heading]) => {
        const value = values[key] ?? '';
        const text = key === 'agency' ? (agencies.find((a) => a.id === value)?.name ?? value) : value;
        return {
          heading: { text: heading },
          items: [{ href: `/partner/audit${filterQuery({ ...values, [key]: undefined })}`, text }],
        };
      });
  }

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
        const result = await database.transaction(async (tx) => {
          const total = await countEntries(tx, filter);
          const rows = await listEntries(tx, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
          await writeAuditEntry(tx, res.locals.audit, {
            action: 'consultation',
            event: 'audit.log.view',
            recordType: 'user',
            recordIds: actorsShown(rows),
            detail: { filter: filterDetail(filter), page, rows: rows.length },
          });
          return { total, rows, agencies: await agencyChoices(tx) };
        });
        const values = query as Record<string, string | undefined>;
        res.render('audit/views/audit-log.njk', {
          values,
          checkpoint: await readCheckpoints(checkpoints.checkpointDir, checkpoints.key),
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
        const csv = await database.transaction(async (tx) => {
          const total = await countEntries(tx, filter);
          if (total > MAX_EXPORT_ROWS) {
            throw new HttpError(
              400,
              `There are more than ${MAX_EXPORT_ROWS.toLocaleString('en-GB')} entries to download: narrow the filter, for example by date, and try again`,
            );
          }
          const rows = await listEntries(tx, filter, { limit: MAX_EXPORT_ROWS, offset: 0 });
          await writeAuditEntry(tx, res.locals.audit, {
            action: 'disclosure',
            event: 'audit.log.export',
            recordType: 'user',
            recordIds: actorsShown(rows),
            recipients: 'The exporting user (CSV download)',
            detail: { filter: filterDetail(filter), rows: rows.length },
          });
          return csvDocument(CSV_HEADER, rows.map(csvCells));
        });
        const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '');
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="lantern-audit-log-${stamp}Z.csv"`);
        res.send(csv);
      },
    }),
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
        const result = await database.transaction(async (tx) => {
          const total = await countEntries(tx, filter);
          const rows = await listEntries(tx, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
          await writeAuditEntry(tx, res.locals.audit, {
            action: 'consultation',
            event: 'audit.record.history',
            recordType: 'user',
            recordIds: actorsShown(rows),
            detail: { filter: filterDetail(filter), page, rows: rows.length },
          });
          return { total, rows };
        });
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
        const resolution = await database.transaction(async (tx) => {
          const found = await recordNames.resolve(tx, recordId);
          await writeAuditEntry(tx, res.locals.audit, {
            action: 'consultation',
            event: 'audit.record.resolve',
            ...(found.type ? { recordType: found.type } : {}),
            recordIds: [recordId],
            detail: { reason: body.reason, resolvedAs: found.type },
          });
          return found;
        });
        res.render('audit/views/resolved.njk', {
          resolution,
          unnamedTypes: resolution.unnamedTypes.map((type) => recordNames.labelOf(type)),
          historyHref: `/partner/audit/records/${recordId}`,
        });
      },
    }),
  ];
}
