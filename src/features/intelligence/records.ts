/**
 * Intelligence as records the access policy governs: items, their originals, entities, links and
 * involvements. One factory builds each RecordSource from its table and fields, so the policy is
 * applied the same way to all of them (lists and counts in SQL, loads re-checked by mayAccess).
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Queryable } from '../../db/database.js';
import { MARKING_COLUMNS, markingFromRow, type Marking, type MarkingRow } from '../access/markings.js';
import {
  mayReadInvolvement,
  VICTIM_CATEGORIES,
  visibleSql,
  type RecordType,
  type Viewer,
} from '../access/policy.js';
import { countRows, likePattern, type AccessRecord, type RecordSource } from '../access/records.js';
import { sharesOf, type ShareableType } from './queries.js';

export interface MarkedTable {
  type: RecordType;
  /** The table and the alias the policy SQL refers to. */
  from: string;
  alias: string;
  /** Columns shown, as `alias.column`; the first is the id. */
  fields: readonly string[];
  /** Where the markings live (another alias when inherited, as for involvements). */
  markingAlias: string;
  joins?: (query: string) => string;
  searchColumn: string;
  orderBy: string;
  /** One record shared one at a time: which shares to load with it. */
  shareType?: ShareableType;
  /** The field naming the shared record, when not the record itself (an involvement's item). */
  sharedRecordField?: string;
  /**
   * Fields naming entities this record reveals (a link's ends, an involvement's person): the
   * record is visible only if each of those entities is, so it never betrays a hidden one.
   */
  revealsEntities?: readonly string[];
  /** An extra condition in SQL, matching `permits`. */
  extraSql?: (viewer: Viewer) => Expression<SqlBool>;
  permits?: RecordSource['permits'];
}

function fieldName(column: string): string {
  return column.split('.').pop() ?? column;
}

export function markedSource(table: MarkedTable): RecordSource {
  const fieldList = sql.join(table.fields.map((column) => sql.ref(column)));
  const markingList = sql.join(MARKING_COLUMNS.map((column) => sql.ref(`${table.markingAlias}.${column}`)));
  const fromClause = sql.raw(
    table.joins ? table.joins(`${table.from} ${table.alias}`) : `${table.from} ${table.alias}`,
  );
  const idColumn = sql.ref(table.fields[0] ?? `${table.alias}.id`);
  const idField = fieldName(table.fields[0] ?? 'id');
  const sharedField = table.sharedRecordField ?? idField;
  const toRecord = (row: Record<string, unknown>, shares?: Map<string, string[]>): AccessRecord => {
    const fields: Record<string, unknown> = {};
    for (const column of table.fields) fields[fieldName(column)] = row[fieldName(column)];
    const sharedWith = shares?.get(String(row[sharedField])) ?? [];
    return {
      id: String(row[idField]),
      marking: markingFromRow(row as unknown as MarkingRow, sharedWith),
      fields,
    };
  };
  const where = (viewer: Viewer, action: Parameters<RecordSource['list']>[2], search: string | undefined) => {
    const parts = [visibleSql(viewer, action, table.type, table.markingAlias)];
    if (table.extraSql) parts.push(sql`${table.extraSql(viewer)}`);
    for (const column of table.revealsEntities ?? []) {
      parts.push(sql<boolean>`exists (select 1 from entity re where re.id = ${sql.ref(`${table.alias}.${column}`)}
        and ${visibleSql(viewer, 'read', 'entity', 're')})`);
    }
    if (search) parts.push(sql<boolean>`${sql.ref(table.searchColumn)} ilike ${likePattern(search)}`);
    return sql.join(parts, sql` and `);
  };
  const withShares = async (q: Queryable, rows: Record<string, unknown>[]) => {
    if (!table.shareType) return rows.map((row) => toRecord(row));
    const ids = rows.map((row) => String(row[sharedField]));
    const shares = await sharesOf(q, table.shareType, ids);
    return rows.map((row) => toRecord(row, shares));
  };
  /** For a single load: the markings of the entities the record reveals, for mayAccessRecord. */
  const withRevealed = async (q: Queryable, record: AccessRecord | undefined) => {
    if (!record || !table.revealsEntities?.length) return record;
    const ids = table.revealsEntities.map((field) => String(record.fields[field]));
    const markings = await entityMarkings(q, ids);
    return {
      ...record,
      requires: ids.map((id) => ({ type: 'entity' as const, marking: markings.get(id) ?? null })),
    };
  };
  return {
    type: table.type,
    async list(q, viewer, action, { search, limit }) {
      const { rows } = await sql<
        Record<string, unknown>
      >`select ${fieldList}, ${markingList} from ${fromClause}
        where ${where(viewer, action, search)} order by ${sql.raw(table.orderBy)} limit ${limit}`.execute(q);
      return withShares(q, rows);
    },
    async count(q, viewer, { search, cap }) {
      const limit = cap === undefined ? sql`` : sql`limit ${cap}`;
      return countRows(q, sql`select 1 from ${fromClause} where ${where(viewer, 'count', search)} ${limit}`);
    },
    async load(q, id) {
      const { rows } = await sql<
        Record<string, unknown>
      >`select ${fieldList}, ${markingList} from ${fromClause}
        where ${idColumn} = ${id}`.execute(q);
      const records = await withShares(q, rows);
      return withRevealed(q, records[0]);
    },
    ...(table.permits ? { permits: table.permits } : {}),
  };
}

