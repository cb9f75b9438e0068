/**
 * SQL for 4P plans themselves: the vocabularies, lists, one plan, the lookups the forms use, and
 * the plan's writes. Actions are in action-queries.ts, referrals in referral-queries.ts and the
 * plan's picture in plan-picture.ts. Every list is filtered in SQL by the access policy
 * (`visibleSql`): a subject or OCG is named only if the viewer may see it.
 */
import { sql } from 'kysely';
import type { Queryable, Tx } from '../../db/database.js';
import type { Strand } from '../../db/tables.js';
import { markingColumns, markingFromRow, MARKING_COLUMNS, type Marking } from '../access/markings.js';
import { visibleSql, type Viewer } from '../access/policy.js';
import { sharesOf } from '../access/shares.js';
import type { EntitySchemaName } from '../intelligence/index.js';
import type { TacticRow } from './suggestions.js';

export const ACTION_STATUSES = {
  planned: 'Planned',
  'in-progress': 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
} as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;

export const IMPACT_RATINGS = {
  major: 'Major',
  moderate: 'Moderate',
  minor: 'Minor',
  none: 'None',
  negative: 'Negative',
} as const;
export type ImpactRating = keyof typeof IMPACT_RATINGS;

export const VICTIM_KINDS = {
  child: 'Child',
  'adult-at-risk': 'Adult at risk',
  cuckooing: 'Cuckooing victim',
  'suspected-trafficking': 'Suspected victim of trafficking or modern slavery',
} as const;
export type VictimKind = keyof typeof VICTIM_KINDS;

export const REFERRAL_ROUTES = {
  'childrens-front-door': "Children's front door",
  'adult-safeguarding': "Adults' safeguarding",
  'national-referral-mechanism': 'National Referral Mechanism (NRM)',
  'duty-to-notify': 'Duty to notify (Home Office)',
  mash: 'Multi-agency safeguarding hub (MASH)',
  other: 'Other',
} as const;
export type ReferralRoute = keyof typeof REFERRAL_ROUTES;

export const REFERRAL_STATUSES = { 'to-make': 'To make', made: 'Made', closed: 'Closed' } as const;
export type ReferralStatus = keyof typeof REFERRAL_STATUSES;

/** Whether an action (or the actions counted) is past its due date and still to be done. */
export const overdueSql = (alias: string) =>
  sql<boolean>`(${sql.ref(`${alias}.due_on`)} < current_date and ${sql.ref(`${alias}.status`)} in ('planned', 'in-progress'))`;

export interface Plan {
  id: string;
  reference: string;
  title: string;
  ocgId: string | null;
  subjectEntityId: string | null;
  ownerUserId: string;
  status: 'open' | 'closed';
  marking: Marking;
}

