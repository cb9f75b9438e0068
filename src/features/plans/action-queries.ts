/**
 * SQL for a plan's actions and their disruption impacts: the plan page's actions, "your actions",
 * one action, and the writes. Every list is filtered in SQL by the access policy (`visibleSql`):
 * an action shows only to its agency and (shared one at a time) to the plan's owner; a target is
 * named only if the viewer may see it.
 */
import { sql } from 'kysely';
import type { Queryable, Tx } from '../../db/database.js';
import type { Strand } from '../../db/tables.js';
import { markingColumns, markingFromRow, type Marking, type MarkingRow } from '../access/markings.js';
import { visibleSql, type Viewer } from '../access/policy.js';
import { entityNamedSql } from '../access/derived.js';
import { sharesOf } from '../access/shares.js';
import { overdueSql, type ActionStatus, type ImpactRating } from './queries.js';

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
