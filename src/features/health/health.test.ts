import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { testDatabaseKind } from '../../../test/support/database.js';
import { VERSION } from '../../main.js';

describe('GET /health', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  it('says Lantern and its database are up, and which database it is', async () => {
    const response = await app.get('/health');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), { status: 'ok', database: testDatabaseKind, version: VERSION });
  });
});
