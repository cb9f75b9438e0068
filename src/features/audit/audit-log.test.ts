import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql, type RawBuilder } from 'kysely';
import {
  emptyAuditLog,
  markKeyedFrom as marked,
  rehash as rehashed,
  tamper as tampered,
} from '../../../test/support/audit-tampering.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../../test/support/database.js';
import { projectPath } from '../../paths.js';
import { auditKey } from './audit-key.js';
import { canonicalJson, writeAuditEntry, type AuditContext } from './audit-log.js';
import { verifyAuditChain } from './audit-verify.js';

function systemContext(): AuditContext {
  return {
    actor: { kind: 'system', name: 'test' },
    requestId: null,
    purpose: null,
    justification: null,
    written: 0,
  };
}

/** The key these tests' entries are written with (the process's: the development key here). */
const KEY = auditKey();

describe(`s62 audit log on ${testDatabaseKind}`, () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.dispose());

  // Tampering needs the append-only triggers out of the way, as a database owner could do.
  const tamper = (statement: RawBuilder<unknown>) => tampered(t.database.db, statement);
  const rehash = (fromSeq: number, key: Buffer | null) => rehashed(t.database.db, fromSeq, key);
  const markKeyedFrom = (seq: number) => marked(t.database.db, seq);

  async function writeSome(n: number, withRecords = true): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      ids.push(id);
      await t.database.transaction((tx) =>
        writeAuditEntry(tx, systemContext(), {
          action: 'consultation',
          event: 'test.read',
          recordType: 'public-report',
          recordIds: withRecords ? [id] : [],
          detail: { b: 2, a: [1, { z: 1, y: 2 }] },
        }),
      );
    }
    return ids;
  }

  // Each test works on a chain of its own.
  beforeEach(() => emptyAuditLog(t.database.db));

  it('chains entries and verifies an untouched chain', async () => {
    const ids = await writeSome(5);
    const result = await verifyAuditChain(t.database.db, KEY, 2);
    assert.deepEqual(result, { entries: 5, keyedFromSeq: 1, problems: [] });
    const indexed = await t.database.db
      .selectFrom('audit_entry_record')
      .select('audit_seq')
      .where('record_id', '=', ids[2]!)
      .execute();
    assert.deepEqual(indexed, [{ audit_seq: 3 }]);
  });

  it('refuses to update, delete or truncate entries', async () => {
    await writeSome(1);
    await assert.rejects(sql`update audit_entry set event = 'x'`.execute(t.database.db), /append-only/);
    await assert.rejects(sql`delete from audit_entry`.execute(t.database.db), /append-only/);
    await assert.rejects(sql`truncate audit_entry cascade`.execute(t.database.db), /append-only/);
    await assert.rejects(sql`delete from audit_entry_record`.execute(t.database.db), /append-only/);
    await assert.rejects(
      sql`update audit_chain_start set keyed_from_seq = 9`.execute(t.database.db),
      /append-only/,
    );
    assert.equal((await verifyAuditChain(t.database.db, KEY)).entries, 1);
  });

  it('finds a changed entry', async () => {
    await writeSome(3);
    await tamper(sql`update audit_entry set event = 'test.nothing-to-see' where seq = 2`);
    const { problems } = await verifyAuditChain(t.database.db, KEY);
    assert.deepEqual(problems, [{ seq: 2, problem: 'has been changed since it was written' }]);
  });

  it('finds a changed time, actor or record list', async () => {
    await writeSome(3);
    await tamper(sql`update audit_entry set occurred_at = occurred_at + interval '1 second' where seq = 1`);
    await tamper(sql`update audit_entry set record_ids = '{}' where seq = 3`);
    const { problems } = await verifyAuditChain(t.database.db, KEY);
    assert.deepEqual(
      problems.map((p) => p.seq),
      [1, 3],
    );
  });

  it('finds a deleted entry', async () => {
    await writeSome(4, false);
    await tamper(sql`delete from audit_entry where seq = 2`);
    const { problems } = await verifyAuditChain(t.database.db, KEY);
    assert.deepEqual(problems, [
      { seq: 2, problem: 'entries 2 to 2 are missing' },
      { seq: 3, problem: 'does not follow the entry before it (removed or reordered)' },
    ]);
  });

  it('finds entries swapped in order, even with their sequence numbers swapped too', async () => {
    await writeSome(3, false); // the record index's foreign key would stop the swap otherwise
    await tamper(sql`update audit_entry set seq = 100 where seq = 1`);
    await tamper(sql`update audit_entry set seq = 1 where seq = 2`);
    await tamper(sql`update audit_entry set seq = 2 where seq = 100`);
    const { problems } = await verifyAuditChain(t.database.db, KEY);
    assert.ok(problems.length >= 2, JSON.stringify(problems));
    assert.ok(problems.some((p) => p.problem.includes('does not follow')));
  });

  it('keys every new entry: a chain recomputed without the key fails from the first rehashed entry', async () => {
    await writeSome(4, false);
    await tamper(sql`update audit_entry set event = 'test.nothing-to-see' where seq = 2`);
    await rehash(2, null); // plain SHA-256, the unkeyed way
    const plain = await verifyAuditChain(t.database.db, KEY);
    assert.deepEqual(plain.problems, [
      { seq: 2, problem: 'has been changed since it was written' },
      { seq: 3, problem: 'has been changed since it was written' },
      { seq: 4, problem: 'has been changed since it was written' },
    ]);
    await rehash(1, Buffer.alloc(32, 7)); // the whole chain, under a key of the tamperer's own
    const guessed = await verifyAuditChain(t.database.db, KEY);
    assert.equal(guessed.problems.length, 5, JSON.stringify(guessed.problems));
    assert.match(guessed.problems.at(-1)?.problem ?? '', /no entry matches the audit key/);
  });

  it('still verifies entries written before the keyed chain started, and catches changes to them', async () => {
    await writeSome(3, false);
    await rehash(1, null); // as written before migration 0014
    await markKeyedFrom(4);
    await writeSome(2, false); // keyed, chained on from the last unkeyed entry
    assert.deepEqual(await verifyAuditChain(t.database.db, KEY), {
      entries: 5,
      keyedFromSeq: 4,
      problems: [],
    });
    await tamper(sql`update audit_entry set event = 'test.nothing-to-see' where seq = 2`);
    const { problems } = await verifyAuditChain(t.database.db, KEY);
    assert.deepEqual(problems, [{ seq: 2, problem: 'has been changed since it was written' }]);
  });

  it('migration 0014 starts the keyed chain after the entries already written', async () => {
    await writeSome(3, false);
    await rehash(1, null); // as written before the chain was keyed
    // Run the migration itself again on this log, as it runs on a partnership's existing database.
    await sql`drop table audit_chain_start`.execute(t.database.db);
    const migration = await readFile(projectPath('migrations/0014_audit_keyed_chain.sql'), 'utf8');
    await t.database.scriptSession((session) => session.exec(migration));
    await writeSome(2, false);
    assert.deepEqual(await verifyAuditChain(t.database.db, KEY), {
      entries: 5,
      keyedFromSeq: 4,
      problems: [],
    });
  });

  it('writes nothing when the transaction it belongs to fails', async () => {
    await assert.rejects(
      t.database.transaction(async (tx) => {
        await writeAuditEntry(tx, systemContext(), { action: 'consultation', event: 'test.read' });
        throw new Error('the work failed');
      }),
      /the work failed/,
    );
    assert.equal((await verifyAuditChain(t.database.db, KEY)).entries, 0);
  });

  it('needs a justification when the purpose is "other"', async () => {
    const context = { ...systemContext(), purpose: 'other' as const };
    await assert.rejects(
      t.database.transaction((tx) =>
        writeAuditEntry(tx, context, { action: 'consultation', event: 'test.read' }),
      ),
      /justification/,
    );
  });

  it('serialises JSON the same whatever the key order', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } }),
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });
});
