/** The inbox feature's routes, built from the services it needs (for main.ts). */
import type { Database } from '../../../db/database.js';
import type { RouteSpec } from '../../../web/routes.js';
import { formFlash } from '../../access/form-flash.js';
import type { Sessions } from '../../access/sessions.js';
import { inboxRoutes as routes } from './routes.js';
import { createInbox } from './service.js';

export function inboxRoutes({ database, sessions }: { database: Database; sessions: Sessions }): RouteSpec[] {
  return routes({ inbox: createInbox(database), flash: formFlash(sessions) });
}
