/**
 * SQL for 4P plans: lists, the plan page, "your actions", the plan's picture for suggestions, and
 * the writes. Every list is filtered in SQL by the access policy (`visibleSql`): an action shows
 * only to its agency and (shared one at a time) to the plan's owner; a target, subject or OCG is
 * named only if the viewer may see it; victims and referrals only with victims:read.
 */
import { sql } from 'kysely';
import type { Queryable, Tx } from '../../db/database.js';
import type { Strand } from '../../db/tables.js';
import {
  markingColumns,
  markingFromRow,
  MARKING_COLUMNS,
  type Marking,
  type MarkingRow,
} from '../access/markings.js';
import { mayReadVictims, visibleSql, type Viewer } from '../access/policy.js';
import { ocgMembersVisibleTo } from '../groups/member-queries.js';
import { entityNamedSql, visibleInvolvementSql, visibleLinkSql } from '../access/derived.js';
import { sharesOf } from '../access/shares.js';
import {
  LINK_TYPES,
  type EntityProperties,
  type EntitySchemaName,
  type LinkTypeName,
} from '../intelligence/schema.js';
import type { PictureEntity, PictureVictim, PlanPicture, TacticRow } from './suggestions.js';

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

const overdueSql = (alias: string) =>
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

export interface ActionRow extends MarkingRow {
  id: string;
  plan_id: string;
  strand: Strand;
  tactic_id: string | null;
  tactic_name: string | null;
  description: string;
  officer_user_id: string | null;
  officer_name: string | null;
  agency_name: string;
  target_entity_id: string | null;
  /** Null when there is no target, or the viewer may not see it. */
  target_caption: string | null;
  /** The plan objective the action serves, if one was chosen. */
  objective: string | null;
  due_on: string | null;
  status: ActionStatus;
  outcome: string | null;
  overdue: boolean;
  impact_id: string | null;
  rating: ImpactRating | null;
  rationale: string | null;
  evidence: string | null;
  assessed_by: string | null;
  assessed_by_name: string | null;
  assessed_at: Date | null;
  peer_reviewed_by_name: string | null;
  peer_reviewed_at: Date | null;
  peer_review_note: string | null;
  /** Null when the viewer may not read the plan (an action shared without its plan). */
  plan_reference: string | null;
  plan_title: string | null;
}

function actionSelect(viewer: Viewer) {
  return sql`
    select pa.id, pa.plan_id, pa.strand, pa.tactic_id, t.name as tactic_name, pa.description,
      pa.officer_user_id, ou.display_name as officer_name, ag.name as agency_name,
      pa.target_entity_id,
      (select e.caption from entity e where e.id = pa.target_entity_id and ${entityNamedSql(viewer, 'e')}) as target_caption,
      (select po.objective from plan_objective po where po.id = pa.objective_id) as objective,
      pa.due_on, pa.status, pa.outcome, ${overdueSql('pa')} as overdue,
      di.id as impact_id, di.rating, di.rationale, di.evidence, di.assessed_by, au.display_name as assessed_by_name,
      di.assessed_at, ru.display_name as peer_reviewed_by_name, di.peer_reviewed_at, di.peer_review_note,
      case when ${visibleSql(viewer, 'read', 'plan', 'p')} then p.reference end as plan_reference,
      case when ${visibleSql(viewer, 'read', 'plan', 'p')} then p.title end as plan_title,
      pa.classification, pa.handling_code, pa.handling_conditions, pa.owning_agency_id, pa.access_list_id
    from plan_action pa
      join plan p on p.id = pa.plan_id
      join agency ag on ag.id = pa.owning_agency_id
      left join tactic t on t.id = pa.tactic_id
      left join app_user ou on ou.id = pa.officer_user_id
      left join disruption_impact di on di.action_id = pa.id
      left join app_user au on au.id = di.assessed_by
      left join app_user ru on ru.id = di.peer_reviewed_by`;
}

/** A plan's actions the viewer may see: their agency's own, or all of them for the plan's owner. */
export async function actionsOf(q: Queryable, viewer: Viewer, planId: string): Promise<ActionRow[]> {
  const { rows } = await sql<ActionRow>`${actionSelect(viewer)}
    where pa.plan_id = ${planId} and ${visibleSql(viewer, 'list', 'plan-action', 'pa')}
    order by array_position(array['pursue', 'prevent', 'protect', 'prepare'], pa.strand), pa.due_on nulls last, pa.created_at, pa.id`.execute(
    q,
  );
  return rows;
}

/** Actions the viewer's agency owns, overdue first, then by due date. */
export async function actionsOwnedBy(q: Queryable, viewer: Viewer): Promise<ActionRow[]> {
  const { rows } = await sql<ActionRow>`${actionSelect(viewer)}
    where pa.owning_agency_id = ${viewer.agencyId} and ${visibleSql(viewer, 'list', 'plan-action', 'pa')}
      and pa.status in ('planned', 'in-progress')
    order by ${overdueSql('pa')} desc, pa.due_on nulls last, pa.created_at, pa.id
    limit 500`.execute(q);
  return rows;
}

