/**
 * The action commands: the add-action form, adding an action, one action, recording progress
 * (with the disruption impact), peer review and "Your actions". Each loads the Viewer once, checks
 * access with the one policy, does its work and writes its one s62 audit entry in the same
 * transaction (the kernel's `audited`).
 */
import type { Tx } from '../../db/database.js';
import type { Strand } from '../../db/tables.js';
import type { Marking } from '../access/markings.js';
import { mayAccess, mayAct, type Viewer } from '../access/policy.js';
import { shareRecord } from '../access/shares.js';
import { done, notFound, refused, type Asker, type Outcome } from '../../web/commands.js';
import {
  actionsOwnedBy,
  insertAction,
  insertImpact,
  loadAction,
  peerReview,
  updateAction,
  type ActionRow,
} from './action-queries.js';
import { planPicture } from './plan-picture.js';
import { readablePlan, summaryOf, type Audited, type PlanSummary } from './plan-summary.js';
import { activeUserByEmail, agencies, objectivesOf, tactics, type Choice, type Plan } from './queries.js';
import { mayUpdateAction } from './rules.js';
import { RATIONALE_MIN, type ActionUpdate, type NewAction } from './schemas.js';

export interface ActionForm {
  summary: PlanSummary;
  tactics: { id: string; name: string; strand: Strand; agency_kind: string }[];
  agencies: Choice[];
  targets: { id: string; caption: string }[];
  /** The plan's objectives, one of which the action may serve. */
  objectives: { id: string; strand: Strand; objective: string }[];
}

/** The add-action form: the library, every agency, and the targets the picture offers. */
export function form(audited: Audited, asker: Asker, planId: string): Promise<Outcome<ActionForm>> {
  return audited(asker, async (tx, viewer) => {
    const plan = await readablePlan(tx, viewer, planId);
    if (!plan || !mayAccess(viewer, 'update', 'plan', plan.marking)) return { outcome: notFound };
    const summary = await summaryOf(tx, viewer, plan);
    const picture = await planPicture(tx, viewer, plan);
    const targets = [
      ...picture.entities.map((e) => ({ id: e.id, caption: e.caption })),
      ...picture.victims.map((v) => ({ id: v.id, caption: v.caption })),
    ];
    return {
      outcome: done({
        summary,
        tactics: await tactics(tx),
        agencies: await agencies(tx),
        targets,
        objectives: await objectivesOf(tx, plan.id),
      }),
      entry: {
        action: 'consultation',
        recordType: 'plan',
        recordIds: [plan.id, ...targets.map((t) => t.id)],
        detail: { purpose: 'adding an action to a 4P plan' },
      },
    };
  });
}

/**
 * Adds an action owned by the agency that will carry it out, shared with the plan's owning
 * agency; the plan is shared with the action's agency so they can see what they are part of.
 */
