/**
 * Seeds the public content at start-up, after migrations. Each seed row has a key; a key is
 * offered to a database once, and recorded in `public_content_seed`. So a new Lantern version can
 * add channels or categories, but a row a partner has edited or deleted is never put back or
 * overwritten.
 */
import { sql } from 'kysely';
import type { Database, Tx } from '../../../db/database.js';
import { SEED_CATEGORIES } from './seed-categories.js';
import { SEED_CHANNELS } from './seed-channels.js';

interface SeedItem {
  key: string;
  /** Inserts the row unless it (or what it belongs to) is already there or gone. */
  insert(tx: Tx): Promise<void>;
}

const SEED_LOCK = 7215003; // any fixed number; 7215001 is the migration lock

async function exists(tx: Tx, table: 'soc_category' | 'reporting_channel', key: string): Promise<boolean> {
  const row =
    table === 'soc_category'
      ? await tx.selectFrom('soc_category').select('slug').where('slug', '=', key).executeTakeFirst()
      : await tx.selectFrom('reporting_channel').select('code').where('code', '=', key).executeTakeFirst();
  return row !== undefined;
}

function seedItems(): SeedItem[] {
  const items: SeedItem[] = [];
  SEED_CHANNELS.forEach((channel, index) => {
    items.push({
      key: `channel:${channel.code}`,
      insert: async (tx) => {
        await tx
          .insertInto('reporting_channel')
          .values({
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
          })
          .onConflict((oc) => oc.column('code').doNothing())
          .execute();
      },
    });
    for (const [locale, text] of Object.entries(channel.text)) {
      items.push({
        key: `channel-text:${channel.code}:${locale}`,
        insert: async (tx) => {
          if (!(await exists(tx, 'reporting_channel', channel.code))) return; // a partner removed it
          await tx
            .insertInto('reporting_channel_text')
            .values({
              channel_code: channel.code,
              locale,
              name: text.name,
              summary: text.summary,
              opening_hours: text.openingHours,
              who_receives: text.whoReceives,
              anonymity_note: text.anonymityNote,
              how_to: text.howTo,
            })
            .onConflict((oc) => oc.columns(['channel_code', 'locale']).doNothing())
            .execute();
        },
      });
    }
  });
  SEED_CATEGORIES.forEach((category, index) => {
    items.push({
      key: `category:${category.slug}`,
      insert: async (tx) => {
        await tx
          .insertInto('soc_category')
          .values({ slug: category.slug, sort_order: (index + 1) * 10 })
          .onConflict((oc) => oc.column('slug').doNothing())
          .execute();
      },
    });
    for (const [locale, text] of Object.entries(category.text)) {
      items.push({
        key: `category-text:${category.slug}:${locale}`,
        insert: async (tx) => {
          if (!(await exists(tx, 'soc_category', category.slug))) return;
          await tx
            .insertInto('soc_category_text')
            .values({
              category_slug: category.slug,
              locale,
              name: text.name,
              summary: text.summary,
              what_it_is: text.whatItIs,
              harm: text.harm,
              signs: JSON.stringify(text.signs),
            })
            .onConflict((oc) => oc.columns(['category_slug', 'locale']).doNothing())
            .execute();
        },
      });
    }
    category.channels.forEach((code, position) => {
      items.push({
        key: `category-channel:${category.slug}:${code}`,
        insert: async (tx) => {
          if (!(await exists(tx, 'soc_category', category.slug))) return;
          if (!(await exists(tx, 'reporting_channel', code))) return;
          await tx
            .insertInto('soc_category_channel')
            .values({ category_slug: category.slug, channel_code: code, sort_order: (position + 1) * 10 })
            .onConflict((oc) => oc.columns(['category_slug', 'channel_code']).doNothing())
            .execute();
        },
      });
    });
  });
  return items;
}

/** Inserts seed rows this database has never been offered. Returns the keys offered now. */
export async function seedPublicContent(database: Database): Promise<string[]> {
  const items = seedItems();
  return database.transaction(async (tx) => {
    // Several servers may start at once: one seeds, the others then find nothing left to do.
    await sql`select pg_advisory_xact_lock(${sql.lit(SEED_LOCK)})`.execute(tx);
    const done = new Set(
      (await tx.selectFrom('public_content_seed').select('key').execute()).map((row) => row.key),
    );
    const offered: string[] = [];
    for (const item of items) {
      if (done.has(item.key)) continue;
      await item.insert(tx);
      await tx.insertInto('public_content_seed').values({ key: item.key }).execute();
      offered.push(item.key);
    }
    return offered;
  });
}
