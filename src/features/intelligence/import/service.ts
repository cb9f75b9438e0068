/**
 * Importing a CSV of entities and links. The whole file is read and every row checked first
 * (pure: csv.ts, mapping.ts, rows.ts); then:
 *
 * - Rows are accepted or rejected individually. A rejected row is reported with its line and
 *   reason and goes to the rejection file (the row as it was, plus a reason column); the other
 *   rows are imported.
 * - Accepted rows are written in batches, one transaction each, set-based (batches.ts, batch.ts).
 * - Identity is deterministic: each entity's key comes from its identifying properties, namespaced
 *   by agency and source (schema.ts sourceKey); each link's from its two ends and its type. A key
 *   already present is updated (its properties merged, its dates and confidence refreshed), so
 *   importing the same file again makes no new entity or link.
 * - Provenance: the import makes one intelligence item (source "another system"), or with a
 *   legacy grade column one per grade, which supports every link it writes and involves every
 *   entity. Each batch writes one s62 collection entry naming every record it created or touched.
 */
import type { Database } from '../../../db/database.js';
import { mayReadInvolvement } from '../../access/policy.js';
import { csvDocument } from '../../audit/csv.js';
import { captionOf } from '../schema.js';
import { writeBatches } from './batches.js';
import { parseCsv, type CsvDocument } from './csv.js';
import { checkImporter } from './importer.js';
import { checkHeader } from './mapping.js';
import { existingKeys } from './queries.js';
import { mapRow } from './rows.js';
import {
  REASON_COLUMN,
  type ImportOptions,
  type ImportSummary,
  type Rejection,
  type ValidRow,
} from './summary.js';

export type { ImportOptions, ImportSummary, Rejection } from './summary.js';

const today = () => new Date().toISOString().slice(0, 10);

export async function runImport(database: Database, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  checkImporter(options.importer, options.mapping);
  const document = parseCsv(options.csv);
  checkHeader(options.mapping, document.header);
  const { valid, rejections } = checkRows(options, document);
  const summary: ImportSummary = {
    fileName: options.fileName,
    dryRun: options.dryRun === true,
    rowsRead: document.records.length,
    accepted: 0,
    rejected: 0,
    rejections,
    entitiesCreated: 0,
    entitiesUpdated: 0,
    entitiesUnchanged: 0,
    linksCreated: 0,
    linksUpdated: 0,
    linksUnchanged: 0,
    items: [],
    batchesWritten: 0,
    failedBatches: [],
    preview: valid.slice(0, options.previewRows ?? 0).map((v) => v.row),
    rejectionCsv: null,
    ms: 0,
  };
  if (options.dryRun) await countWhatWouldChange(database, valid, summary);
  else await writeBatches(database, options, valid, summary);
  summary.rejections.sort((a, b) => a.line - b.line);
  summary.rejected = summary.rejections.length;
  summary.accepted = summary.rowsRead - summary.rejected;
  summary.rejectionCsv = summary.rejections.length
    ? csvDocument(
        [...document.header, REASON_COLUMN],
        summary.rejections.map((r) => [...r.fields, r.reason]),
      )
    : null;
  summary.ms = Date.now() - started;
  return summary;
}

/** Every row mapped and checked on its own: accepted, or rejected with its reason. */
function checkRows(
  options: ImportOptions,
  document: CsvDocument,
): { valid: ValidRow[]; rejections: Rejection[] } {
  const { mapping, importer } = options;
  const columns = new Map(document.header.map((name, index) => [name, index] as const));
  const day = options.today ?? today();
  const rejections: Rejection[] = [];
  const valid: ValidRow[] = [];
  for (const record of document.records) {
    const result = mapRow(mapping, columns, record, day);
    if (!result.ok) {
      rejections.push({ line: result.line, reason: result.reason, fields: record.fields });
      continue;
    }
    // Recording someone as a victim is for those who may read victims.
    const victim = result.row.entities.find((e) => !mayReadInvolvement(importer.viewer, e.subjectCategory));
    if (victim) {
      rejections.push({
        line: record.line,
        reason: `Only people with access to victims' details may import a victim ("${captionOf(victim.schema, victim.properties)}")`,
        fields: record.fields,
      });
      continue;
    }
    valid.push({ row: result.row, fields: record.fields });
  }
  return { valid, rejections };
}

/** Dry run: how many distinct entities and links already exist (would be updated) or not. */
async function countWhatWouldChange(
  database: Database,
  valid: readonly ValidRow[],
  summary: ImportSummary,
): Promise<void> {
  const entityKeys = [...new Set(valid.flatMap((v) => v.row.entities.map((e) => e.key)))];
  const linkKeys = [...new Set(valid.flatMap((v) => v.row.links.map((l) => l.key)))];
  const [entities, links] = await Promise.all([
    existingKeys(database.db, 'entity', entityKeys),
    existingKeys(database.db, 'link', linkKeys),
  ]);
  summary.entitiesUpdated = entities.size;
  summary.entitiesCreated = entityKeys.length - entities.size;
  summary.linksUpdated = links.size;
  summary.linksCreated = linkKeys.length - links.size;
}
