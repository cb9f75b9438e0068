/**
 * Signed checkpoints of the audit log, kept outside the database: each says how many entries the
 * log held, up to which entry, with which hash, and where the keyed chain starts, signed with the
 * audit key. Deleting the newest entries leaves no gap in the chain, so only a record made earlier,
 * somewhere the database's owner cannot rewrite, shows they were there. The file is append-only
 * (one JSON line per checkpoint); the information governance user also records the latest one
 * from their audit page somewhere else.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Queryable } from '../../db/database.js';
import { canonicalJson } from './audit-log.js';

export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

/** The committed end of the log, as a checkpoint records it. */
export interface AuditHead {
  entries: number;
  headSeq: number;
  headHash: string | null;
  keyedFromSeq: number;
}

export interface Checkpoint extends AuditHead {
  /** When the checkpoint was made (ISO 8601, UTC). */
  at: string;
  /** HMAC-SHA-256 of the other fields under the audit key, hex. */
  signature: string;
}

const checkpointSchema = z.strictObject({
  at: z.iso.datetime(),
  entries: z.number().int().min(0),
  headSeq: z.number().int().min(0),
  headHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  keyedFromSeq: z.number().int().min(1),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});

export function checkpointFile(dir: string): string {
  return path.join(dir, CHECKPOINT_FILE);
}

/** One statement, so the count, the head and the keyed start come from the same snapshot. */
export async function auditHead(q: Queryable): Promise<AuditHead> {
  const { rows } = await sql<{
    entries: number;
    head_seq: number | null;
    head_hash: string | null;
    keyed_from_seq: number | null;
  }>`select (select count(*) from audit_entry) as entries,
       head.seq as head_seq, head.hash as head_hash,
       (select keyed_from_seq from audit_chain_start) as keyed_from_seq
     from (select 1) as one
     left join lateral (select seq, hash from audit_entry order by seq desc limit 1) as head on true`.execute(
    q,
  );
  const row = rows[0];
  return {
    entries: row?.entries ?? 0,
    headSeq: row?.head_seq ?? 0,
    headHash: row?.head_hash ?? null,
    keyedFromSeq: row?.keyed_from_seq ?? 1,
  };
}

/** Just the newest entry's number: one index lookup, cheap enough to ask every few seconds. */
export async function latestSeq(q: Queryable): Promise<number> {
  const row = await q
    .selectFrom('audit_entry')
    .select('seq')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.seq ?? 0;
}

function signature(fields: Omit<Checkpoint, 'signature'>, key: Buffer): string {
  // Labelled, so a checkpoint's signature can never pass for an entry's hash or the other way round.
  return createHmac('sha256', key)
    .update(`lantern audit checkpoint\n${canonicalJson(fields)}`)
    .digest('hex');
}

/** Appends a signed checkpoint of `head` to the file in `dir` (made if missing). */
export async function appendCheckpoint(
  dir: string,
  head: AuditHead,
  key: Buffer,
  now: Date = new Date(),
): Promise<Checkpoint> {
  const fields = { ...head, at: now.toISOString() };
  const checkpoint: Checkpoint = { ...fields, signature: signature(fields, key) };
  await mkdir(dir, { recursive: true });
  // One write of one line in append mode: checkpoints from several processes never interleave.
  await appendFile(checkpointFile(dir), `${JSON.stringify(checkpoint)}\n`, { flag: 'a', mode: 0o600 });
  return checkpoint;
}

export interface CheckpointReading {
  file: string;
  /** The checkpoint that reaches furthest into the log, among those correctly signed. */
  latest: Checkpoint | null;
  count: number;
  problems: string[];
}

/** Reads every checkpoint in `dir` and checks each one's signature; a missing file has none. */
export async function readCheckpoints(dir: string, key: Buffer): Promise<CheckpointReading> {
  const file = checkpointFile(dir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    // No file is no checkpoint yet; a file that cannot be read is a problem to show, not a crash.
    const problems = code === 'ENOENT' ? [] : [`The checkpoint file ${file} cannot be read (${code})`];
    return { file, latest: null, count: 0, problems };
  }
  const reading: CheckpointReading = { file, latest: null, count: 0, problems: [] };
  checkLines(reading, text.split('\n'), 0, key);
  return reading;
}

/** Checks each line's signature into `reading`; `firstLine` is the index of the first line given. */
function checkLines(reading: CheckpointReading, lines: readonly string[], firstLine: number, key: Buffer) {
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    reading.count += 1;
    const checkpoint = parseCheckpoint(line);
    if (!checkpoint || !signedWith(checkpoint, key)) {
      reading.problems.push(
        `Checkpoint on line ${firstLine + index + 1} of ${reading.file} is not signed with this audit key (forged, changed, or signed with another key)`,
      );
      return;
    }
    // Several processes may append out of order: the one that reaches furthest is the latest.
    if (!reading.latest || checkpoint.headSeq > reading.latest.headSeq) reading.latest = checkpoint;
  });
}

/**
 * `readCheckpoints` for a page asked again and again. The file only grows, so after the first read
 * only the whole lines appended since are read and checked: a year of checkpoints (105,000 lines)
 * took 740 ms to check on every visit. A file that shrank, or changed without growing, is read
 * whole again; `lantern audit verify` always reads it whole.
 */
export function checkpointReader(dir: string, key: Buffer): () => Promise<CheckpointReading> {
  let known: { bytes: number; lines: number; mtimeMs: number; reading: CheckpointReading } | undefined;
  return async () => {
    const file = checkpointFile(dir);
    const stats = await stat(file).catch(() => undefined);
    if (
      !stats ||
      !known ||
      stats.size < known.bytes ||
      (stats.size === known.bytes && stats.mtimeMs !== known.mtimeMs)
    ) {
      known = undefined;
      const text = stats ? await readFile(file).catch(() => undefined) : undefined;
      if (!stats || !text) return readCheckpoints(dir, key);
      known = {
        bytes: 0,
        lines: 0,
        mtimeMs: stats.mtimeMs,
        reading: { file, latest: null, count: 0, problems: [] },
      };
      return readAppended(known, text, key);
    }
    if (stats.size === known.bytes) return copyOf(known.reading);
    const handle = await open(file, 'r');
    try {
      const added = Buffer.alloc(stats.size - known.bytes);
      await handle.read(added, 0, added.length, known.bytes);
      known.mtimeMs = stats.mtimeMs;
      return readAppended(known, added, key);
    } finally {
      await handle.close();
    }
  };
}

/** Checks the whole lines in `added` (a line still being written waits for the next read). */
function readAppended(
  known: { bytes: number; lines: number; reading: CheckpointReading },
  added: Buffer,
  key: Buffer,
): CheckpointReading {
  const end = added.lastIndexOf(0x0a) + 1;
  const lines = added.subarray(0, end).toString('utf8').split('\n').slice(0, -1);
  checkLines(known.reading, lines, known.lines, key);
  known.bytes += end;
  known.lines += lines.length;
  return copyOf(known.reading);
}

const copyOf = (reading: CheckpointReading): CheckpointReading => ({
  ...reading,
  problems: [...reading.problems],
});

function parseCheckpoint(line: string): Checkpoint | null {
  try {
    const parsed = checkpointSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function signedWith(checkpoint: Checkpoint, key: Buffer): boolean {
  const { signature: given, ...fields } = checkpoint;
  const expected = Buffer.from(signature(fields, key), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