/** Entities' markings with their one-record shares, by id. */
export async function entityMarkings(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, Marking | null>> {
  const markings = new Map<string, Marking | null>();
  if (!ids.length) return markings;
  const rows = await q
    .selectFrom('entity')
    .select(['id', ...MARKING_COLUMNS])
    .where('id', 'in', [...ids])
    .execute();
  const shares = await sharesOf(q, 'entity', ids);
  for (const row of rows) markings.set(row.id, markingFromRow(row, shares.get(row.id) ?? []));
  return markings;
}

export const intelligenceItemRecords = markedSource({
  type: 'intelligence-item',
  from: 'intelligence_item',
  alias: 'i',
  markingAlias: 'i',
  fields: [
    'i.id',
    'i.reference',
    'i.source_type',
    'i.status',
    'i.source_evaluation',
    'i.information_assessment',
    'i.statement_kind',
    'i.body',
    'i.categories',
    'i.vulnerabilities',
    'i.received_at',
    'i.signed_off_at',
  ],
  searchColumn: 'i.body',
  orderBy: 'i.received_at desc',
  shareType: 'intelligence-item',
});

export const intelligenceOriginalRecords = markedSource({
  type: 'intelligence-original',
  from: 'intelligence_original',
  alias: 'o',
  markingAlias: 'o',
  fields: ['o.item_id', 'o.body'],
  searchColumn: 'o.body',
  orderBy: 'o.item_id',
});

export const entityRecords = markedSource({
  type: 'entity',
  from: 'entity',
  alias: 'e',
  markingAlias: 'e',
  fields: ['e.id', 'e.schema', 'e.caption', 'e.properties', 'e.child', 'e.area', 'e.created_at'],
  searchColumn: 'e.caption',
  orderBy: 'e.caption, e.id',
  shareType: 'entity',
});

export const linkRecords = markedSource({
  type: 'link',
  from: 'link',
  alias: 'l',
  markingAlias: 'l',
  fields: [
    'l.id',
    'l.link_type',
    'l.from_entity_id',
    'l.to_entity_id',
    'l.start_date',
    'l.end_date',
    'l.confidence',
    'l.created_at',
  ],
  searchColumn: 'l.link_type',
  orderBy: 'l.created_at, l.id',
  shareType: 'link',
  revealsEntities: ['from_entity_id', 'to_entity_id'],
});

/** SQL matching mayReadInvolvement: a victim's involvement only for victims:read. */
export function involvementVisibleSql(viewer: Viewer, alias: string): Expression<SqlBool> {
  return viewer.permissions.has('victims:read')
    ? sql<SqlBool>`true`
    : sql<SqlBool>`(${sql.ref(`${alias}.subject_category`)} is null or ${sql.ref(`${alias}.subject_category`)} not in (${sql.join(VICTIM_CATEGORIES)}))`;
}

export const involvementRecords = markedSource({
  type: 'involvement',
  from: 'item_entity',
  alias: 'ie',
  markingAlias: 'i',
  joins: (from) => `${from} join intelligence_item i on i.id = ie.item_id`,
  fields: ['ie.id', 'ie.item_id', 'ie.entity_id', 'ie.subject_category', 'ie.added_at'],
  searchColumn: 'ie.subject_category',
  orderBy: 'ie.added_at, ie.id',
  shareType: 'intelligence-item',
  sharedRecordField: 'item_id',
  revealsEntities: ['entity_id'],
  extraSql: (viewer) => involvementVisibleSql(viewer, 'ie'),
  permits: (viewer, _action, record) =>
    mayReadInvolvement(
      viewer,
      typeof record.fields.subject_category === 'string' ? record.fields.subject_category : null,
    ),
});

export const intelligenceRecordSources: readonly RecordSource[] = [
  intelligenceItemRecords,
  intelligenceOriginalRecords,
  entityRecords,
  linkRecords,
  involvementRecords,
];
