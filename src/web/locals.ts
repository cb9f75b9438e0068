/** What every request carries in res.locals, typed once for the whole app. */
import type { Logger } from 'pino';
import type { Principal } from '../features/access/principal.js';
import type { AuditContext, S62Action } from '../features/audit/audit-log.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express declares Locals in this namespace
  namespace Express {
    interface Locals {
      requestId: string;
      log: Logger;
      cspNonce: string;
      principal: Principal;
      /** The audit event of the route that answered. */
      auditEvent?: string;
      /** The s62 operation the route performs, if it touches personal data. */
      s62Action?: S62Action;
      /** Who, which request and why, for the audit entries this request writes. */
      audit: AuditContext;
      /** What CSRF tokens are bound to: the partner session, once there is one. */
      csrfBinding?: string;
      csrfToken: string;
      csrfFor: (action: string) => string;
    }
  }
}
export {};
