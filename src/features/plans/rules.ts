/**
 * Who changes what on a plan, beyond reading it: pure decisions over the one access policy.
 *
 * A plan is its owning agency's (the plan owner's) and is shared one record at a time with every
 * agency given an action; an action is the carrying-out agency's and is shared with the plan's
 * owning agency, so each agency sees its own actions and the coordinator all.
 */
import type { Marking } from '../access/markings.js';
import { mayAccess, type Viewer } from '../access/policy.js';
import type { Plan } from './queries.js';

/** A partner agency with an action shares the plan but does not close it: its owner does. */
export const mayClosePlan = (viewer: Viewer, plan: Plan): boolean =>
  mayAccess(viewer, 'update', 'plan', plan.marking) && viewer.agencyId === plan.marking.owningAgencyId;

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
