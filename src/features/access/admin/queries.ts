/**
 * The SQL behind the administration pages: agencies, users, roles, sharing rules. Every function
 * takes the database or a transaction, so a change and its audit entry commit together.
 */
import { sql } from 'kysely';
import type { Queryable } from '../../../db/database.js';
import type { Classification } from '../markings.js';
import type { Role } from '../roles.js';

export async function listAgencies(q: Queryable) {
  return q
    .selectFrom('agency as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select(['a.id', 'a.code', 'a.name', 'a.kind', 'a.receives_public_reports', 'o.name as organisation'])
    .orderBy('o.name')
    .orderBy('a.name')
    .execute();
}
export async function agencyIdByCode(q: Queryable, code: string): Promise<string | undefined> {
  const row = await q.selectFrom('agency').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id;
}

export async function agencyIdExists(q: Queryable, id: string): Promise<boolean> {
  const row = await q.selectFrom('agency').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** Moves the duty of receiving public reports to one agency. Returns the agency it moved from. */
export async function setReceivingAgency(q: Queryable, agencyId: string): Promise<string | null> {
  const previous = await q
    .selectFrom('agency')
    .select('id')
    .where('receives_public_reports', '=', true)
    .executeTakeFirst();
  // Clear first: a unique index allows only one receiving agency at any moment.
  await q
    .updateTable('agency')
    .set({ receives_public_reports: false })
    .where('receives_public_reports', '=', true)
    .execute();
  await q.updateTable('agency').set({ receives_public_reports: true }).where('id', '=', agencyId).execute();
  return previous?.id ?? null;
}

export interface UserFilter {
  agencyCode?: string | undefined;
  role?: Role | undefined;
}

/** Users with their agency, roles and sign-in state, for the list and for one user's page. */
function usersQuery(q: Queryable) {
  return q
    .selectFrom('app_user as u')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.clearance',
      'u.disabled_at',
      'u.locked_until',
      'u.totp_enrolled_at',
      'u.created_at',
      'u.password_changed_at',
      'a.id as agency_id',
      'a.code as agency_code',
      'a.name as agency_name',
      sql<
        string[]
      >`coalesce((select array_agg(r.role order by r.role) from user_role r where r.user_id = u.id), '{}')`.as(
        'roles',
      ),
    ]);
}
export type UserRow = Awaited<ReturnType<ReturnType<typeof usersQuery>['execute']>>[number];

export async function listUsers(q: Queryable, filter: UserFilter): Promise<UserRow[]> {
  let query = usersQuery(q);
  if (filter.agencyCode) query = query.where('a.code', '=', filter.agencyCode);
  const role = filter.role;
  if (role) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role as fr')
          .select('fr.user_id')
          .whereRef('fr.user_id', '=', 'u.id')
          .where('fr.role', '=', role),
      ),
    );
  }
  return query.orderBy('u.display_name').orderBy('u.email').execute();
}

export async function userById(q: Queryable, id: string): Promise<UserRow | undefined> {
  return usersQuery(q).where('u.id', '=', id).executeTakeFirst();
}

