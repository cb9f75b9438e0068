/** The OCG register's pages, built from the services they need (for main.ts). */
import type { Database } from '../../db/database.js';
import { formFlash } from '../access/form-flash.js';
import type { Sessions } from '../access/sessions.js';
import type { RouteSpec } from '../../web/routes.js';
import { ocgRoutes } from './routes.js';
import { createOcgCommands } from './service.js';

export function groupsRoutes(dependencies: { database: Database; sessions: Sessions }): RouteSpec[] {
  return ocgRoutes({
    commands: createOcgCommands(dependencies.database),
    flash: formFlash(dependencies.sessions),
    database: dependencies.database,
  });
}
