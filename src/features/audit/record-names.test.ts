import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../../test/support/database.js';
import { writeAuditEntry } from './audit-log.js';
import { createRecordNames, defaultRecordNames } from './record-names.js';

describe(`record names for the audit log on ${testDatabaseKind}`, () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.dispose());

  it('lets a later feature register its record type, and refuses a second namer for a type', async () => {
    const names = createRecordNames();
    const personId = randomUUID();
    names.register('person', {
      label: 'Person',
      displayName: (_q, id) => Promise.resolve(id === personId ? 'A. Person' : null),
    });
    assert.throws(() =>
      names.register('person', { label: 'Again', displayName: () => Promise.resolve(null) }),
    );
    assert.equal(names.labelOf('person'), 'Person');
    assert.equal(names.labelOf('vehicle'), 'vehicle', 'an unregistered type is shown by its name');
    assert.deepEqual(await names.resolve(t.database.db, personId), {
      recordId: personId,
      type: 'person',
      typeLabel: 'Person',
      displayName: 'A. Person',
      unnamedTypes: [],
    });
  });

  it('names only the type of a record no namer knows, from the audit log', async () => {
    const reportId = randomUUID();
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
        { action: 'consultation', event: 'reports.read', recordType: 'public-report', recordIds: [reportId] },
      ),
    );
    const resolution = await defaultRecordNames().resolve(t.database.db, reportId);
    assert.deepEqual(resolution, {
      recordId: reportId,
      type: null,
      typeLabel: null,
      displayName: null,
      unnamedTypes: ['public-report'],
    });
  });
});
