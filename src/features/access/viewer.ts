/** Loads what the access policy needs to know about a signed-in partner, once per request. */
import type { Queryable } from '../../db/database.js';
import type { Viewer } from './policy.js';
import type { Principal } from './principal.js';

export async function loadViewer(q: Queryable, principal: Principal & { kind: 'user' }): Promise<Viewer> {
  const [rules, lists] = await Promise.all([
    q
      .selectFrom('sharing_rule')
      .select(['record_type', 'owner_agency_id'])
      .where('partner_agency_id', '=', principal.agencyId)
      .execute(),
    q
      .selectFrom('access_list_member')
      .select('access_list_id')
      .where((eb) => eb.or([eb('user_id', '=', principal.userId), eb('agency_id', '=', principal.agencyId)]))
      .execute(),
  ]);
  const sharedFrom = new Map<string, Set<string>>();
  for (const rule of rules) {
    const owners = sharedFrom.get(rule.record_type) ?? new Set<string>();
    owners.add(rule.owner_agency_id);
    sharedFrom.set(rule.record_type, owners);
  }
  return {
    userId: principal.userId,
    agencyId: principal.agencyId,
    permissions: principal.permissions,
    clearance: principal.clearance,
    sharedFrom,
    accessLists: new Set(lists.map((l) => l.access_list_id)),
  };
}
