/**
 * SQL for imports: finding what earlier imports made (by deterministic key), changing a link's
 * dates, closing and describing the import's own intelligence item, and holding an uploaded file
 * between the partner page's steps. Callers check access and write the audit log.
 */
import type { Queryable, Tx } from '../../../db/database.js';
import type { Confidence, EntityProperties } from '../schema.js';

export interface KeyedEntity {
  id: string;
  source_key: string;
  schema: string;
  properties: EntityProperties;
  child: boolean;
  classification: string;
  handling_code: string;
  handling_conditions: string | null;
  owning_agency_id: string;
  access_list_id: string | null;
}

export async function entitiesByKeys(q: Queryable, keys: readonly string[]): Promise<KeyedEntity[]> {
  if (!keys.length) return [];
  const rows = await q
    .selectFrom('entity')
    .select([
      'id',
      'source_key',
      'schema',
      'properties',
      'child',
      'classification',
      'handling_code',
      'handling_conditions',
      'owning_agency_id',
      'access_list_id',
    ])
    .where('source_key', 'in', [...keys])
    .execute();
  return rows.map((row) => ({
    ...row,
    source_key: row.source_key ?? '',
  }));
}

export interface KeyedLink {
  id: string;
  source_key: string;
  start_date: string | null;
  end_date: string | null;
  confidence: string;
  classification: string;
  handling_code: string;
  handling_conditions: string | null;
  owning_agency_id: string;
  access_list_id: string | null;
}

export async function linksByKeys(q: Queryable, keys: readonly string[]): Promise<KeyedLink[]> {
  if (!keys.length) return [];
  const rows = await q
    .selectFrom('link')
    .select([
      'id',
      'source_key',
      'start_date',
      'end_date',
      'confidence',
      'classification',
      'handling_code',
      'handling_conditions',
      'owning_agency_id',
      'access_list_id',
    ])
    .where('source_key', 'in', [...keys])
    .execute();
  return rows.map((row) => ({ ...row, source_key: row.source_key ?? '' }));
}

/** How many of these keys already name a record (for the dry run's "would create/update"). */
export async function existingKeys(
  q: Queryable,
  table: 'entity' | 'link',
  keys: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await q
      .selectFrom(table)
      .select('source_key')
      .where('source_key', 'in', unique.slice(i, i + 1000))
      .execute();
    for (const row of rows) if (row.source_key) found.add(row.source_key);
  }
  return found;
}

export async function updateLinkDetails(
  tx: Tx,
  linkId: string,
  details: { startDate: string | null; endDate: string | null; confidence: Confidence },
): Promise<void> {
  await tx
    .updateTable('link')
    .set({ start_date: details.startDate, end_date: details.endDate, confidence: details.confidence })
    .where('id', '=', linkId)
    .execute();
}

/**
 * An import's item needs no triage: it records where data came from. It leaves the inbox closed
 * as "intelligence recorded" the moment it is made.
 */
export async function closeAsRecorded(tx: Tx, itemId: string, userId: string, note: string): Promise<void> {
  await tx
    .updateTable('intelligence_item')
    .set({
      status: 'closed',
      outcome: 'intelligence-recorded',
      outcome_note: note.slice(0, 2000),
      closed_by: userId,
      closed_at: new Date(),
    })
    .where('id', '=', itemId)
    .execute();
}

/** The item's working text once the import has finished: the final counts. */
export async function describeItem(tx: Tx, itemId: string, body: string): Promise<void> {
  await tx.updateTable('intelligence_item').set({ body }).where('id', '=', itemId).execute();
}

/** How long an upload waits between the page's steps, and a finished import's summary stays. */
export const UPLOAD_HOLD_MS = 60 * 60 * 1000;

export interface HeldUpload {
  id: string;
  file_name: string;
  csv: Uint8Array;
  mapping: string;
  mapping_name: string;
  imported_at: Date | null;
  summary: unknown;
  rejection_csv: Uint8Array | null;
}

/** Holds an upload for its owner, dropping every upload whose hour is up. */
export async function holdUpload(
  q: Queryable,
  upload: { userId: string; fileName: string; csv: Uint8Array; mapping: string; mappingName: string },
): Promise<string> {
  await q.deleteFrom('import_upload').where('expires_at', '<', new Date()).execute();
  const row = await q
    .insertInto('import_upload')
    .values({
      user_id: upload.userId,
      file_name: upload.fileName,
      csv: upload.csv,
      mapping: upload.mapping,
      mapping_name: upload.mappingName,
      expires_at: new Date(Date.now() + UPLOAD_HOLD_MS),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One of the user's own uploads, while it is held; anyone else's is not found. */
export async function heldUpload(q: Queryable, id: string, userId: string): Promise<HeldUpload | undefined> {
  return q
    .selectFrom('import_upload')
    .select(['id', 'file_name', 'csv', 'mapping', 'mapping_name', 'imported_at', 'summary', 'rejection_csv'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

/** Claims an upload for importing: false if it was already imported (a second click). */
export async function claimUpload(tx: Tx, id: string): Promise<boolean> {
  const row = await tx
    .updateTable('import_upload')
    .set({ imported_at: new Date(), summary: JSON.stringify({ running: true }) })
    .where('id', '=', id)
    .where('imported_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** After the import: the CSV goes; the summary and the rejected rows stay for the hour. */
export async function finishUpload(
  q: Queryable,
  id: string,
  summary: Record<string, unknown>,
  rejectionCsv: string | null,
): Promise<void> {
  await q
    .updateTable('import_upload')
    .set({
      csv: new Uint8Array(0),
      summary: JSON.stringify(summary),
      rejection_csv: rejectionCsv === null ? null : new TextEncoder().encode(rejectionCsv),
      expires_at: new Date(Date.now() + UPLOAD_HOLD_MS),
    })
    .where('id', '=', id)
    .execute();
}
