/**
 * Seeds the public content at start-up, after migrations. Each seed row has a key; a key is
 * offered to a database once, and recorded in `public_content_seed`. So a new Lantern version can
 * add channels or categories, but a row a partner has edited or deleted is never put back or
 * overwritten.
 */
import { sql, type Insertable } from 'kysely';
import type { Database } from '../../../db/database.js';
import type {
  ReportingChannelTable,
  ReportingChannelTextTable,
  SocCategoryChannelTable,
  SocCategoryTable,
  SocCategoryTextTable,
} from '../../../db/tables.js';
import { SEED_CATEGORIES } from './seed-categories.js';
import { SEED_CHANNELS } from './seed-channels.js';

const SEED_LOCK = 7215003; // any fixed number; 7215001 is the migration lock

/** One seed row, with the parents it needs (a text row needs its channel or category). */
type SeedRow =
  | { key: string; table: 'reporting_channel'; row: Insertable<ReportingChannelTable> }
  | {
      key: string;
      table: 'reporting_channel_text';
      row: Insertable<ReportingChannelTextTable>;
      channel: string;
    }
  | { key: string; table: 'soc_category'; row: Insertable<SocCategoryTable> }
  | { key: string; table: 'soc_category_text'; row: Insertable<SocCategoryTextTable>; category: string }
  | {
      key: string;
      table: 'soc_category_channel';
      row: Insertable<SocCategoryChannelTable>;
      category: string;
      channel: string;
    };

function seedRows(): SeedRow[] {
  const rows: SeedRow[] = [];
  SEED_CHANNELS.forEach((channel, index) => {
    rows.push({
      key: `channel:${channel.code}`,
      table: 'reporting_channel',
      row: {
        code: channel.code,
        sort_order: (index + 1) * 10,
        kind: channel.kind,
        phone: channel.phone,
        out_of_hours_phone: channel.outOfHoursPhone,
        text_number: channel.textNumber,
        email: channel.email,
        web_url: channel.webUrl,
        anonymity: channel.anonymity,
        is_local: channel.isLocal,
        verified_on: channel.verifiedOn,
        source: channel.source,
        verification_note: channel.verificationNote,
      },
    });
    for (const [locale, text] of Object.entries(channel.text)) {
      rows.push({
        key: `channel-text:${channel.code}:${locale}`,
        table: 'reporting_channel_text',
        channel: channel.code,
        row: {
          channel_code: channel.code,
          locale,
          name: text.name,
          summary: text.summary,
          opening_hours: text.openingHours,
          who_receives: text.whoReceives,
          anonymity_note: text.anonymityNote,
          how_to: text.howTo,
        },
      });
    }
  });
  SEED_CATEGORIES.forEach((category, index) => {
    rows.push({
      key: `category:${category.slug}`,
      table: 'soc_category',
      // Migration 0012 puts these rows there first; the seed only fills in a database without them.
      row: { slug: category.slug, code: category.code, label: category.label, sort_order: (index + 1) * 10 },
    });
    for (const [locale, text] of Object.entries(category.text)) {
      rows.push({
        key: `category-text:${category.slug}:${locale}`,
        table: 'soc_category_text',
        category: category.slug,
        row: {
          category_slug: category.slug,
          locale,
          name: text.name,
          summary: text.summary,
          what_it_is: text.whatItIs,
          harm: text.harm,
          signs: JSON.stringify(text.signs),
        },
      });
    }
    category.channels.forEach((code, position) => {
      rows.push({
        key: `category-channel:${category.slug}:${code}`,
        table: 'soc_category_channel',
        category: category.slug,
        channel: code,
        row: { category_slug: category.slug, channel_code: code, sort_order: (position + 1) * 10 },
      });
    });
  });
  return rows;
}

/** Inserts seed rows this database has never been offered. Returns the keys offered now. */
export async function seedPublicContent(database: Database): Promise<string[]> {
  const all = seedRows();
  return database.transaction(async (tx) => {
    // Several servers may start at once: one seeds, the others then find nothing left to do.
    await sql`select pg_advisory_xact_lock(${sql.lit(SEED_LOCK)})`.execute(tx);
    const done = new Set(
      (await tx.selectFrom('public_content_seed').select('key').execute()).map((row) => row.key),
    );
    const offered = all.filter((seed) => !done.has(seed.key));
    if (offered.length === 0) return [];

    // Parents first; a child whose parent a partner deleted is offered (and recorded) but not inserted.
    const channels = new Set(
      (await tx.selectFrom('reporting_channel').select('code').execute()).map((r) => r.code),
    );
    const categories = new Set(
      (await tx.selectFrom('soc_category').select('slug').execute()).map((r) => r.slug),
    );
    const newChannels = offered.flatMap((s) => (s.table === 'reporting_channel' ? [s.row] : []));
    const newCategories = offered.flatMap((s) => (s.table === 'soc_category' ? [s.row] : []));
    if (newChannels.length) {
      await tx
        .insertInto('reporting_channel')
        .values(newChannels)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    if (newCategories.length) {
      await tx
        .insertInto('soc_category')
        .values(newCategories)
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
    }
    for (const row of newChannels) channels.add(row.code);
    for (const row of newCategories) categories.add(row.slug);

    const channelTexts = offered.flatMap((s) =>
      s.table === 'reporting_channel_text' && channels.has(s.channel) ? [s.row] : [],
    );
    const categoryTexts = offered.flatMap((s) =>
      s.table === 'soc_category_text' && categories.has(s.category) ? [s.row] : [],
    );
    const links = offered.flatMap((s) =>
      s.table === 'soc_category_channel' && categories.has(s.category) && channels.has(s.channel)
        ? [s.row]
        : [],
    );
    if (channelTexts.length) {
      await tx
        .insertInto('reporting_channel_text')
        .values(channelTexts)
        .onConflict((oc) => oc.columns(['channel_code', 'locale']).doNothing())
        .execute();
    }
    if (categoryTexts.length) {
      await tx
        .insertInto('soc_category_text')
        .values(categoryTexts)
        .onConflict((oc) => oc.columns(['category_slug', 'locale']).doNothing())
        .execute();
    }
    if (links.length) {
      await tx
        .insertInto('soc_category_channel')
        .values(links)
        .onConflict((oc) => oc.columns(['category_slug', 'channel_code']).doNothing())
        .execute();
    }
    await tx
      .insertInto('public_content_seed')
      .values(offered.map((seed) => ({ key: seed.key })))
      .execute();
    return offered.map((seed) => seed.key);
  });
}
