/**
 * Writing one batch of accepted rows, inside its transaction: load what the rows' keys already
 * name, decide every row (batch-plan.ts), write the decisions set-based (bulk-queries.ts), and
 * write the batch's one s62 collection entry naming every record it created or touched.
 */
import type { Tx } from '../../../db/database.js';
import { needToKnowList } from '../../access/access-lists.js';
import type { Marking } from '../../access/markings.js';
import { writeAuditEntry } from '../../audit/audit-log.js';
import {
  addInvolvements,
  addLinkSourcesOf,
  insertEntities,
  insertLinks,
  updateEntitiesProperties,
  updateLinksDetails,
} from '../bulk-queries.js';
import { insertItem } from '../queries.js';
import { emptyPlan, mayWriteRow, planRow, type BatchCounts, type BatchPlan } from './batch-plan.js';
import { closeAsRecorded, entitiesByKeys, linksByKeys } from './queries.js';
import { gradeKey, type MappedRow } from './rows.js';
import { itemBody, lineRange, type ImportOptions, type RowCounts, type ValidRow } from './summary.js';

type KnownItems = ReadonlyMap<string, { id: string; reference: string }>;

export async function writeBatch(
  tx: Tx,
  options: ImportOptions,
  rows: readonly ValidRow[],
  items: KnownItems,
  counts: RowCounts,
): Promise<BatchCounts> {
  const { mapping, importer } = options;
  const marking: Marking = {
    classification: mapping.markings.classification,
    handlingCode: mapping.markings.handlingCode,
    handlingConditions: mapping.markings.handlingConditions ?? null,
    owningAgencyId: importer.agencyId,
    accessListId: null,
  };
  // What earlier imports (and earlier batches) made, loaded once for the batch.
  const entityKeys = [...new Set(rows.flatMap((r) => r.row.entities.map((e) => e.key)))];
  const linkKeys = [...new Set(rows.flatMap((r) => r.row.links.map((l) => l.key)))];
  const plan = emptyPlan(
    await needToKnowList(tx, importer.userId, importer.agencyId),
    new Map((await entitiesByKeys(tx, entityKeys)).map((e) => [e.source_key, e] as const)),
    new Map((await linksByKeys(tx, linkKeys)).map((l) => [l.source_key, l] as const)),
  );
  for (const { row, fields } of rows) {
    if (!mayWriteRow(plan, importer, row)) {
      plan.counts.refused.push({
        line: row.line,
        reason: 'A record with the same identity already exists and you may not change it',
        fields,
      });
      continue;
    }
    const itemId = await itemFor(tx, options, plan, items, counts, marking, row);
    planRow(plan, importer, marking, row, itemId);
  }
  await writePlan(tx, plan);
  await auditBatch(tx, options, rows, items, plan.counts);
  return plan.counts;
}

/** The import's item for the row's legacy grade: made the first time a grade is met. */
async function itemFor(
  tx: Tx,
  options: ImportOptions,
  plan: BatchPlan,
  items: KnownItems,
  counts: RowCounts,
  marking: Marking,
  row: MappedRow,
): Promise<string> {
  const grade = gradeKey(row.legacyGrade);
  const known = items.get(grade) ?? plan.counts.itemsCreated.find((item) => item.grade === grade);
  if (known) return known.id;
  const { importer, mapping } = options;
  const originalList = await needToKnowList(tx, importer.userId, importer.agencyId);
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
  plan.counts.itemsCreated.push({ ...item, grade });
  return item.id;
}

/** The batch's writes, a statement per kind of record (entities before what refers to them). */
async function writePlan(tx: Tx, plan: BatchPlan): Promise<void> {
  await insertEntities(tx, [...plan.newEntities.values()]);
  await updateEntitiesProperties(tx, [...plan.entityUpdates.values()]);
  await addInvolvements(tx, plan.involvements);
  await updateLinksDetails(tx, [...plan.linkUpdates.values()]);
  await insertLinks(tx, [...plan.newLinks.values()]);
  await addLinkSourcesOf(tx, plan.linkSources);
}

async function auditBatch(
  tx: Tx,
  options: ImportOptions,
  rows: readonly ValidRow[],
  items: KnownItems,
  result: BatchCounts,
): Promise<void> {
  const written = [...result.entitiesTouched, ...result.linksTouched];
  if (!written.length && !result.itemsCreated.length) return;
  const { importer, mapping } = options;
  const lines = lineRange(rows);
  await writeAuditEntry(tx, importer.audit, {
    action: 'collection',
    event: 'intelligence.import',
    recordType: 'entity',
    recordIds: [...result.itemsCreated.map((item) => item.id), ...written],
    detail: {
      ...(importer.audit.actor.kind === 'system' ? { system: importer.audit.actor.name } : {}),
      file: options.fileName,
      source: mapping.source,
      lines: `${lines.from}-${lines.to}`,
      items: [...items.values(), ...result.itemsCreated].map((item) => item.reference),
      entitiesCreated: result.entitiesCreated.size,
      entitiesUpdated: result.entitiesUpdated.size,
      linksCreated: result.linksCreated.size,
      linksUpdated: result.linksUpdated.size,
    },
  });
}
