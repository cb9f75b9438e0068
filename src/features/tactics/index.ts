/** The tactics library's routes, built from the services it needs (for main.ts). */
import type { Database } from '../../db/database.js';
import type { RouteSpec } from '../../web/routes.js';
import { formFlash } from '../access/form-flash.js';
import type { Sessions } from '../access/sessions.js';
import { tacticsRoutes as routes } from './routes.js';
import { createTactics } from './service.js';

export function tacticsRoutes({
  database,
  sessions,
}: {
  database: Database;
  sessions: Sessions;
}): RouteSpec[] {
  return routes({ tactics: createTactics(database), flash: formFlash(sessions) });
}
