/**
 * The commands behind the 4P plan pages. Each loads the Viewer once, checks access with the one
 * policy, does its work and writes its one s62 audit entry in the same transaction, so nothing is
 * shown or changed that the log does not record. Routes stay thin: they turn outcomes into pages.
 *
 * Who sees what: a plan is its owning agency's (the plan owner's) and is shared one record at a
 * time with every agency given an action; an action is the carrying-out agency's and is shared
 * with the plan's owning agency, so each agency sees its own actions and the coordinator all.
 * Safeguarding referrals and victims need victims:read; without it nothing about them is shown.
 */
import type { Database, Tx } from '../../db/database.js';
import type { Strand } from '../../db/tables.js';
import { csvDocument } from '../audit/csv.js';
import type { Marking } from '../access/markings.js';
import { conditionsToAcknowledge, mayAccess, mayAct, type Viewer } from '../access/policy.js';
import { findEntitiesByName, type NameMatch } from '../intelligence/name-search.js';
import { shareRecord } from '../access/shares.js';
import {
  activeUserByEmail,
  agencies,
  agencyName,
  closePlan,
  handlingOfNamed,
  entityVisible,
  insertPlan,
  listPlans,
  loadPlan,
  objectivesOf,
  ocgVisible,
  tactics,
  userEmail,
  userName,
  visibleOcgs,
  type Choice,
  type Plan,
  type PlanListRow,
} from './queries.js';
import {
  actionsOf,
  actionsOwnedBy,
  insertAction,
  insertImpact,
  loadAction,
  peerReview,
  updateAction,
  type ActionRow,
} from './action-queries.js';
import {
  insertReferral,
  loadReferral,
  referralsOf,
  updateReferral,
  type ReferralRow,
} from './referral-queries.js';
import { planPicture } from './plan-picture.js';
import {
  RATIONALE_MIN,
  type ActionUpdate,
  type NewAction,
  type NewPlan,
  type NewReferral,
  type ReferralUpdate,
} from './schemas.js';
import { STRAND_NAMES, suggestTactics, type PictureVictim, type Suggestion } from './suggestions.js';
import { commandKernel, done, notFound, refused, type Asker, type Outcome } from '../../web/commands.js';

/** A partner agency with an action shares the plan but does not close it: its owner does. */
const mayClosePlan = (viewer: Viewer, plan: Plan): boolean =>
  mayAccess(viewer, 'update', 'plan', plan.marking) && viewer.agencyId === plan.marking.owningAgencyId;

export interface PlanSummary {
  plan: Plan;
  subject: { kind: 'ocg' | 'entity'; id: string; name: string } | null;
  ownerName: string;
  owningAgency: string;
}

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

export interface ActionForm {
  summary: PlanSummary;
  tactics: { id: string; name: string; strand: Strand; agency_kind: string }[];
  agencies: Choice[];
  targets: { id: string; caption: string }[];
  /** The plan's objectives, one of which the action may serve. */
  objectives: { id: string; strand: Strand; objective: string }[];
}

export interface ExportFile {
  filename: string;
  csv: string;
}

