/**
 * Control characters (a NUL above all, which PostgreSQL refuses in text) are turned away at the
 * route layer with a 400 and a clear message, on every route that takes a query or a form, and
 * nothing is written.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../test/support/app.js';
import { signedInPartner, type TestPartner } from '../../test/support/partner.js';
import { CONTROL_CHARACTER_MESSAGE, fieldsWithControlCharacters } from './routes.js';

describe('control characters in input', () => {
  it('names each field holding one, and lets tabs and new lines through', () => {
    assert.deepEqual(
      fieldsWithControlCharacters({
        q: 'a\u0000b',
        notes: 'line one\r\nline two\tend',
        roles: ['ok', 'bad\u0007', 'bad\u001b'],
        nested: { deep: '\u007f', fine: 'fine' },
        c1: '\u0085',
        ['key\u0000']: 'value',
      }),
      ['q', 'roles', 'nested-deep', 'c1', ''],
    );
    assert.deepEqual(fieldsWithControlCharacters({ file: Buffer.from([0]), n: 3, none: undefined }), []);
  });
});

describe('control characters at the edge, over HTTP', () => {
  let app: TestApp;
  let analyst: TestPartner;
  let administrator: TestPartner;
  let auditor: TestPartner;
  before(async () => {
    app = await startTestApp();
    analyst = await signedInPartner(app, { agency: 'police', roles: ['public-protection-analyst'] });
    administrator = await signedInPartner(app, {
      agency: 'partnership-team',
      roles: ['system-administrator'],
    });
    auditor = await signedInPartner(app, { agency: 'partnership-team', roles: ['information-governance'] });
  });
  after(() => app.stop());

  const NUL = '%00';
  const cases: [string, () => TestPartner, string][] = [
    ['search page', () => analyst, `/partner/search?q=drugs${NUL}`],
    ['search API', () => analyst, `/api/v1/search?q=drugs${NUL}`],
    ['records API list', () => analyst, `/api/v1/records/public-report?q=a${NUL}b`],
    ['records API count', () => analyst, `/api/v1/records/public-report/count?q=${NUL}`],
    ['records API, in the path', () => analyst, `/api/v1/records/public-report/${NUL}`],
    ['OCG list filter', () => analyst, `/partner/ocgs?area=${NUL}`],
    ['tactics filter', () => analyst, `/partner/tactics?words=${NUL}&agency=x${NUL}`],
    ['inbox filter', () => analyst, `/partner/intelligence?q=${NUL}`],
    ['admin users filter', () => administrator, `/partner/admin/users?agency=${NUL}`],
    ['audit log filter', () => auditor, `/partner/audit?event=${NUL}`],
    ['a field the schema does not know', () => analyst, `/partner/search?zz=${NUL}`],
  ];
  for (const [what, who, path] of cases) {
    it(`refuses a NUL in the ${what} with a 400 and a clear message`, async () => {
      const before = await auditEntries();
      const response = await who().client.get(path);
      assert.equal(response.status, 400, path);
      const text = await response.text();
      assert.doesNotMatch(text, /\bat [\w.]+ \(/, 'no stack trace');
      if (path.startsWith('/api/')) {
        const json = JSON.parse(text) as { error: string; fields: Record<string, string> };
        assert.equal(json.error, 'The request is not valid');
        assert.ok(Object.values(json.fields).includes(CONTROL_CHARACTER_MESSAGE), text);
      } else {
        assert.match(text, /Remove the control characters|The page address has something wrong in it/);
      }
      assert.equal(await auditEntries(), before, 'nothing is written');
    });
  }

  it('shows a form error, and changes nothing, for a NUL in a form field', async () => {
    const response = await administrator.client.post('/partner/admin/agencies/new', {
      code: 'bad-agency',
      name: 'Bad\u0000 agency',
      organisation: 'Test organisation',
      kind: 'council',
    });
    // Post/redirect/get: back to the form, which shows the error against the field.
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/partner/admin/agencies/new');
    const form = await (await administrator.client.get('/partner/admin/agencies/new')).text();
    assert.match(form, /Remove the control characters \(such as NUL\) from this answer/);
    assert.match(form, /value="Bad agency"/);
    assert.equal(await app.lantern.services.accounts.agencyByCode('bad-agency'), undefined);
  });

  async function auditEntries(): Promise<number> {
    const row = await app.lantern.database.db
      .selectFrom('audit_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  }
});
