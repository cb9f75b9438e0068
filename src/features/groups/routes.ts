/**
 * The OCG register's pages under /partner/ocgs: the prioritised list, opening an OCG, its page,
 * adding members and supporting items, assessing it with a harm scoring model, its status; and
 * the scoring models (reference data, for the coordinator). Routes are thin: the commands
 * (service.ts) check access and write the one audit entry in the same transaction as the work.
 */
import type { RouteSpec } from '../../web/routes.js';
import { ocgAssessmentRoutes } from './assessment-routes.js';
import { ocgMemberRoutes, ocgSourceRoutes } from './member-routes.js';
import { scoringModelAddingRoutes, scoringModelRoutes } from './model-routes.js';
import type { OcgRouteDependencies } from './pages.js';
import { ocgListRoutes, ocgOpeningRoutes, ocgPageRoutes, ocgStatusRoutes } from './register-routes.js';

export type { OcgRouteDependencies } from './pages.js';

/** In the original order: matching depends on it (`/new` and the scoring models before `/:id`). */
export function ocgRoutes(dependencies: OcgRouteDependencies): RouteSpec[] {
  return [
    ...ocgListRoutes(dependencies),
    ...ocgOpeningRoutes(dependencies),
    ...scoringModelAddingRoutes(dependencies),
    ...scoringModelRoutes(dependencies),
    ...ocgPageRoutes(dependencies),
    ...ocgMemberRoutes(dependencies),
    ...ocgSourceRoutes(dependencies),
    ...ocgAssessmentRoutes(dependencies),
    ...ocgStatusRoutes(dependencies),
  ];
}
