import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { parseHtml } from '../../../test/support/html.js';
import { signedInPartner } from '../../../test/support/partner.js';

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
});
