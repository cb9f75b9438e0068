/** What every plan page shares: where the pages live, who may open them, and a refused form's way back. */
import type { Request, Response } from 'express';
import type { FormErrors } from '../../web/validation.js';
import type { FormFlash } from '../access/form-flash.js';
import { formFinisher } from '../../web/commands.js';
import { formValues, uuidParam } from '../../web/partner-pages.js';
import { STRAND_NAMES, STRANDS } from './suggestions.js';
import type { ActionRow } from './action-queries.js';
import type { PlanCommands } from './service.js';

export const READ = { permission: 'intelligence:read' } as const;
export const MANAGE = { permission: 'ocg:manage' } as const;
export const VICTIMS = { permission: 'victims:read' } as const;
export const EXPORT = { permission: 'intelligence:export' } as const;
export const VIEWS = 'plans/views';

export const plansPath = '/partner/plans';
export const planPath = (id: string) => `${plansPath}/${id}`;
export const actionPath = (id: string) => `${plansPath}/actions/${id}`;
export const referralPath = (id: string) => `${plansPath}/referrals/${id}`;

export const options = (table: Record<string, string>) =>
  Object.entries(table).map(([value, text]) => ({ value, text }));
export const strandOptions = STRANDS.map((value) => ({ value, text: STRAND_NAMES[value] }));

/** Actions grouped under the 4Ps, in strand order, for the tables on the plan page. */
export function byStrand(actions: ActionRow[]) {
  return STRANDS.map((strand) => ({
    strand,
    name: STRAND_NAMES[strand],
    actions: actions.filter((a) => a.strand === strand),
  }));
}

export interface PlanRouteDependencies {
  plans: PlanCommands;
  flash: FormFlash;
}

/** The form helpers every plan route factory shares. */
export function formHelpers(flash: FormFlash) {
  /** Back to a form with its errors and answers (the path is rebuilt from the checked id). */
  const backTo =
    (page: (req: Request) => string) =>
    (req: Request, res: Response, errors: FormErrors): Promise<void> =>
      flash.redirectWithErrors(res, page(req), errors, formValues(req));
  const param = (req: Request, name: string) => uuidParam(req.params, name) ?? 'unknown';

  const finish = formFinisher(flash);
  return { backTo, param, finish };
}
