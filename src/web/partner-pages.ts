/**
 * What every partner page's routes need from a request, in one place: the signed-in partner as
 * the one asking (with the audit context their command writes under), ids from the address, the
 * answers of a refused form, and the one "not found" page that "not allowed" shares.
 */
import type { Request, Response } from 'express';
import type { AuditContext } from '../features/audit/audit-log.js';
import type { Principal } from '../features/access/principal.js';

/** The signed-in partner a feature's commands act for, and the audit context they write under. */
export interface Asker {
  principal: Principal & { kind: 'user' };
  audit: AuditContext;
  event: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid from the address, lower-cased; anything else is undefined (and so the 404). */
export function uuidParam(params: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' && isUuid(value) ? value.toLowerCase() : undefined;
}

/** Whether a text could be a record's id at all (any case). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** An id from the address as given, escaped: to send a refused form back to the page it came from. */
export function givenParam(req: Request, name: string): string {
  const value: unknown = req.params[name];
  return encodeURIComponent(typeof value === 'string' ? value : '');
}

/** Not found and not allowed look the same: the same page, the same status. */
export function pageNotFound(res: Response): void {
  res.locals.s62Action = undefined; // nothing was shown or changed, so nothing to audit
  res.status(404).render('errors/404.njk');
}

/** The partner asking. `fallbackEvent` names the audit event if the route declared none. */
export function askerOf(res: Response, fallbackEvent: string): Asker {
  const principal = res.locals.principal;
  // The route layer has already refused anyone not signed in; this keeps TypeScript honest.
  if (principal.kind !== 'user') throw new Error('Partner pages need a signed-in partner');
  return { principal, audit: res.locals.audit, event: res.locals.auditEvent ?? fallbackEvent };
}

/** A refused form's answers, to show again (never the CSRF token). */
export function formValues(req: Request): Record<string, unknown> {
  const { _csrf: _token, ...fields } = (req.body ?? {}) as Record<string, unknown>;
  return fields;
}
