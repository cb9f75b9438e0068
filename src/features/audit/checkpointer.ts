/**
 * When checkpoints are written: by a running server every `checkpointEvery` entries or every
 * `checkpointSeconds` while entries are being written, at start and at shutdown; and by the CLI
 * after a command that may have written entries. Each reads the committed head, so a checkpoint
 * never names an entry a transaction might still roll back.
 */
import type { Logger } from 'pino';
import type { AuditConfig } from '../../config.js';
import type { Queryable } from '../../db/database.js';
import { appendCheckpoint, auditHead, latestSeq, readCheckpoints, type Checkpoint } from './checkpoints.js';

// How often a server looks at the head (one indexed read) to see whether a checkpoint is due.
const LOOK_EVERY_MS = 5_000;

/** Writes a checkpoint unless the file's latest already records the head. Returns it, or null. */
export async function checkpointIfMoved(q: Queryable, audit: AuditConfig): Promise<Checkpoint | null> {
  const head = await auditHead(q);
  const { latest } = await readCheckpoints(audit.checkpointDir, audit.key);
  if (latest && latest.headSeq === head.headSeq && latest.headHash === head.headHash) return null;
  return appendCheckpoint(audit.checkpointDir, head, audit.key);
}

export interface Checkpointer {
  /** Looks at the head now, as the timer does (writes a checkpoint if one is due). */
  lookNow(): Promise<void>;
  /** Stops looking and writes a last checkpoint if the log has moved. */
  stop(): Promise<void>;
}

export async function startCheckpointer(
  q: Queryable,
  audit: AuditConfig,
  logger: Logger,
  clock: () => number = Date.now,
): Promise<Checkpointer> {
  const write = async () => {
    const checkpoint = await checkpointIfMoved(q, audit);
    if (checkpoint)
      logger.info({ entries: checkpoint.entries, headSeq: checkpoint.headSeq }, 'audit checkpoint');
    return checkpoint;
  };
  let first: Checkpoint | null;
  try {
    first = await write();
  } catch (error) {
    // A server that cannot keep checkpoints should not start: nothing would notice deletions.
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(
      `Audit checkpoints cannot be written to ${audit.checkpointDir} (${reason}): set LANTERN_AUDIT_CHECKPOINT_DIR to a folder Lantern can write`,
    );
  }
  let lastSeq = first?.headSeq ?? (await latestSeq(q));
  let lastAt = clock();
  let running: Promise<void> = Promise.resolve();
  const look = async () => {
    const headSeq = await latestSeq(q);
    const due =
      headSeq - lastSeq >= audit.checkpointEvery || clock() - lastAt >= audit.checkpointSeconds * 1000;
    if (headSeq === lastSeq || !due) return;
    const checkpoint = await write();
    lastSeq = checkpoint?.headSeq ?? headSeq;
    lastAt = clock();
  };
  // One look at a time, in order; a failure is logged and the next look tries again.
  const lookNow = () => {
    running = running.then(look).catch((error: unknown) => {
      // The log itself is intact; only the outside record is late. Say so loudly.
      logger.error({ err: error }, 'audit checkpoint could not be written');
    });
    return running;
  };
  const timer = setInterval(() => void lookNow(), Math.min(LOOK_EVERY_MS, audit.checkpointSeconds * 1000));
  timer.unref();
  return {
    lookNow,
    async stop() {
      clearInterval(timer);
      await running;
      await write();
    },
  };
}
