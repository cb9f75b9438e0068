import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../../test/support/database.js';
import { ENTITY_SCHEMA_NAMES, LINK_TYPES } from '../intelligence/index.js';
import { SEED_CATEGORIES } from '../public-site/content/seed-categories.js';
import { REPORT_CATEGORIES } from '../reports/categories.js';
import { SOC_CATEGORIES, SOC_CATEGORY_CODES } from './soc-categories.js';

describe(`vocabularies: the TypeScript lists and the reference tables agree, on ${testDatabaseKind}`, () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.dispose());

  it('soc_category holds the nine categories, codes, slugs, names and order as the module', async () => {
    const rows = await t.database.db
      .selectFrom('soc_category')
      .select(['code', 'slug', 'label'])
      .orderBy('sort_order')
      .execute();
    assert.deepEqual(
      rows,
      SOC_CATEGORIES.map(({ code, slug, label }) => ({ code, slug, label })),
    );
  });

  it('entity_schema holds the schemas the schema module declares, in its order', async () => {
    const rows = await t.database.db
      .selectFrom('entity_schema')
      .select('code')
      .orderBy('sort_order')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.code),
      ENTITY_SCHEMA_NAMES,
    );
  });

  it('link_type holds the link types the schema module declares, in its order', async () => {
    const rows = await t.database.db.selectFrom('link_type').select('code').orderBy('sort_order').execute();
    assert.deepEqual(
      rows.map((r) => r.code),
      Object.keys(LINK_TYPES),
    );
  });

  it('refuses a category, schema or link type outside the vocabulary (foreign keys, not copies)', async () => {
    const references = await sql<{ table: string; column: string; target: string }>`
      select c.conrelid::regclass::text as "table", a.attname as "column", c.confrelid::regclass::text as target
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.confrelid::regclass::text in ('soc_category', 'entity_schema', 'link_type')
      order by 1, 2`.execute(t.database.db);
    assert.deepEqual(
      references.rows.filter((r) => r.table !== 'soc_category_text' && r.table !== 'soc_category_channel'),
      [
        { table: 'entity', column: 'schema', target: 'entity_schema' },
        { table: 'link', column: 'link_type', target: 'link_type' },
        { table: 'public_report', column: 'soc_category', target: 'soc_category' },
      ],
    );
  });

  it('every list derived from the module names the same categories', () => {
    assert.deepEqual(
      SEED_CATEGORIES.map((c) => c.code),
      SOC_CATEGORY_CODES,
    );
    assert.deepEqual(Object.keys(REPORT_CATEGORIES), [...SOC_CATEGORY_CODES, 'not-sure']);
  });
});
