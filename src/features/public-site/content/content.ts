/**
 * The public content's queries, all in one place: categories and reporting channels in one
 * language, falling back to English for any row not yet translated.
 */
import { z } from 'zod';
import type { Database } from '../../../db/database.js';
import type { ReportingChannelTable, ReportingChannelTextTable } from '../../../db/tables.js';
import type { Category, CategorySummary, Channel, SignGroup } from './types.js';

const DEFAULT_LOCALE = 'en';

const signGroups = z.array(z.object({ heading: z.string().nullable(), items: z.array(z.string()) }));

/** Partners edit signs as data; a malformed value shows no signs rather than breaking the page. */
function parseSigns(value: unknown): SignGroup[] {
  const parsed = signGroups.safeParse(typeof value === 'string' ? (JSON.parse(value) as unknown) : value);
  return parsed.success ? parsed.data : [];
}

/** From rows in several locales, the one for `locale`, else the default. */
function pickLocale<T extends { locale: string }>(rows: T[], locale: string): T | undefined {
  return rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale === DEFAULT_LOCALE);
}

function locales(locale: string): string[] {
  return locale === DEFAULT_LOCALE ? [DEFAULT_LOCALE] : [locale, DEFAULT_LOCALE];
}

type ChannelRow = Omit<ReportingChannelTable, 'created_at'>;

function toChannel(facts: ChannelRow, text: ReportingChannelTextTable): Channel {
  return {
    code: facts.code,
    kind: facts.kind,
    phone: facts.phone,
    outOfHoursPhone: facts.out_of_hours_phone,
    textNumber: facts.text_number,
    email: facts.email,
    webUrl: facts.web_url,
    anonymity: facts.anonymity,
    isLocal: facts.is_local,
    verifiedOn: facts.verified_on,
    source: facts.source,
    verificationNote: facts.verification_note,
    name: text.name,
    summary: text.summary,
    openingHours: text.opening_hours,
    whoReceives: text.who_receives,
    anonymityNote: text.anonymity_note,
    howTo: text.how_to,
  };
}

export function createPublicContent(database: Database) {
  const { db } = database;

  /** Channels in their sort order; those with no text in any usable locale are left out. */
  async function channels(locale: string, codes?: readonly string[]): Promise<Channel[]> {
    if (codes?.length === 0) return [];
    let factsQuery = db
      .selectFrom('reporting_channel')
      .select([
        'code',
        'sort_order',
        'kind',
        'phone',
        'out_of_hours_phone',
        'text_number',
        'email',
        'web_url',
        'anonymity',
        'is_local',
        'verified_on',
        'source',
        'verification_note',
      ])
      .orderBy('sort_order')
      .orderBy('code');
    if (codes) factsQuery = factsQuery.where('code', 'in', [...codes]);
    const facts = await factsQuery.execute();
    if (facts.length === 0) return [];
    const texts = await db
      .selectFrom('reporting_channel_text')
      .selectAll()
      .where('locale', 'in', locales(locale))
      .where(
        'channel_code',
        'in',
        facts.map((f) => f.code),
      )
      .execute();
    return facts.flatMap((f) => {
      const text = pickLocale(
        texts.filter((t) => t.channel_code === f.code),
        locale,
      );
      return text ? [toChannel(f, text)] : [];
    });
  }

  return {
    channels,

    async categories(locale: string): Promise<CategorySummary[]> {
      const rows = await db
        .selectFrom('soc_category as c')
        .innerJoin('soc_category_text as t', 't.category_slug', 'c.slug')
        .select(['c.slug', 'c.sort_order', 't.locale', 't.name', 't.summary'])
        .where('t.locale', 'in', locales(locale))
        .orderBy('c.sort_order')
        .orderBy('c.slug')
        .execute();
      const slugs = [...new Set(rows.map((r) => r.slug))];
      return slugs.flatMap((slug) => {
        const row = pickLocale(
          rows.filter((r) => r.slug === slug),
          locale,
        );
        return row ? [{ slug, name: row.name, summary: row.summary }] : [];
      });
    },

    async category(slug: string, locale: string): Promise<Category | undefined> {
      const texts = await db
        .selectFrom('soc_category_text')
        .selectAll()
        .where('category_slug', '=', slug)
        .where('locale', 'in', locales(locale))
        .execute();
      const text = pickLocale(texts, locale);
      if (!text) return undefined;
      const links = await db
        .selectFrom('soc_category_channel')
        .select(['channel_code'])
        .where('category_slug', '=', slug)
        .orderBy('sort_order')
        .orderBy('channel_code')
        .execute();
      const linked = await channels(
        locale,
        links.map((l) => l.channel_code),
      );
      const byCode = new Map(linked.map((c) => [c.code, c]));
      return {
        slug,
        name: text.name,
        summary: text.summary,
        whatItIs: text.what_it_is,
        harm: text.harm,
        signs: parseSigns(text.signs),
        channels: links.flatMap((l) => byCode.get(l.channel_code) ?? []),
      };
    },
  };
}
export type PublicContent = ReturnType<typeof createPublicContent>;
