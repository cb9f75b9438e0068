/**
 * Loads a synthetic partnership (partnership.ts) into a migrated Lantern database, fast: rows go
 * in as one JSON document per batch of thousands (json_to_recordset), one transaction per batch,
 * with Double Metaphone codes computed in SQL, and the search indexes are dropped first and built
 * once at the end. Works the same on PGlite and PostgreSQL.
 *
 * The partnership: six agencies. The viewer's agency (council ASB) sees what police and licensing
 * share as entities, what police and housing share as items and links, and a few Trading Standards items
 * shared one at a time after sign-off; Trading Standards and safeguarding share nothing else with
 * it. Some police records are on a need-to-know list without the ASB; every child is on their
 * owning agency's need-to-know list. So the access filter decides a real part of every search.
 */
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';
import { normaliseName } from '../../src/features/intelligence/schema.js';
import { item, person, randomStream, type SyntheticPerson } from './partnership.js';

export interface LoadOptions {
  people: number;
  items: number;
  seed?: number;
  /** Rows per batch (and per transaction). */
  batch?: number;
  progress?: (message: string) => void;
}

export interface LoadedPartnership {
  /** The agency of the benchmark's viewer and a user in it. */
  viewerAgencyId: string;
  viewerUserId: string;
  agencies: Record<string, string>;
  /** A sample of the people loaded (every 97th), to draw queries from. */
  sample: SyntheticPerson[];
  timings: { setupMs: number; peopleMs: number; itemsMs: number; indexesMs: number; totalMs: number };
}

export const AGENCIES = [
  { code: 'police-intel', name: 'Police: intelligence unit', kind: 'police', people: 0.45, items: 0.5 },
  {
    code: 'council-asb',
    name: 'Council: anti-social behaviour team',
    kind: 'council',
    people: 0.1,
    items: 0.15,
  },
  {
    code: 'trading-standards',
    name: 'Council: Trading Standards',
    kind: 'council',
    people: 0.15,
    items: 0.1,
  },
  { code: 'licensing', name: 'Council: Licensing', kind: 'council', people: 0.1, items: 0.1 },
  { code: 'housing', name: 'Council: Housing', kind: 'housing', people: 0.1, items: 0.1 },
  { code: 'safeguarding', name: 'Health: safeguarding', kind: 'health', people: 0.1, items: 0.05 },
] as const;
export type AgencyCode = (typeof AGENCIES)[number]['code'];

/** What is shared with the viewer's agency by rule (owner → record types). */
const SHARING_WITH_VIEWER: readonly { owner: AgencyCode; type: string }[] = [
  { owner: 'police-intel', type: 'entity' },
  { owner: 'police-intel', type: 'intelligence-item' },
  { owner: 'licensing', type: 'entity' },
  { owner: 'housing', type: 'intelligence-item' },
  // Links (bench:scale) go with the items that support them.
  { owner: 'police-intel', type: 'link' },
  { owner: 'housing', type: 'link' },
];

export function pickAgency(u: number, key: 'people' | 'items'): AgencyCode {
  let sum = 0;
  for (const agency of AGENCIES) {
    sum += agency[key];
    if (u < sum) return agency.code;
  }
  return 'police-intel';
}

function idOf(agencies: Record<string, string>, code: string): string {
  const id = agencies[code];
  if (!id) throw new Error(`no agency ${code}`);
  return id;
}

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/** Drops the secondary indexes of the loaded tables and returns how to build them again. */
export async function dropSearchIndexes(
  database: Database,
  tables: readonly string[] = ['entity', 'entity_name', 'intelligence_item', 'item_entity'],
): Promise<string[]> {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = current_schema()
      and i.tablename in (${sql.join([...tables])})
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(database.db);
  for (const row of rows) await sql`drop index ${sql.id(row.indexname)}`.execute(database.db);
  return rows.map((row) => row.indexdef);
}

/** Builds the dropped indexes again (dropSearchIndexes' list), then refreshes the planner's statistics. */
export async function rebuildIndexes(
  database: Database,
  definitions: readonly string[],
  say: (message: string) => void,
): Promise<void> {
  // More memory for sorting index entries: the GIN indexes hold tens of millions of keys.
  const memory = database.kind === 'postgres' ? '1GB' : '256MB';
  for (const definition of definitions) {
    const [, ms] = await timed(() =>
      database.transaction(async (tx) => {
        await sql.raw(`set local maintenance_work_mem = '${memory}'`).execute(tx);
        await sql.raw(definition).execute(tx);
      }),
    );
    say(`${(ms / 1000).toFixed(1)} s: ${definition}`);
  }
  await sql`analyze`.execute(database.db);
}

