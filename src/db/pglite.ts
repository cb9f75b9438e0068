import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { lockDataDir } from './data-dir-lock.js';
import { TYPE_PARSERS, type Database } from './database.js';
import type { Tables } from './tables.js';

const extensions = { fuzzystrmatch, pg_trgm, pgcrypto, unaccent };

export interface PgliteOptions {
  /** A data directory on disk; omitted, the database lives in memory (tests). */
  dataDir?: string;
  /** A dumped data directory to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob;
}

export async function openPglite(options: PgliteOptions = {}): Promise<Database & { pglite: PGlite }> {
  let unlock: () => void = () => undefined;
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions,
    parsers: TYPE_PARSERS,
  }).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const db = new Kysely<Tables>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    db,
    pglite,
    transaction: (work) => db.transaction().execute(work),
    scriptSession: (work) =>
      pglite.transaction((tx) =>
        work({
          exec: async (script) => {
            await tx.exec(script);
          },
          query: async <Row>(statement: string, params: unknown[] = []) =>
            (await tx.query<Row>(statement, params)).rows,
        }),
      ),
    async close() {
      await db.destroy();
      unlock();
    },
  };
}
