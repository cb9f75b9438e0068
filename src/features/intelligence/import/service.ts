/**
 * Importing a CSV of entities and links. The whole file is read and every row checked first
 * (pure: csv.ts, mapping.ts, rows.ts); then:
 *
 * - Rows are accepted or rejected individually. A rejected row is reported with its line and
 *   reason and goes to the rejection file (the row as it was, plus a reason column); the other
 *   rows are imported.
 * - Accepted rows are written in batches (500 by default), one transaction each: a row's
 *   entities, links and involvements land together or not at all, and a batch that fails
 *   (a database error) is rolled back whole, its rows added to the rejections; other batches stand.
 * - Identity is deterministic: each entity's key comes from its identifying properties, namespaced
 *   by agency and source (schema.ts sourceKey); each link's from its two ends and its type. A key
 *   already present is updated (its properties merged, its dates and confidence refreshed), so
 *   importing the same file again makes no new entity or link.
 * - Provenance: the import makes one intelligence item (source "another system"), or with a
 *   legacy grade column one per grade, which supports every link it writes and involves every
 *   entity. Each batch writes one s62 collection entry naming every record it created or touched.
 */
import type { Database, Tx } from '../../../db/database.js';
import { markingFromRow, type Marking } from '../../access/markings.js';
import { mayAccess, mayReadInvolvement } from '../../access/policy.js';
import { canonicalJson, writeAuditEntry } from '../../audit/audit-log.js';
import { csvDocument } from '../../audit/csv.js';
import {
  addInvolvement,
  addLinkSources,
  createAccessList,
  insertEntity,
  insertItem,
  insertLink,
  markingForChild,
  updateEntityProperties,
} from '../queries.js';
import {
  captionOf,
  ENTITY_SCHEMAS,
  type EntityProperties,
  type EntitySchemaName,
  type EntitySchemaSpec,
} from '../schema.js';
import { parseCsv } from './csv.js';
import { checkImporter, type Importer } from './importer.js';
import { checkHeader, type Mapping } from './mapping.js';
import {
  closeAsRecorded,
  describeItem,
  entitiesByKeys,
  existingKeys,
  linksByKeys,
  updateLinkDetails,
  type KeyedEntity,
} from './queries.js';
import { gradeKey, mapRow, type MappedRow } from './rows.js';

export const DEFAULT_BATCH_SIZE = 500;
const REASON_COLUMN = 'Reason not imported';

export interface ImportOptions {
  fileName: string;
  csv: string;
  mapping: Mapping;
  importer: Importer;
  /** Check every row and count what would change, but write nothing. */
  dryRun?: boolean;
  batchSize?: number;
  /** After each batch (and once before the first): rows done of the rows to write. */
  onProgress?: (done: number, total: number) => void;
  /** How many mapped rows to keep for a preview (the partner page's check page). */
  previewRows?: number;
  /** The day children are counted from (YYYY-MM-DD); today by default. */
  today?: string;
  /** Tests only: runs inside each batch's transaction before it commits. */
  beforeCommit?: (tx: Tx, batch: number) => Promise<void>;
}

export interface Rejection {
  line: number;
  reason: string;
  fields: string[];
}

export interface ImportSummary {
  fileName: string;
  dryRun: boolean;
  rowsRead: number;
  accepted: number;
  rejected: number;
  rejections: Rejection[];
  entitiesCreated: number;
  entitiesUpdated: number;
  entitiesUnchanged: number;
  linksCreated: number;
  linksUpdated: number;
  linksUnchanged: number;
  /** The import's intelligence items (one, or one per legacy grade). */
  items: { id: string; reference: string; grade: string }[];
  /** Batches committed that wrote records, each with its one s62 entry. */
  batchesWritten: number;
  /** Batches rolled back: their rows are among the rejections. */
  failedBatches: { fromLine: number; toLine: number; reason: string }[];
  preview: MappedRow[];
  /** The rejection file's text (the original header plus a reason column), if any row was rejected. */
  rejectionCsv: string | null;
  ms: number;
}

const today = () => new Date().toISOString().slice(0, 10);

function sameProperties(a: EntityProperties, b: EntityProperties): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The first and last lines of a batch's rows. */
function lineRange(rows: readonly { row: MappedRow }[]): { from: number; to: number } {
  return { from: rows[0]?.row.line ?? 0, to: rows.at(-1)?.row.line ?? 0 };
}

/**
 * What an entity becomes when a source mentions it again: a property with one value takes the
 * source's value; a property with several (aliases) keeps those it had and adds the source's, so
 * a person named twice in a file, with different aliases, does not flip between them.
 */
