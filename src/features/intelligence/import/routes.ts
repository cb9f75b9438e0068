/**
 * The partner page for imports: upload a CSV and a mapping (one of the saved examples, or a file),
 * check what it would do (a dry run: the first rows mapped, how many rows are valid), import it,
 * then read the summary and download the rejected rows. Post/redirect/get throughout; the upload
 * waits server-side (import_upload, an hour) for the person who sent it, and nobody else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Response } from 'express';
import { z } from 'zod';
import type { Database } from '../../../db/database.js';
import { projectPath } from '../../../paths.js';
import { route, type RouteSpec } from '../../../web/routes.js';
import { formErrors } from '../../../web/validation.js';
import { formFlash } from '../../access/form-flash.js';
import type { Sessions } from '../../access/sessions.js';
import { loadViewer } from '../../access/viewer.js';
import { captionOf, LINK_TYPES } from '../schema.js';
import { CsvError, decodeCsv, parseCsv } from './csv.js';
import { checkImporter, ImportRefused, type Importer } from './importer.js';
import { checkHeader, MappingError, parseMapping, type Mapping } from './mapping.js';
import { claimUpload, finishUpload, heldUpload, holdUpload, type HeldUpload } from './queries.js';
import { runImport, type ImportSummary } from './service.js';
import { UploadedFile, readImportForm } from './upload.js';

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const PAGE = '/partner/intelligence/import';
const READ = { permission: 'intelligence:read' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPLOADED = 'uploaded';

/** The saved mappings offered on the page: every examples/import/*.mapping.json. */
export function savedMappings(
  dir = projectPath('examples/import'),
): Map<string, { label: string; text: string }> {
  const saved = new Map<string, { label: string; text: string }>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.mapping.json'))
    .sort()) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const mapping = parseMapping(text); // a saved mapping that does not parse stops start-up
    saved.set(file.replace(/\.mapping\.json$/, ''), {
      label: `${mapping.provenance} (${mapping.agency})`,
      text,
    });
  }
  return saved;
}

const uploadSchema = z.strictObject({
  csv: z
    .instanceof(UploadedFile, { message: 'Select a CSV file' })
    .refine((file) => !file.tooLarge, 'The CSV file must be smaller than 10 MB'),
  mappingName: z.string({ message: 'Choose a mapping' }).min(1, 'Choose a mapping'),
  mappingFile: z
    .instanceof(UploadedFile, { message: 'Select a mapping file' })
    .refine((file) => !file.tooLarge, 'The mapping file must be smaller than 200 KB')
    .optional(),
});

