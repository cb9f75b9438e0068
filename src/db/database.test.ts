import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../test/support/database.js';
import { migrate, MIGRATIONS_DIR, readMigrations } from './migrate.js';

describe(`database layer on ${testDatabaseKind}`, () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.dispose());

  it('says which kind of database it is', () => {
    assert.equal(t.database.kind, testDatabaseKind);
  });

  it('has applied every migration, and applying again does nothing', async () => {
    const names = (await readMigrations()).map((m) => m.name);
    const applied = await t.database.db
      .selectFrom('schema_migration')
      .select('name')
      .orderBy('name')
      .execute();
    assert.deepEqual(
      applied.map((r) => r.name),
      names,
    );
    assert.deepEqual(await migrate(t.database), []);
  });

  it('has the extensions later work needs, working', async () => {
    const { rows } = await sql<{
      similarity: number;
      sounds_alike: boolean;
      unaccented: string;
      digest: string;
      uuid: string;
    }>`select similarity('Jonathon Smith', 'Jonathan Smyth') as similarity,
              dmetaphone('Smith') = dmetaphone('Smyth') as sounds_alike,
              unaccent('Łukasz Wójcik') as unaccented,
              encode(digest('lantern', 'sha256'), 'hex') as digest,
              gen_random_uuid()::text as uuid`.execute(t.database.db);
    const row = rows[0]!;
    assert.ok(row.similarity > 0.3 && row.similarity < 1, `similarity ${row.similarity}`);
    assert.equal(row.sounds_alike, true);
    assert.equal(row.unaccented, 'Lukasz Wojcik');
    assert.equal(row.digest, createHash('sha256').update('lantern').digest('hex'));
    assert.match(row.uuid, /^[0-9a-f-]{36}$/);
  });

  it('returns the same JavaScript types from either database', async () => {
    const { rows } = await sql<{ n: unknown; d: unknown; t: unknown; num: unknown; j: unknown }>`
      select count(*) as n, date '2026-11-23' as d, timestamptz '2026-11-23T10:00:00Z' as t,
             12.5::numeric as num, '{"a":1}'::jsonb as j`.execute(t.database.db);
    const row = rows[0]!;
    assert.equal(row.n, 1);
    assert.equal(row.d, '2026-11-23');
    assert.ok(row.t instanceof Date && row.t.toISOString() === '2026-11-23T10:00:00.000Z');
    assert.equal(row.num, 12.5);
    assert.deepEqual(row.j, { a: 1 });
  });

  it('commits all of a transaction or none of it', async () => {
    await assert.rejects(
      t.database.transaction(async (tx) => {
        await tx.insertInto('organisation').values({ name: 'Half-written Council' }).execute();
        throw new Error('fails half way');
      }),
      /fails half way/,
    );
    const found = await t.database.db
      .selectFrom('organisation')
      .select('id')
      .where('name', '=', 'Half-written Council')
      .execute();
    assert.equal(found.length, 0);

    await t.database.transaction(async (tx) => {
      await tx.insertInto('organisation').values({ name: 'Whole Council' }).execute();
    });
    const kept = await t.database.db
      .selectFrom('organisation')
      .select('id')
      .where('name', '=', 'Whole Council')
      .execute();
    assert.equal(kept.length, 1);
  });

  it('binds parameters, so input is data and never SQL', async () => {
    const name = "O'Brien'); drop table organisation; --";
    await t.database.db.insertInto('organisation').values({ name }).execute();
    const row = await t.database.db
      .selectFrom('organisation')
      .select('name')
      .where('name', '=', name)
      .executeTakeFirst();
    assert.equal(row?.name, name);
  });

  it('refuses to start when an applied migration has been edited', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lantern-migrations-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const first = (await readMigrations())[0]!.name;
    await writeFile(path.join(dir, first), '-- edited after it was applied\nselect 1;');
    await assert.rejects(migrate(t.database, dir), /has changed since it was applied/);
  });

  it('rolls back a migration that fails, leaving no record of it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lantern-migrations-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await writeFile(
      path.join(dir, '9999_broken.sql'),
      'create table half_done (id int);\ninsert into no_such_table values (1);',
    );
    await assert.rejects(migrate(t.database, dir));
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from information_schema.tables where table_name = 'half_done'`.execute(
      t.database.db,
    );
    assert.equal(rows[0]!.n, 0);
    const record = await t.database.db
      .selectFrom('schema_migration')
      .select('name')
      .where('name', '=', '9999_broken.sql')
      .execute();
    assert.equal(record.length, 0);
  });
});