/** One plan with its markings and one-record shares, unfiltered: the caller checks access. */
export async function loadPlan(q: Queryable, id: string): Promise<Plan | undefined> {
  const row = await q
    .selectFrom('plan')
    .select([
      'id',
      'reference',
      'title',
      'ocg_id',
      'subject_entity_id',
      'owner_user_id',
      'status',
      ...MARKING_COLUMNS,
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const shares = await sharesOf(q, 'plan', [id]);
  const marking = markingFromRow(row, shares.get(id) ?? []);
  if (!marking) return undefined;
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    ocgId: row.ocg_id,
    subjectEntityId: row.subject_entity_id,
    ownerUserId: row.owner_user_id,
    status: row.status,
    marking,
  };
}

export interface PlanListRow {
  id: string;
  reference: string;
  title: string;
  subject: string | null;
  owner_name: string;
  agency_name: string;
  actions: number;
  overdue: number;
  created_at: Date;
}

/** The plans the viewer may list, with what each is about (if the viewer may see that too). */
export async function listPlans(q: Queryable, viewer: Viewer): Promise<PlanListRow[]> {
  const { rows } = await sql<PlanListRow>`
    select p.id, p.reference, p.title, p.created_at,
      coalesce(
        (select o.name from ocg o where o.id = p.ocg_id and ${visibleSql(viewer, 'read', 'ocg', 'o')}),
        (select e.caption from entity e where e.id = p.subject_entity_id and ${visibleSql(viewer, 'read', 'entity', 'e')})
      ) as subject,
      u.display_name as owner_name, a.name as agency_name,
      (select count(*) from plan_action pa where pa.plan_id = p.id and ${visibleSql(viewer, 'list', 'plan-action', 'pa')})::int as actions,
      (select count(*) from plan_action pa where pa.plan_id = p.id and ${visibleSql(viewer, 'list', 'plan-action', 'pa')}
        and ${overdueSql('pa')})::int as overdue
    from plan p join app_user u on u.id = p.owner_user_id join agency a on a.id = p.owning_agency_id
    where ${visibleSql(viewer, 'list', 'plan', 'p')}
    order by p.created_at desc, p.id
    limit 500`.execute(q);
  return rows;
}

export interface Choice {
  id: string;
  name: string;
}

/** OCGs the viewer may see, to plan against. */
export async function visibleOcgs(q: Queryable, viewer: Viewer): Promise<(Choice & { reference: string })[]> {
  const { rows } = await sql<Choice & { reference: string }>`
    select o.id, o.reference, o.name from ocg o
    where ${visibleSql(viewer, 'list', 'ocg', 'o')} and o.status <> 'archived'
    order by o.name, o.id limit 500`.execute(q);
  return rows;
}

export async function ocgVisible(q: Queryable, viewer: Viewer, id: string): Promise<Choice | undefined> {
  const { rows } = await sql<Choice>`select o.id, o.name from ocg o
    where o.id = ${id} and ${visibleSql(viewer, 'read', 'ocg', 'o')}`.execute(q);
  return rows[0];
}

export interface EntityChoice {
  id: string;
  schema: EntitySchemaName;
  caption: string;
}

export async function entityVisible(
  q: Queryable,
  viewer: Viewer,
  id: string,
): Promise<EntityChoice | undefined> {
  const { rows } = await sql<EntityChoice>`select e.id, e.schema, e.caption from entity e
    where e.id = ${id} and ${visibleSql(viewer, 'read', 'entity', 'e')}`.execute(q);
  return rows[0];
}

export async function activeUserByEmail(
  q: Queryable,
  email: string,
): Promise<{ id: string; agency_id: string; display_name: string } | undefined> {
  return q
    .selectFrom('app_user')
    .select(['id', 'agency_id', 'display_name'])
    .where(sql<boolean>`lower(email) = lower(${email})`)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function userEmail(q: Queryable, id: string): Promise<string | undefined> {
  return (await q.selectFrom('app_user').select('email').where('id', '=', id).executeTakeFirst())?.email;
}

export async function agencies(q: Queryable): Promise<Choice[]> {
  return q.selectFrom('agency').select(['id', 'name']).orderBy('name').orderBy('id').execute();
}

export async function agencyName(q: Queryable, id: string): Promise<string> {
  return (await q.selectFrom('agency').select('name').where('id', '=', id).executeTakeFirst())?.name ?? '';
}

export async function userName(q: Queryable, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (
    (await q.selectFrom('app_user').select('display_name').where('id', '=', id).executeTakeFirst())
      ?.display_name ?? null
  );
}

/** The tactics library, as the suggestions and the add-action form use it. */
export async function tactics(q: Queryable): Promise<(TacticRow & { agency_kind: string })[]> {
  return q
    .selectFrom('tactic')
    .select(['id', 'key', 'name', 'strand', 'suggested_for', 'retired', 'agency_kind'])
    .where('retired', '=', false)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function insertPlan(
  tx: Tx,
  plan: {
    title: string;
    ocgId: string | null;
    subjectEntityId: string | null;
    ownerUserId: string;
    createdBy: string;
    objectives: { strand: Strand; objective: string }[];
  },
  marking: Marking,
): Promise<{ id: string; reference: string }> {
  const row = await tx
    .insertInto('plan')
    .values({
      title: plan.title,
      ocg_id: plan.ocgId,
      subject_entity_id: plan.subjectEntityId,
      owner_user_id: plan.ownerUserId,
      created_by: plan.createdBy,
      ...markingColumns(marking),
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
  if (plan.objectives.length) {
    await tx
      .insertInto('plan_objective')
      .values(
        plan.objectives.map((o, position) => ({
          plan_id: row.id,
          strand: o.strand,
          objective: o.objective,
          position,
        })),
      )
      .execute();
  }
  return row;
}

export async function objectivesOf(
  q: Queryable,
  planId: string,
): Promise<{ id: string; strand: Strand; objective: string }[]> {
  return q
    .selectFrom('plan_objective')
    .select(['id', 'strand', 'objective'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The handling codes of entities and OCGs an export names, for the handling code C check. */
export async function handlingOfNamed(
  q: Queryable,
  named: { entityIds: readonly string[]; ocgIds: readonly string[] },
): Promise<{ handlingCode: 'P' | 'C'; handlingConditions: string | null }[]> {
  const rows = [
    ...(named.entityIds.length
      ? await q
          .selectFrom('entity')
          .select(['handling_code', 'handling_conditions'])
          .where('id', 'in', [...named.entityIds])
          .execute()
      : []),
    ...(named.ocgIds.length
      ? await q
          .selectFrom('ocg')
          .select(['handling_code', 'handling_conditions'])
          .where('id', 'in', [...named.ocgIds])
          .execute()
      : []),
  ];
  return rows.map((row) => ({
    handlingCode: row.handling_code as 'P' | 'C',
    handlingConditions: row.handling_conditions,
  }));
}

/** Closes an open plan; false when it was closed already. */
export async function closePlan(tx: Tx, id: string): Promise<boolean> {
  const result = await tx
    .updateTable('plan')
    .set({ status: 'closed' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
