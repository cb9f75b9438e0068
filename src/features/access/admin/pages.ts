/**
 * What every administration page shares: who is asking (for the audit entry), where the pages
 * live, the role choices, and the way a refused form goes back to its page with its answers.
 */
import type { Request, Response } from 'express';
import { formValues, givenParam } from '../../../web/partner-pages.js';
import type { FormErrors } from '../../../web/validation.js';
import type { FormFlash } from '../form-flash.js';
import { ROLES } from '../roles.js';
import type { AdminRequest, Administration } from './service.js';

export const MANAGE = { permission: 'accounts:manage' } as const;
export const ADMIN = '/partner/admin';

export const roleOptions = Object.entries(ROLES).map(([value, role]) => ({ value, text: role.name }));

/** Who is asking, for the audit entry; account administration unless a purpose is already set. */
export function adminRequest(res: Response): AdminRequest {
  const principal = res.locals.principal;
  // The route layer has already refused anyone not signed in; this keeps TypeScript honest.
  if (principal.kind !== 'user') throw new Error('Administration needs a signed-in user');
  res.locals.audit.purpose ??= 'account-administration';
  return {
    audit: res.locals.audit,
    event: res.locals.auditEvent ?? 'admin.unknown',
    actorUserId: principal.userId,
  };
}

/** The user's page named in the address as given, to send a refused form back to. */
export function userPage(req: Request): string {
  return `${ADMIN}/users/${givenParam(req, 'id')}`;
}

export interface AdminRouteDependencies {
  administration: Administration;
  flash: FormFlash;
}

/** A refused form goes back to its page (fixed, or from the address) with its answers. */
export const backTo =
  (flash: FormFlash, page: string | ((req: Request) => string)) =>
  (req: Request, res: Response, errors: FormErrors) =>
    flash.redirectWithErrors(res, typeof page === 'string' ? page : page(req), errors, formValues(req));
