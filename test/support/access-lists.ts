/** Tests' own named access lists, with whatever members a case needs (Lantern makes only standing ones). */
import type { Tx } from '../../src/db/database.js';

export async function createAccessList(
  tx: Tx,
  description: string,
  members: { userIds?: readonly string[]; agencyIds?: readonly string[] },
): Promise<string> {
  const list = await tx
    .insertInto('access_list')
    .values({ description, standing_key: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = [
    ...(members.userIds ?? []).map((userId) => ({
      access_list_id: list.id,
      user_id: userId,
      agency_id: null,
    })),
    ...(members.agencyIds ?? []).map((agencyId) => ({
      access_list_id: list.id,
      user_id: null,
      agency_id: agencyId,
    })),
  ];
  if (rows.length) await tx.insertInto('access_list_member').values(rows).execute();
  return list.id;
}