/** Who is importing: the signed-in partner, audited as themselves. */
async function requestImporter(database: Database, res: Response): Promise<Importer> {
  const principal = res.locals.principal;
  // The route layer has refused anyone not signed in; this keeps TypeScript honest.
  if (principal.kind !== 'user') throw new Error('Importing needs a signed-in user');
  const [viewer, user] = await Promise.all([
    loadViewer(database.db, principal),
    database.db
      .selectFrom('app_user')
      .innerJoin('agency', 'agency.id', 'app_user.agency_id')
      .select(['app_user.email', 'agency.code'])
      .where('app_user.id', '=', principal.userId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    userId: principal.userId,
    agencyId: principal.agencyId,
    agencyCode: user.code,
    label: user.email,
    viewer,
    audit: res.locals.audit,
  };
}

/** A mapped row as the check page shows it: what it would make. */
function presentRow(mapping: Mapping, row: ImportSummary['preview'][number]) {
  const byKey = new Map(row.entities.map((e) => [e.key, e]));
  return {
    line: row.line,
    entities: row.entities.map(
      (e) => `${e.schema}: ${captionOf(e.schema, e.properties)}${e.child ? ' (a child)' : ''}`,
    ),
    links: row.links.map((l) => {
      const from = byKey.get(l.fromKey);
      const to = byKey.get(l.toKey);
      const dates = [l.startDate && `from ${l.startDate}`, l.endDate && `to ${l.endDate}`]
        .filter(Boolean)
        .join(' ');
      return `${from ? captionOf(from.schema, from.properties) : '?'} ${LINK_TYPES[l.type].label} ${to ? captionOf(to.schema, to.properties) : '?'}${dates ? ` (${dates})` : ''}, ${l.confidence} confidence`;
    }),
    grade: row.legacyGrade
      ? `${row.legacyGrade.sourceEvaluation}/${row.legacyGrade.intelligenceAssessment}/${row.legacyGrade.handling}`
      : null,
    source: mapping.source,
  };
}

/** What the summary page keeps of an import: counts and references, and the first reasons. */
function storedSummary(summary: ImportSummary) {
  return {
    fileName: summary.fileName,
    rowsRead: summary.rowsRead,
    accepted: summary.accepted,
    rejected: summary.rejected,
    entitiesCreated: summary.entitiesCreated,
    entitiesUpdated: summary.entitiesUpdated,
    entitiesUnchanged: summary.entitiesUnchanged,
    linksCreated: summary.linksCreated,
    linksUpdated: summary.linksUpdated,
    linksUnchanged: summary.linksUnchanged,
    items: summary.items.map((item) => ({ reference: item.reference, grade: item.grade })),
    failedBatches: summary.failedBatches,
    rejections: summary.rejections.slice(0, 50).map((r) => ({ line: r.line, reason: r.reason })),
    seconds: (summary.ms / 1000).toFixed(1),
  };
}
type StoredSummary = ReturnType<typeof storedSummary>;

export function importRoutes({
  database,
  sessions,
}: {
  database: Database;
  sessions: Sessions;
}): RouteSpec[] {
  const flash = formFlash(sessions);
  const saved = savedMappings();
  const mappingItems = (chosen: unknown) => [
    { value: '', text: 'Choose a mapping' },
    ...[...saved].map(([value, { label }]) => ({ value, text: label, selected: chosen === value })),
    { value: UPLOADED, text: 'Upload a mapping file', selected: chosen === UPLOADED },
  ];
  const notFound = (res: Response) => res.status(404).render('errors/404.njk');

  /** The upload named in the path, if it is the viewer's own and still held. */
  async function ownUpload(res: Response, id: string | undefined): Promise<HeldUpload | undefined> {
    const principal = res.locals.principal;
    if (!id || !UUID.test(id) || principal.kind !== 'user') return undefined;
    return heldUpload(database.db, id.toLowerCase(), principal.userId);
  }

  /** Everything that can be wrong before a row is read, as the form's errors. */
  async function prepare(res: Response, upload: { csv: Uint8Array; mapping: string }) {
    const mapping = parseMapping(upload.mapping);
    const importer = await requestImporter(database, res);
    checkImporter(importer, mapping);
    const csv = decodeCsv(upload.csv);
    checkHeader(mapping, parseCsv(csv).header);
    return { mapping, csv, importer };
  }

  function problemOf(error: unknown): Record<string, string> | null {
    if (error instanceof MappingError) return { mappingName: error.problems.join('. ') };
    if (error instanceof CsvError) return { csv: error.message };
    if (error instanceof ImportRefused) return { mappingName: error.message };
    return null;
  }

  return [
    route({
      method: 'get',
      path: PAGE,
      access: READ,
      audit: 'intelligence.import.form',
      handle: async ({ res }) => {
        const kept = await flash.take(res, PAGE);
        res.render('intelligence/import/views/upload.njk', {
          ...kept,
          values: kept.values ?? {},
          mappingItems: mappingItems(kept.values?.mappingName),
          maxMegabytes: IMPORT_MAX_BYTES / (1024 * 1024),
        });
      },
    }),
    route({
      method: 'post',
      path: PAGE,
      access: READ,
      audit: 'intelligence.import.upload',
      readBody: (req) =>
        req.is('multipart/form-data') ? readImportForm(req, IMPORT_MAX_BYTES) : Promise.resolve({}),
      body: uploadSchema,
      invalid: (req, res, errors) =>
        flash.redirectWithErrors(res, PAGE, errors, {
          mappingName: (req.body as Record<string, unknown>).mappingName,
        }),
      handle: async ({ res, body }) => {
        const principal = res.locals.principal;
        if (principal.kind !== 'user') return notFound(res);
        const back = (problem: Record<string, string>) =>
          flash.redirectWithErrors(res, PAGE, formErrors(problem), { mappingName: body.mappingName });
        let mappingText: string;
        if (body.mappingName === UPLOADED) {
          if (!body.mappingFile) return back({ mappingFile: 'Select a mapping file' });
          mappingText = new TextDecoder().decode(body.mappingFile.bytes);
        } else {
          const chosen = saved.get(body.mappingName);
          if (!chosen) return back({ mappingName: 'Choose a mapping' });
          mappingText = chosen.text;
        }
        try {
          await prepare(res, { csv: body.csv.bytes, mapping: mappingText });
        } catch (error) {
          const problem = problemOf(error);
          if (problem) return back(problem);
          throw error;
        }
        const id = await holdUpload(database.db, {
          userId: principal.userId,
          fileName: body.csv.name || 'upload.csv',
          csv: body.csv.bytes,
          mapping: mappingText,
          mappingName: body.mappingName,
        });
        res.redirect(303, `${PAGE}/${id}`);
      },
    }),
    route({
      method: 'get',
      path: `${PAGE}/:id`,
      access: READ,
      audit: 'intelligence.import.check',
      handle: async ({ res, params }) => {
        const upload = await ownUpload(res, params.id);
        if (!upload) return notFound(res);
        if (upload.imported_at) return res.redirect(303, `${PAGE}/${upload.id}/summary`);
        let prepared;
        try {
          prepared = await prepare(res, upload);
        } catch (error) {
          const problem = problemOf(error);
          if (problem) return flash.redirectWithErrors(res, PAGE, formErrors(problem));
          throw error;
        }
        // The dry run reads the upload and counts keys that exist: it shows no record from Lantern.
        const summary = await runImport(database, {
          fileName: upload.file_name,
          ...prepared,
          dryRun: true,
          previewRows: 5,
        });
        const kept = await flash.take(res, res.req.path);
        res.render('intelligence/import/views/check.njk', {
          ...kept,
          upload,
          mapping: prepared.mapping,
          summary,
          rows: summary.preview.map((row) => presentRow(prepared.mapping, row)),
          rejections: summary.rejections.slice(0, 20),
          action: `${PAGE}/${upload.id}`,
        });
      },
    }),
    route({
      method: 'post',
      path: `${PAGE}/:id`,
      access: READ,
      audit: 'intelligence.import.confirm',
      s62: 'collection',
      body: z.strictObject({}),
      invalid: (req, res, errors) => flash.redirectWithErrors(res, req.path, errors),
      handle: async ({ res, params }) => {
        const upload = await ownUpload(res, params.id);
        if (!upload) return notFound(res);
        // A second click, or a reload of the confirmation, finds the import already made.
        if (upload.imported_at) {
          res.locals.s62Operations = 0;
          return res.redirect(303, `${PAGE}/${upload.id}/summary`);
        }
        let prepared;
        try {
          prepared = await prepare(res, upload);
        } catch (error) {
          const problem = problemOf(error);
          if (problem) return flash.redirectWithErrors(res, PAGE, formErrors(problem));
          throw error;
        }
        // Two confirmations at the same moment: only one claims the upload.
        if (!(await database.transaction((tx) => claimUpload(tx, upload.id)))) {
          res.locals.s62Operations = 0;
          return res.redirect(303, `${PAGE}/${upload.id}/summary`);
        }
        const summary = await runImport(database, { fileName: upload.file_name, ...prepared });
        // Each batch is its own transaction with its own s62 entry (service.ts).
        res.locals.s62Operations = summary.batchesWritten;
        await finishUpload(database.db, upload.id, storedSummary(summary), summary.rejectionCsv);
        res.redirect(303, `${PAGE}/${upload.id}/summary`);
      },
    }),
    route({
      method: 'get',
      path: `${PAGE}/:id/summary`,
      access: READ,
      audit: 'intelligence.import.summary',
      handle: async ({ res, params }) => {
        const upload = await ownUpload(res, params.id);
        if (!upload) return notFound(res);
        if (!upload.imported_at) return res.redirect(303, `${PAGE}/${upload.id}`);
        const stored = upload.summary as Partial<StoredSummary> & { running?: boolean };
        res.render('intelligence/import/views/summary.njk', {
          upload,
          summary: stored.running ? null : stored,
          download: upload.rejection_csv ? `${PAGE}/${upload.id}/rejections.csv` : null,
        });
      },
    }),
    route({
      method: 'get',
      path: `${PAGE}/:id/rejections.csv`,
      access: READ,
      audit: 'intelligence.import.rejections',
      handle: async ({ res, params }) => {
        const upload = await ownUpload(res, params.id);
        if (!upload?.rejection_csv) return notFound(res);
        const base = upload.file_name.replace(/\.csv$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-') || 'import';
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="${base}-rejects.csv"`);
        res.send(Buffer.from(upload.rejection_csv));
      },
    }),
  ];
}