export async function emailTaken(q: Queryable, email: string): Promise<boolean> {
  const row = await q.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

/** Replaces a user's roles and sets their clearance. */
export async function setAccess(
  q: Queryable,
  userId: string,
  roles: readonly Role[],
  clearance: Classification,
): Promise<void> {
  await q.updateTable('app_user').set({ clearance }).where('id', '=', userId).execute();
  await q.deleteFrom('user_role').where('user_id', '=', userId).where('role', 'not in', roles).execute();
  await q
    .insertInto('user_role')
    .values(roles.map((role) => ({ user_id: userId, role })))
    .onConflict((oc) => oc.columns(['user_id', 'role']).doNothing())
    .execute();
}

export async function setDisabled(q: Queryable, userId: string, disabled: boolean): Promise<void> {
  await q
    .updateTable('app_user')
    .set({ disabled_at: disabled ? new Date() : null })
    .where('id', '=', userId)
    .execute();
}

/** Forgets the authenticator and recovery codes, so the next sign-in enrols afresh. */
export async function clearMfa(q: Queryable, userId: string): Promise<void> {
  await q
    .updateTable('app_user')
    .set({ totp_secret: null, totp_enrolled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
  await q.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
}

export async function unlock(q: Queryable, userId: string): Promise<void> {
  await q
    .updateTable('app_user')
    .set({ locked_until: null, failed_sign_ins: 0 })
    .where('id', '=', userId)
    .execute();
}

export async function passwordHashOf(q: Queryable, userId: string) {
  return q
    .selectFrom('app_user')
    .select(['password_hash', 'email', 'display_name'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function setPassword(q: Queryable, userId: string, passwordHash: string): Promise<void> {
  await q
    .updateTable('app_user')
    .set({ password_hash: passwordHash, password_changed_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

/** Ends every session of a user but one (the person's own, after they change their password). */
export async function endOtherSessions(q: Queryable, userId: string, keepIdHash: string): Promise<void> {
  await q
    .deleteFrom('user_session')
    .where('user_id', '=', userId)
    .where('id_hash', '<>', keepIdHash)
    .execute();
}

export async function listSharingRules(q: Queryable) {
  return q
    .selectFrom('sharing_rule as s')
    .innerJoin('agency as owner', 'owner.id', 's.owner_agency_id')
    .innerJoin('agency as partner', 'partner.id', 's.partner_agency_id')
    .select([
      's.id',
      's.record_type',
      's.created_at',
      'owner.id as owner_id',
      'owner.name as owner_name',
      'partner.id as partner_id',
      'partner.name as partner_name',
    ])
    .orderBy('owner.name')
    .orderBy('partner.name')
    .orderBy('s.record_type')
    .execute();
}
export type SharingRuleRow = Awaited<ReturnType<typeof listSharingRules>>[number];

export async function sharingRuleById(q: Queryable, id: string): Promise<SharingRuleRow | undefined> {
  const rows = await listSharingRules(q);
  return rows.find((row) => row.id === id);
}

export async function sharingRuleExists(
  q: Queryable,
  rule: { ownerAgencyId: string; partnerAgencyId: string; recordType: string },
): Promise<boolean> {
  const row = await q
    .selectFrom('sharing_rule')
    .select('id')
    .where('owner_agency_id', '=', rule.ownerAgencyId)
    .where('partner_agency_id', '=', rule.partnerAgencyId)
    .where('record_type', '=', rule.recordType)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addSharingRule(
  q: Queryable,
  rule: { ownerAgencyId: string; partnerAgencyId: string; recordType: string; createdBy: string },
): Promise<string> {
  const row = await q
    .insertInto('sharing_rule')
    .values({
      owner_agency_id: rule.ownerAgencyId,
      partner_agency_id: rule.partnerAgencyId,
      record_type: rule.recordType,
      created_by: rule.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function removeSharingRule(q: Queryable, id: string): Promise<boolean> {
  const row = await q.deleteFrom('sharing_rule').where('id', '=', id).returning('id').executeTakeFirst();
  return row !== undefined;
}

// Access changes: requests that wait for a second person, and the record of every change.

export type AccessChangeKind = 'user-access' | 'sharing-rule' | 'sharing-rule-removal';
export type AccessChangeStatus = 'pending' | 'approved' | 'rejected' | 'applied' | 'withdrawn';

export async function insertAccessChange(
  q: Queryable,
  change: {
    kind: AccessChangeKind;
    status: 'pending' | 'applied';
    requestedBy: string;
    userId?: string;
    roles?: readonly string[];
    clearance?: Classification;
    previousRoles?: readonly string[];
    previousClearance?: string;
    ownerAgencyId?: string;
    partnerAgencyId?: string;
    recordType?: string;
    sharingRuleId?: string;
  },
): Promise<string> {
  const row = await q
    .insertInto('access_change')
    .values({
      kind: change.kind,
      status: change.status,
      requested_by: change.requestedBy,
      user_id: change.userId ?? null,
      roles: change.roles ? [...change.roles] : null,
      clearance: change.clearance ?? null,
      previous_roles: change.previousRoles ? [...change.previousRoles] : null,
      previous_clearance: change.previousClearance ?? null,
      owner_agency_id: change.ownerAgencyId ?? null,
      partner_agency_id: change.partnerAgencyId ?? null,
      record_type: change.recordType ?? null,
      sharing_rule_id: change.sharingRuleId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Closes an open request: approved, rejected, or withdrawn by a later change. */
export async function decideAccessChange(
  q: Queryable,
  id: string,
  decision: { status: 'approved' | 'rejected' | 'withdrawn'; decidedBy: string; sharingRuleId?: string },
): Promise<boolean> {
  const row = await q
    .updateTable('access_change')
    .set({
      status: decision.status,
      decided_by: decision.decidedBy,
      decided_at: new Date(),
      ...(decision.sharingRuleId ? { sharing_rule_id: decision.sharingRuleId } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The open request for a user's access, if any. */
export async function pendingAccessFor(q: Queryable, userId: string): Promise<string | undefined> {
  const row = await q
    .selectFrom('access_change')
    .select('id')
    .where('kind', '=', 'user-access')
    .where('status', '=', 'pending')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.id;
}

export async function pendingSharingExists(
  q: Queryable,
  rule: { ownerAgencyId: string; partnerAgencyId: string; recordType: string },
): Promise<boolean> {
  const row = await q
    .selectFrom('access_change')
    .select('id')
    .where('kind', '=', 'sharing-rule')
    .where('status', '=', 'pending')
    .where('owner_agency_id', '=', rule.ownerAgencyId)
    .where('partner_agency_id', '=', rule.partnerAgencyId)
    .where('record_type', '=', rule.recordType)
    .executeTakeFirst();
  return row !== undefined;
}

/** Access changes with the names a person reads them by: users, agencies, who asked and who decided. */
function accessChangesQuery(q: Queryable) {
  return q
    .selectFrom('access_change as c')
    .leftJoin('app_user as u', 'u.id', 'c.user_id')
    .leftJoin('agency as ua', 'ua.id', 'u.agency_id')
    .leftJoin('agency as owner', 'owner.id', 'c.owner_agency_id')
    .leftJoin('agency as partner', 'partner.id', 'c.partner_agency_id')
    .leftJoin('app_user as requester', 'requester.id', 'c.requested_by')
    .leftJoin('app_user as decider', 'decider.id', 'c.decided_by')
    .select([
      'c.id',
      'c.kind',
      'c.status',
      'c.user_id',
      'c.roles',
      'c.clearance',
      'c.previous_roles',
      'c.previous_clearance',
      'c.owner_agency_id',
      'c.partner_agency_id',
      'c.record_type',
      'c.sharing_rule_id',
      'c.requested_by',
      'c.requested_at',
      'c.decided_by',
      'c.decided_at',
      'u.display_name as user_name',
      'ua.name as user_agency_name',
      'owner.name as owner_name',
      'partner.name as partner_name',
      'requester.display_name as requested_by_name',
      'decider.display_name as decided_by_name',
    ]);
}
export type AccessChangeRow = Awaited<ReturnType<ReturnType<typeof accessChangesQuery>['execute']>>[number];

export async function accessChangeById(q: Queryable, id: string): Promise<AccessChangeRow | undefined> {
  return accessChangesQuery(q).where('c.id', '=', id).executeTakeFirst();
}

/** Open requests of one kind, oldest first; for sharing, only those about one owning agency's records. */
export async function pendingAccessChanges(
  q: Queryable,
  filter: { kind: AccessChangeKind; ownerAgencyId?: string },
): Promise<AccessChangeRow[]> {
  let query = accessChangesQuery(q).where('c.kind', '=', filter.kind).where('c.status', '=', 'pending');
  if (filter.ownerAgencyId) query = query.where('c.owner_agency_id', '=', filter.ownerAgencyId);
  return query.orderBy('c.requested_at').orderBy('c.id').execute();
}

/** The newest access changes of every kind and state, newest first (by when last acted on). */
export async function recentAccessChanges(q: Queryable, limit: number): Promise<AccessChangeRow[]> {
  return accessChangesQuery(q)
    .orderBy(sql`coalesce(c.decided_at, c.requested_at)`, 'desc')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

/** The people who may approve sharing an agency's records: its information asset owners. */
export async function sharingApproversOf(q: Queryable, agencyId: string, roles: readonly Role[]) {
  if (roles.length === 0) return [];
  return q
    .selectFrom('app_user as u')
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.display_name'])
    .distinct()
    .where('u.agency_id', '=', agencyId)
    .where('u.disabled_at', 'is', null)
    .where('r.role', 'in', roles)
    .orderBy('u.display_name')
    .execute();
}
