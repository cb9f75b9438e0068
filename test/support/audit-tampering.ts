/**
 * What someone with write access to the database (its owner, who can switch the append-only
 * triggers off) can do to the audit log, for the tests that show each is caught.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../src/db/database.js';
import { entryHash, GENESIS_HASH } from '../../src/features/audit/audit-log.js';

/** Runs one statement on the audit log with its triggers switched off. */
export async function tamper(db: Db, statement: RawBuilder<unknown>): Promise<void> {
  await sql`alter table audit_entry disable trigger user`.execute(db);
  await sql`alter table audit_entry_record disable trigger user`.execute(db);
  try {
    await statement.execute(db);
  } finally {
    await sql`alter table audit_entry enable trigger user`.execute(db);
    await sql`alter table audit_entry_record enable trigger user`.execute(db);
  }
}

/**
 * Recomputes every link from `fromSeq` on. With `key` null, the plain SHA-256 that entries were
 * written with before the chain was keyed; with another key, a tamperer's guess.
 */
export async function rehash(db: Db, fromSeq: number, key: Buffer | null): Promise<void> {
  const rows = await db.selectFrom('audit_entry').selectAll().orderBy('seq').execute();
  let prevHash = GENESIS_HASH;
  for (const { hash, ...fields } of rows) {
    if (fields.seq < fromSeq) {
      prevHash = hash;
      continue;
    }
    const newHash = entryHash({ ...fields, prev_hash: prevHash }, key);
    await tamper(
      db,
      sql`update audit_entry set prev_hash = ${prevHash}, hash = ${newHash} where seq = ${fields.seq}`,
    );
    prevHash = newHash;
  }
}

/** Says the keyed chain starts at `seq`, as migration 0014 does on a log that already had entries. */
export async function markKeyedFrom(db: Db, seq: number): Promise<void> {
  await sql`alter table audit_chain_start disable trigger user`.execute(db);
  try {
    await sql`update audit_chain_start set keyed_from_seq = ${seq}`.execute(db);
  } finally {
    await sql`alter table audit_chain_start enable trigger user`.execute(db);
  }
}

/** Empties the log, so a test starts a chain of its own. */
export async function emptyAuditLog(db: Db): Promise<void> {
  await tamper(db, sql`delete from audit_entry_record`);
  await tamper(db, sql`delete from audit_entry`);
  await markKeyedFrom(db, 1);
}
