import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../../test/support/database.js';
import { migrate, MIGRATIONS_DIR } from '../../db/migrate.js';
import { needToKnowList, standingKey } from './access-lists.js';

describe(`standing need-to-know lists on ${testDatabaseKind}`, () => {
  let t: TestDatabase;
  let agencyId: string;
  let otherAgencyId: string;
  const users: string[] = [];
  // Lists made before migration 0011: one per record, each naming an officer and their agency.
  const oldLists: Record<string, string> = {};
  const entityOnList: Record<string, string> = {};
  let agencyOnlyList: string;

  before(async () => {
    t = await createTestDatabase({ bare: true });
    // The migrations as they were before the fold, then data shaped as that code made it.
    const earlier = await mkdtemp(path.join(os.tmpdir(), 'lantern-migrations-'));
    for (const name of await readdir(MIGRATIONS_DIR)) {
      if (name < '0011') await cp(path.join(MIGRATIONS_DIR, name), path.join(earlier, name));
    }
    await migrate(t.database, earlier);
    await rm(earlier, { recursive: true });
    const db = t.database.db;
    const organisation = await db.selectFrom('organisation').select('id').executeTakeFirstOrThrow();
    const agency = async (code: string) =>
      (
        await db
          .insertInto('agency')
          .values({ code, name: code, organisation_id: organisation.id, kind: 'council' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    agencyId = await agency('fold-test-a');
    otherAgencyId = await agency('fold-test-b');
    for (const n of [1, 2]) {
      const user = await db
        .insertInto('app_user')
        .values({ email: `fold${n}@example.org`, display_name: `Officer ${n}`, agency_id: agencyId })
        .returning('id')
        .executeTakeFirstOrThrow();
      users.push(user.id);
    }
    const list = async (name: string, members: { user?: string; agency?: string }[]) => {
      const made = await db
        .insertInto('access_list')
        .values({ description: `old list ${name}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const m of members) {
        await db
          .insertInto('access_list_member')
          .values({ access_list_id: made.id, user_id: m.user ?? null, agency_id: m.agency ?? null })
          .execute();
      }
      oldLists[name] = made.id;
      const entity = await sql<{ id: string }>`insert into entity (schema, caption, child,
          classification, handling_code, owning_agency_id, access_list_id)
        values ('Person', ${name}, true, 'OFFICIAL-SENSITIVE', 'P', ${agencyId}, ${made.id})
        returning id`.execute(db);
      entityOnList[name] = entity.rows[0]!.id;
      return made.id;
    };
    await list('first', [{ user: users[0] }, { agency: agencyId }]);
    await list('second', [{ user: users[0] }, { agency: agencyId }]);
    await list('third', [{ agency: agencyId }, { user: users[0] }]);
    await list('other officer', [{ user: users[1] }, { agency: agencyId }]);
    agencyOnlyList = await list('agency only', [{ agency: agencyId }, { agency: otherAgencyId }]);
    await migrate(t.database);
  });
  after(() => t.dispose());

  const listOf = async (name: string) =>
    (
      await t.database.db
        .selectFrom('entity')
        .select('access_list_id')
        .where('id', '=', entityOnList[name]!)
        .executeTakeFirstOrThrow()
    ).access_list_id;

  it('folds the lists of one officer and agency into the oldest, keeping every record on a list with the same members', async () => {
    assert.equal(await listOf('first'), oldLists.first);
    assert.equal(await listOf('second'), oldLists.first);
    assert.equal(await listOf('third'), oldLists.first);
    assert.equal(await listOf('other officer'), oldLists['other officer']);
    const left = await t.database.db
      .selectFrom('access_list')
      .select(['id', 'standing_key'])
      .where('id', 'in', Object.values(oldLists))
      .orderBy('description')
      .execute();
    assert.deepEqual(
      left.map((l) => l.id).sort(),
      [oldLists.first, oldLists['other officer'], agencyOnlyList].sort(),
      'the second and third lists are gone',
    );
    const first = left.find((l) => l.id === oldLists.first);
    assert.equal(first?.standing_key, standingKey(users[0]!, agencyId));
    const members = await t.database.db
      .selectFrom('access_list_member')
      .select(['user_id', 'agency_id'])
      .where('access_list_id', '=', oldLists.first!)
      .execute();
    assert.deepEqual(members.map((m) => m.user_id ?? m.agency_id).sort(), [users[0], agencyId].sort());
  });

  it('leaves a list of any other shape as it was', async () => {
    assert.equal(await listOf('agency only'), agencyOnlyList);
    const list = await t.database.db
      .selectFrom('access_list')
      .select(['standing_key', 'description'])
      .where('id', '=', agencyOnlyList)
      .executeTakeFirstOrThrow();
    assert.deepEqual(list, { standing_key: null, description: 'old list agency only' });
  });

  it('finds the folded list as the standing one, and makes one for a pair that has none', async () => {
    const [again, fresh, freshAgain] = await t.database.transaction(async (tx) => [
      await needToKnowList(tx, users[0]!, agencyId),
      await needToKnowList(tx, users[1]!, otherAgencyId),
      await needToKnowList(tx, users[1]!, otherAgencyId),
    ]);
    assert.equal(again, oldLists.first);
    assert.notEqual(fresh, oldLists['other officer']);
    assert.equal(freshAgain, fresh);
    const members = await t.database.db
      .selectFrom('access_list_member')
      .select(['user_id', 'agency_id'])
      .where('access_list_id', '=', fresh)
      .execute();
    assert.deepEqual(members.map((m) => m.user_id ?? m.agency_id).sort(), [users[1], otherAgencyId].sort());
  });

  it('gives requests that make the same list at once the same list', async () => {
    const made = await Promise.all(
      [0, 1, 2, 3].map(() => t.database.transaction((tx) => needToKnowList(tx, users[0]!, otherAgencyId))),
    );
    assert.equal(new Set(made).size, 1);
    const lists = await t.database.db
      .selectFrom('access_list')
      .select('id')
      .where('standing_key', '=', standingKey(users[0]!, otherAgencyId))
      .execute();
    assert.equal(lists.length, 1);
  });
});
