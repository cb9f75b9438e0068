/**
 * Versioned SQL migrations: `migrations/NNNN_name.sql`, applied in order, each in its own
 * transaction with its record in `schema_migration`. A changed file that was already applied
 * stops start-up: migrations are reviewed once and never edited.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectPath } from '../paths.js';
import type { Database } from './database.js';

const MIGRATION_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;
export const MIGRATIONS_DIR = projectPath('migrations');

export interface Migration {
  name: string;
  checksum: string;
  sql: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const name of files) {
    if (!MIGRATION_NAME.test(name)) {
      throw new Error(`Migration file ${name} must be named like 0001_what_it_does.sql`);
    }
    const sqlText = await readFile(path.join(dir, name), 'utf8');
    migrations.push({ name, sql: sqlText, checksum: createHash('sha256').update(sqlText).digest('hex') });
  }
  const numbers = migrations.map((m) => m.name.slice(0, 4));
  const duplicate = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (duplicate) throw new Error(`Two migrations share the number ${duplicate}`);
  return migrations;
}

/** Applies every pending migration. Returns the names applied now. Safe to run from several servers. */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  await database.scriptSession(async (s) => {
    await s.exec(`create table if not exists schema_migration (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await database.scriptSession(async (s) => {
      // One server migrates at a time; the others wait, then find the work done.
      await s.query('select pg_advisory_xact_lock(7215001)');
      const [existing] = await s.query<{ checksum: string }>(
        'select checksum from schema_migration where name = $1',
        [migration.name],
      );
      if (existing) {
        if (existing.checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.name} has changed since it was applied. Add a new migration instead of editing an applied one.`,
          );
        }
        return false;
      }
      await s.exec(migration.sql);
      await s.query('insert into schema_migration (name, checksum) values ($1, $2)', [
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}
