/**
 * What every plan command starts from: the plan, if the viewer may read it, and its heading (what
 * it is about, if the viewer may see that too, its owner and owning agency).
 */
import type { Tx } from '../../db/database.js';
import { mayAccess, type Viewer } from '../access/policy.js';
import type { CommandKernel } from '../../web/commands.js';
import { agencyName, entityVisible, loadPlan, ocgVisible, userName, type Plan } from './queries.js';

/** The kernel's one transaction with the viewer and its audit entry, as each command takes it. */
export type Audited = CommandKernel['audited'];

export interface PlanSummary {
  plan: Plan;
  subject: { kind: 'ocg' | 'entity'; id: string; name: string } | null;
  ownerName: string;
  owningAgency: string;
}

export async function readablePlan(tx: Tx, viewer: Viewer, planId: string): Promise<Plan | undefined> {
  const plan = await loadPlan(tx, planId);
  return plan && mayAccess(viewer, 'read', 'plan', plan.marking) ? plan : undefined;
}

export async function summaryOf(tx: Tx, viewer: Viewer, plan: Plan): Promise<PlanSummary> {
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
