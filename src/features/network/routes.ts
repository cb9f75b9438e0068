/**
 * Network analysis pages and API (issue 7), collected in the order they are matched from one file
 * per use case: the network and its analysis, disruption, paths, exports and the API. Routes are
 * thin: the service builds the viewer's network, computes or looks up the results and writes the
 * one s62 entry through the command kernel; these turn outcomes into pages.
 */
import type { RouteSpec } from '../../web/routes.js';
import { networkApiRoutes } from './api-routes.js';
import { networkExportRoutes } from './export-routes.js';
import { networkDisruptionRoutes, networkPathRoutes, networkViewRoutes } from './page-routes.js';
import type { NetworkService } from './service.js';

export { NETWORK_PATH } from './pages.js';

export function networkRoutes(service: NetworkService): RouteSpec[] {
  return [
    ...networkViewRoutes(service),
    ...networkDisruptionRoutes(service),
    ...networkPathRoutes(service),
    ...networkExportRoutes(service),
    ...networkApiRoutes(service),
  ];
}