export function createPlans(database: Database) {
  const { audited } = commandKernel(database);

  async function readablePlan(tx: Tx, viewer: Viewer, planId: string): Promise<Plan | undefined> {
    const plan = await loadPlan(tx, planId);
    return plan && mayAccess(viewer, 'read', 'plan', plan.marking) ? plan : undefined;
  }

  async function summaryOf(tx: Tx, viewer: Viewer, plan: Plan): Promise<PlanSummary> {
    const ocg = plan.ocgId ? await ocgVisible(tx, viewer, plan.ocgId) : undefined;
    const entity =
      !ocg && plan.subjectEntityId ? await entityVisible(tx, viewer, plan.subjectEntityId) : undefined;
    return {
      plan,
      subject: ocg
        ? { kind: 'ocg', id: ocg.id, name: ocg.name }
        : entity
          ? { kind: 'entity', id: entity.id, name: entity.caption }
          : null,
      ownerName: (await userName(tx, plan.ownerUserId)) ?? '',
      owningAgency: await agencyName(tx, plan.marking.owningAgencyId),
    };
  }

  return {
    /** The plans the viewer may see: one consultation naming every plan listed. */
    list(asker: Asker): Promise<Outcome<PlanListRow[]>> {
      return audited(asker, async (tx, viewer) => {
        const plans = await listPlans(tx, viewer);
        return {
          outcome: done(plans),
          entry: { action: 'consultation', recordType: 'plan', recordIds: plans.map((p) => p.id) },
        };
      });
    },

    /** What a new plan may be about: OCGs the viewer may see, and places or people found by name. */
    choices(
      asker: Asker,
      search: string | undefined,
    ): Promise<
      Outcome<{ ocgs: (Choice & { reference: string })[]; found: NameMatch[]; ownerEmail: string }>
    > {
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
    },

    /**
     * Creates a plan: owned by the plan owner's agency (the marking's owner) and shared with the
     * creator's agency when that is another, so the creator keeps sight of what they made.
     */
    create(asker: Asker, answers: NewPlan): Promise<Outcome<{ id: string; reference: string }>> {
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
    },

    /** The plan page: one consultation naming the plan and everything on it the viewer is shown. */
    page(asker: Asker, planId: string): Promise<Outcome<PlanPage>> {
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
    },

    /** Closes the plan: its owning agency only, with ocg:manage; one alteration entry. */
    closePlan(asker: Asker, planId: string): Promise<Outcome<{ planId: string }>> {
      return audited(asker, async (tx, viewer) => {
        const plan = await readablePlan(tx, viewer, planId);
        if (!plan || !mayClosePlan(viewer, plan)) return { outcome: notFound };
        if (!(await closePlan(tx, plan.id)))
          return { outcome: refused({ close: 'The plan is already closed' }) };
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
    },

    /** The add-action form: the library, every agency, and the targets the picture offers. */
    actionForm(asker: Asker, planId: string): Promise<Outcome<ActionForm>> {
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
    },

    /**
     * Adds an action owned by the agency that will carry it out, shared with the plan's owning
     * agency; the plan is shared with the action's agency so they can see what they are part of.
     */
    addAction(asker: Asker, planId: string, answers: NewAction): Promise<Outcome<{ actionId: string }>> {
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
        if (answers.targetEntityId) {
          const picture = await planPicture(tx, viewer, plan);
          const offered = [...picture.entities.map((e) => e.id), ...picture.victims.map((v) => v.id)];
          if (!offered.includes(answers.targetEntityId))
            return { outcome: refused({ target: 'Select a target from the list' }) };
        }
        if (answers.objectiveId) {
          // An action serves one of this plan's objectives, under its own strand.
          const objective = (await objectivesOf(tx, plan.id)).find((o) => o.id === answers.objectiveId);
          if (!objective) return { outcome: refused({ objective: 'Select an objective from the list' }) };
          if (objective.strand !== answers.strand)
            return {
              outcome: refused({ objective: 'Select an objective under the same 4P strand as the action' }),
            };
        }
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
        if (agency.id !== plan.marking.owningAgencyId) {
          await shareRecord(tx, {
            type: 'plan-action',
            recordId: actionId,
            agencyId: plan.marking.owningAgencyId,
            sharedBy: viewer.userId,
          });
          await shareRecord(tx, {
            type: 'plan',
            recordId: plan.id,
            agencyId: agency.id,
            sharedBy: viewer.userId,
          });
        }
        if (viewer.agencyId !== agency.id && viewer.agencyId !== plan.marking.owningAgencyId)
          await shareRecord(tx, {
            type: 'plan-action',
            recordId: actionId,
            agencyId: viewer.agencyId,
            sharedBy: viewer.userId,
          });
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
    },

    /** One action, with whether the viewer's agency may update it and whether they may peer review. */
    action(
      asker: Asker,
      actionId: string,
    ): Promise<Outcome<{ action: ActionRow; mayUpdate: boolean; mayReview: boolean; planVisible: boolean }>> {
      return audited(asker, async (tx, viewer) => {
        const action = await loadAction(tx, viewer, actionId);
        if (!action || !mayAccess(viewer, 'read', 'plan-action', action.marking))
          return { outcome: notFound };
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
    },

    /**
     * The owning agency records progress. Completing needs a disruption impact in the same form:
     * a rating and a rationale (there are no national definitions of the ratings).
     */
    update(asker: Asker, actionId: string, answers: ActionUpdate): Promise<Outcome<{ planId: string }>> {
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
    },

    /** Peer review of a disruption impact, by someone other than its assessor. */
    review(asker: Asker, actionId: string, note: string | null): Promise<Outcome<{ actionId: string }>> {
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
    },

    /** "Your actions": the viewer's agency's open actions, overdue first. */
    yours(asker: Asker): Promise<Outcome<ActionRow[]>> {
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
    },

    /** The referral form: the victims linked to the plan (victims:read, checked by the route too). */
    referralForm(
      asker: Asker,
      planId: string,
    ): Promise<Outcome<{ summary: PlanSummary; victims: PictureVictim[] }>> {
      return audited(asker, async (tx, viewer) => {
        const plan = await readablePlan(tx, viewer, planId);
        if (!plan || !mayAct(viewer, 'create', 'safeguarding-referral')) return { outcome: notFound };
        const picture = await planPicture(tx, viewer, plan);
        return {
          outcome: done({ summary: await summaryOf(tx, viewer, plan), victims: picture.victims }),
          entry: {
            action: 'consultation',
            recordType: 'plan',
            recordIds: [plan.id, ...picture.victims.map((v) => v.id)],
            detail: { purpose: 'making a safeguarding referral' },
          },
        };
      });
    },

    /** Records a referral for a linked victim: OFFICIAL-SENSITIVE, owned by the referring agency. */
    addReferral(
      asker: Asker,
      planId: string,
      answers: NewReferral,
    ): Promise<Outcome<{ referralId: string }>> {
      return audited(asker, async (tx, viewer) => {
        const plan = await readablePlan(tx, viewer, planId);
        if (!plan || !mayAct(viewer, 'create', 'safeguarding-referral')) return { outcome: notFound };
        const picture = await planPicture(tx, viewer, plan);
        if (!picture.victims.some((v) => v.id === answers.victimEntityId))
          return { outcome: refused({ victim: 'Select the victim' }) };
        const marking: Marking = {
          classification: 'OFFICIAL-SENSITIVE',
          handlingCode: 'P',
          handlingConditions: null,
          owningAgencyId: viewer.agencyId,
          accessListId: null,
        };
        if (!mayAccess(viewer, 'create', 'safeguarding-referral', marking)) return { outcome: notFound };
        const referralId = await insertReferral(
          tx,
          { planId: plan.id, ...answers, createdBy: viewer.userId },
          marking,
        );
        return {
          outcome: done({ referralId }),
          entry: {
            action: 'collection',
            recordType: 'safeguarding-referral',
            recordIds: [referralId],
            detail: { plan: plan.id, victim: answers.victimEntityId, route: answers.route },
          },
        };
      });
    },

    referral(
      asker: Asker,
      referralId: string,
    ): Promise<Outcome<{ referral: ReferralRow; mayUpdate: boolean }>> {
      return audited(asker, async (tx, viewer) => {
        const referral = await readableReferral(tx, viewer, referralId);
        if (!referral) return { outcome: notFound };
        return {
          outcome: done({
            referral,
            mayUpdate: mayUpdateReferral(viewer, referral.marking),
          }),
          entry: {
            action: 'consultation',
            recordType: 'safeguarding-referral',
            recordIds: [referral.id, referral.victim_entity_id],
          },
        };
      });
    },

    updateReferral(
      asker: Asker,
      referralId: string,
      answers: ReferralUpdate,
    ): Promise<Outcome<{ planId: string }>> {
      return audited(asker, async (tx, viewer) => {
        const referral = await readableReferral(tx, viewer, referralId);
        if (!referral || !mayUpdateReferral(viewer, referral.marking)) return { outcome: notFound };
        await updateReferral(tx, referralId, { ...answers, referredBy: viewer.userId });
        return {
          outcome: done({ planId: referral.plan_id }),
          entry: {
            action: 'alteration',
            recordType: 'safeguarding-referral',
            recordIds: [referralId],
            detail: { status: answers.status },
          },
        };
      });
    },

    /** The export page: the plan's heading and any conditions to acknowledge (a consultation of the plan). */
    exportPage(
      asker: Asker,
      planId: string,
    ): Promise<Outcome<{ summary: PlanSummary; conditions: string[] }>> {
      return audited(asker, async (tx, viewer) => {
        const plan = await readablePlan(tx, viewer, planId);
        if (!plan || !mayAccess(viewer, 'export', 'plan', plan.marking)) return { outcome: notFound };
        const { conditions } = await exportContent(tx, viewer, plan);
        return {
          outcome: done({ summary: await summaryOf(tx, viewer, plan), conditions }),
          entry: { action: 'consultation', recordType: 'plan', recordIds: [plan.id] },
        };
      });
    },

    /**
     * The plan as CSV for the partnership meeting: a disclosure naming every record in the file.
     * Handling code C needs its conditions acknowledged first.
     */
    exportCsv(asker: Asker, planId: string, acknowledged: boolean): Promise<Outcome<ExportFile>> {
      return audited(asker, async (tx, viewer) => {
        const plan = await readablePlan(tx, viewer, planId);
        if (!plan || !mayAccess(viewer, 'export', 'plan', plan.marking)) return { outcome: notFound };
        const content = await exportContent(tx, viewer, plan);
        if (conditionsToAcknowledge(content.marked, acknowledged).length)
          return {
            outcome: refused({
              acknowledge: 'Confirm you have read the conditions and will share only on them',
            }),
          };
        const summary = await summaryOf(tx, viewer, plan);
        const rows: (string | number | null)[][] = [
          [
            'Plan',
            plan.reference,
            null,
            plan.title,
            null,
            summary.owningAgency,
            summary.ownerName,
            summary.subject?.name ?? null,
            null,
            plan.status,
            null,
            null,
            null,
            markingText(plan.marking),
          ],
          ...content.objectives.map((o) => [
            'Objective',
            plan.reference,
            STRAND_NAMES[o.strand],
            o.objective,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
          ]),
          ...content.actions.map((a) => [
            'Action',
            plan.reference,
            STRAND_NAMES[a.strand],
            a.description,
            a.tactic_name,
            a.agency_name,
            a.officer_name,
            a.target_caption,
            a.due_on,
            a.status + (a.overdue ? ' (overdue)' : ''),
            a.outcome,
            a.rating,
            a.rationale,
            `${a.classification} ${a.handling_code}`,
          ]),
          ...content.referrals.map((r) => [
            'Safeguarding referral',
            plan.reference,
            'Protect',
            r.reason,
            r.route,
            r.agency_name,
            null,
            r.victim_caption,
            r.due_on,
            r.status,
            r.outcome,
            null,
            null,
            `${r.classification} ${r.handling_code}`,
          ]),
        ];
        const csv = csvDocument(
          [
            'Record',
            'Plan',
            'Strand',
            'Description',
            'Tactic or route',
            'Agency',
            'Officer or owner',
            'Target',
            'Due',
            'Status',
            'Outcome',
            'Impact rating',
            'Rationale',
            'Marking',
          ],
          rows,
        );
        const recordIds = [
          plan.id,
          ...content.actions.map((a) => a.id),
          ...content.actions.flatMap((a) => (a.impact_id ? [a.impact_id] : [])),
          ...content.actions.flatMap((a) =>
            a.target_caption && a.target_entity_id ? [a.target_entity_id] : [],
          ),
          ...(summary.subject ? [summary.subject.id] : []),
          ...content.referrals.flatMap((r) => [r.id, r.victim_entity_id]),
        ];
        return {
          outcome: done({ filename: `${plan.reference}.csv`, csv }),
          entry: {
            action: 'disclosure',
            recordType: 'plan',
            recordIds: [...new Set(recordIds)],
            recipients: 'Partnership meeting',
            detail: { acknowledged, actions: content.actions.length, referrals: content.referrals.length },
          },
        };
      });
    },
  };

  async function readableReferral(tx: Tx, viewer: Viewer, referralId: string) {
    const referral = await loadReferral(tx, referralId);
    if (!referral || !mayAccess(viewer, 'read', 'safeguarding-referral', referral.marking)) return undefined;
    // A referral names its victim: seen only by those who may see the victim.
    return (await entityVisible(tx, viewer, referral.victim_entity_id)) ? referral : undefined;
  }

  /** What an export of the plan holds for this viewer: exported actions and (victims:read) referrals. */
  async function exportContent(tx: Tx, viewer: Viewer, plan: Plan) {
    const actions = mayAct(viewer, 'export', 'plan-action') ? await actionsOf(tx, viewer, plan.id) : [];
    const referrals = mayAct(viewer, 'export', 'safeguarding-referral')
      ? await referralsOf(tx, viewer, plan.id)
      : [];
    // The file names the plan's subject, the actions' targets and the referrals' victims too: their
    // handling codes count as much as the plan's own.
    const subject = (await summaryOf(tx, viewer, plan)).subject;
    const named = await handlingOfNamed(tx, {
      entityIds: [
        ...actions.flatMap((a) => (a.target_caption && a.target_entity_id ? [a.target_entity_id] : [])),
        ...referrals.map((r) => r.victim_entity_id),
        ...(subject?.kind === 'entity' ? [subject.id] : []),
      ],
      ocgIds: subject?.kind === 'ocg' ? [subject.id] : [],
    });
    const marked = [
      { handlingCode: plan.marking.handlingCode, handlingConditions: plan.marking.handlingConditions },
      ...[...actions, ...referrals].map((r) => ({
        handlingCode: r.handling_code as 'P' | 'C',
        handlingConditions: r.handling_conditions,
      })),
      ...named,
    ];
    return {
      objectives: await objectivesOf(tx, plan.id),
      actions,
      referrals,
      marked,
      conditions: conditionsToAcknowledge(marked, false),
    };
  }
}

/** Only the agency that owns an action changes it; the plan's owner reads it. */
export function mayUpdateAction(viewer: Viewer, marking: Marking): boolean {
  return marking.owningAgencyId === viewer.agencyId && mayAccess(viewer, 'update', 'plan-action', marking);
}

/** Only the referring agency changes its referral; partners it is shared with read it. */
export function mayUpdateReferral(viewer: Viewer, marking: Marking): boolean {
  return (
    marking.owningAgencyId === viewer.agencyId &&
    mayAccess(viewer, 'update', 'safeguarding-referral', marking)
  );
}

function markingText(marking: Marking): string {
  return `${marking.classification} ${marking.handlingCode}${marking.handlingConditions ? `: ${marking.handlingConditions}` : ''}`;
}

export type PlanCommands = ReturnType<typeof createPlans>;
