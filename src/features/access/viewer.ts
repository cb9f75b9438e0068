/** Loads what the access policy needs to know about a signed-in partner, once per request. */
import type { Queryable } from '../../db/database.js';
import type { Viewer } from './policy.js';
import type { Principal } from './principal.js';

/** For each record type, the agencies that share it with `agencyId`: the Viewer's sharedFrom. */
export async function sharedFrom(q: Queryable, agencyId: string): Promise<Map<string, Set<string>>> {
  const rules = await q
    .selectFrom('sharing_rule')
    .select(['record_type', 'owner_agency_id'])
    .where('partner_agency_id', '=', agencyId)
    .execute();
  const owners = new Map<string, Set<string>>();
  for (const rule of rules) {
    const set = owners.get(rule.record_type) ?? new Set<string>();
    set.add(rule.owner_agency_id);
    owners.set(rule.record_type, set);
  }
  return owners;
}

export async function loadViewer(q: Queryable, principal: Principal & { kind: 'user' }): Promise<Viewer> {
  const [shared, lists] = await Promise.all([
    sharedFrom(q, principal.agencyId),
    q
      .selectFrom('access_list_member')
      .select('access_list_id')
      .where((eb) => eb.or([eb('user_id', '=', principal.userId), eb('agency_id', '=', principal.agencyId)]))
      .execute(),
  ]);
  return {
    userId: principal.userId,
    agencyId: principal.agencyId,
    permissions: principal.permissions,
    clearance: principal.clearance,
    sharedFrom: shared,
    accessLists: new Set(lists.map((l) => l.access_list_id)),
  };
}
