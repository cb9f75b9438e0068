/** The administration feature's routes, built from the services it needs (for main.ts). */
import type { RouteSpec } from '../../../web/routes.js';
import { formFlash } from '../form-flash.js';
import { passwordRoutes } from './password-routes.js';
import { approvalRoutes } from './approval-routes.js';
import { adminRoutes } from './routes.js';
import { createAdministration, type AdministrationDependencies } from './service.js';

export function administrationRoutes(dependencies: AdministrationDependencies): RouteSpec[] {
  const administration = createAdministration(dependencies);
  const flash = formFlash(dependencies.sessions);
  return [
    ...adminRoutes({ administration, flash }),
    ...approvalRoutes({ administration, flash }),
    ...passwordRoutes({ administration, flash }),
  ];
}
