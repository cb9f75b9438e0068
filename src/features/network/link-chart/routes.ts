/**
 * The link-chart import page, /partner/network/import: upload a CSV of links → check (what it would
 * create and which rows cannot be imported; which names and links are already on record, so a
 * consultation naming them) → confirm (one s62 collection entry) → summary and the rejected rows to
 * download. The upload waits in import_upload (an hour) for the person who sent it, as the main
 * import's does. Anyone whose role may not add intelligence gets the same 404 as a missing page.
 */
import type { Response } from 'express';
import { z } from 'zod';
import type { Database } from '../../../db/database.js';
import { route, type RouteSpec } from '../../../web/routes.js';
import { formErrors } from '../../../web/validation.js';
import { formFlash } from '../../access/form-flash.js';
import type { Principal } from '../../access/principal.js';
import type { Sessions } from '../../access/sessions.js';
import { loadViewer } from '../../access/viewer.js';
import { writeAuditEntry } from '../../audit/audit-log.js';
import {
  CsvError,
  decodeCsv,
  claimUpload,
  finishUpload,
  heldUpload,
  holdUpload,
  type HeldUpload,
  readImportForm,
  UploadedFile,
  ENTITY_SCHEMAS,
  LINK_TYPES,
} from '../../intelligence/index.js';
import { importerDetails } from './queries.js';
import { LinkChartFileError, readLinkChart } from './rows.js';
import {
  importLinkChart,
  mayImportLinkChart,
  planLinkChart,
  type LinkChartPlan,
  type LinkChartSummary,
  type PlannedLink,
} from './service.js';

export const LINK_CHART_PAGE = '/partner/network/import';

