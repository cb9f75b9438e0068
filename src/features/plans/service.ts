/**
 * The commands behind the 4P plan pages, wired to one database. Each command (in plan-commands.ts,
 * action-commands.ts, referral-commands.ts and plan-export.ts) loads the Viewer once, checks access
 * with the one policy, does its work and writes its one s62 audit entry in the same transaction,
 * so nothing is shown or changed that the log does not record. Routes stay thin: they turn
 * outcomes into pages.
 *
 * Who sees what: a plan is its owning agency's (the plan owner's) and is shared one record at a
 * time with every agency given an action; an action is the carrying-out agency's and is shared
 * with the plan's owning agency, so each agency sees its own actions and the coordinator all.
 * Safeguarding referrals and victims need victims:read; without it nothing about them is shown.
 */
import type { Database } from '../../db/database.js';
import { commandKernel, type Asker } from '../../web/commands.js';
import * as actionCommands from './action-commands.js';
import * as planCommands from './plan-commands.js';
import { exportCsv, exportPage } from './plan-export.js';
import * as referralCommands from './referral-commands.js';
import type { ActionUpdate, NewAction, NewPlan, NewReferral, ReferralUpdate } from './schemas.js';

export function createPlans(database: Database) {
  const { audited } = commandKernel(database);
  return {
    list: (asker: Asker) => planCommands.list(audited, asker),
    choices: (asker: Asker, search: string | undefined) => planCommands.choices(audited, asker, search),
    create: (asker: Asker, answers: NewPlan) => planCommands.create(audited, asker, answers),
    page: (asker: Asker, planId: string) => planCommands.page(audited, asker, planId),
    closePlan: (asker: Asker, planId: string) => planCommands.close(audited, asker, planId),
    actionForm: (asker: Asker, planId: string) => actionCommands.form(audited, asker, planId),
    addAction: (asker: Asker, planId: string, answers: NewAction) =>
      actionCommands.add(audited, asker, planId, answers),
    action: (asker: Asker, actionId: string) => actionCommands.show(audited, asker, actionId),
    update: (asker: Asker, actionId: string, answers: ActionUpdate) =>
      actionCommands.update(audited, asker, actionId, answers),
    review: (asker: Asker, actionId: string, note: string | null) =>
      actionCommands.review(audited, asker, actionId, note),
    yours: (asker: Asker) => actionCommands.yours(audited, asker),
    referralForm: (asker: Asker, planId: string) => referralCommands.form(audited, asker, planId),
    addReferral: (asker: Asker, planId: string, answers: NewReferral) =>
      referralCommands.add(audited, asker, planId, answers),
    referral: (asker: Asker, referralId: string) => referralCommands.show(audited, asker, referralId),
    updateReferral: (asker: Asker, referralId: string, answers: ReferralUpdate) =>
      referralCommands.update(audited, asker, referralId, answers),
    exportPage: (asker: Asker, planId: string) => exportPage(audited, asker, planId),
    exportCsv: (asker: Asker, planId: string, acknowledged: boolean) =>
      exportCsv(audited, asker, planId, acknowledged),
  };
}

export type PlanCommands = ReturnType<typeof createPlans>;
