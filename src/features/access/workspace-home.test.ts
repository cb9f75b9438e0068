import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { parseHtml } from '../../../test/support/html.js';
import { signedInPartner } from '../../../test/support/partner.js';
import { recordSources } from '../../main.js';
import { permissionsOf } from './roles.js';
import { loadViewer } from './viewer.js';
import { shownCount } from './workspace-home.js';

describe('workspace home: what you can see', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
    const audit = {
      actor: { kind: 'system' as const, name: 'test' },
      requestId: null,
      purpose: null,
      justification: null,
      written: 0,
    };
    await app.lantern.services.reports.submit(
      audit,
      {
        category: 'fraud',
        what: 'A scam text asked me to move money',
        where: null,
        whenDate: null,
        whenText: null,
        who: null,
      },
      null,
      undefined,
    );
    await app.lantern.services.accounts.createAgency({
      code: 'police-ppu',
      name: 'Police PPU',
      organisation: 'Police',
      kind: 'police',
    });
    const db = app.lantern.database.db;
    const hub = await db
      .selectFrom('agency')
      .select('id')
      .where('receives_public_reports', '=', true)
      .executeTakeFirstOrThrow();
    const police = await db
      .selectFrom('agency')
      .select('id')
      .where('code', '=', 'police-ppu')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('sharing_rule')
      .values({ owner_agency_id: hub.id, partner_agency_id: police.id, record_type: 'public-report' })
      .execute();
  });
  after(() => app.stop());

  async function counts(
    agency: string,
    role: Parameters<typeof signedInPartner>[1]['roles'][number],
    clearance: 'OFFICIAL' | 'OFFICIAL-SENSITIVE' = 'OFFICIAL-SENSITIVE',
  ) {
    const partner = await signedInPartner(app, { agency, roles: [role], clearance });
    const html = await (await partner.client.get('/partner')).text();
    const rows = parseHtml(html).querySelectorAll('[data-testid=visible-counts] .govuk-summary-list__row');
    return Object.fromEntries(
      rows.map((row) => [row.querySelector('dt')!.text.trim(), Number(row.querySelector('dd')!.text.trim())]),
    );
  }

  it('counts only what the partner may see: shared, cleared, and allowed by role', async () => {
    assert.equal(
      (await counts('police-ppu', 'public-protection-analyst'))['Reports from the public'],
      1,
      'shared with police',
    );
    assert.equal(
      (await counts('police-ppu', 'public-protection-analyst', 'OFFICIAL'))['Reports from the public'],
      0,
      'not cleared for OFFICIAL-SENSITIVE',
    );
    assert.equal(
      (await counts('council-licensing', 'council-officer'))['Reports from the public'],
      0,
      'not shared with licensing',
    );
    const auditor = await counts('partnership-team', 'information-governance');
    assert.equal(auditor['Reports from the public'], undefined, 'the auditor reads no intelligence');
    assert.ok((auditor['Audit log entries'] ?? 0) > 0);
  });

  it('stops counting at the cap and says so ("1,000+"), so a visit reads at most that many rows of a type', async () => {
    assert.equal(shownCount(7), '7');
    assert.equal(shownCount(1000), '1,000');
    assert.equal(shownCount(1001), '1,000+');
    const auditor = await signedInPartner(app, {
      agency: 'partnership-team',
      roles: ['information-governance'],
    });
    const viewer = await loadViewer(app.lantern.database.db, {
      kind: 'user',
      userId: auditor.id,
      agencyId: auditor.agencyId,
      roles: ['information-governance'],
      permissions: permissionsOf(['information-governance']),
      clearance: 'OFFICIAL-SENSITIVE',
    });
    const audit = recordSources().find((source) => source.type === 'audit-entry');
    assert.ok(audit);
    const all = await audit.count(app.lantern.database.db, viewer, {});
    assert.ok(all > 2, `the auditor sees ${all} entries`);
    assert.equal(await audit.count(app.lantern.database.db, viewer, { cap: 2 }), 2);
    assert.equal(await audit.count(app.lantern.database.db, viewer, { cap: all + 5 }), all);
  });
});
