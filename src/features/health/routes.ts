import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { route, type RouteSpec } from '../../web/routes.js';

export const healthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

/** For load balancers and monitoring: says whether the database answers. Public, no personal data. */
export function healthRoutes(database: Database, version: string): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/health',
      access: 'public',
      audit: 'system.health',
      summary: 'Whether Lantern and its database are up',
      response: healthResponse,
      handle: async ({ res }) => {
        const up = await sql`select 1`.execute(database.db).then(
          () => true,
          () => false,
        );
        res.setHeader('Cache-Control', 'no-store');
        res
          .status(up ? 200 : 503)
          .json({ status: up ? 'ok' : 'unavailable', database: database.kind, version });
      },
    }),
  ];
}
