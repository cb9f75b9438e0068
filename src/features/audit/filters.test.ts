import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditFilterSchema, filterDetail, filterQuery, normaliseFilter, parseUkDate } from './filters.js';

describe('audit log filters', () => {
  it('reads UK and ISO dates, and refuses days that do not exist', () => {
    assert.equal(parseUkDate('23/11/2026'), '2026-11-23');
    assert.equal(parseUkDate('1/2/2026'), '2026-02-01');
    assert.equal(parseUkDate('23-11-2026'), '2026-11-23');
    assert.equal(parseUkDate(' 2026-11-23 '), '2026-11-23');
    assert.equal(parseUkDate('29/02/2028'), '2028-02-29');
    for (const bad of ['29/02/2026', '31/04/2026', '11/23/2026', '2026-13-01', 'yesterday', '23/11/26', '']) {
      assert.equal(parseUkDate(bad), null, bad);
    }
  });

  it('treats blank fields as no filter, and tells an email from a user id', () => {
    const id = '0B6C1F3E-8D1A-4C55-9A1E-2F0D6B7A9C41';
    const parsed = auditFilterSchema.parse({ user: id, agency: '', from: '1/11/2026', to: '', page: '2' });
    assert.deepEqual(normaliseFilter(parsed), {
      filter: { userId: id.toLowerCase(), from: '2026-11-01' },
      page: 2,
    });
    const byEmail = normaliseFilter(auditFilterSchema.parse({ user: ' Ann@Council.Example ' }));
    assert.deepEqual(byEmail.filter, { userEmail: 'ann@council.example' });
    assert.deepEqual(filterDetail(byEmail.filter), { userEmail: 'ann@council.example' });
  });

  it('names the field each problem belongs to', () => {
    const result = auditFilterSchema.safeParse({ from: '2026-11-23', to: '2026-11-01', page: '0' });
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
      [
        ['page', 'Page must be a number'],
        ['to', 'Date to must be the same as or after date from'],
      ],
      'every problem at once',
    );
    const order = auditFilterSchema.safeParse({ from: '2026-11-23', to: '2026-11-01' });
    assert.deepEqual(
      order.error?.issues.map((issue) => [issue.path.join('.'), issue.message]),
      [['to', 'Date to must be the same as or after date from']],
    );
    assert.equal(auditFilterSchema.safeParse({ sort: 'name' }).success, false, 'unknown fields refused');
  });

  it('keeps the filter, not blanks or the page, in links', () => {
    assert.equal(
      filterQuery({ user: ' a@b.example ', agency: '', page: '3', event: 'audit.log.view' }, { page: '4' }),
      '?user=a%40b.example&event=audit.log.view&page=4',
    );
    assert.equal(filterQuery({}), '');
  });
});