export function mergeProperties(
  schema: EntitySchemaName,
  existing: EntityProperties,
  incoming: EntityProperties,
): EntityProperties {
  const spec: EntitySchemaSpec = ENTITY_SCHEMAS[schema];
  const merged: EntityProperties = { ...existing };
  for (const [property, values] of Object.entries(incoming)) {
    merged[property] = spec.properties[property]?.multiple
      ? [...new Set([...(existing[property] ?? []), ...values])]
      : values;
  }
  return merged;
}

/** The item's words: what was imported, from where, by whom, with what result. */
function itemBody(
  options: ImportOptions,
  counts: { read: number; accepted: number; rejected: number },
  grade: string,
): string {
  return [
    `Imported from the file "${options.fileName}": ${options.mapping.provenance}.`,
    `Imported on ${isoDay(new Date())} by ${options.importer.label}, source "${options.mapping.source}".`,
    `Rows read: ${counts.read}. Rows accepted: ${counts.accepted}. Rows rejected: ${counts.rejected}.`,
    grade ? `The rows this item supports were graded ${grade} in the source system.` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

export async function runImport(database: Database, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const { mapping, importer } = options;
  checkImporter(importer, mapping);
  const document = parseCsv(options.csv);
  checkHeader(mapping, document.header);
  const columns = new Map(document.header.map((name, index) => [name, index] as const));
  const day = options.today ?? today();

  const rejections: Rejection[] = [];
  const valid: { row: MappedRow; fields: string[] }[] = [];
  for (const record of document.records) {
    const result = mapRow(mapping, columns, record, day);
    if (!result.ok) {
      rejections.push({ line: result.line, reason: result.reason, fields: record.fields });
      continue;
    }
    // Recording someone as a victim is for those who may read victims (DECISIONS 17).
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

  if (options.dryRun) {
    await countWhatWouldChange(database, valid, summary);
  } else {
    await writeBatches(database, options, valid, summary);
  }
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

/** Dry run: how many distinct entities and links already exist (would be updated) or not. */
async function countWhatWouldChange(
  database: Database,
  valid: readonly { row: MappedRow }[],
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

interface BatchCounts {
  entitiesCreated: Set<string>;
  entitiesUpdated: Set<string>;
  entitiesTouched: Set<string>;
  linksCreated: Set<string>;
  linksUpdated: Set<string>;
  linksTouched: Set<string>;
  itemsCreated: { id: string; reference: string; grade: string }[];
  refused: Rejection[];
}

async function writeBatches(
  database: Database,
  options: ImportOptions,
  valid: readonly { row: MappedRow; fields: string[] }[],
  summary: ImportSummary,
): Promise<void> {
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  // Across the whole import: what each key became, so later batches find earlier batches' work.
  const created = { entities: new Set<string>(), links: new Set<string>() };
  const updated = { entities: new Set<string>(), links: new Set<string>() };
  const touched = { entities: new Set<string>(), links: new Set<string>() };
  const items = new Map<string, { id: string; reference: string }>();
  const counts = {
    read: summary.rowsRead,
    accepted: valid.length,
    rejected: summary.rowsRead - valid.length,
  };
  options.onProgress?.(0, valid.length);
  for (let start = 0, batch = 1; start < valid.length; start += size, batch++) {
    const rows = valid.slice(start, start + size);
    try {
      const result = await database.transaction(async (tx) => {
        const result = await writeBatch(tx, options, rows, items, counts);
        if (options.beforeCommit) await options.beforeCommit(tx, batch);
        return result;
      });
      for (const item of result.itemsCreated) items.set(item.grade, item);
      if (result.entitiesTouched.size + result.linksTouched.size + result.itemsCreated.length > 0) {
        summary.batchesWritten += 1;
      }
      summary.items.push(...result.itemsCreated);
      summary.rejections.push(...result.refused);
      for (const id of result.entitiesCreated) created.entities.add(id);
      for (const id of result.entitiesUpdated) if (!created.entities.has(id)) updated.entities.add(id);
      for (const id of result.entitiesTouched) touched.entities.add(id);
      for (const id of result.linksCreated) created.links.add(id);
      for (const id of result.linksUpdated) if (!created.links.has(id)) updated.links.add(id);
      for (const id of result.linksTouched) touched.links.add(id);
    } catch (error) {
      const { from, to } = lineRange(rows);
      const reason = `Not imported: the batch of lines ${from} to ${to} failed and was undone (${(error as Error).message.split('\n')[0] ?? ''})`;
      summary.failedBatches.push({ fromLine: from, toLine: to, reason });
      for (const { row, fields } of rows) summary.rejections.push({ line: row.line, reason, fields });
    }
    options.onProgress?.(Math.min(start + size, valid.length), valid.length);
  }
  summary.entitiesCreated = created.entities.size;
  summary.entitiesUpdated = updated.entities.size;
  summary.entitiesUnchanged = [...touched.entities].filter(
    (id) => !created.entities.has(id) && !updated.entities.has(id),
  ).length;
  summary.linksCreated = created.links.size;
  summary.linksUpdated = updated.links.size;
  summary.linksUnchanged = [...touched.links].filter(
    (id) => !created.links.has(id) && !updated.links.has(id),
  ).length;

  // The items were written when the rows were first checked; now the counts are final. Only the
  // import's own words change (no personal data), so this needs no audit entry of its own.
  if (summary.items.length) {
    const rejected = summary.rejections.length;
    await database.transaction(async (tx) => {
      for (const item of summary.items) {
        await describeItem(
          tx,
          item.id,
          itemBody(
            options,
            { read: summary.rowsRead, accepted: summary.rowsRead - rejected, rejected },
            item.grade,
          ),
        );
      }
    });
  }
}

async function writeBatch(
  tx: Tx,
  options: ImportOptions,
  rows: readonly { row: MappedRow; fields: string[] }[],
  items: ReadonlyMap<string, { id: string; reference: string }>,
  counts: { read: number; accepted: number; rejected: number },
): Promise<BatchCounts> {
  const { mapping, importer } = options;
  const result: BatchCounts = {
    entitiesCreated: new Set(),
    entitiesUpdated: new Set(),
    entitiesTouched: new Set(),
    linksCreated: new Set(),
    linksUpdated: new Set(),
    linksTouched: new Set(),
    itemsCreated: [],
    refused: [],
  };
  const marking: Marking = {
    classification: mapping.markings.classification,
    handlingCode: mapping.markings.handlingCode,
    handlingConditions: mapping.markings.handlingConditions ?? null,
    owningAgencyId: importer.agencyId,
    accessListId: null,
  };

  // What earlier imports (and earlier batches) made, loaded once for the batch.
  const entities = new Map<string, KeyedEntity>();
  for (const entity of await entitiesByKeys(tx, [
    ...new Set(rows.flatMap((r) => r.row.entities.map((e) => e.key))),
  ])) {
    entities.set(entity.source_key, entity);
  }
  const links = new Map(
    (await linksByKeys(tx, [...new Set(rows.flatMap((r) => r.row.links.map((l) => l.key)))])).map(
      (link) => [link.source_key, link] as const,
    ),
  );

  const itemFor = async (grade: string, row: MappedRow): Promise<string> => {
    const known = items.get(grade) ?? result.itemsCreated.find((item) => item.grade === grade);
    if (known) return known.id;
    const originalList = await createAccessList(tx, `Import by ${importer.label}`, {
      userIds: [importer.userId],
      agencyIds: [importer.agencyId],
    });
    const item = await insertItem(
      tx,
      {
        sourceType: 'other-system',
        sourceDescription: mapping.provenance,
        body: itemBody(options, counts, grade),
        legacyGrade: row.legacyGrade
          ? {
              sourceEvaluation: row.legacyGrade.sourceEvaluation,
              intelligenceAssessment: row.legacyGrade.intelligenceAssessment,
              handling: row.legacyGrade.handling,
            }
          : null,
        createdBy: importer.userId,
      },
      marking,
      { accessListId: originalList, conditions: 'The import as it was first recorded.' },
    );
    await closeAsRecorded(tx, item.id, importer.userId, `Imported from ${options.fileName}`);
    result.itemsCreated.push({ ...item, grade });
    return item.id;
  };

  for (const { row, fields } of rows) {
    // An existing record the importer may not change refuses the row, before anything is written.
    const forbidden = row.entities.find((e) => {
      const existing = entities.get(e.key);
      return existing && !mayAccess(importer.viewer, 'update', 'entity', markingFromRow(existing));
    });
    // A link has no "update" of its own in the policy: adding this import as one more source, and
    // refreshing its dates, needs it visible to the importer (creating links is checked up front).
    const forbiddenLink = row.links.find((l) => {
      const existing = links.get(l.key);
      return existing && !mayAccess(importer.viewer, 'read', 'link', markingFromRow(existing));
    });
    if (forbidden || forbiddenLink) {
      result.refused.push({
        line: row.line,
        reason: 'A record with the same identity already exists and you may not change it',
        fields,
      });
      continue;
    }
    const itemId = await itemFor(gradeKey(row.legacyGrade), row);
    const ids = new Map<string, KeyedEntity>();
    for (const entity of row.entities) {
      let existing = entities.get(entity.key);
      if (existing) {
        const merged = mergeProperties(entity.schema, existing.properties, entity.properties);
        if (!sameProperties(merged, existing.properties)) {
          await updateEntityProperties(tx, existing.id, entity.schema, merged);
          existing = { ...existing, properties: merged };
          entities.set(entity.key, existing);
          result.entitiesUpdated.add(existing.id);
        }
      } else {
        const entityMarking = entity.child
          ? await markingForChild(tx, marking, importer.userId, captionOf(entity.schema, entity.properties))
          : marking;
        const id = await insertEntity(
          tx,
          {
            schema: entity.schema,
            properties: entity.properties,
            child: entity.child,
            sourceKey: entity.key,
            createdBy: importer.userId,
          },
          entityMarking,
        );
        existing = {
          id,
          source_key: entity.key,
          schema: entity.schema,
          properties: entity.properties,
          child: entity.child,
          classification: entityMarking.classification,
          handling_code: entityMarking.handlingCode,
          handling_conditions: entityMarking.handlingConditions,
          owning_agency_id: entityMarking.owningAgencyId,
          access_list_id: entityMarking.accessListId,
        };
        entities.set(entity.key, existing);
        result.entitiesCreated.add(id);
      }
      result.entitiesTouched.add(existing.id);
      ids.set(entity.key, existing);
      await addInvolvement(tx, {
        itemId,
        entityId: existing.id,
        subjectCategory: entity.subjectCategory,
        addedBy: importer.userId,
      });
    }
    for (const link of row.links) {
      const from = ids.get(link.fromKey);
      const to = ids.get(link.toKey);
      if (!from || !to) continue; // rows.ts links only entities the row has
      const existing = links.get(link.key);
      if (existing) {
        if (
          existing.start_date !== link.startDate ||
          existing.end_date !== link.endDate ||
          existing.confidence !== link.confidence
        ) {
          await updateLinkDetails(tx, existing.id, link);
          links.set(link.key, {
            ...existing,
            start_date: link.startDate,
            end_date: link.endDate,
            confidence: link.confidence,
          });
          result.linksUpdated.add(existing.id);
        }
        await addLinkSources(tx, existing.id, [itemId]);
        result.linksTouched.add(existing.id);
        continue;
      }
      // A link touching a child is as need-to-know as the child.
      const child = [from, to].find((end) => end.child);
      const linkMarking: Marking = child
        ? { ...marking, classification: 'OFFICIAL-SENSITIVE', accessListId: child.access_list_id }
        : marking;
      const id = await insertLink(
        tx,
        {
          type: link.type,
          fromEntityId: from.id,
          toEntityId: to.id,
          startDate: link.startDate,
          endDate: link.endDate,
          confidence: link.confidence,
          sourceKey: link.key,
          createdBy: importer.userId,
        },
        [itemId],
        linkMarking,
      );
      links.set(link.key, {
        id,
        source_key: link.key,
        start_date: link.startDate,
        end_date: link.endDate,
        confidence: link.confidence,
        classification: linkMarking.classification,
        handling_code: linkMarking.handlingCode,
        handling_conditions: linkMarking.handlingConditions,
        owning_agency_id: linkMarking.owningAgencyId,
        access_list_id: linkMarking.accessListId,
      });
      result.linksCreated.add(id);
      result.linksTouched.add(id);
    }
  }

  const written = [...result.entitiesTouched, ...result.linksTouched];
  if (written.length || result.itemsCreated.length) {
    await writeAuditEntry(tx, importer.audit, {
      action: 'collection',
      event: 'intelligence.import',
      recordType: 'entity',
      recordIds: [...result.itemsCreated.map((item) => item.id), ...written],
      detail: {
        ...(importer.audit.actor.kind === 'system' ? { system: importer.audit.actor.name } : {}),
        file: options.fileName,
        source: mapping.source,
        lines: `${lineRange(rows).from}-${lineRange(rows).to}`,
        items: [...items.values(), ...result.itemsCreated].map((item) => item.reference),
        entitiesCreated: result.entitiesCreated.size,
        entitiesUpdated: result.entitiesUpdated.size,
        linksCreated: result.linksCreated.size,
        linksUpdated: result.linksUpdated.size,
      },
    });
  }
  return result;
}
