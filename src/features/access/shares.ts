/**
 * One record shared with one more agency at a time (`record_share`), on top of the agency-wide
 * sharing rules. The policy reads these in SQL (`visibleSql`) and for single loads through
 * `sharesOf`; nothing else reads or writes the table.
 */
import type { Queryable, Tx } from '../../db/database.js';

export type ShareableType = 'intelligence-item' | 'entity' | 'link' | 'ocg' | 'plan' | 'plan-action';

/** Shares one record with one more agency. For an item, the database refuses until it is signed off. */
export async function shareRecord(
  tx: Tx,
  share: { type: ShareableType; recordId: string; agencyId: string; sharedBy: string | null },
): Promise<void> {
  await tx
    .insertInto('record_share')
    .values({
      record_type: share.type,
      record_id: share.recordId,
      agency_id: share.agencyId,
      shared_by: share.sharedBy,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The agencies one record has been shared with, one record at a time. */
export async function sharesOf(
  q: Queryable,
  type: ShareableType,
  recordIds: readonly string[],
): Promise<Map<string, string[]>> {
  const shares = new Map<string, string[]>();
  if (!recordIds.length) return shares;
  const rows = await q
    .selectFrom('record_share')
    .select(['record_id', 'agency_id'])
    .where('record_type', '=', type)
    .where('record_id', 'in', [...recordIds])
    .execute();
  for (const row of rows) shares.set(row.record_id, [...(shares.get(row.record_id) ?? []), row.agency_id]);
  return shares;
}
