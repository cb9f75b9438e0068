/**
 * Administration pages: agencies, users (roles, clearance, disabling, multi-factor, lockout) and
 * sharing rules. Every page needs `accounts:manage`, and every form is post/redirect/get with its
 * errors kept in the session. Looking at users is an s62 consultation, creating one a
 * collection, changing one an alteration; each writes one audit entry (service.ts). The routes
 * are collected here, in the order the pages are listed, from one file per use case.
 */
import type { RouteSpec } from '../../../web/routes.js';
import { agencyRoutes } from './agency-routes.js';
import type { AdminRouteDependencies } from './pages.js';
import { sharingRemovalRoutes, sharingRoutes } from './sharing-routes.js';
import { accountRoutes, userAccessRoutes, userListRoutes } from './user-routes.js';

export type { AdminRouteDependencies } from './pages.js';

export function adminRoutes(dependencies: AdminRouteDependencies): RouteSpec[] {
  return [
    ...agencyRoutes(dependencies),
    ...userListRoutes(dependencies),
    ...userAccessRoutes(dependencies),
    ...accountRoutes(dependencies),
    ...sharingRoutes(dependencies),
    ...sharingRemovalRoutes(dependencies),
  ];
}
