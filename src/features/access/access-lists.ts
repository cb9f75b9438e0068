/**
 * Named access lists (need-to-know) that Lantern makes itself. Each names one officer and their
 * agency: the words of an original as they arrived, and every record about a child. There is one
 * standing list per officer and agency, shared by all their records, rather than a new list per
 * record: a partnership's lists then grow with its officers, not with its records.
 *
 * Nothing edits a list's members today. A feature that adds someone to one record's need-to-know
 * must give that record a list of its own first, or it would widen every record on the list.
 */
import type { Tx } from '../../db/database.js';

const DESCRIPTION = 'Need to know: the officer who recorded it and their agency';

/** The key that finds the standing list of this officer and agency. */
export function standingKey(userId: string, agencyId: string): string {
  return `user:${userId} agency:${agencyId}`;
}

/** The standing list holding this officer and their agency, made on first use. */
export async function needToKnowList(tx: Tx, userId: string, agencyId: string): Promise<string> {
  const key = standingKey(userId, agencyId);
  const find = () =>
    tx.selectFrom('access_list').select('id').where('standing_key', '=', key).executeTakeFirst();
  const existing = await find();
  if (existing) return existing.id;
  const made = await tx
    .insertInto('access_list')
    .values({ description: DESCRIPTION, standing_key: key })
    // Another request making the same list at the same moment wins; this one uses theirs.
    .onConflict((oc) => oc.column('standing_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!made) {
    const theirs = await find();
    if (!theirs) throw new Error('The standing access list was neither made nor found');
    return theirs.id;
  }
  await tx
    .insertInto('access_list_member')
    .values([
      { access_list_id: made.id, user_id: userId, agency_id: null },
      { access_list_id: made.id, user_id: null, agency_id: agencyId },
    ])
    .execute();
  return made.id;
}
