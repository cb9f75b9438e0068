/** The 4P plan pages, built from the services they need (for main.ts). */
import type { Database } from '../../db/database.js';
import type { RouteSpec } from '../../web/routes.js';
import { formFlash } from '../access/form-flash.js';
import type { Sessions } from '../access/sessions.js';
import { planRoutes } from './routes.js';
import { createPlans } from './service.js';

export function plansRoutes({ database, sessions }: { database: Database; sessions: Sessions }): RouteSpec[] {
  return planRoutes({ plans: createPlans(database), flash: formFlash(sessions) });
}
