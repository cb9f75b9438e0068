import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { signedInPartner, type TestPartner } from '../../../test/support/partner.js';

describe('records API: audited reads fail closed', () => {
  let app: TestApp;
  let admin: TestPartner;
  before(async () => {
    app = await startTestApp();
    admin = await signedInPartner(app, { agency: 'partnership-team', roles: ['system-administrator'] });
  });
  after(() => app.stop());

  async function entriesFor(userId: string) {
    return app.lantern.database.db
      .selectFrom('audit_entry')
      .select(['event', 'record_ids'])
      .where('actor_user_id', '=', userId)
      .where('action', '=', 'consultation')
      .execute();
  }

  it('writes one consultation entry naming the record read, and one naming every record listed', async () => {
    const read = await admin.client.get(`/api/v1/records/user/${admin.id}`);
    assert.equal(read.status, 200);
    assert.equal(((await read.json()) as { id: string }).id, admin.id);
    const list = await admin.client.get('/api/v1/records/user');
    const listed = ((await list.json()) as { records: { id: string }[] }).records.map((r) => r.id);
    assert.ok(listed.length >= 1);
    const entries = await entriesFor(admin.id);
    assert.deepEqual(entries, [
      { event: 'records.read', record_ids: [admin.id] },
      { event: 'records.list', record_ids: listed },
    ]);
  });

  it('returns no data when the audit entry cannot be written, and leaves nothing half-done', async () => {
    const db = app.lantern.database.db;
    await sql`create function refuse_audit() returns trigger language plpgsql as $$
      begin raise exception 'injected audit failure'; end; $$`.execute(db);
    await sql`create trigger refuse_audit before insert on audit_entry for each row execute function refuse_audit()`.execute(
      db,
    );
    try {
      const before = await entriesFor(admin.id);
      for (const path of [
        `/api/v1/records/user/${admin.id}`,
        '/api/v1/records/user',
        '/api/v1/records/user/export',
      ]) {
        const response = await admin.client.get(path);
        assert.equal(response.status, 500, path);
        const body = await response.text();
        assert.doesNotMatch(body, new RegExp(admin.email), `${path} leaks nothing`);
        assert.match(body, /"error":"Sorry, there is a problem with the service"/);
      }
      assert.deepEqual(await entriesFor(admin.id), before);
    } finally {
      await sql`drop trigger refuse_audit on audit_entry`.execute(db);
      await sql`drop function refuse_audit()`.execute(db);
    }
  });

  it('answers a type the caller may not use, an unknown type and a bad id alike: 404', async () => {
    const answers = await Promise.all(
      ['/api/v1/records/audit-entry', '/api/v1/records/no-such-type', '/api/v1/records/user/not-a-uuid'].map(
        async (path) => {
          const response = await admin.client.get(path);
          return [response.status, await response.text()];
        },
      ),
    );
    assert.deepEqual(answers, [
      [404, '{"error":"Not found"}'],
      [404, '{"error":"Not found"}'],
      [404, '{"error":"Not found"}'],
    ]);
  });

  it('asks anonymous callers to sign in', async () => {
    const response = await app.get('/api/v1/records/user');
    assert.equal(response.status, 401);
  });
});
