/**
 * `lantern audit verify` as an operator runs it (in this process, through `runCommand`), on a
 * data directory (PGlite) or, with TEST_DATABASE_URL, on a PostgreSQL database, with a real audit
 * key and checkpoints in a folder of their own. An intact log exits 0; each way of tampering with
 * it exits 1 with a message saying what was done.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { emptyAuditLog, markKeyedFrom, rehash, tamper } from '../../../test/support/audit-tampering.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../../test/support/database.js';
import { runCommand } from '../../cli.js';
import { loadConfig, type DatabaseConfig } from '../../config.js';
import type { Database, Db } from '../../db/database.js';
import { openDatabase } from '../../db/open.js';
import { useAuditKey } from './audit-key.js';
import { writeAuditEntry } from './audit-log.js';
import { checkpointIfMoved } from './checkpointer.js';

const KEY = randomBytes(32);

describe(`lantern audit verify on ${testDatabaseKind}`, () => {
  let env: Record<string, string>;
  let config: DatabaseConfig;
  let checkpointDir: string;
  let serverDatabase: TestDatabase | undefined;

  async function lantern(args: string[], extra: Record<string, string> = {}) {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await runCommand(
      args,
      (line) => stdout.push(line),
      (line) => stderr.push(line),
      { LOG_LEVEL: 'silent', ...env, ...extra },
    );
    return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  }

  before(async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lantern-audit-cli-'));
    checkpointDir = path.join(folder, 'checkpoints');
    env = { LANTERN_AUDIT_KEY: KEY.toString('hex'), LANTERN_AUDIT_CHECKPOINT_DIR: checkpointDir };
    if (process.env.TEST_DATABASE_URL) {
      serverDatabase = await createTestDatabase();
      config = serverDatabase.config;
      if (config.kind === 'postgres') env.DATABASE_URL = config.url;
    } else {
      config = { kind: 'pglite', dataDir: path.join(folder, 'data') };
      env.LANTERN_DATA_DIR = config.dataDir;
      assert.equal((await lantern(['migrate'])).code, 0);
    }
  });
  after(() => serverDatabase?.dispose());

  /** Opens the database as the CLI does, and closes it again so the CLI may take the data directory. */
  async function withDatabase(work: (db: Db, database: Database) => Promise<void>): Promise<void> {
    const database = await openDatabase(config);
    try {
      await work(database.db, database);
    } finally {
      await database.close();
    }
  }

  async function writeEntries(database: Database, n: number, event = 'test.read'): Promise<void> {
    useAuditKey(KEY);
    for (let i = 0; i < n; i++) {
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
          { action: 'consultation', event },
        ),
      );
    }
  }

  /**
   * A log of its own with `n` entries, written as Lantern writes them and checkpointed as a
   * running server does, then changed by `tampering`: all in one opening of the database.
   */
  async function logThen(n: number, tampering: (db: Db, database: Database) => Promise<void>): Promise<void> {
    await rm(checkpointDir, { recursive: true, force: true });
    await withDatabase(async (db, database) => {
      await emptyAuditLog(db);
      await writeEntries(database, n);
      await checkpointIfMoved(db, loadConfig(env).audit);
      await tampering(db, database);
    });
  }

  async function verifyFails(): Promise<string[]> {
    const result = await lantern(['audit', 'verify']);
    assert.equal(result.code, 1, result.stdout);
    assert.equal(result.stderr, '');
    return result.stdout.split('\n');
  }

  it('says an untouched log is intact and matches its checkpoint, and exits 0', async () => {
    await rm(checkpointDir, { recursive: true, force: true });
    await withDatabase(async (db, database) => {
      await emptyAuditLog(db);
      await writeEntries(database, 3);
    });
    const written = await lantern(['audit', 'checkpoint']);
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stdout, `Checkpoint written to ${checkpointDir}: 3 entries up to entry 3.`);
    assert.equal(
      (await lantern(['audit', 'checkpoint'])).stdout,
      'The latest checkpoint already records the newest entry.',
    );
    const result = await lantern(['audit', 'verify']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(
      result.stdout,
      /The audit log is intact: 3 entries, each chained to the one before with the audit key\./,
    );
    assert.match(result.stdout, /It matches the latest checkpoint \(.+: 3 entries up to entry 3\)\./);
  });

  it('names an edited entry', async () => {
    await logThen(3, (db) =>
      tamper(db, sql`update audit_entry set event = 'test.nothing-to-see' where seq = 2`),
    );
    assert.deepEqual(await verifyFails(), [
      'Entry 2 has been changed since it was written',
      'The audit log has been tampered with: 1 problem(s) in 3 entries.',
    ]);
  });

  it('names an entry deleted from the middle', async () => {
    await logThen(4, (db) => tamper(db, sql`delete from audit_entry where seq = 2`));
    const lines = await verifyFails();
    assert.deepEqual(lines.slice(0, 2), [
      'Entry 2 entries 2 to 2 are missing',
      'Entry 3 does not follow the entry before it (removed or reordered)',
    ]);
    assert.match(lines.join('\n'), /The checkpoint of .+ recorded 4 entries up to entry 4; there are now 3/);
  });

  it('notices the newest entries deleted, though the chain that is left is whole', async () => {
    await logThen(5, (db) => tamper(db, sql`delete from audit_entry where seq >= 4`));
    const lines = await verifyFails();
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.match(
      lines[0] ?? '',
      /^The newest entries have been deleted: the checkpoint of .+ recorded 5 entries up to entry 5, but the log now ends at entry 3$/,
    );
    assert.equal(lines[1], 'The audit log has been tampered with: 1 problem(s) in 3 entries.');
  });

  it('notices the newest entries deleted and written again in their place', async () => {
    await logThen(4, async (db, database) => {
      await tamper(db, sql`delete from audit_entry where seq >= 3`);
      await writeEntries(database, 2, 'test.cover-up');
    });
    const lines = await verifyFails();
    assert.match(lines.join('\n'), /Entry 4 is not the entry the checkpoint of .+ recorded/);
  });

  it('catches the chain recomputed without the key, and the keyed start moved to pass it off as old', async () => {
    await logThen(3, async (db) => {
      await tamper(db, sql`update audit_entry set event = 'test.nothing-to-see' where seq = 2`);
      await rehash(db, 1, null);
    });
    let lines = await verifyFails();
    assert.match(lines.join('\n'), /Entry 1 onwards: no entry matches the audit key/);
    assert.match(lines.join('\n'), /Entry 3 is not the entry the checkpoint of .+ recorded/);
    // Moving the marker past the rehashed entries makes the chain pass: the checkpoint does not.
    await withDatabase((db) => markKeyedFrom(db, 4));
    lines = await verifyFails();
    assert.match(
      lines.join('\n'),
      /The keyed chain now starts at entry 4, but the checkpoint of .+ recorded entry 1/,
    );
  });

  it('names entries put in another order', async () => {
    await logThen(3, async (db) => {
      await tamper(db, sql`update audit_entry set seq = 100 where seq = 1`);
      await tamper(db, sql`update audit_entry set seq = 1 where seq = 2`);
      await tamper(db, sql`update audit_entry set seq = 2 where seq = 100`);
    });
    const lines = await verifyFails();
    assert.match(lines.join('\n'), /Entry 1 does not follow the entry before it \(removed or reordered\)/);
  });

  it('refuses a checkpoint file that was emptied, or checked with another key', async () => {
    await logThen(2, () => Promise.resolve());
    const result = await lantern(['audit', 'verify'], {
      LANTERN_AUDIT_KEY: randomBytes(32).toString('base64'),
    });
    assert.equal(result.code, 1);
    const lines = result.stdout;
    assert.match(lines, /Checkpoint on line 1 of .+ is not signed with this audit key/);
    assert.match(lines, /no entry matches the audit key/);
    await rm(checkpointDir, { recursive: true });
    assert.match((await verifyFails()).join('\n'), /No signed checkpoint in .+audit-checkpoints\.jsonl/);
  });

  it('stops with one clear line when the key is not a key', async () => {
    const result = await lantern(['audit', 'verify'], { LANTERN_AUDIT_KEY: 'changeme' });
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      'lantern: Lantern cannot start: LANTERN_AUDIT_KEY must be a key of at least 32 bytes, written as hex or base64 (e.g. openssl rand -hex 32)',
    );
  });
});
