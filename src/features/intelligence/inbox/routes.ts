/**
 * The intelligence inbox, item pages, the sanitisation workbench, sharing and the partner
 * submission form, under /partner/intelligence. Every page declares its permission and audit
 * event; forms are post/redirect/get with errors and answers kept in the session.
 * Hidden and missing items give the same 404. The service writes each request's one audit entry.
 */
import type { RouteSpec } from '../../../web/routes.js';
import { itemFileRoutes, itemPageRoutes } from './item-routes.js';
import { inboxListRoutes } from './list-routes.js';
import type { InboxRouteDeps } from './pages.js';
import { shareRoutes } from './share-routes.js';
import { submissionRoutes } from './submission-routes.js';
import { askRoutes, categoriseRoutes, closeRoutes, gradeRoutes } from './triage-routes.js';
import { workbenchRoutes } from './workbench-routes.js';

export { INBOX } from './pages.js';

/** Every inbox route, in matching order (`/new` before the item pages). */
export function inboxRoutes(deps: InboxRouteDeps): RouteSpec[] {
  return [
    ...inboxListRoutes(deps),
    ...submissionRoutes(deps),
    ...itemPageRoutes(deps),
    ...itemFileRoutes(deps),
    ...gradeRoutes(deps),
    ...categoriseRoutes(deps),
    ...askRoutes(deps),
    ...closeRoutes(deps),
    ...workbenchRoutes(deps),
    ...shareRoutes(deps),
  ];
}
