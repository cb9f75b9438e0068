/**
 * Writing the accepted rows in batches (500 by default), one transaction each: a row's entities,
 * links and involvements land together or not at all, and a batch that fails (a database error) is
 * rolled back whole, its rows added to the rejections; other batches stand. Then the import's items
 * are given their final counts.
 */
import type { Database } from '../../../db/database.js';
import { writeBatch } from './batch.js';
import type { BatchCounts } from './batch-plan.js';
import { describeItem } from './queries.js';
import {
  DEFAULT_BATCH_SIZE,
  itemBody,
  lineRange,
  type ImportOptions,
  type ImportSummary,
  type ValidRow,
} from './summary.js';

/** Across the whole import: what each record became, so a record counts once however often named. */
interface Totals {
  created: { entities: Set<string>; links: Set<string> };
  updated: { entities: Set<string>; links: Set<string> };
  touched: { entities: Set<string>; links: Set<string> };
}

export async function writeBatches(
  database: Database,
  options: ImportOptions,
  valid: readonly ValidRow[],
  summary: ImportSummary,
): Promise<void> {
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const totals: Totals = {
    created: { entities: new Set(), links: new Set() },
    updated: { entities: new Set(), links: new Set() },
    touched: { entities: new Set(), links: new Set() },
  };
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
      addBatch(summary, totals, result);
    } catch (error) {
      const { from, to } = lineRange(rows);
      const reason = `Not imported: the batch of lines ${from} to ${to} failed and was undone (${(error as Error).message.split('\n')[0] ?? ''})`;
      summary.failedBatches.push({ fromLine: from, toLine: to, reason });
      for (const { row, fields } of rows) summary.rejections.push({ line: row.line, reason, fields });
    }
    options.onProgress?.(Math.min(start + size, valid.length), valid.length);
  }
  countTotals(summary, totals);
  await describeItems(database, options, summary);
}

function addBatch(summary: ImportSummary, totals: Totals, result: BatchCounts): void {
  if (result.entitiesTouched.size + result.linksTouched.size + result.itemsCreated.length > 0) {
    summary.batchesWritten += 1;
  }
  summary.items.push(...result.itemsCreated);
  summary.rejections.push(...result.refused);
  const { created, updated, touched } = totals;
  for (const id of result.entitiesCreated) created.entities.add(id);
  for (const id of result.entitiesUpdated) if (!created.entities.has(id)) updated.entities.add(id);
  for (const id of result.entitiesTouched) touched.entities.add(id);
  for (const id of result.linksCreated) created.links.add(id);
  for (const id of result.linksUpdated) if (!created.links.has(id)) updated.links.add(id);
  for (const id of result.linksTouched) touched.links.add(id);
}

function countTotals(summary: ImportSummary, { created, updated, touched }: Totals): void {
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
}

/**
 * The items were written when the rows were first checked; now the counts are final. Only the
 * import's own words change (no personal data), so this needs no audit entry of its own.
 */
async function describeItems(
  database: Database,
  options: ImportOptions,
  summary: ImportSummary,
): Promise<void> {
  if (!summary.items.length) return;
  const rejected = summary.rejections.length;
  const counts = { read: summary.rowsRead, accepted: summary.rowsRead - rejected, rejected };
  await database.transaction(async (tx) => {
    for (const item of summary.items) await describeItem(tx, item.id, itemBody(options, counts, item.grade));
  });
}
