/**
 * The plan commands: the list, what a new plan may be about, creating a plan, the plan page and
 * closing it. Each loads the Viewer once, checks access with the one policy, does its work and
 * writes its one s62 audit entry in the same transaction (the kernel's `audited`).
 */
import type { Strand } from '../../db/tables.js';
import type { Marking } from '../access/markings.js';
import { mayAccess, mayAct } from '../access/policy.js';
import { shareRecord } from '../access/shares.js';
import { findEntitiesByName, type NameMatch } from '../intelligence/index.js';
import { done, notFound, refused, type Asker, type Outcome } from '../../web/commands.js';
import { actionsOf, type ActionRow } from './action-queries.js';
import { planPicture } from './plan-picture.js';
import { readablePlan, summaryOf, type Audited, type PlanSummary } from './plan-summary.js';
import {
  activeUserByEmail,
  closePlan,
  entityVisible,
  insertPlan,
  listPlans,
  objectivesOf,
  ocgVisible,
  tactics,
  userEmail,
  visibleOcgs,
  type Choice,
  type PlanListRow,
} from './queries.js';
import { referralsOf, type ReferralRow } from './referral-queries.js';
import { mayClosePlan } from './rules.js';
import type { NewPlan } from './schemas.js';
import { suggestTactics, type PictureVictim, type Suggestion } from './suggestions.js';

export interface PlanPage extends PlanSummary {
  objectives: { strand: Strand; objective: string }[];
  actions: ActionRow[];
  /** Only for viewers who may add actions (ocg:manage). */
  /** Each marked when the plan already has an action with that tactic and target. */
  suggestions: (Suggestion & { inPlan: boolean })[];
  /** Only for viewers with victims:read. */
  victims: PictureVictim[];
  referrals: ReferralRow[];
  mayAddActions: boolean;
  /** Only the owning agency closes its plan, and only while it is open. */
  mayClose: boolean;
  mayReadVictims: boolean;
  mayExport: boolean;
  /** The plan owner's agency sees the whole plan, so it is told about every overdue action. */
  isCoordinator: boolean;
}

/** The plans the viewer may see: one consultation naming every plan listed. */
export function list(audited: Audited, asker: Asker): Promise<Outcome<PlanListRow[]>> {
  return audited(asker, async (tx, viewer) => {
    const plans = await listPlans(tx, viewer);
    return {
      outcome: done(plans),
      entry: { action: 'consultation', recordType: 'plan', recordIds: plans.map((p) => p.id) },
    };
  });
}

/** What a new plan may be about: OCGs the viewer may see, and places or people found by name. */
export function choices(
  audited: Audited,
  asker: Asker,
  search: string | undefined,
): Promise<Outcome<{ ocgs: (Choice & { reference: string })[]; found: NameMatch[]; ownerEmail: string }>> {
  return audited(asker, async (tx, viewer) => {
    const ocgs = await visibleOcgs(tx, viewer);
    const found = search ? await findEntitiesByName(tx, viewer, search, { limit: 10 }) : [];
    return {
      outcome: done({ ocgs, found, ownerEmail: (await userEmail(tx, viewer.userId)) ?? '' }),
      entry: {
        action: 'consultation',
        recordType: 'ocg',
        recordIds: [...ocgs.map((o) => o.id), ...found.map((f) => f.id)],
        detail: { purpose: 'choosing what a 4P plan is about', entities: found.map((f) => f.id) },
      },
    };
  });
}

/**
 * Creates a plan: owned by the plan owner's agency (the marking's owner) and shared with the
 * creator's agency when that is another, so the creator keeps sight of what they made.
 */
