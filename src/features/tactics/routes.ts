/**
 * The tactics and powers library under /partner/tactics: every partner reads it (workspace:view);
 * the coordinator (reference-data:manage) adds, edits, retires and restores tactics. Forms are
 * post/redirect/get with errors and answers kept in the session. Reading writes no s62 entry
 * (tactics are not personal data); the service records each change in the audit log.
 */
import type { RouteSpec } from '../../web/routes.js';
import { tacticsLibraryRoutes } from './library-routes.js';
import { tacticsAddRoutes, tacticsChangeRoutes } from './manage-routes.js';
import type { TacticsRouteDependencies } from './pages.js';

export { TACTICS, type TacticsRouteDependencies } from './pages.js';

export function tacticsRoutes(dependencies: TacticsRouteDependencies): RouteSpec[] {
  return [
    // `/new` before `/:id`, which would otherwise take it for an id.
    ...tacticsAddRoutes(dependencies),
    ...tacticsLibraryRoutes(dependencies),
    ...tacticsChangeRoutes(dependencies),
  ];
}
