/**
 * SQL for safeguarding referrals: a plan's referrals, one referral, and the writes. Lists are
 * filtered in SQL by the access policy (`visibleSql`): referrals and their victims show only with
 * victims:read, and only when the viewer may see the victim.
 */
import { sql } from 'kysely';
import type { Queryable, Tx } from '../../db/database.js';
import { markingColumns, markingFromRow, type Marking, type MarkingRow } from '../access/markings.js';
import { visibleSql, type Viewer } from '../access/policy.js';
import type { ReferralRoute, ReferralStatus, VictimKind } from './queries.js';

export interface ReferralRow extends MarkingRow {
  id: string;
  plan_id: string;
  victim_entity_id: string;
  victim_caption: string;
  victim_kind: VictimKind;
  route: ReferralRoute;
  route_note: string | null;
  reason: string;
  due_on: string | null;
  referred_on: string | null;
  outcome: string | null;
  outcome_on: string | null;
  status: ReferralStatus;
  agency_name: string;
  overdue: boolean;
}

const REFERRAL_SELECT = sql`
  select sr.id, sr.plan_id, sr.victim_entity_id, e.caption as victim_caption, sr.victim_kind, sr.route, sr.route_note,
    sr.reason, sr.due_on, sr.referred_on, sr.outcome, sr.outcome_on, sr.status, a.name as agency_name,
    (sr.due_on < current_date and sr.status = 'to-make') as overdue,
    sr.classification, sr.handling_code, sr.handling_conditions, sr.owning_agency_id, sr.access_list_id
  from safeguarding_referral sr join entity e on e.id = sr.victim_entity_id join agency a on a.id = sr.owning_agency_id`;

/** A plan's referrals the viewer may see: none at all without victims:read (visibleSql is false). */
export async function referralsOf(q: Queryable, viewer: Viewer, planId: string): Promise<ReferralRow[]> {
  const { rows } = await sql<ReferralRow>`${REFERRAL_SELECT}
    where sr.plan_id = ${planId} and ${visibleSql(viewer, 'list', 'safeguarding-referral', 'sr')}
      and ${visibleSql(viewer, 'read', 'entity', 'e')}
    order by sr.created_at, sr.id`.execute(q);
  return rows;
}

export async function loadReferral(
  q: Queryable,
  id: string,
): Promise<(ReferralRow & { marking: Marking }) | undefined> {
  const { rows } = await sql<ReferralRow>`${REFERRAL_SELECT} where sr.id = ${id}`.execute(q);
  const row = rows[0];
  const marking = row && markingFromRow(row);
  return row && marking ? { ...row, marking } : undefined;
}

export async function insertReferral(
  tx: Tx,
  referral: {
    planId: string;
    victimEntityId: string;
    victimKind: VictimKind;
    route: ReferralRoute;
    routeNote: string | null;
    reason: string;
    dueOn: string | null;
    createdBy: string;
  },
  marking: Marking,
): Promise<string> {
  const row = await tx
    .insertInto('safeguarding_referral')
    .values({
      plan_id: referral.planId,
      victim_entity_id: referral.victimEntityId,
      victim_kind: referral.victimKind,
      route: referral.route,
      route_note: referral.routeNote,
      reason: referral.reason,
      due_on: referral.dueOn,
      created_by: referral.createdBy,
      ...markingColumns(marking),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReferral(
  tx: Tx,
  id: string,
  change: { status: ReferralStatus; referredOn: string | null; outcome: string | null; referredBy: string },
): Promise<void> {
  await tx
    .updateTable('safeguarding_referral')
    .set({
      status: change.status,
      referred_on: change.referredOn,
      referred_by: change.referredOn ? change.referredBy : null,
      outcome: change.outcome,
      outcome_on: change.outcome ? sql<string>`coalesce(outcome_on, current_date)` : null,
    })
    .where('id', '=', id)
    .execute();
}
