/**
 * A RecordSource for any marked table, built from its table and fields, so the policy is applied
 * the same way to all of them: lists and counts in SQL (`visibleSql` and the derived-record rules),
 * single loads re-checked by `mayAccessRecord`.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Queryable } from '../../db/database.js';
import { entityVisibleSql, visibleSupportSql } from './derived.js';
import { MARKING_COLUMNS, markingFromRow, type Marking, type MarkingRow } from './markings.js';
import { visibleSql, type RecordType, type Viewer } from './policy.js';
import { countRows, likePattern, type AccessRecord, type RecordSource } from './records.js';
import { sharesOf, type ShareableType } from './shares.js';

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
  /** The record stands on supporting items (a link): visible only if at least one of them is. */
  supportedByItems?: boolean;
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
      parts.push(entityVisibleSql(viewer, sql.ref(`${table.alias}.${column}`)));
    }
    if (table.supportedByItems) parts.push(visibleSupportSql(viewer, table.alias));
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
    if (!record) return record;
    const ids = (table.revealsEntities ?? []).map((field) => String(record.fields[field]));
    const markings = await entityMarkings(q, ids);
    return {
      ...record,
      ...(ids.length
        ? { requires: ids.map((id) => ({ type: 'entity' as const, marking: markings.get(id) ?? null })) }
        : {}),
      ...(table.supportedByItems
        ? {
            supportedBy: {
              type: 'intelligence-item' as const,
              markings: await supportingItemMarkings(q, record.id),
            },
          }
        : {}),
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

/** The markings (with one-record shares) of the items supporting a link. */
async function supportingItemMarkings(q: Queryable, linkId: string): Promise<(Marking | null)[]> {
  const rows = await q
    .selectFrom('link_source as ls')
    .innerJoin('intelligence_item as i', 'i.id', 'ls.item_id')
    .select(['i.id', ...MARKING_COLUMNS.map((column) => `i.${column}` as const)])
    .where('ls.link_id', '=', linkId)
    .execute();
  const shares = await sharesOf(
    q,
    'intelligence-item',
    rows.map((row) => row.id),
  );
  return rows.map((row) => markingFromRow(row, shares.get(row.id) ?? []));
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
