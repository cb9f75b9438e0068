import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../test/support/database.js';
import { createAccounts } from '../features/access/accounts.js';
import type { Tx } from '../db/database.js';
import {
  commandKernel,
  done,
  notFound,
  refused,
  type Asker,
  type AuditRecord,
  type Outcome,
} from './commands.js';

describe(`the command kernel on ${testDatabaseKind}`, () => {
  let t: TestDatabase;
  let asker: Asker;
  let kernel: ReturnType<typeof commandKernel>;

  before(async () => {
    t = await createTestDatabase();
    const accounts = createAccounts(t.database);
    await accounts.createAgency({
      code: 'kernel-police',
      name: 'Kernel Police',
      organisation: 'Kernel',
      kind: 'police',
    });
    const user = await accounts.createUser({
      email: 'kernel@example.test',
      displayName: 'Kernel Officer',
      agencyCode: 'kernel-police',
      roles: ['public-protection-analyst'],
    });
    const agency = await accounts.agencyByCode('kernel-police');
    assert.ok(agency);
    asker = {
      principal: {
        kind: 'user',
        userId: user.id,
        agencyId: agency.id,
        roles: ['public-protection-analyst'],
        permissions: new Set(),
        clearance: 'OFFICIAL',
      },
      audit: {
        actor: { kind: 'user', userId: user.id, agencyId: agency.id },
        requestId: null,
        purpose: null,
        justification: null,
        written: 0,
      },
      event: 'kernel.test',
    };
    kernel = commandKernel(t.database);
  });
  after(() => t.dispose());

  const entries = async () =>
    (await t.database.db.selectFrom('audit_entry').select('seq').where('event', '=', 'kernel.test').execute())
      .length;
  // Something the work writes, to see whether it was kept: an organisation with a name of its own.
  const write = (tx: Tx, name: string) => tx.insertInto('organisation').values({ name }).execute();
  const kept = async (name: string) =>
    (await t.database.db.selectFrom('organisation').select('id').where('name', '=', name).execute()).length;
  const entry: AuditRecord = { action: 'alteration', recordType: 'organisation', recordIds: [] };

  it('writes exactly one audit entry, under the request event, when the command is done', async () => {
    const before = await entries();
    const outcome = await kernel.audited(asker, async (tx, viewer) => {
      assert.equal(viewer.userId, asker.principal.userId, 'the viewer is the asker');
      await write(tx, 'kernel done');
      return { outcome: done(42), entry };
    });
    assert.deepEqual(outcome, { kind: 'done', value: 42 });
    assert.equal(await entries(), before + 1);
    assert.equal(await kept('kernel done'), 1);
  });

  for (const [name, outcome] of [
    ['not found', notFound],
    ['refused', refused({ name: 'Enter a name' })],
  ] as [string, Outcome<number>][]) {
    it(`writes no entry when the command is ${name}, and says so`, async () => {
      const before = await entries();
      const result = await kernel.audited(asker, () => Promise.resolve({ outcome, entry }));
      assert.deepEqual(result, outcome);
      assert.equal(await entries(), before);
    });
  }

  it('writes no entry for a command that is done but names no one', async () => {
    const before = await entries();
    const result = await kernel.recorded(asker, () => Promise.resolve({ outcome: done('nothing shown') }));
    assert.deepEqual(result, done('nothing shown'));
    assert.equal(await entries(), before);
  });

  it('undoes the work and writes no entry when the command throws', async () => {
    const before = await entries();
    await assert.rejects(
      kernel.audited(asker, async (tx) => {
        await write(tx, 'kernel thrown');
        throw new Error('the work failed');
      }),
      /the work failed/,
    );
    assert.equal(await entries(), before);
    assert.equal(await kept('kernel thrown'), 0);
  });

  it('undoes the work when its audit entry cannot be written', async () => {
    const before = await entries();
    await assert.rejects(
      // The purpose "other" with no justification: the audit log refuses it, so the work must not stand.
      kernel.audited({ ...asker, audit: { ...asker.audit, purpose: 'other' } }, async (tx) => {
        await write(tx, 'kernel unrecorded');
        return { outcome: done(null), entry };
      }),
    );
    assert.equal(await entries(), before);
    assert.equal(await kept('kernel unrecorded'), 0);
  });

  it('gives a consultation its value after its one entry', async () => {
    const before = await entries();
    const value = await kernel.consulted(asker, () =>
      Promise.resolve({ value: ['a', 'b'], entry: { ...entry, action: 'consultation' as const } }),
    );
    assert.deepEqual(value, ['a', 'b']);
    assert.equal(await entries(), before + 1);
  });
});
