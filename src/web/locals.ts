/** What every request carries in res.locals, typed once for the whole app. */
import type { Logger } from 'pino';
import type { Principal } from '../features/access/principal.js';

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
      /** What CSRF tokens are bound to: the partner session, once there is one. */
      csrfBinding?: string;
      csrfToken: string;
      csrfFor: (action: string) => string;
    }
  }
}
export {};
