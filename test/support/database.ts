/**
 * A fresh, migrated database for each test file: PGlite by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL. The same tests run on both.
 *
 * Each is cloned from a template made once per suite (per migrations and seed data): a dumped
 * PGlite data directory in .test-cache/, or a template database on the PostgreSQL server
 * (`create database … template`). `seeded: true` clones a template that also holds what Lantern
 * seeds when it starts (public content, the scoring model, the tactics library), so test apps
 * start without seeding; the start-up seeding still runs and finds nothing left to do.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { openPglite } from '../../src/db/pglite.js';
import { openPostgres } from '../../src/db/postgres.js';
import { seedScoringModels } from '../../src/features/groups/seed.js';
import { seedPublicContent } from '../../src/features/public-site/content/seed.js';
import { seedTactics } from '../../src/features/tactics/seed.js';
import { projectPath } from '../../src/paths.js';
import { moduleClosure } from './module-graph.js';

export interface TestDatabase {
  database: Database;
  /** What a Config would say to reach this database (for CLI tests and the like). */
  config: DatabaseConfig;
  /** Closes it and throws it away. */
  dispose(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Start with what Lantern seeds at start-up already there (test apps). */
  seeded?: boolean;
  /** Start empty, with no migration applied (tests of a migration on data made before it). */
  bare?: boolean;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export const testDatabaseKind = TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** The sources of what Lantern seeds at start-up (src/main.ts runs the same three). */
const SEED_MODULES = [
  'src/features/public-site/content/seed.ts',
  'src/features/groups/seed.ts',
  'src/features/tactics/seed.ts',
];

async function seed(database: Database): Promise<void> {
  await seedPublicContent(database);
  await seedScoringModels(database);
  await seedTactics(database);
}

/** Names the template by what went into it: the migrations, and the seed data's sources if seeded. */
async function templateKey(seeded: boolean): Promise<string> {
  const hash = createHash('sha256');
  for (const m of await readMigrations()) hash.update(`${m.name}:${m.checksum}\n`);
  if (seeded) {
    const sources = [...new Set(SEED_MODULES.flatMap((file) => [...moduleClosure(file)]))].sort();
    for (const file of sources) hash.update(`${file}\n`).update(readFileSync(projectPath(file)));
  }
  return `${seeded ? 's' : 'm'}${hash.digest('hex').slice(0, 15)}`;
}

async function pgliteTemplate(seeded: boolean): Promise<Blob> {
  const file = projectPath('.test-cache', `pglite-template-${await templateKey(seeded)}.tar.gz`);
  if (!existsSync(file)) {
    const fresh = seeded
      ? await openPglite({ loadDataDir: await pgliteTemplate(false) })
      : await openPglite();
    await migrate(fresh);
    if (seeded) await seed(fresh);
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

function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

// Any fixed number: serialises making the template across the suite's parallel test files.
const TEMPLATE_LOCK = 7215101;

/** The template database on the server, made by the first test file that needs it. */
async function postgresTemplate(admin: pg.Client, seeded: boolean): Promise<string> {
  const name = `lantern_template_${await templateKey(seeded)}`; // hex and letters only
  await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return name;
    const building = `${name}_building`;
    await admin.query(`drop database if exists ${building}`);
    await admin.query(`create database ${building}`);
    const database = await openPostgres({ url: databaseUrl(building), maxConnections: 2 });
    try {
      await migrate(database);
      if (seeded) await seed(database);
    } finally {
      await database.close();
    }
    // A closed connection's server process may still be ending; renaming needs it gone.
    await admin.query('select pg_terminate_backend(pid, 10000) from pg_stat_activity where datname = $1', [
      building,
    ]);
    // Renamed only once complete, so no test ever clones half a template.
    await admin.query(`alter database ${building} rename to ${name}`);
    return name;
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (process.env.LANTERN_TEST_NO_DATABASE) {
    // scripts/run-tests.ts runs unit tests once, not again on PostgreSQL: one that needs a
    // database must say so by importing this module, so that it is found to be a database test.
    throw new Error(
      'This test file was run as a unit test but opens a database: scripts/test-files.ts should find it needs one',
    );
  }
  const seeded = options.seeded ?? false;
  if (!TEST_DATABASE_URL) {
    const database = options.bare
      ? await openPglite()
      : await openPglite({ loadDataDir: await pgliteTemplate(seeded) });
    if (!options.bare) await migrate(database); // a no-op unless the template is stale
    return { database, config: { kind: 'pglite', dataDir: '(memory)' }, dispose: () => database.close() };
  }
  const name = `lantern_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    if (options.bare) await admin.query(`create database ${name}`);
    else {
      const template = await postgresTemplate(admin, seeded);
      await admin.query(`create database ${name} template ${template}`); // names are ours: hex only
    }
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  const database = await openPostgres({ url, maxConnections: 4 });
  if (!options.bare) await migrate(database);
  return {
    database,
    config: { kind: 'postgres', url },
    async dispose() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
