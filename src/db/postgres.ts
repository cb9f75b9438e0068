import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { TYPE_PARSERS, type Database } from './database.js';
import type { Tables } from './tables.js';

export interface PostgresOptions {
  url: string;
  /** Connections per app server. */
  maxConnections?: number;
}

export async function openPostgres(options: PostgresOptions): Promise<Database & { pool: pg.Pool }> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    // No JIT: the policy's exists() conditions make the planner cost every filtered query highly,
    // so PostgreSQL compiled them (50 ms and more) to save nothing on queries that take 10-20 ms.
    options: '-c jit=off',
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        TYPE_PARSERS[oid] ??
        (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format),
    },
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  // Fail fast with the server's own message if the URL is wrong.
  const probe = await pool.connect();
  probe.release();

  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    pool,
    transaction: (work) => db.transaction().execute(work),
    async scriptSession(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({
          exec: async (script) => {
            await client.query(script); // no parameters: simple protocol, several statements
          },
          query: async <Row>(statement: string, params: unknown[] = []) =>
            (await client.query(statement, params)).rows as Row[],
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}
