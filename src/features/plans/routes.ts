/**
 * 4P plans in the partner workspace (nav "Plans"): the list, a new plan, the plan page with its
 * objectives, actions and suggested tactics, adding and updating actions (with the disruption
 * impact), peer review, "Your actions", safeguarding referrals (victims:read) and the CSV export.
 * Routes are thin: the commands (service.ts) check access and write the one audit entry.
 * Order matters: fixed paths (/new, /actions, /referrals) come before the plan's own (/:planId).
 */
import type { RouteSpec } from '../../web/routes.js';
import type { FormFlash } from '../access/form-flash.js';
import type { PlanCommands } from './service.js';
import { actionUpdateRoutes, yourActionRoutes } from './action-routes.js';
import { planExportRoutes } from './export-routes.js';
import { planActionRoutes, planListRoutes, planPageRoutes } from './plan-routes.js';
import { newReferralRoutes, referralRoutes } from './referral-routes.js';

export function planRoutes({ plans, flash }: { plans: PlanCommands; flash: FormFlash }): RouteSpec[] {
  const deps = { plans, flash };
  return [
    ...planListRoutes(deps),
    ...yourActionRoutes(deps),
    ...actionUpdateRoutes(deps),
    ...referralRoutes(deps),
    ...planPageRoutes(deps),
    ...planActionRoutes(deps),
    ...newReferralRoutes(deps),
    ...planExportRoutes(deps),
  ];
}