/** The entities and links already on record that a check page tells the importer about. */
function recordsOnRecord(plan: LinkChartPlan): string[] {
  const ids = new Set<string>();
  for (const link of plan.links) {
    for (const end of [link.from, link.to]) if (end.kind === 'existing') ids.add(end.id);
    if (link.existingLinkId) ids.add(link.existingLinkId);
  }
  return [...ids];
}
const MAX_BYTES = 2 * 1024 * 1024;
const READ = { permission: 'intelligence:read' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What import_upload.mapping_name says for a link chart (the main import's uploads are not ours). */
const KIND = 'link-chart';

const uploadSchema = z.strictObject({
  csv: z
    .instanceof(UploadedFile, { message: 'Select a CSV file' })
    .refine((file) => !file.tooLarge, 'The CSV file must be smaller than 2 MB'),
});

function storedSummary(summary: LinkChartSummary) {
  return {
    fileName: summary.fileName,
    rowsRead: summary.rowsRead,
    accepted: summary.accepted,
    rejected: summary.rejected,
    entitiesCreated: summary.entitiesCreated,
    entitiesMatched: summary.entitiesMatched,
    linksCreated: summary.linksCreated,
    linksConfirmed: summary.linksConfirmed,
    item: summary.item?.reference ?? null,
    rejections: summary.rejections.slice(0, 50),
  };
}

function endText(resolved: PlannedLink['from'], name: string, schema: string): string {
  const label = ENTITY_SCHEMAS[schema as keyof typeof ENTITY_SCHEMAS].label;
  return `${name} (${label}${resolved.kind === 'new' ? ', new' : ''})`;
}

export function linkChartRoutes({
  database,
  sessions,
}: {
  database: Database;
  sessions: Sessions;
}): RouteSpec[] {
  const flash = formFlash(sessions);
  const notFound = (res: Response) => res.status(404).render('errors/404.njk');

  /** The signed-in partner, if their role may add intelligence. */
  async function importer(res: Response) {
    const principal: Principal = res.locals.principal;
    if (principal.kind !== 'user') return undefined;
    const viewer = await loadViewer(database.db, principal);
    return mayImportLinkChart(viewer) ? { principal, viewer } : undefined;
  }

  /** The viewer's own held link chart, named in the path. */
  async function ownUpload(res: Response, id: string | undefined): Promise<HeldUpload | undefined> {
    const principal = res.locals.principal;
    if (!id || !UUID.test(id) || principal.kind !== 'user') return undefined;
    const upload = await heldUpload(database.db, id.toLowerCase(), principal.userId);
    return upload?.mapping_name === KIND ? upload : undefined;
  }

  return [
    route({
      method: 'get',
      path: LINK_CHART_PAGE,
      access: READ,
      audit: 'network.link-chart.form',
      handle: async ({ res }) => {
        if (!(await importer(res))) return notFound(res);
        const kept = await flash.take(res, LINK_CHART_PAGE);
        res.render('network/link-chart/views/upload.njk', {
          ...kept,
          linkTypes: Object.entries(LINK_TYPES).map(([key, spec]) => ({ key, label: spec.label })),
          schemas: Object.entries(ENTITY_SCHEMAS).map(([name, spec]) => ({ name, label: spec.label })),
        });
      },
    }),
    route({
      method: 'post',
      path: LINK_CHART_PAGE,
      access: READ,
      audit: 'network.link-chart.upload',
      readBody: (req) =>
        req.is('multipart/form-data') ? readImportForm(req, MAX_BYTES) : Promise.resolve({}),
      body: uploadSchema,
      invalid: (_req, res, errors) => flash.redirectWithErrors(res, LINK_CHART_PAGE, errors),
      handle: async ({ res, body }) => {
        const who = await importer(res);
        if (!who) return notFound(res);
        try {
          readLinkChart(decodeCsv(body.csv.bytes));
        } catch (error) {
          if (error instanceof CsvError || error instanceof LinkChartFileError) {
            return flash.redirectWithErrors(res, LINK_CHART_PAGE, formErrors({ csv: error.message }));
          }
          throw error;
        }
        const id = await holdUpload(database.db, {
          userId: who.principal.userId,
          fileName: body.csv.name || 'link-chart.csv',
          csv: body.csv.bytes,
          mapping: JSON.stringify({ kind: KIND }),
          mappingName: KIND,
        });
        res.redirect(303, `${LINK_CHART_PAGE}/${id}`);
      },
    }),
    route({
      method: 'get',
      path: `${LINK_CHART_PAGE}/:id`,
      access: READ,
      audit: 'network.link-chart.check',
      // The check says which names and links are already on record: a consultation of them.
      s62: 'consultation',
      handle: async ({ res, params }) => {
        const who = await importer(res);
        const upload = who && (await ownUpload(res, params.id));
        if (!who || !upload) return notFound(res);
        if (upload.imported_at) return res.redirect(303, `${LINK_CHART_PAGE}/${upload.id}/summary`);
        const details = await importerDetails(database.db, who.principal.userId);
        const plan = await database.transaction(async (tx) => {
          const planned = await planLinkChart(
            tx,
            who.viewer,
            details.code,
            upload.file_name,
            decodeCsv(upload.csv),
          );
          await writeAuditEntry(tx, res.locals.audit, {
            action: 'consultation',
            event: 'network.link-chart.check',
            recordType: 'entity',
            recordIds: recordsOnRecord(planned),
            detail: { upload: upload.id, links: planned.links.length },
          });
          return planned;
        });
        const action = `${LINK_CHART_PAGE}/${upload.id}`;
        res.render('network/link-chart/views/check.njk', {
          upload,
          plan,
          newEntities: plan.newEntities
            .slice(0, 100)
            .map((end) => ({ kind: ENTITY_SCHEMAS[end.schema].label, name: end.name })),
          links: plan.links.slice(0, 100).map((link) => ({
            line: link.row.line,
            from: endText(link.from, link.row.from.name, link.row.from.schema),
            type: LINK_TYPES[link.row.type].label,
            to: endText(link.to, link.row.to.name, link.row.to.schema),
            date: link.row.date ?? '',
            confidence: link.row.confidence,
            status: link.existingLinkId
              ? 'Already on record: the chart becomes a further source'
              : 'New link',
          })),
          rejections: plan.rejections.slice(0, 50),
          action,
        });
      },
    }),
    route({
      method: 'post',
      path: `${LINK_CHART_PAGE}/:id`,
      access: READ,
      audit: 'network.link-chart.import',
      s62: 'collection',
      body: z.strictObject({}),
      invalid: (req, res, errors) => flash.redirectWithErrors(res, req.path, errors),
      handle: async ({ res, params }) => {
        const who = await importer(res);
        const upload = who && (await ownUpload(res, params.id));
        if (!who || !upload) return notFound(res);
        const summaryPage = `${LINK_CHART_PAGE}/${upload.id}/summary`;
        if (upload.imported_at) {
          res.locals.s62Operations = 0;
          return res.redirect(303, summaryPage);
        }
        const details = await importerDetails(database.db, who.principal.userId);
        const summary = await importLinkChart(
          database,
          {
            principal: who.principal,
            agencyCode: details.code,
            label: details.email,
            audit: res.locals.audit,
          },
          upload.file_name,
          decodeCsv(upload.csv),
          (tx) => claimUpload(tx, upload.id),
        );
        // A second click finds the chart claimed; a chart with no row to import writes nothing.
        res.locals.s62Operations = summary?.item ? 1 : 0;
        if (summary) await finishUpload(database.db, upload.id, storedSummary(summary), summary.rejectionCsv);
        res.redirect(303, summaryPage);
      },
    }),
    route({
      method: 'get',
      path: `${LINK_CHART_PAGE}/:id/summary`,
      access: READ,
      audit: 'network.link-chart.summary',
      handle: async ({ res, params }) => {
        const upload = await ownUpload(res, params.id);
        if (!upload) return notFound(res);
        if (!upload.imported_at) return res.redirect(303, `${LINK_CHART_PAGE}/${upload.id}`);
        const stored = upload.summary as Partial<ReturnType<typeof storedSummary>> & { running?: boolean };
        res.render('network/link-chart/views/summary.njk', {
          upload,
          summary: stored.running ? null : stored,
          download: upload.rejection_csv ? `${LINK_CHART_PAGE}/${upload.id}/rejections.csv` : null,
        });
      },
    }),
    route({
      method: 'get',
      path: `${LINK_CHART_PAGE}/:id/rejections.csv`,
      access: READ,
      audit: 'network.link-chart.rejections',
      handle: async ({ res, params }) => {
        const upload = await ownUpload(res, params.id);
        if (!upload?.rejection_csv) return notFound(res);
        const base =
          upload.file_name.replace(/\.csv$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-') || 'link-chart';
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="${base}-rejects.csv"`);
        res.send(Buffer.from(upload.rejection_csv));
      },
    }),
  ];
}
