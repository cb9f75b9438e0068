/**
 * Seeding the public content: everything arrives once, with where it was checked; running it again
 * changes nothing; a partner's edit or deletion is never undone; and the queries read it back in
 * order, falling back to English.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { createPublicContent } from './content.js';
import { seedPublicContent } from './seed.js';
import { CATEGORY_SLUGS, SEED_CATEGORIES } from './seed-categories.js';
import { CHANNEL_CODES } from './seed-channels.js';

describe('public content seed', () => {
  let testDatabase: TestDatabase;
  before(async () => {
    testDatabase = await createTestDatabase();
  });
  after(() => testDatabase.dispose());
  const db = () => testDatabase.database.db;
  const content = () => createPublicContent(testDatabase.database);

  it('inserts the nine categories and every channel, in English, with their links', async () => {
    const offered = await seedPublicContent(testDatabase.database);
    assert.ok(offered.length > 0);
    const categories = await content().categories('en');
    assert.deepEqual(
      categories.map((c) => c.slug),
      [...CATEGORY_SLUGS],
    );
    const channels = await content().channels('en');
    assert.deepEqual(
      channels.map((c) => c.code),
      [...CHANNEL_CODES],
    );
    const links = await db().selectFrom('soc_category_channel').select(['category_slug']).execute();
    assert.equal(
      links.length,
      SEED_CATEGORIES.reduce((sum, c) => sum + c.channels.length, 0),
    );
  });

  it('records for every channel when it was checked and where, and says when something could not be', async () => {
    const rows = await db().selectFrom('reporting_channel').selectAll().execute();
    for (const row of rows) {
      assert.match(row.verified_on ?? '', /^\d{4}-\d{2}-\d{2}$/, `${row.code} verified_on`);
      assert.ok((row.source ?? '').length > 10, `${row.code} source`);
    }
    const glaa = rows.find((r) => r.code === 'glaa')!;
    assert.equal(glaa.anonymity, 'unknown');
    assert.match(glaa.verification_note ?? '', /could not be confirmed/);
    assert.equal(rows.find((r) => r.code === 'ceop')?.anonymity, 'identified');
    assert.equal(rows.find((r) => r.code === 'crimestoppers')?.anonymity, 'anonymous');
  });

  it('keeps the facts the issue names', async () => {
    const byCode = new Map((await content().channels('en')).map((c) => [c.code, c]));
    const facts: [string, 'phone' | 'webUrl' | 'textNumber' | 'email', string][] = [
      ['emergency-999', 'phone', '999'],
      ['police-101', 'phone', '101'],
      ['crimestoppers', 'phone', '0800 555 111'],
      ['report-fraud', 'phone', '0300 123 2040'],
      ['report-fraud', 'webUrl', 'https://www.reportfraud.police.uk/'],
      ['scam-text-7726', 'textNumber', '7726'],
      ['phishing-email', 'email', 'report@phishing.gov.uk'],
      ['modern-slavery-helpline', 'phone', '08000 121 700'],
      ['glaa', 'phone', '0800 432 0804'],
      ['nspcc', 'phone', '0808 800 5000'],
      ['childline', 'phone', '0800 1111'],
      ['citizens-advice-consumer', 'phone', '0808 223 1133'],
      ['victim-support', 'phone', '0808 168 9111'],
      ['lantern-concern-form', 'webUrl', '/report'],
    ];
    for (const [code, field, value] of facts) {
      assert.equal(byCode.get(code)?.[field], value, `${code} ${field}`);
    }
    assert.match(byCode.get('emergency-999')?.howTo ?? '', /18000/);
    assert.match(byCode.get('ceop')?.anonymityNote ?? '', /not anonymous/);
    assert.match(byCode.get('report-fraud')?.summary ?? '', /replaced Action Fraud/);
  });

  it('offers nothing the second time', async () => {
    assert.deepEqual(await seedPublicContent(testDatabase.database), []);
  });

  it('never overwrites a partner’s edit, and never brings back what a partner deleted', async () => {
    await db()
      .updateTable('reporting_channel')
      .set({ phone: '0800 000 000' })
      .where('code', '=', 'crimestoppers')
      .execute();
    await db()
      .updateTable('soc_category_text')
      .set({ name: 'Drugs' })
      .where('category_slug', '=', 'illegal-drugs')
      .execute();
    await db().deleteFrom('reporting_channel').where('code', '=', 'glaa').execute();

    assert.deepEqual(await seedPublicContent(testDatabase.database), []);

    const channels = await content().channels('en');
    assert.equal(channels.find((c) => c.code === 'crimestoppers')?.phone, '0800 000 000');
    assert.equal(
      channels.find((c) => c.code === 'glaa'),
      undefined,
    );
    assert.equal((await content().category('illegal-drugs', 'en'))?.name, 'Drugs');
    const slavery = await content().category('modern-slavery', 'en');
    assert.ok(!slavery?.channels.some((c) => c.code === 'glaa'));
  });

  it('adds seed rows a newer Lantern brings, without tripping over rows partners removed', async () => {
    // As if this database predates the channel and its links: forget them, then seed again.
    await db().deleteFrom('reporting_channel').where('code', '=', 'victim-support').execute();
    await db()
      .deleteFrom('public_content_seed')
      .where('key', 'in', [
        'channel:victim-support',
        'channel-text:victim-support:en',
        'category-channel:fraud:victim-support',
        'category-channel:fraud:glaa', // never a seed row: must be harmless
        'category-channel:modern-slavery:glaa', // its channel was deleted by a partner
      ])
      .execute();
    const offered = await seedPublicContent(testDatabase.database);
    assert.deepEqual(offered.sort(), [
      'category-channel:fraud:victim-support',
      'category-channel:modern-slavery:glaa',
      'channel-text:victim-support:en',
      'channel:victim-support',
    ]);
    const fraud = await content().category('fraud', 'en');
    assert.ok(fraud?.channels.some((c) => c.code === 'victim-support'));
    assert.equal(
      (await content().channels('en')).find((c) => c.code === 'glaa'),
      undefined,
    );
  });
});

describe('public content queries', () => {
  let testDatabase: TestDatabase;
  before(async () => {
    testDatabase = await createTestDatabase();
    await seedPublicContent(testDatabase.database);
  });
  after(() => testDatabase.dispose());

  it('reads a category with its signs and its channels in the order partners set', async () => {
    const content = createPublicContent(testDatabase.database);
    const drugs = (await content.category('illegal-drugs', 'en'))!;
    assert.equal(drugs.name, 'Illegal drugs');
    assert.deepEqual(
      drugs.signs.map((g) => g.heading),
      [
        'County lines: signs a child or young person is being used',
        'Cuckooing: signs someone’s home has been taken over',
        'Drug dealing in an area',
      ],
    );
    assert.deepEqual(
      drugs.channels.map((c) => c.code),
      SEED_CATEGORIES.find((c) => c.slug === 'illegal-drugs')?.channels,
    );
    assert.equal(await content.category('no-such-thing', 'en'), undefined);
  });

  it('uses a translation where there is one, and English where there is not', async () => {
    await testDatabase.database.db
      .insertInto('soc_category_text')
      .values({
        category_slug: 'fraud',
        locale: 'cy',
        name: 'Twyll a sgamiau',
        summary: 'Crynodeb',
        what_it_is: 'Beth ydyw',
        harm: 'Niwed',
        signs: '[]',
      })
      .execute();
    const content = createPublicContent(testDatabase.database);
    const categories = await content.categories('cy');
    assert.equal(categories.find((c) => c.slug === 'fraud')?.name, 'Twyll a sgamiau');
    assert.equal(categories.find((c) => c.slug === 'cyber-crime')?.name, 'Cyber crime');
    assert.equal(categories.length, 9);
  });

  it('shows no signs rather than failing when a partner saves malformed signs', async () => {
    await testDatabase.database.db
      .updateTable('soc_category_text')
      .set({ signs: JSON.stringify([{ heading: 3 }]) })
      .where('category_slug', '=', 'cyber-crime')
      .execute();
    const cyber = (await createPublicContent(testDatabase.database).category('cyber-crime', 'en'))!;
    assert.deepEqual(cyber.signs, []);
    assert.ok(cyber.whatItIs);
  });
});

describe('public content seed, two servers starting at once', () => {
  let testDatabase: TestDatabase;
  before(async () => {
    testDatabase = await createTestDatabase();
  });
  after(() => testDatabase.dispose());

  it('offers each row once between them', async () => {
    const [first, second] = await Promise.all([
      seedPublicContent(testDatabase.database),
      seedPublicContent(testDatabase.database),
    ]);
    const offered = [...first, ...second];
    assert.equal(new Set(offered).size, offered.length, 'no key offered twice');
    assert.ok(first.length === 0 || second.length === 0, 'one of them did all the work');
    const channels = await testDatabase.database.db.selectFrom('reporting_channel').select('code').execute();
    assert.equal(channels.length, CHANNEL_CODES.length);
  });
});
