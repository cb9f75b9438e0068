/**
 * A synthetic partnership at the size Lantern must cope with (bench:scale): 1,000,000 entities,
 * 2,000,000 links, 200,000 intelligence items and 100,000 named access lists at scale 1, and the
 * same shape smaller at any other scale.
 *
 * Builds on load.ts (people, their addresses, items and involvements), then adds, always set-based
 * (json_to_recordset, a batch of thousands of rows a statement):
 *   - phones and vehicles, to bring the entities to exactly the count asked for;
 *   - the access lists. As in life, one is made for a submission, a child's record or an import,
 *     naming the agency that made it (in the proportions agencies record intelligence, so the
 *     viewer's council ASB team is named on about one list in six), sometimes a second agency, and
 *     sometimes a few named officers; records are then spread over their own agency's lists;
 *   - the links, each supported by an item: people with associates and family, where they live,
 *     the phones and vehicles they use. A few people are hubs with hundreds of links, most have a
 *     handful, as in a real network.
 */
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';
import {
  AGENCIES,
  dropSearchIndexes,
  loadPartnership,
  pickAgency,
  rebuildIndexes,
  timed,
  type AgencyCode,
  type LoadedPartnership,
} from './load.js';
import { phone, randomStream, vrm, type RandomStream } from './partnership.js';

/** The sizes at scale 1. */
export const FULL_SCALE = {
  entities: 1_000_000,
  links: 2_000_000,
  items: 200_000,
  accessLists: 100_000,
} as const;
export type ScaleCounts = { -readonly [K in keyof typeof FULL_SCALE]: number };

/** The loader's own lists (need-to-know and one for each agency's children) come first. */
const MINIMUM: ScaleCounts = { entities: 100, links: 100, items: 50, accessLists: 20 };

export function scaledCounts(scale: number): ScaleCounts {
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`The scale must be above 0, not ${scale}`);
  const at = (key: keyof ScaleCounts) => Math.max(MINIMUM[key], Math.round(FULL_SCALE[key] * scale));
  return { entities: at('entities'), links: at('links'), items: at('items'), accessLists: at('accessLists') };
}

export interface ScaleOptions {
  scale: number;
  seed?: number;
  /** Rows per batch (and per transaction). */
  batch?: number;
  progress?: (message: string) => void;
}

export interface LoadedScale extends LoadedPartnership {
  /** What was loaded: the database holds exactly these. */
  counts: ScaleCounts;
  /** Access lists that name the viewer's agency. */
  listsNamingViewer: number;
  scaleTimings: { entitiesMs: number; listsMs: number; spreadMs: number; linksMs: number; totalMs: number };
}

/** Of each kind of record, the share placed on one of its agency's access lists. */
const ON_A_LIST = { item: 0.3, entity: 0.08, link: 0.1 };

/** Link types and the share of links of each: [type, from schema, to schema, share]. */
const LINK_MIX: readonly [string, string, string, number][] = [
  ['associate-of', 'Person', 'Person', 0.3],
  ['family-of', 'Person', 'Person', 0.1],
  ['lives-at', 'Person', 'Address', 0.3],
  ['uses-phone', 'Person', 'Phone', 0.18],
  ['uses-vehicle', 'Person', 'Vehicle', 0.12],
];

