/** What every request carries in res.locals, typed once for the whole app. */
import type { Logger } from 'pino';
import type { Principal } from '../features/access/principal.js';
import type { NavigationItem } from '../features/access/navigation.js';
import type { LoadedSession } from '../features/access/sessions.js';
import type { AuditContext, S62Action } from '../features/audit/audit-log.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express declares Locals in this namespace
  namespace Express {
    interface Locals {
      requestId: string;
      log: Logger;
      cspNonce: string;
      principal: Principal;
      /** The partner workspace's navigation for the signed-in person. */
      partnerNavigation?: NavigationItem[];
      /** The session's purpose of work, in words, for the signed-in bar. */
      purposeText?: string;
      /** The partner session, signed in or part-way through signing in. */
      session?: LoadedSession;
      /** The audit event of the route that answered. */
      auditEvent?: string;
      /** The s62 operation the route performs, if it touches personal data. */
      s62Action?: S62Action;
      /**
       * How many s62 operations the request performed, when not one: an import writes each batch
       * in its own transaction, with its own entry (zero when no row could be imported).
       */
      s62Operations?: number;
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