export function create(
  audited: Audited,
  asker: Asker,
  answers: NewPlan,
): Promise<Outcome<{ id: string; reference: string }>> {
  return audited(asker, async (tx, viewer) => {
    if (!mayAct(viewer, 'create', 'plan')) return { outcome: notFound };
    if (answers.ocgId && !(await ocgVisible(tx, viewer, answers.ocgId)))
      return { outcome: refused({ ocg: 'Select the OCG from the list' }) };
    if (answers.subjectEntityId && !(await entityVisible(tx, viewer, answers.subjectEntityId)))
      return { outcome: refused({ entity: 'Find and select the place or person' }) };
    const owner = answers.owner
      ? await activeUserByEmail(tx, answers.owner)
      : { id: viewer.userId, agency_id: viewer.agencyId };
    if (!owner) return { outcome: refused({ owner: 'Enter the email address of a Lantern user' }) };
    const marking: Marking = {
      classification: answers.classification,
      handlingCode: answers.handlingCode,
      handlingConditions: answers.handlingConditions,
      owningAgencyId: owner.agency_id,
      accessListId: null,
    };
    if (!mayAccess(viewer, 'create', 'plan', { ...marking, owningAgencyId: viewer.agencyId }))
      return { outcome: refused({ classification: 'Select a classification you are cleared for' }) };
    const plan = await insertPlan(
      tx,
      {
        title: answers.title,
        ocgId: answers.ocgId,
        subjectEntityId: answers.subjectEntityId,
        ownerUserId: owner.id,
        createdBy: viewer.userId,
        objectives: answers.objectives,
      },
      marking,
    );
    if (owner.agency_id !== viewer.agencyId)
      await shareRecord(tx, {
        type: 'plan',
        recordId: plan.id,
        agencyId: viewer.agencyId,
        sharedBy: viewer.userId,
      });
    return {
      outcome: done(plan),
      entry: {
        action: 'collection',
        recordType: 'plan',
        recordIds: [plan.id],
        detail: { ocg: answers.ocgId, subject: answers.subjectEntityId, owner: owner.id },
      },
    };
  });
}

/** The plan page: one consultation naming the plan and everything on it the viewer is shown. */
export function page(audited: Audited, asker: Asker, planId: string): Promise<Outcome<PlanPage>> {
  return audited(asker, async (tx, viewer) => {
    const plan = await readablePlan(tx, viewer, planId);
    if (!plan) return { outcome: notFound };
    const summary = await summaryOf(tx, viewer, plan);
    const actions = await actionsOf(tx, viewer, plan.id);
    const mayAddActions =
      mayAccess(viewer, 'update', 'plan', plan.marking) && mayAct(viewer, 'create', 'plan-action');
    const mayReadVictims = mayAct(viewer, 'read', 'safeguarding-referral');
    const picture = mayAddActions || mayReadVictims ? await planPicture(tx, viewer, plan) : null;
    // An action is "the same" as a suggestion when it uses the tactic on the same target.
    const planned = new Set(actions.map((a) => `${a.tactic_id ?? ''}|${a.target_entity_id ?? ''}`));
    const suggestions = (picture && mayAddActions ? suggestTactics(picture, await tactics(tx)) : []).map(
      (s) => ({
        ...s,
        inPlan: planned.has(`${s.tactic.id}|${s.target?.id ?? ''}`),
      }),
    );
    const victims = picture?.victims ?? [];
    const referrals = await referralsOf(tx, viewer, plan.id);
    const shown = [
      plan.id,
      ...actions.map((a) => a.id),
      ...actions.flatMap((a) => (a.impact_id ? [a.impact_id] : [])),
      ...actions.flatMap((a) => (a.target_caption && a.target_entity_id ? [a.target_entity_id] : [])),
      ...(summary.subject ? [summary.subject.id] : []),
      ...suggestions.flatMap((s) => (s.target ? [s.target.id] : [])),
      ...victims.map((v) => v.id),
      ...referrals.flatMap((r) => [r.id, r.victim_entity_id]),
    ];
    return {
      outcome: done({
        ...summary,
        objectives: await objectivesOf(tx, plan.id),
        actions,
        suggestions,
        victims,
        referrals,
        mayAddActions,
        mayClose: plan.status === 'open' && mayClosePlan(viewer, plan),
        mayReadVictims,
        mayExport: mayAccess(viewer, 'export', 'plan', plan.marking),
        isCoordinator: plan.marking.owningAgencyId === viewer.agencyId,
      }),
      entry: {
        action: 'consultation',
        recordType: 'plan',
        recordIds: [...new Set(shown)],
        detail: { actions: actions.map((a) => a.id), referrals: referrals.map((r) => r.id) },
      },
    };
  });
}

/** Closes the plan: its owning agency only, with ocg:manage; one alteration entry. */
export function close(audited: Audited, asker: Asker, planId: string): Promise<Outcome<{ planId: string }>> {
  return audited(asker, async (tx, viewer) => {
    const plan = await readablePlan(tx, viewer, planId);
    if (!plan || !mayClosePlan(viewer, plan)) return { outcome: notFound };
    if (!(await closePlan(tx, plan.id))) return { outcome: refused({ close: 'The plan is already closed' }) };
    return {
      outcome: done({ planId: plan.id }),
      entry: {
        action: 'alteration',
        recordType: 'plan',
        recordIds: [plan.id],
        detail: { status: 'closed' },
      },
    };
  });
}