/** One action with its impact, unfiltered (with its one-record shares): the caller checks access. */
export async function loadAction(
  q: Queryable,
  viewer: Viewer,
  id: string,
): Promise<(ActionRow & { marking: Marking }) | undefined> {
  const { rows } = await sql<ActionRow>`${actionSelect(viewer)} where pa.id = ${id}`.execute(q);
  const row = rows[0];
  if (!row) return undefined;
  const shares = await sharesOf(q, 'plan-action', [id]);
  const marking = markingFromRow(row, shares.get(id) ?? []);
  return marking ? { ...row, marking } : undefined;
}

export async function insertAction(
  tx: Tx,
  action: {
    planId: string;
    strand: Strand;
    tacticId: string | null;
    description: string;
    officerUserId: string | null;
    targetEntityId: string | null;
    objectiveId: string | null;
    dueOn: string | null;
    createdBy: string;
  },
  marking: Marking,
): Promise<string> {
  const row = await tx
    .insertInto('plan_action')
    .values({
      plan_id: action.planId,
      strand: action.strand,
      tactic_id: action.tacticId,
      description: action.description,
      officer_user_id: action.officerUserId,
      target_entity_id: action.targetEntityId,
      objective_id: action.objectiveId,
      due_on: action.dueOn,
      created_by: action.createdBy,
      ...markingColumns(marking),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAction(
  tx: Tx,
  id: string,
  change: { status: ActionStatus; outcome: string | null; completed: boolean },
): Promise<void> {
  await tx
    .updateTable('plan_action')
    .set({
      status: change.status,
      outcome: change.outcome,
      completed_at: change.status === 'completed' ? sql<Date>`coalesce(completed_at, now())` : null,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertImpact(
  tx: Tx,
  impact: {
    actionId: string;
    rating: ImpactRating;
    rationale: string;
    evidence: string | null;
    assessedBy: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('disruption_impact')
    .values({
      action_id: impact.actionId,
      rating: impact.rating,
      rationale: impact.rationale,
      evidence: impact.evidence,
      assessed_by: impact.assessedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function peerReview(
  tx: Tx,
  impactId: string,
  review: { reviewerId: string; note: string | null },
): Promise<void> {
  await tx
    .updateTable('disruption_impact')
    .set({
      peer_reviewed_by: review.reviewerId,
      peer_reviewed_at: sql<Date>`now()`,
      peer_review_note: review.note,
    })
    .where('id', '=', impactId)
    .execute();
}

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

interface EntityRow {
  id: string;
  schema: EntitySchemaName;
  caption: string;
  properties: EntityProperties;
}

/**
 * What the plan's subject shows, from what the viewer may see only: the OCG's visible members
 * (with their roles) and the things one visible link away from them, or the plan's subject entity
 * and the things linked to it; the OCG's categories; and, only with victims:read, the victims
 * recorded in items that support the OCG or involve those members, with hints of cuckooing and
 * trafficking. People linked to members are not taken in, so no one hidden is implied.
 */
export async function planPicture(
  q: Queryable,
  viewer: Viewer,
  plan: { ocgId: string | null; subjectEntityId: string | null },
): Promise<PlanPicture> {
  const anchors: PictureEntity[] = [];
  let categories: string[] = [];
  let ocgId: string | null = null;
  if (plan.ocgId) {
    const { rows: ocgRows } = await sql<{
      id: string;
      categories: string[];
    }>`select o.id, o.categories from ocg o
      where o.id = ${plan.ocgId} and ${visibleSql(viewer, 'read', 'ocg', 'o')}`.execute(q);
    const ocg = ocgRows[0];
    if (ocg) {
      ocgId = ocg.id;
      categories = [...ocg.categories].sort();
      // The register's own rule for who sees which member (OCG, membership and entity readable).
      const members = await ocgMembersVisibleTo(q, viewer, ocg.id);
      anchors.push(
        ...members
          .map((m) => ({
            id: m.entityId,
            schema: m.schema,
            caption: m.caption,
            properties: m.properties,
            role: m.role,
          }))
          // Suggestions list things in caption order, whatever the register's role order.
          .sort((a, b) =>
            a.caption < b.caption ? -1 : a.caption > b.caption ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
          ),
      );
    }
  }
  if (!ocgId && plan.subjectEntityId) {
    const { rows } = await sql<EntityRow>`select e.id, e.schema, e.caption, e.properties from entity e
      where e.id = ${plan.subjectEntityId} and ${visibleSql(viewer, 'read', 'entity', 'e')}`.execute(q);
    anchors.push(...rows.map((r) => ({ ...r, role: null, subject: true })));
  }
  const about = ocgId ? 'ocg' : 'subject';
  if (!anchors.length) return { about, entities: [], victims: [], categories };
  const anchorIds = anchors.map((a) => a.id);
  const captionOf = new Map(anchors.map((a) => [a.id, a.caption]));

  // Things one visible link away (never people): a member's vehicle, phone, business, home.
  const { rows: linked } = await sql<
    EntityRow & { anchor_id: string; link_type: LinkTypeName; outgoing: boolean }
  >`
    select e.id, e.schema, e.caption, e.properties, l.link_type,
      case when l.from_entity_id in (${sql.join(anchorIds)}) then l.from_entity_id else l.to_entity_id end as anchor_id,
      (l.from_entity_id in (${sql.join(anchorIds)})) as outgoing
    from link l join entity e
      on e.id = case when l.from_entity_id in (${sql.join(anchorIds)}) then l.to_entity_id else l.from_entity_id end
    where (l.from_entity_id in (${sql.join(anchorIds)}) or l.to_entity_id in (${sql.join(anchorIds)}))
      and e.schema <> 'Person'
      and ${visibleLinkSql(viewer, 'l')}
    order by e.caption, e.id, l.id`.execute(q);
  const entities: PictureEntity[] = [...anchors];
  const seen = new Set(anchorIds);
  for (const row of linked) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const spec = LINK_TYPES[row.link_type];
    entities.push({
      id: row.id,
      schema: row.schema,
      caption: row.caption,
      properties: row.properties,
      role: null,
      // The anchor is the link's "from": the thing is what the anchor <label>s, read backwards.
      via: {
        caption: captionOf.get(row.anchor_id) ?? '',
        reads: row.outgoing ? spec.reverseLabel : spec.label,
      },
    });
  }

  if (!mayReadVictims(viewer)) return { about, entities, victims: [], categories };
  const allIds = [...seen];
  const { rows: victimRows } = await sql<{
    id: string;
    caption: string;
    child: boolean;
    // array_agg over no categories is null.
    categories: string[] | null;
  }>`
    select e.id, e.caption, e.child, array_agg(distinct c) filter (where c is not null) as categories
    from item_entity ie
      join intelligence_item i on i.id = ie.item_id
      join entity e on e.id = ie.entity_id
      left join lateral unnest(i.categories) c on true
    where ie.subject_category = 'victim' and e.schema = 'Person'
      and (ie.item_id in (select s.item_id from ocg_source s where s.ocg_id = ${ocgId})
        or ie.item_id in (select x.item_id from item_entity x where x.entity_id in (${sql.join(anchorIds)})))
      and ${visibleInvolvementSql(viewer, 'ie', { item: 'i', entity: 'e' })}
      and e.id not in (${sql.join(anchorIds)})
    group by e.id, e.caption, e.child
    order by e.caption, e.id`.execute(q);
  if (!victimRows.length) return { about, entities, victims: [], categories };
  const victimIds = victimRows.map((v) => v.id);
  // Exploitation by anyone in the picture, and a victim's home that the picture's people use.
  const { rows: hints } = await sql<{ victim_id: string; kind: 'exploits' | 'home'; other: string }>`
    select l.to_entity_id as victim_id, 'exploits' as kind, f.caption as other
    from link l join entity f on f.id = l.from_entity_id
    where l.link_type = 'exploits' and l.to_entity_id in (${sql.join(victimIds)})
      and l.from_entity_id in (${sql.join(allIds)})
      and ${visibleLinkSql(viewer, 'l')}
    union all
    select h.from_entity_id as victim_id, 'home' as kind, a.caption as other
    from link h join entity a on a.id = h.to_entity_id
    where h.link_type = 'lives-at' and h.from_entity_id in (${sql.join(victimIds)})
      and h.to_entity_id in (${sql.join(allIds)})
      and ${visibleLinkSql(viewer, 'h')}
    order by 1, 2, 3`.execute(q);
  const victims: PictureVictim[] = victimRows.map((v) => {
    const own = hints.filter((h) => h.victim_id === v.id);
    const exploited = own.filter((h) => h.kind === 'exploits').map((h) => h.other);
    const home = own.find((h) => h.kind === 'home');
    const cuckooing = [
      ...(exploited.length ? [`exploited by ${exploited.join(' and ')}`] : []),
      ...(home
        ? [`their home, ${home.other}, is ${about === 'ocg' ? 'used by this OCG' : 'linked to this plan'}`]
        : []),
    ].join('; ');
    const trafficking = (v.categories ?? []).includes('modern-slavery-and-human-trafficking')
      ? 'recorded as a victim in intelligence about modern slavery and human trafficking'
      : null;
    return { id: v.id, caption: v.caption, child: v.child, cuckooing: cuckooing || null, trafficking };
  });
  return { about, entities, victims, categories };
}

/** Closes an open plan; false when it was closed already. */
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

export async function closePlan(tx: Tx, id: string): Promise<boolean> {
  const result = await tx
    .updateTable('plan')
    .set({ status: 'closed' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