export function add(
  audited: Audited,
  asker: Asker,
  planId: string,
  answers: NewAction,
): Promise<Outcome<{ actionId: string }>> {
  return audited(asker, async (tx, viewer) => {
    const plan = await readablePlan(tx, viewer, planId);
    if (
      !plan ||
      !mayAccess(viewer, 'update', 'plan', plan.marking) ||
      !mayAct(viewer, 'create', 'plan-action')
    )
      return { outcome: notFound };
    const agency = (await agencies(tx)).find((a) => a.id === answers.agencyId);
    if (!agency) return { outcome: refused({ agency: 'Select the agency that will carry it out' }) };
    if (answers.tacticId && !(await tactics(tx)).some((t) => t.id === answers.tacticId))
      return { outcome: refused({ tactic: 'Select a tactic from the library' }) };
    let officerId: string | null = null;
    if (answers.officer) {
      const officer = await activeUserByEmail(tx, answers.officer);
      if (!officer || officer.agency_id !== agency.id)
        return {
          outcome: refused({ officer: `Enter the email address of an officer in ${agency.name}` }),
        };
      officerId = officer.id;
    }
    const refusal = await refusedTargetOrObjective(tx, viewer, plan, answers);
    if (refusal) return { outcome: refusal };
    const marking: Marking = {
      classification: plan.marking.classification,
      handlingCode: plan.marking.handlingCode,
      handlingConditions: plan.marking.handlingConditions,
      owningAgencyId: agency.id,
      accessListId: null,
    };
    const actionId = await insertAction(
      tx,
      {
        planId: plan.id,
        strand: answers.strand,
        tacticId: answers.tacticId,
        description: answers.description,
        officerUserId: officerId,
        targetEntityId: answers.targetEntityId,
        objectiveId: answers.objectiveId,
        dueOn: answers.dueOn,
        createdBy: viewer.userId,
      },
      marking,
    );
    await shareNewAction(tx, viewer, plan, agency.id, actionId);
    return {
      outcome: done({ actionId }),
      entry: {
        action: 'collection',
        recordType: 'plan-action',
        recordIds: [actionId],
        detail: {
          plan: plan.id,
          agency: agency.id,
          target: answers.targetEntityId,
          tactic: answers.tacticId,
        },
      },
    };
  });
}

/** One action, with whether the viewer's agency may update it and whether they may peer review. */
export function show(
  audited: Audited,
  asker: Asker,
  actionId: string,
): Promise<Outcome<{ action: ActionRow; mayUpdate: boolean; mayReview: boolean; planVisible: boolean }>> {
  return audited(asker, async (tx, viewer) => {
    const action = await loadAction(tx, viewer, actionId);
    if (!action || !mayAccess(viewer, 'read', 'plan-action', action.marking)) return { outcome: notFound };
    const plan = await readablePlan(tx, viewer, action.plan_id);
    return {
      outcome: done({
        action,
        mayUpdate: mayUpdateAction(viewer, action.marking),
        mayReview:
          Boolean(action.impact_id) && !action.peer_reviewed_at && action.assessed_by !== viewer.userId,
        planVisible: Boolean(plan),
      }),
      entry: {
        action: 'consultation',
        recordType: 'plan-action',
        recordIds: [
          action.id,
          ...(action.impact_id ? [action.impact_id] : []),
          ...(action.target_caption && action.target_entity_id ? [action.target_entity_id] : []),
        ],
      },
    };
  });
}

/**
 * The owning agency records progress. Completing needs a disruption impact in the same form:
 * a rating and a rationale (there are no national definitions of the ratings).
 */
export function update(
  audited: Audited,
  asker: Asker,
  actionId: string,
  answers: ActionUpdate,
): Promise<Outcome<{ planId: string }>> {
  return audited(asker, async (tx, viewer) => {
    const action = await loadAction(tx, viewer, actionId);
    if (
      !action ||
      !mayAccess(viewer, 'read', 'plan-action', action.marking) ||
      !mayUpdateAction(viewer, action.marking)
    )
      return { outcome: notFound };
    let impactId: string | null = null;
    if (answers.status === 'completed' && !action.impact_id) {
      const errors: Record<string, string> = {};
      if (!answers.rating) errors.rating = 'Select the disruption impact rating to complete the action';
      if (!answers.rationale || answers.rationale.length < RATIONALE_MIN)
        errors.rationale = `Explain the rating in at least ${RATIONALE_MIN} characters: there are no national definitions, so the rationale is required`;
      if (Object.keys(errors).length || !answers.rating || !answers.rationale)
        return { outcome: refused(errors) };
      impactId = await insertImpact(tx, {
        actionId,
        rating: answers.rating,
        rationale: answers.rationale,
        evidence: answers.evidence,
        assessedBy: viewer.userId,
      });
    }
    await updateAction(tx, actionId, {
      status: answers.status,
      outcome: answers.outcome,
      completed: answers.status === 'completed',
    });
    return {
      outcome: done({ planId: action.plan_id }),
      entry: {
        action: 'alteration',
        recordType: 'plan-action',
        recordIds: [actionId, ...(impactId ? [impactId] : [])],
        detail: { status: answers.status, rating: impactId ? answers.rating : undefined },
      },
    };
  });
}

