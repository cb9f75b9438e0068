/** The entities and links pages, built from the services they need (for main.ts). */
import type { Database } from '../../../db/database.js';
import { formFlash } from '../../access/form-flash.js';
import type { Sessions } from '../../access/sessions.js';
import type { RouteSpec } from '../../../web/routes.js';
import { entityRoutes } from './routes.js';
import { createEntityCommands } from './service.js';

export function entitiesRoutes(dependencies: { database: Database; sessions: Sessions }): RouteSpec[] {
  return entityRoutes({
    commands: createEntityCommands(dependencies.database),
    flash: formFlash(dependencies.sessions),
    sessions: dependencies.sessions,
  });
}
