/**
 * The plan export: the export page and the plan as CSV for the partnership meeting. The file is a
 * disclosure naming every record in it; handling code C on the plan or anything it names needs its
 * conditions acknowledged first. The rows themselves are in presenters.ts.
 */
import type { Tx } from '../../db/database.js';
import { conditionsToAcknowledge, mayAccess, mayAct, type Viewer } from '../access/policy.js';
import { done, notFound, refused, type Asker, type Outcome } from '../../web/commands.js';
import { actionsOf } from './action-queries.js';
import { readablePlan, summaryOf, type Audited, type PlanSummary } from './plan-summary.js';
import { planCsv } from './presenters.js';
import { handlingOfNamed, objectivesOf, type Plan } from './queries.js';
import { referralsOf } from './referral-queries.js';

export interface ExportFile {
  filename: string;
  csv: string;
}

/** What an export of the plan holds for this viewer: exported actions and (victims:read) referrals. */
export async function exportContent(tx: Tx, viewer: Viewer, plan: Plan) {
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

/** The export page: the plan's heading and any conditions to acknowledge (a consultation of the plan). */
export function exportPage(
  audited: Audited,
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
}

/**
 * The plan as CSV for the partnership meeting: a disclosure naming every record in the file.
 * Handling code C needs its conditions acknowledged first.
 */
export function exportCsv(
  audited: Audited,
  asker: Asker,
  planId: string,
  acknowledged: boolean,
): Promise<Outcome<ExportFile>> {
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
    const csv = planCsv(plan, summary, content);
    const recordIds = [
      plan.id,
      ...content.actions.map((a) => a.id),
      ...content.actions.flatMap((a) => (a.impact_id ? [a.impact_id] : [])),
      ...content.actions.flatMap((a) => (a.target_caption && a.target_entity_id ? [a.target_entity_id] : [])),
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
}
