/**
 * The information governance user's audit page shows the latest signed checkpoint, whole, for
 * them to record somewhere the database's administrators cannot reach; and says so when the file
 * holds a checkpoint the key does not vouch for.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { appendFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { testDatabaseKind } from '../../../test/support/database.js';
import { parseHtml, textOf } from '../../../test/support/html.js';
import { signedInPartner, type TestPartner } from '../../../test/support/partner.js';
import { appendCheckpoint, auditHead, checkpointFile } from './checkpoints.js';

describe(`the latest audit checkpoint on the audit page, on ${testDatabaseKind}`, () => {
  const key = randomBytes(32);
  let checkpointDir: string;
  let app: TestApp;
  let auditor: TestPartner;

  before(async () => {
    checkpointDir = await mkdtemp(path.join(os.tmpdir(), 'lantern-checkpoint-page-'));
    app = await startTestApp({
      config: {
        audit: {
          key,
          keySource: 'LANTERN_AUDIT_KEY',
          checkpointDir,
          checkpointEvery: 1000,
          checkpointSeconds: 300,
        },
      },
    });
    auditor = await signedInPartner(app, { agency: 'ig-team', roles: ['information-governance'] });
  });
  after(() => app.stop());

  async function checkpointSection() {
    const response = await auditor.client.get('/partner/audit');
    assert.equal(response.status, 200);
    return parseHtml(await response.text());
  }

  it('says when there is no checkpoint yet', async () => {
    const root = await checkpointSection();
    assert.match(textOf(root, '[data-testid=audit-checkpoint]'), /No checkpoint has been written yet/);
  });

  it('shows the latest checkpoint whole, and warns of one the key does not vouch for', async () => {
    const checkpoint = await appendCheckpoint(checkpointDir, await auditHead(app.lantern.database.db), key);
    let root = await checkpointSection();
    const shown = textOf(root, '[data-testid=checkpoint-line]');
    assert.deepEqual(JSON.parse(shown), checkpoint);
    assert.match(
      textOf(root, '[data-testid=audit-checkpoint]'),
      new RegExp(`${checkpoint.entries} entries, up to entry ${checkpoint.headSeq}`),
    );
    assert.equal(root.querySelector('[data-testid=checkpoint-problems]'), null);

    await appendFile(
      checkpointFile(checkpointDir),
      `${JSON.stringify({ ...checkpoint, headSeq: 999_999 })}\n`,
    );
    root = await checkpointSection();
    assert.deepEqual(JSON.parse(textOf(root, '[data-testid=checkpoint-line]')), checkpoint);
    assert.match(textOf(root, '[data-testid=checkpoint-problems]'), /needs looking at/);
  });
});