export async function loadPartnership(database: Database, options: LoadOptions): Promise<LoadedPartnership> {
  const started = performance.now();
  const random = randomStream(options.seed ?? 20261123);
  const batch = options.batch ?? 10_000;
  const say = options.progress ?? (() => undefined);

  // Agencies, users, sharing rules and need-to-know lists.
  const [setup, setupMs] = await timed(() =>
    database.transaction(async (tx) => {
      const org = await tx
        .insertInto('organisation')
        .values({ name: 'Synthetic partnership' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const agencies: Record<string, string> = {};
      for (const agency of AGENCIES) {
        const row = await tx
          .insertInto('agency')
          .values({
            code: `bench-${agency.code}`,
            name: agency.name,
            organisation_id: org.id,
            kind: agency.kind,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        agencies[agency.code] = row.id;
      }
      const user = async (code: AgencyCode, email: string) =>
        (
          await tx
            .insertInto('app_user')
            .values({ email, display_name: email, agency_id: idOf(agencies, code), password_hash: null })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const viewerUserId = await user('council-asb', 'bench.viewer@asb.example');
      const sanitiser = await user('trading-standards', 'bench.sanitiser@ts.example');
      const signer = await user('trading-standards', 'bench.signer@ts.example');
      for (const rule of SHARING_WITH_VIEWER) {
        await tx
          .insertInto('sharing_rule')
          .values({
            owner_agency_id: idOf(agencies, rule.owner),
            partner_agency_id: idOf(agencies, 'council-asb'),
            record_type: rule.type,
          })
          .execute();
      }
      const list = async (description: string, agency: AgencyCode) => {
        const row = await tx
          .insertInto('access_list')
          .values({ description })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('access_list_member')
          .values({ access_list_id: row.id, user_id: null, agency_id: idOf(agencies, agency) })
          .execute();
        return row.id;
      };
      const needToKnow = await list('Police operation: need to know', 'police-intel');
      const childLists: Record<string, string> = {};
      for (const agency of AGENCIES)
        childLists[agency.code] = await list(`Children: ${agency.name}`, agency.code);
      return { agencies, viewerUserId, sanitiser, signer, needToKnow, childLists };
    }),
  );
  const { agencies } = setup;
  const rebuild = await dropSearchIndexes(database);

  const marking = (code: AgencyCode, child: boolean) => {
    const sensitive = child || random.chance(0.6);
    const onList = child
      ? idOf(setup.childLists, code)
      : code === 'police-intel' && random.chance(0.06)
        ? setup.needToKnow
        : null;
    const handlingC = random.chance(0.2);
    return {
      classification: sensitive ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
      handling_code: handlingC ? 'C' : 'P',
      handling_conditions: handlingC
        ? 'Not to be disclosed outside the partnership without the owner’s consent.'
        : null,
      owning_agency_id: idOf(agencies, code),
      access_list_id: onList,
    };
  };

  // People: an entity, its names (name and aliases) and, as its own entity, the address.
  const sample: SyntheticPerson[] = [];
  const pool: SyntheticPerson[] = [];
  const [, peopleMs] = await timed(async () => {
    for (let done = 0; done < options.people; done += batch) {
      const n = Math.min(batch, options.people - done);
      const entities: Record<string, unknown>[] = [];
      const names: Record<string, unknown>[] = [];
      for (let k = 0; k < n; k++) {
        const someone = person(random);
        if ((done + k) % 97 === 0) sample.push(someone);
        if (pool.length < 50_000) pool.push(someone);
        else if (random.chance(0.05)) pool[random.int(pool.length)] = someone;
        const owner = pickAgency(random.next(), 'people');
        const properties: Record<string, string[]> = {
          name: [someone.name],
          birthDate: [someone.birthDate],
          nationality: [someone.nationality],
          gender: [someone.gender],
          ...(someone.aliases.length ? { alias: someone.aliases } : {}),
        };
        entities.push({
          id: someone.id,
          schema: 'Person',
          caption: someone.name,
          properties: JSON.stringify(properties),
          child: someone.child,
          area: someone.address.town,
          ...marking(owner, someone.child),
        });
        const seen = new Set<string>();
        for (const [index, name] of [someone.name, ...someone.aliases].entries()) {
          const normalised = normaliseName(name);
          if (!normalised || seen.has(normalised)) continue;
          seen.add(normalised);
          names.push({ entity_id: someone.id, name, normalised, kind: index === 0 ? 'name' : 'alias' });
        }
        // One address for about every third person (households share them in life; here each is its own).
        if (random.chance(0.3)) {
          const addressId = random.uuid();
          const full = `${someone.address.full}, ${someone.address.postcode}`;
          entities.push({
            id: addressId,
            schema: 'Address',
            caption: full,
            properties: JSON.stringify({
              full: [someone.address.full],
              postcode: [someone.address.postcode],
            }),
            child: false,
            area: someone.address.town,
            ...marking(owner, false),
          });
          names.push({
            entity_id: addressId,
            name: someone.address.full,
            normalised: normaliseName(someone.address.full),
            kind: 'name',
          });
        }
      }
      await database.transaction(async (tx) => {
        await sql`insert into entity (id, schema, caption, properties, child, area, classification,
            handling_code, handling_conditions, owning_agency_id, access_list_id)
          select r.id, r.schema, r.caption, r.properties::jsonb, r.child, r.area, r.classification,
            r.handling_code, r.handling_conditions, r.owning_agency_id, r.access_list_id
          from json_to_recordset(${JSON.stringify(entities)}::json) as r(id uuid, schema text, caption text,
            properties text, child boolean, area text, classification text, handling_code text,
            handling_conditions text, owning_agency_id uuid, access_list_id uuid)`.execute(tx);
        await sql`insert into entity_name (entity_id, name, normalised, kind, sounds)
          select r.entity_id, r.name, r.normalised, r.kind,
            array(select distinct dmetaphone(w) from unnest(string_to_array(r.normalised, ' ')) w
                  where w <> '' and dmetaphone(w) <> '')
          from json_to_recordset(${JSON.stringify(names)}::json)
            as r(entity_id uuid, name text, normalised text, kind text)`.execute(tx);
      });
      if ((done / batch) % 10 === 9 || done + n >= options.people) say(`people: ${done + n}`);
    }
  });

  // Items naming people from the pool, with involvements; some Trading Standards items signed off
  // and shared with the viewer's agency one at a time.
  const [, itemsMs] = await timed(async () => {
    for (let done = 0; done < options.items; done += batch) {
      const n = Math.min(batch, options.items - done);
      const items: Record<string, unknown>[] = [];
      const involvements: Record<string, unknown>[] = [];
      const shares: Record<string, unknown>[] = [];
      for (let k = 0; k < n; k++) {
        const made = item(random, { people: pool });
        const owner = pickAgency(random.next(), 'items');
        const signedOff = owner === 'trading-standards' && random.chance(0.1);
        items.push({
          id: made.id,
          source_type: random.pick(['partner-officer', 'partner-officer', 'open-source', 'other-system']),
          source_description: 'Synthetic',
          body: made.body,
          categories: `{${made.categories.join(',')}}`,
          area: made.area,
          occurred_on: made.occurredOn,
          received_at: made.receivedAt,
          source_evaluation: made.grade?.sourceEvaluation ?? null,
          information_assessment: made.grade?.informationAssessment ?? null,
          status: random.pick(['new', 'in-progress', 'in-progress']),
          sanitised_by: signedOff ? setup.sanitiser : null,
          sanitised_at: signedOff ? made.receivedAt : null,
          signed_off_by: signedOff ? setup.signer : null,
          signed_off_at: signedOff ? made.receivedAt : null,
          ...marking(owner, false),
        });
        for (const entityId of made.mentions) {
          involvements.push({
            item_id: made.id,
            entity_id: entityId,
            subject_category: random.pick(['suspect', 'suspect', 'other', 'witness', 'victim']),
          });
        }
        if (signedOff) shares.push({ record_id: made.id, agency_id: idOf(agencies, 'council-asb') });
      }
      await database.transaction(async (tx) => {
        await sql`insert into intelligence_item (id, source_type, source_description, body, categories, area,
            occurred_on, received_at, source_evaluation, information_assessment, status, sanitised_by,
            sanitised_at, signed_off_by, signed_off_at, classification, handling_code, handling_conditions,
            owning_agency_id, access_list_id)
          select r.id, r.source_type, r.source_description, r.body, r.categories::text[], r.area,
            r.occurred_on, r.received_at, r.source_evaluation, r.information_assessment, r.status,
            r.sanitised_by, r.sanitised_at, r.signed_off_by, r.signed_off_at, r.classification,
            r.handling_code, r.handling_conditions, r.owning_agency_id, r.access_list_id
          from json_to_recordset(${JSON.stringify(items)}::json) as r(id uuid, source_type text,
            source_description text, body text, categories text, area text, occurred_on date,
            received_at timestamptz, source_evaluation text, information_assessment text, status text,
            sanitised_by uuid, sanitised_at timestamptz, signed_off_by uuid, signed_off_at timestamptz,
            classification text, handling_code text, handling_conditions text, owning_agency_id uuid,
            access_list_id uuid)`.execute(tx);
        await sql`insert into item_entity (item_id, entity_id, subject_category)
          select r.item_id, r.entity_id, r.subject_category
          from json_to_recordset(${JSON.stringify(involvements)}::json)
            as r(item_id uuid, entity_id uuid, subject_category text)
          on conflict do nothing`.execute(tx);
        if (shares.length) {
          await sql`insert into record_share (record_type, record_id, agency_id)
            select 'intelligence-item', r.record_id, r.agency_id
            from json_to_recordset(${JSON.stringify(shares)}::json) as r(record_id uuid, agency_id uuid)`.execute(
            tx,
          );
        }
      });
      if ((done / batch) % 5 === 4 || done + n >= options.items) say(`items: ${done + n}`);
    }
  });

  const [, indexesMs] = await timed(() => rebuildIndexes(database, rebuild, say));

  return {
    viewerAgencyId: idOf(agencies, 'council-asb'),
    viewerUserId: setup.viewerUserId,
    agencies,
    sample,
    timings: { setupMs, peopleMs, itemsMs, indexesMs, totalMs: performance.now() - started },
  };
}
