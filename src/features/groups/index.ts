/** The OCG register's pages, built from the services they need (for main.ts). */
import type { Database } from '../../db/database.js';
import { formFlash } from '../access/form-flash.js';
import type { Sessions } from '../access/sessions.js';
import type { RouteSpec } from '../../web/routes.js';
import { ocgRoutes } from './routes.js';
import { createOcgCommands, type PlansFor } from './service.js';

/** `plansFor`: the 4P plans feature lists an OCG's plans on its page (see service.ts). */
export function groupsRoutes(dependencies: {
  database: Database;
  sessions: Sessions;
  plansFor?: PlansFor;
}): RouteSpec[] {
  return ocgRoutes({
    commands: createOcgCommands(
      dependencies.database,
      dependencies.plansFor ? { plansFor: dependencies.plansFor } : {},
    ),
    flash: formFlash(dependencies.sessions),
    database: dependencies.database,
  });
}
