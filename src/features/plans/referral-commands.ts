/**
 * The safeguarding referral commands: the referral form, recording a referral, one referral and
 * its update. Referrals and victims need victims:read; without it nothing about them is shown.
 * Each loads the Viewer once, checks access with the one policy, does its work and writes its one
 * s62 audit entry in the same transaction (the kernel's `audited`).
 */
import type { Tx } from '../../db/database.js';
import type { Marking } from '../access/markings.js';
import { mayAccess, mayAct, type Viewer } from '../access/policy.js';
import { done, notFound, refused, type Asker, type Outcome } from '../../web/commands.js';
import { planPicture } from './plan-picture.js';
import { readablePlan, summaryOf, type Audited, type PlanSummary } from './plan-summary.js';
import { entityVisible } from './queries.js';
import { insertReferral, loadReferral, updateReferral, type ReferralRow } from './referral-queries.js';
import { mayUpdateReferral } from './rules.js';
import type { NewReferral, ReferralUpdate } from './schemas.js';
import type { PictureVictim } from './suggestions.js';

async function readableReferral(tx: Tx, viewer: Viewer, referralId: string) {
  const referral = await loadReferral(tx, referralId);
  if (!referral || !mayAccess(viewer, 'read', 'safeguarding-referral', referral.marking)) return undefined;
  // A referral names its victim: seen only by those who may see the victim.
  return (await entityVisible(tx, viewer, referral.victim_entity_id)) ? referral : undefined;
}

/** The referral form: the victims linked to the plan (victims:read, checked by the route too). */
export function form(
  audited: Audited,
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
}

/** Records a referral for a linked victim: OFFICIAL-SENSITIVE, owned by the referring agency. */
export function add(
  audited: Audited,
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
}

export function show(
  audited: Audited,
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
}

export function update(
  audited: Audited,
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
}
