/**
 * A fresh, migrated database for each test file: PGlite by default (cloned from a migrated
 * template, so initdb runs once per suite, not per file), or a new database on the PostgreSQL
 * server named by TEST_DATABASE_URL. The same tests run on both.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { openPglite } from '../../src/db/pglite.js';
import { openPostgres } from '../../src/db/postgres.js';
import { projectPath } from '../../src/paths.js';

export interface TestDatabase {
  database: Database;
  /** What a Config would say to reach this database (for CLI tests and the like). */
  config: DatabaseConfig;
  /** Closes it and throws it away. */
  dispose(): Promise<void>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export const testDatabaseKind = TEST_DATABASE_URL ? 'postgres' : 'pglite';

async function pgliteTemplate(): Promise<Blob> {
  const migrations = await readMigrations();
  const key = createHash('sha256')
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const file = projectPath('.test-cache', `pglite-template-${key}.tar.gz`);
  if (!existsSync(file)) {
    const fresh = await openPglite();
    await migrate(fresh);
    const dump = await fresh.pglite.dumpDataDir('gzip');
    await fresh.close();
    await mkdir(projectPath('.test-cache'), { recursive: true });
    // Written aside then renamed, so parallel test files never read half a template.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  }
  return new Blob([await readFile(file)]);
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) {
    const database = await openPglite({ loadDataDir: await pgliteTemplate() });
    await migrate(database); // a no-op unless the template is stale
    return { database, config: { kind: 'pglite', dataDir: '(memory)' }, dispose: () => database.close() };
  }
  const name = `lantern_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`); // name is ours: hex only
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres({ url: url.toString(), maxConnections: 4 });
  await migrate(database);
  return {
    database,
    config: { kind: 'postgres', url: url.toString() },
    async dispose() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
