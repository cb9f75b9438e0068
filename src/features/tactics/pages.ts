/** What every tactics page shares: where they live, who may do what, and a refused form's way back. */
import type { Request, Response } from 'express';
import { askerOf, formValues as givenValues, givenParam, uuidParam } from '../../web/partner-pages.js';
import type { FormErrors } from '../../web/validation.js';
import type { FormFlash } from '../access/form-flash.js';
import { principalMayAct } from '../access/principal.js';
import type { Tactics } from './service.js';

export const READ = { permission: 'workspace:view' } as const;
export const MANAGE = { permission: 'reference-data:manage' } as const;
export const TACTICS = '/partner/tactics';
export const VIEWS = 'tactics/views';

export const tacticsRequest = (res: Response) => askerOf(res, 'tactics.unknown');
export const idParam = (params: Record<string, string>) => uuidParam(params, 'id');

/** Whether to offer the coordinator's changes: the policy's rule for updating tactics. */
export const mayManage = (res: Response) => principalMayAct(res.locals.principal, 'update', 'tactic');

export function givenPath(req: Request, suffix = ''): string {
  return `${TACTICS}/${givenParam(req, 'id')}${suffix}`;
}

/** A refused form's answers; one tick of "suggested for" comes as text, and is shown as a list. */
export function formValues(req: Request): Record<string, unknown> {
  const fields = givenValues(req);
  if (typeof fields.suggestedFor === 'string') fields.suggestedFor = [fields.suggestedFor];
  return fields;
}

export interface TacticsRouteDependencies {
  tactics: Tactics;
  flash: FormFlash;
  /** Today's date (UTC, 'YYYY-MM-DD'): tests fix it to check the review flag. */
  today?: () => string;
}

/** Back to the form with its errors and answers. */
export const backTo =
  (flash: FormFlash, path: (req: Request) => string) => (req: Request, res: Response, errors: FormErrors) =>
    flash.redirectWithErrors(res, path(req), errors, formValues(req));