async function count(database: Database, table: 'entity' | 'access_list'): Promise<number> {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function inBatches<T>(
  total: number,
  batch: number,
  make: (n: number) => T[],
  write: (rows: T[]) => Promise<void>,
): Promise<void> {
  for (let done = 0; done < total; done += batch) await write(make(Math.min(batch, total - done)));
}

function marking(random: RandomStream, agencyId: string, list: string | null) {
  const handlingC = random.chance(0.15);
  return {
    classification: random.chance(0.6) ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
    handling_code: handlingC ? 'C' : 'P',
    handling_conditions: handlingC
      ? 'Not to be disclosed outside the partnership without the owner’s consent.'
      : null,
    owning_agency_id: agencyId,
    access_list_id: list,
  };
}

export async function loadScale(database: Database, options: ScaleOptions): Promise<LoadedScale> {
  const started = performance.now();
  const counts = scaledCounts(options.scale);
  const seed = options.seed ?? 20261203;
  const batch = options.batch ?? 10_000;
  const say = options.progress ?? (() => undefined);
  const random = randomStream(seed + 7);
  const agencyIds = (loaded: LoadedPartnership) =>
    Object.fromEntries(AGENCIES.map((a) => [a.code, loaded.agencies[a.code] ?? ''])) as Record<
      AgencyCode,
      string
    >;

  // People make about 1.3 entities each (a third have an address); phones and vehicles make up the rest.
  const base = await loadPartnership(database, {
    people: Math.round(counts.entities * 0.65),
    items: counts.items,
    seed,
    batch,
    progress: say,
  });
  const agencies = agencyIds(base);
  const rebuild = await dropSearchIndexes(database, ['entity', 'link', 'link_source']);

  const [, entitiesMs] = await timed(async () => {
    const missing = counts.entities - (await count(database, 'entity'));
    await inBatches(
      missing,
      batch,
      (n) =>
        Array.from({ length: n }, () => {
          const isPhone = random.chance(0.6);
          const caption = isPhone ? phone(random) : vrm(random);
          return {
            id: random.uuid(),
            schema: isPhone ? 'Phone' : 'Vehicle',
            caption,
            properties: JSON.stringify(isPhone ? { number: [caption] } : { registration: [caption] }),
            ...marking(random, agencies[pickAgency(random.next(), 'people')], null),
          };
        }),
      async (rows) => {
        await sql`insert into entity (id, schema, caption, properties, classification, handling_code,
            handling_conditions, owning_agency_id, access_list_id)
          select r.id, r.schema, r.caption, r.properties::jsonb, r.classification, r.handling_code,
            r.handling_conditions, r.owning_agency_id, r.access_list_id
          from json_to_recordset(${JSON.stringify(rows)}::json) as r(id uuid, schema text, caption text,
            properties text, classification text, handling_code text, handling_conditions text,
            owning_agency_id uuid, access_list_id uuid)`.execute(database.db);
      },
    );
    say(`entities: ${counts.entities} (${missing} phones and vehicles)`);
  });

  // Officers to name on lists: a few for each agency, as the lists of a real partnership name them.
  const officers: string[] = [];
  const listsByAgency = new Map<string, string[]>(AGENCIES.map((a) => [agencies[a.code], []]));
  let listsNamingViewer = 0;
  const [, listsMs] = await timed(async () => {
    const users = AGENCIES.flatMap((agency) =>
      Array.from({ length: Math.max(3, Math.round(300 * options.scale)) }, (_, i) => {
        const id = random.uuid();
        officers.push(id);
        return { id, email: `officer${i}@${agency.code}.bench.example`, agency_id: agencies[agency.code] };
      }),
    );
    await sql`insert into app_user (id, email, display_name, agency_id)
      select r.id, r.email, r.email, r.agency_id
      from json_to_recordset(${JSON.stringify(users)}::json) as r(id uuid, email text, agency_id uuid)`.execute(
      database.db,
    );
    const missing = counts.accessLists - (await count(database, 'access_list'));
    await inBatches(
      missing,
      batch,
      (n) =>
        Array.from({ length: n }, () => {
          const id = random.uuid();
          const creator = agencies[pickAgency(random.next(), 'items')];
          listsByAgency.get(creator)?.push(id);
          const named = new Set([creator]);
          if (random.chance(0.1)) named.add(agencies[random.pick(AGENCIES).code]);
          if (named.has(agencies['council-asb'])) listsNamingViewer++;
          const people = random.chance(0.4) ? 1 + random.int(3) : 0;
          return {
            id,
            description: random.pick([
              'Partner submission: need to know',
              'Child’s record',
              'Import: need to know',
              'Link chart import: need to know',
              'Operation: need to know',
            ]),
            agencies: [...named],
            users: [...new Set(Array.from({ length: people }, () => random.pick(officers)))],
          };
        }),
      (lists) =>
        database.transaction(async (tx) => {
          await sql`insert into access_list (id, description)
            select r.id, r.description
            from json_to_recordset(${JSON.stringify(lists)}::json) as r(id uuid, description text)`.execute(
            tx,
          );
          const members = lists.flatMap((list) => [
            ...list.agencies.map((agency) => ({ list: list.id, agency, user: null })),
            ...list.users.map((user) => ({ list: list.id, agency: null, user })),
          ]);
          await sql`insert into access_list_member (access_list_id, agency_id, user_id)
            select r.list, r.agency, r.user
            from json_to_recordset(${JSON.stringify(members)}::json) as r(list uuid, agency uuid, "user" uuid)`.execute(
            tx,
          );
        }),
    );
    say(`access lists: ${counts.accessLists} (${listsNamingViewer} name the viewer's agency)`);
  });

  // A list for a record: one its own agency made, or none.
  const listFor = (agencyId: string, share: number): string | null => {
    const lists = listsByAgency.get(agencyId) ?? [];
    return lists.length && random.chance(share) ? random.pick(lists) : null;
  };

  // Items and entities already loaded go onto lists by one statement per batch of ids.
  const [, spreadMs] = await timed(async () => {
    for (const [table, share] of [
      ['intelligence_item', ON_A_LIST.item],
      ['entity', ON_A_LIST.entity],
    ] as const) {
      const { rows } = await sql<{ id: string; owner: string }>`
        select id, owning_agency_id as owner from ${sql.table(table)}
        where access_list_id is null order by id`.execute(database.db);
      const placed = rows.flatMap((row) => {
        const list = listFor(row.owner, share);
        return list ? [{ id: row.id, list }] : [];
      });
      for (let i = 0; i < placed.length; i += batch) {
        await sql`update ${sql.table(table)} t set access_list_id = r.list
          from json_to_recordset(${JSON.stringify(placed.slice(i, i + batch))}::json) as r(id uuid, list uuid)
          where t.id = r.id`.execute(database.db);
      }
      say(`${table}: ${placed.length} put on access lists`);
    }
  });

  const [, linksMs] = await timed(async () => {
    const bySchema = new Map<string, { ids: string[]; owners: string[] }>();
    const { rows: entities } = await sql<{ id: string; schema: string; owner: string }>`
      select id, schema, owning_agency_id as owner from entity order by id`.execute(database.db);
    for (const e of entities) {
      const group = bySchema.get(e.schema) ?? { ids: [], owners: [] };
      group.ids.push(e.id);
      group.owners.push(e.owner);
      bySchema.set(e.schema, group);
    }
    const { rows: items } = await sql<{ id: string; owner: string }>`
      select id, owning_agency_id as owner from intelligence_item order by id`.execute(database.db);
    const people = bySchema.get('Person') ?? { ids: [], owners: [] };
    // u^2.2 over people in id order: a few hubs with hundreds of links, most with a handful.
    const hubbyPerson = () => people.ids[Math.floor(people.ids.length * random.next() ** 2.2)] ?? '';
    const mix = LINK_MIX.filter(([, , to]) => (bySchema.get(to)?.ids.length ?? 0) > 0);
    const totalShare = mix.reduce((sum, [, , , share]) => sum + share, 0);
    const linkType = () => {
      let u = random.next() * totalShare;
      for (const entry of mix) if ((u -= entry[3]) < 0) return entry;
      return mix[0] as (typeof mix)[number];
    };
    let written = 0;
    await inBatches(
      counts.links,
      batch,
      (n) =>
        Array.from({ length: n }, () => {
          const [type, , toSchema] = linkType();
          const from = hubbyPerson();
          const ends = bySchema.get(toSchema)?.ids ?? [];
          const at = random.int(ends.length);
          // No one is linked to themselves: the next person along instead.
          const to = ends[at] === from ? (ends[(at + 1) % ends.length] ?? '') : (ends[at] ?? '');
          const item = random.pick(items);
          const start = new Date(Date.UTC(2019, 0, 1) + random.int(7 * 365) * 86_400_000);
          return {
            id: random.uuid(),
            link_type: type,
            from_entity_id: from,
            to_entity_id: to,
            start_date: random.chance(0.5) ? start.toISOString().slice(0, 10) : null,
            confidence: random.pick(['low', 'medium', 'medium', 'high']),
            item_id: item.id,
            ...marking(random, item.owner, listFor(item.owner, ON_A_LIST.link)),
          };
        }),
      (links) =>
        database.transaction(async (tx) => {
          const json = JSON.stringify(links);
          await sql`insert into link (id, link_type, from_entity_id, to_entity_id, start_date, confidence,
              classification, handling_code, handling_conditions, owning_agency_id, access_list_id)
            select r.id, r.link_type, r.from_entity_id, r.to_entity_id, r.start_date, r.confidence,
              r.classification, r.handling_code, r.handling_conditions, r.owning_agency_id, r.access_list_id
            from json_to_recordset(${json}::json) as r(id uuid, link_type text, from_entity_id uuid,
              to_entity_id uuid, start_date date, confidence text, classification text,
              handling_code text, handling_conditions text, owning_agency_id uuid, access_list_id uuid)`.execute(
            tx,
          );
          await sql`insert into link_source (link_id, item_id)
            select r.id, r.item_id from json_to_recordset(${json}::json) as r(id uuid, item_id uuid)`.execute(
            tx,
          );
          written += links.length;
          if (written % (batch * 20) === 0 || written === counts.links) say(`links: ${written}`);
        }),
    );
  });

  await rebuildIndexes(database, rebuild, say);
  return {
    ...base,
    counts,
    listsNamingViewer,
    scaleTimings: { entitiesMs, listsMs, spreadMs, linksMs, totalMs: performance.now() - started },
  };
}
