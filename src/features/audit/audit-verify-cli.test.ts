/**
 * `lantern audit verify` as an operator runs it, on a data directory (PGlite) or, with
 * TEST_DATABASE_URL, on a PostgreSQL database: intact → exit 0; tampered → exit 1 naming the entry.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../../test/support/database.js';
import type { DatabaseConfig } from '../../config.js';
import type { Database } from '../../db/database.js';
import { openDatabase } from '../../db/open.js';
import { projectPath } from '../../paths.js';
import { writeAuditEntry } from './audit-log.js';

const CLI = projectPath('src/cli-run.ts');

function lantern(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe(`lantern audit verify on ${testDatabaseKind}`, () => {
  let env: Record<string, string>;
  let config: DatabaseConfig;
  let serverDatabase: TestDatabase | undefined;
  before(async () => {
    if (process.env.TEST_DATABASE_URL) {
      serverDatabase = await createTestDatabase();
      config = serverDatabase.config;
      env = config.kind === 'postgres' ? { DATABASE_URL: config.url } : {};
    } else {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lantern-audit-cli-'));
      config = { kind: 'pglite', dataDir };
      env = { LANTERN_DATA_DIR: dataDir };
      assert.equal(lantern(['migrate'], env).code, 0);
    }
  });
  after(() => serverDatabase?.dispose());

  /** Opens the database as the CLI will, and closes it again so the CLI may take the data directory. */
  async function withDatabase(work: (database: Database) => Promise<void>): Promise<void> {
    const database = await openDatabase(config);
    try {
      await work(database);
    } finally {
      await database.close();
    }
  }

  it('says an untouched log is intact, and exits 0', async () => {
    await withDatabase(async (database) => {
      for (let i = 0; i < 3; i++) {
        await database.transaction((tx) =>
          writeAuditEntry(
            tx,
            {
              actor: { kind: 'system', name: 'test' },
              requestId: null,
              purpose: null,
              justification: null,
              written: 0,
            },
            { action: 'consultation', event: 'test.read', recordType: 'user', recordIds: [randomUUID()] },
          ),
        );
      }
    });
    const result = lantern(['audit', 'verify'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /The audit log is intact: 3 entries, each chained to the one before\./);
  });

  it('names the entry a database owner changed behind the triggers, and exits 1', async () => {
    await withDatabase(async (database) => {
      const db = database.db;
      await sql`alter table audit_entry disable trigger audit_entry_no_change`.execute(db);
      await sql`update audit_entry set event = 'test.nothing-to-see' where seq = 2`.execute(db);
      await sql`alter table audit_entry enable trigger audit_entry_no_change`.execute(db);
    });
    const result = lantern(['audit', 'verify'], env);
    assert.equal(result.code, 1);
    assert.equal(
      result.stdout.trim(),
      [
        'Entry 2 has been changed since it was written',
        'The audit log has been tampered with: 1 problem(s) in 3 entries.',
      ].join('\n'),
    );
  });
});