/** Peer review of a disruption impact, by someone other than its assessor. */
export function review(
  audited: Audited,
  asker: Asker,
  actionId: string,
  note: string | null,
): Promise<Outcome<{ actionId: string }>> {
  return audited(asker, async (tx, viewer) => {
    const action = await loadAction(tx, viewer, actionId);
    if (
      !action ||
      !mayAccess(viewer, 'read', 'plan-action', action.marking) ||
      !mayAccess(viewer, 'create', 'disruption-impact', action.marking) ||
      !action.impact_id
    )
      return { outcome: notFound };
    if (action.assessed_by === viewer.userId)
      return { outcome: refused({ note: 'Someone other than the assessor must review the rating' }) };
    if (action.peer_reviewed_at)
      return { outcome: refused({ note: 'This rating has already been reviewed' }) };
    await peerReview(tx, action.impact_id, { reviewerId: viewer.userId, note });
    return {
      outcome: done({ actionId }),
      entry: {
        action: 'alteration',
        recordType: 'disruption-impact',
        recordIds: [action.impact_id],
        detail: { action: actionId },
      },
    };
  });
}

/** "Your actions": the viewer's agency's open actions, overdue first. */
export function yours(audited: Audited, asker: Asker): Promise<Outcome<ActionRow[]>> {
  return audited(asker, async (tx, viewer) => {
    const actions = await actionsOwnedBy(tx, viewer);
    return {
      outcome: done(actions),
      entry: {
        action: 'consultation',
        recordType: 'plan-action',
        recordIds: [
          ...actions.map((a) => a.id),
          ...actions.flatMap((a) => (a.target_caption && a.target_entity_id ? [a.target_entity_id] : [])),
        ],
      },
    };
  });
}

/** The target must be one the plan's picture offers; the objective one of this plan's. */
async function refusedTargetOrObjective(
  tx: Tx,
  viewer: Viewer,
  plan: Plan,
  answers: NewAction,
): Promise<ReturnType<typeof refused> | undefined> {
  if (answers.targetEntityId) {
    const picture = await planPicture(tx, viewer, plan);
    const offered = [...picture.entities.map((e) => e.id), ...picture.victims.map((v) => v.id)];
    if (!offered.includes(answers.targetEntityId))
      return refused({ target: 'Select a target from the list' });
  }
  if (answers.objectiveId) {
    // An action serves one of this plan's objectives, under its own strand.
    const objective = (await objectivesOf(tx, plan.id)).find((o) => o.id === answers.objectiveId);
    if (!objective) return refused({ objective: 'Select an objective from the list' });
    if (objective.strand !== answers.strand)
      return refused({ objective: 'Select an objective under the same 4P strand as the action' });
  }
  return undefined;
}

/**
 * The action is shared with the plan's owning agency and the plan with the action's agency, so each
 * sees what they are part of; and with the creator's agency when that is neither.
 */
async function shareNewAction(tx: Tx, viewer: Viewer, plan: Plan, agencyId: string, actionId: string) {
  if (agencyId !== plan.marking.owningAgencyId) {
    await shareRecord(tx, {
      type: 'plan-action',
      recordId: actionId,
      agencyId: plan.marking.owningAgencyId,
      sharedBy: viewer.userId,
    });
    await shareRecord(tx, {
      type: 'plan',
      recordId: plan.id,
      agencyId,
      sharedBy: viewer.userId,
    });
  }
  if (viewer.agencyId !== agencyId && viewer.agencyId !== plan.marking.owningAgencyId)
    await shareRecord(tx, {
      type: 'plan-action',
      recordId: actionId,
      agencyId: viewer.agencyId,
      sharedBy: viewer.userId,
    });
}
