/**
 * `lantern audit verify`: walks the chain with the audit key, then holds the log against the
 * latest signed checkpoint. The chain alone catches an entry changed, removed from the middle,
 * moved, or rehashed without the key; the checkpoint catches what leaves the chain whole: the
 * newest entries deleted, or the start of the keyed chain moved to pass rehashed entries off as old.
 */
import type { Queryable } from '../../db/database.js';
import { entryHash, GENESIS_HASH } from './audit-log.js';
import { readCheckpoints, type Checkpoint } from './checkpoints.js';

export interface ChainProblem {
  seq: number;
  problem: string;
}

export interface ChainReport {
  entries: number;
  /** The first entry keyed with the audit key; those before it carry a plain SHA-256 chain. */
  keyedFromSeq: number;
  problems: ChainProblem[];
}

async function keyedFrom(q: Queryable): Promise<number | null> {
  const row = await q.selectFrom('audit_chain_start').select('keyed_from_seq').executeTakeFirst();
  return row?.keyed_from_seq ?? null;
}

/** Walks the whole chain in order. Any changed, removed, reordered or rehashed entry is a problem. */
export async function verifyAuditChain(q: Queryable, key: Buffer, batchSize = 5000): Promise<ChainReport> {
  // Without the marker, every entry must be keyed: the strictest reading.
  const keyedFromSeq = (await keyedFrom(q)) ?? 1;
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  let keyedEntries = 0;
  let keyedFailures = 0;
  for (;;) {
    const rows = await q
      .selectFrom('audit_entry')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      entries += 1;
      if (row.seq !== expectedSeq) {
        problems.push({ seq: expectedSeq, problem: `entries ${expectedSeq} to ${row.seq - 1} are missing` });
      }
      if (row.prev_hash !== prevHash) {
        problems.push({
          seq: row.seq,
          problem: 'does not follow the entry before it (removed or reordered)',
        });
      }
      const { hash, ...fields } = row;
      const keyed = row.seq >= keyedFromSeq;
      if (keyed) keyedEntries += 1;
      if (entryHash(fields, keyed ? key : null) !== hash) {
        if (keyed) keyedFailures += 1;
        problems.push({ seq: row.seq, problem: 'has been changed since it was written' });
      }
      prevHash = hash;
      expectedSeq = row.seq + 1;
    }
    if (rows.length < batchSize) break;
  }
  if (keyedEntries > 1 && keyedFailures === keyedEntries) {
    problems.push({
      seq: keyedFromSeq,
      problem:
        'onwards: no entry matches the audit key, so the chain was recomputed without it, or this is not the key the log was written with',
    });
  }
  return { entries, keyedFromSeq, problems };
}

export interface AuditLogReport extends ChainReport {
  /** Full sentences about the log against its checkpoints (not tied to one entry). */
  checkpointProblems: string[];
  checkpoint: Checkpoint | null;
  checkpointFile: string;
}

/** The chain, then the latest signed checkpoint in `checkpointDir` held against it. */
export async function verifyAuditLog(
  q: Queryable,
  key: Buffer,
  checkpointDir: string,
): Promise<AuditLogReport> {
  const chain = await verifyAuditChain(q, key);
  const reading = await readCheckpoints(checkpointDir, key);
  const problems = [...reading.problems];
  const checkpoint = reading.latest;
  if (!checkpoint) {
    if (chain.entries > 0) {
      problems.push(
        `No signed checkpoint in ${reading.file}, so deleting the newest entries would not be noticed. ` +
          'Check LANTERN_AUDIT_CHECKPOINT_DIR, or start checkpoints with lantern audit checkpoint',
      );
    }
  } else {
    problems.push(...(await againstCheckpoint(q, chain, checkpoint)));
  }
  return { ...chain, checkpointProblems: problems, checkpoint, checkpointFile: reading.file };
}

async function againstCheckpoint(
  q: Queryable,
  chain: ChainReport,
  checkpoint: Checkpoint,
): Promise<string[]> {
  const problems: string[] = [];
  const when = `the checkpoint of ${checkpoint.at}`;
  if (chain.keyedFromSeq !== checkpoint.keyedFromSeq) {
    problems.push(
      `The keyed chain now starts at entry ${chain.keyedFromSeq}, but ${when} recorded entry ${checkpoint.keyedFromSeq}: ` +
        'the marker was moved so that rehashed entries would pass as unkeyed',
    );
  }
  if (checkpoint.headSeq === 0) return problems;
  const newest = await q
    .selectFrom('audit_entry')
    .select('seq')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const atHead = await q
    .selectFrom('audit_entry')
    .select('hash')
    .where('seq', '=', checkpoint.headSeq)
    .executeTakeFirst();
  const upToHead = await q
    .selectFrom('audit_entry')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seq', '<=', checkpoint.headSeq)
    .executeTakeFirstOrThrow();
  if ((newest?.seq ?? 0) < checkpoint.headSeq) {
    problems.push(
      `The newest entries have been deleted: ${when} recorded ${checkpoint.entries} entries up to entry ${checkpoint.headSeq}, ` +
        `but the log now ${newest ? `ends at entry ${newest.seq}` : 'is empty'}`,
    );
  } else if (atHead?.hash !== checkpoint.headHash) {
    problems.push(
      `Entry ${checkpoint.headSeq} is not the entry ${when} recorded: the log was cut back and written again, or recomputed`,
    );
  }
  if (upToHead.n !== checkpoint.entries && (newest?.seq ?? 0) >= checkpoint.headSeq) {
    problems.push(
      `The checkpoint of ${checkpoint.at} recorded ${checkpoint.entries} entries up to entry ${checkpoint.headSeq}; there are now ${upToHead.n}`,
    );
  }
  return problems;
}
