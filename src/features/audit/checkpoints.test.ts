/**
 * Signed checkpoints: what the file holds, that a forged or changed line is refused, that the
 * latest is the one reaching furthest, and when a running server writes them.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AuditConfig } from '../../config.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../../test/support/database.js';
import { createLogger } from '../../web/logging.js';
import { useAuditKey } from './audit-key.js';
import { writeAuditEntry } from './audit-log.js';
import { checkpointIfMoved, startCheckpointer } from './checkpointer.js';
import {
  appendCheckpoint,
  auditHead,
  checkpointFile,
  checkpointReader,
  readCheckpoints,
} from './checkpoints.js';

const KEY = randomBytes(32);
const head = (headSeq: number) => ({
  entries: headSeq,
  headSeq,
  headHash: headSeq ? 'a'.repeat(64) : null,
  keyedFromSeq: 1,
});

async function folder(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'lantern-checkpoints-'));
}

describe('audit checkpoints', () => {
  it('appends one signed line per checkpoint, and takes the one reaching furthest as the latest', async () => {
    const dir = await folder();
    assert.deepEqual(await readCheckpoints(dir, KEY), {
      file: checkpointFile(dir),
      latest: null,
      count: 0,
      problems: [],
    });
    await appendCheckpoint(dir, head(5), KEY, new Date('2026-12-01T10:00:00Z'));
    const furthest = await appendCheckpoint(dir, head(9), KEY, new Date('2026-12-01T11:00:00Z'));
    // Another process, slower to write, appends an older head after it.
    await appendCheckpoint(dir, head(7), KEY, new Date('2026-12-01T11:00:01Z'));
    const lines = (await readFile(checkpointFile(dir), 'utf8')).trim().split('\n');
    assert.equal(lines.length, 3);
    assert.deepEqual(JSON.parse(lines[1]!), furthest);
    const reading = await readCheckpoints(dir, KEY);
    assert.deepEqual([reading.latest, reading.count, reading.problems], [furthest, 3, []]);
  });

  it('refuses a line that was changed, signed with another key, or is not a checkpoint', async () => {
    const dir = await folder();
    const honest = await appendCheckpoint(dir, head(3), KEY);
    await appendCheckpoint(dir, head(40), randomBytes(32));
    await appendFile(checkpointFile(dir), `${JSON.stringify({ ...honest, headSeq: 30, entries: 30 })}\n`);
    await appendFile(checkpointFile(dir), '{"at": "half a line\n');
    const reading = await readCheckpoints(dir, KEY);
    assert.deepEqual(reading.latest, honest);
    assert.deepEqual(
      reading.problems.map((p) => /line (\d+)/.exec(p)?.[1]),
      ['2', '3', '4'],
    );
    assert.match(reading.problems[0] ?? '', /is not signed with this audit key/);
  });

  it('gives the audit page what a whole read gives, reading only the lines appended since', async () => {
    const dir = await folder();
    const read = checkpointReader(dir, KEY);
    assert.deepEqual(await read(), await readCheckpoints(dir, KEY), 'no file yet');
    await appendCheckpoint(dir, head(3), KEY);
    assert.deepEqual(await read(), await readCheckpoints(dir, KEY));
    await appendCheckpoint(dir, head(8), KEY);
    await appendCheckpoint(dir, head(5), randomBytes(32));
    const grown = await read();
    assert.deepEqual(grown, await readCheckpoints(dir, KEY), 'the appended lines, one of them forged');
    assert.deepEqual([grown.latest?.headSeq, grown.count, grown.problems.length], [8, 3, 1]);
    assert.match(grown.problems[0] ?? '', /line 3 /);
    // A line still being written is left for the next read.
    await appendFile(checkpointFile(dir), '{"at": "2026-12');
    assert.equal((await read()).count, 3);
    // A file cut short (lines deleted) is read whole again.
    const [first] = (await readFile(checkpointFile(dir), 'utf8')).split('\n');
    await writeFile(checkpointFile(dir), `${first}\n`);
    assert.deepEqual(await read(), await readCheckpoints(dir, KEY));
    assert.equal((await read()).latest?.headSeq, 3);
  });

  it('reports a checkpoint file it cannot read, rather than failing', async () => {
    const dir = await folder();
    await mkdir(checkpointFile(dir)); // a folder where the file should be
    const reading = await readCheckpoints(dir, KEY);
    assert.deepEqual(reading.latest, null);
    assert.match(reading.problems.join(), /The checkpoint file .+ cannot be read \(EISDIR\)/);
  });
});

describe(`audit checkpoints written on ${testDatabaseKind}`, () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
    useAuditKey(KEY);
  });
  after(() => t.dispose());

  async function write(n: number) {
    for (let i = 0; i < n; i++) {
      await t.database.transaction((tx) =>
        writeAuditEntry(
          tx,
          {
            actor: { kind: 'system', name: 'test' },
            requestId: null,
            purpose: null,
            justification: null,
            written: 0,
          },
          { action: 'consultation', event: 'test.read' },
        ),
      );
    }
  }

  it('records the committed head, and only when it has moved', async () => {
    const audit: AuditConfig = {
      key: KEY,
      keySource: 'LANTERN_AUDIT_KEY',
      checkpointDir: await folder(),
      checkpointEvery: 1000,
      checkpointSeconds: 300,
    };
    const start = await auditHead(t.database.db);
    await write(2);
    const first = await checkpointIfMoved(t.database.db, audit);
    assert.ok(first);
    assert.deepEqual(
      [first.entries, first.headSeq, first.keyedFromSeq],
      [start.entries + 2, start.headSeq + 2, 1],
    );
    assert.equal(first.headHash, (await auditHead(t.database.db)).headHash);
    assert.equal(await checkpointIfMoved(t.database.db, audit), null);
  });

  it('will not start when the checkpoint folder cannot be written', async () => {
    const file = path.join(await folder(), 'a-file');
    await writeFile(file, '');
    const audit: AuditConfig = {
      key: KEY,
      keySource: 'LANTERN_AUDIT_KEY',
      checkpointDir: path.join(file, 'checkpoints'),
      checkpointEvery: 1000,
      checkpointSeconds: 300,
    };
    await assert.rejects(
      startCheckpointer(t.database.db, audit, createLogger('silent')),
      /Audit checkpoints cannot be written to .+ \(ENOTDIR\): set LANTERN_AUDIT_CHECKPOINT_DIR/,
    );
  });

  it('writes at start, when enough entries follow, and at stop', async () => {
    let now = 0;
    const audit: AuditConfig = {
      key: KEY,
      keySource: 'LANTERN_AUDIT_KEY',
      checkpointDir: await folder(),
      checkpointEvery: 3,
      checkpointSeconds: 300,
    };
    const checkpointer = await startCheckpointer(t.database.db, audit, createLogger('silent'), () => now);
    assert.equal((await readCheckpoints(audit.checkpointDir, KEY)).count, 1);
    await write(3);
    await checkpointer.lookNow();
    assert.equal((await readCheckpoints(audit.checkpointDir, KEY)).count, 2);
    await write(1);
    await checkpointer.lookNow(); // one entry, and no time gone by: not yet
    assert.equal((await readCheckpoints(audit.checkpointDir, KEY)).count, 2);
    now += 300_000;
    await checkpointer.lookNow(); // the time has come
    assert.equal((await readCheckpoints(audit.checkpointDir, KEY)).count, 3);
    await write(1);
    await checkpointer.stop();
    const final = await readCheckpoints(audit.checkpointDir, KEY);
    assert.deepEqual([final.count, final.latest?.headSeq], [4, (await auditHead(t.database.db)).headSeq]);
  });
});
