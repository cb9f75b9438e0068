/** The network pages and API, built from the services they need (for main.ts). */
import type { Database } from '../../db/database.js';
import type { RecordNames } from '../audit/record-names.js';
import type { RouteSpec } from '../../web/routes.js';
import { createJobRunner } from './jobs.js';
import { networkRoutes } from './routes.js';
import { createNetworkService } from './service.js';

export function networkFeatureRoutes(dependencies: { database: Database }): RouteSpec[] {
  // One runner per app: two computations at a time on the machine's two cores at most.
  const runner = createJobRunner({ maxRunning: 2, maxQueued: 8, keepMs: 10 * 60_000 });
  return networkRoutes(createNetworkService(dependencies.database, runner));
}

/** The audit pages label network views; the ids in them are named as entities and links. */
export function registerNetworkNames(names: RecordNames): void {
  names.register('network', { label: 'Network view', displayName: () => Promise.resolve(null) });
}
