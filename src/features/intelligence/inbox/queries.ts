/**
 * SQL for the inbox, the item page, the workbench and sharing. Lists filter with the access
 * policy in SQL (visibleSql); single loads return the markings so the service checks them with
 * mayAccess. Nothing here writes the audit log: the service does, in the same transaction.
 */
import { sql, type SqlBool } from 'kysely';
import type { Queryable, Tx } from '../../../db/database.js';
import { MARKING_COLUMNS, markingFromRow, type Marking } from '../../access/markings.js';
import { visibleSql, type Viewer } from '../../access/policy.js';
import { visibleInvolvementSql, visibleLinkSql } from '../../access/derived.js';
import { sharesOf } from '../../access/shares.js';

export const INBOX_PAGE_SIZE = 50;

export interface InboxFilter {
  statuses: readonly string[];
  category: string | null;
  vulnerability: string | null;
  page: number;
}

const itemMarking = MARKING_COLUMNS.map((column) => `i.${column}` as const);

/**
 * The inbox: items the viewer may list, in the order of grading.ts `inboxRank` — vulnerability
 * flagged first, then ungraded, then oldest first — done in SQL so paging keeps the order.
 */
export async function inboxItems(q: Queryable, viewer: Viewer, filter: InboxFilter) {
  let query = q
    .selectFrom('intelligence_item as i')
    .select([
      'i.id',
      'i.reference',
      'i.received_at',
      'i.source_type',
      'i.source_evaluation',
      'i.information_assessment',
      'i.legacy_source_evaluation',
      'i.legacy_intelligence_assessment',
      'i.legacy_handling',
      'i.handling_code',
      'i.categories',
      'i.vulnerabilities',
      'i.status',
      sql<string>`left(i.body, 200)`.as('excerpt'),
      sql<number>`length(i.body)`.as('body_length'),
    ])
    .where(visibleSql(viewer, 'list', 'intelligence-item', 'i'));
  if (filter.statuses.length) query = query.where('i.status', 'in', [...filter.statuses]);
  if (filter.category) query = query.where(sql<SqlBool>`${filter.category} = any(i.categories)`);
  if (filter.vulnerability)
    query = query.where(sql<SqlBool>`${filter.vulnerability} = any(i.vulnerabilities)`);
  // The order is migration 0016's index, expression for expression: change both or neither.
  const rows = await query
    .orderBy(sql`case when cardinality(i.vulnerabilities) > 0 then 0 else 1 end`)
    .orderBy(
      sql`case when i.source_evaluation is null and i.legacy_source_evaluation is null then 0 else 1 end`,
    )
    .orderBy('i.received_at')
    .orderBy('i.id')
    .limit(INBOX_PAGE_SIZE + 1)
    .offset((filter.page - 1) * INBOX_PAGE_SIZE)
    .execute();
  return { rows: rows.slice(0, INBOX_PAGE_SIZE), more: rows.length > INBOX_PAGE_SIZE };
}

/** One item, unfiltered, with its markings and one-by-one shares: the caller checks mayAccess. */
export async function itemById(q: Queryable, id: string) {
  const row = await q
    .selectFrom('intelligence_item as i')
    .leftJoin('app_user as sanitiser', 'sanitiser.id', 'i.sanitised_by')
    .leftJoin('app_user as signer', 'signer.id', 'i.signed_off_by')
    .leftJoin('app_user as closer', 'closer.id', 'i.closed_by')
    .leftJoin('app_user as grader', 'grader.id', 'i.graded_by')
    .innerJoin('agency as owner', 'owner.id', 'i.owning_agency_id')
    .select([
      'i.id',
      'i.reference',
      'i.source_type',
      'i.source_description',
      'i.public_report_id',
      'i.source_evaluation',
      'i.information_assessment',
      'i.legacy_source_evaluation',
      'i.legacy_intelligence_assessment',
      'i.legacy_handling',
      'i.graded_at',
      'grader.display_name as graded_by_name',
      'i.statement_kind',
      'i.body',
      'i.categories',
      'i.vulnerabilities',
      'i.area',
      'i.occurred_on',
      'i.received_at',
      'i.review_on',
      'i.status',
      'i.outcome',
      'i.outcome_note',
      'i.closed_at',
      'closer.display_name as closed_by_name',
      'i.sanitised_by',
      'i.sanitised_at',
      'sanitiser.display_name as sanitised_by_name',
      'i.signed_off_by',
      'i.signed_off_at',
      'signer.display_name as signed_off_by_name',
      'owner.name as owning_agency_name',
      ...itemMarking,
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const shares = await sharesOf(q, 'intelligence-item', [row.id]);
  const sharedWith = shares.get(row.id) ?? [];
  return { ...row, marking: markingFromRow(row, sharedWith), sharedWith };
}
export type ItemRow = NonNullable<Awaited<ReturnType<typeof itemById>>>;

/** The item's original words with their own markings (handling C, a named access list). */
export async function originalOf(q: Queryable, itemId: string) {
  const row = await q
    .selectFrom('intelligence_original as o')
    .select(['o.item_id', 'o.body', ...MARKING_COLUMNS.map((c) => `o.${c}` as const)])
    .where('o.item_id', '=', itemId)
    .executeTakeFirst();
  return row && { body: row.body, marking: markingFromRow(row) };
}

export function agencyNames(q: Queryable, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return q
    .selectFrom('agency')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .orderBy('name')
    .execute();
}

/**
 * An item's involvements and links are shown a page at a time: an imported item can name a
 * hundred thousand entities, and one page (and its one audit entry) must not name them all.
 */
export const ITEM_ROWS_PER_PAGE = 100;

/** One page of rows, and whether there are more after it. */
export interface RowsPage<T> {
  rows: T[];
  page: number;
  more: boolean;
}

async function paged<T>(rows: Promise<T[]>, page: number): Promise<RowsPage<T>> {
  const found = await rows;
  return { rows: found.slice(0, ITEM_ROWS_PER_PAGE), page, more: found.length > ITEM_ROWS_PER_PAGE };
}

/** The people, businesses, places and things an item mentions that the viewer may see. */
export function involvementsShown(q: Queryable, viewer: Viewer, itemId: string, page = 1) {
  const rows = q
    .selectFrom('item_entity as ie')
    .innerJoin('intelligence_item as i', 'i.id', 'ie.item_id')
    .innerJoin('entity as e', 'e.id', 'ie.entity_id')
    .select(['ie.id', 'e.id as entity_id', 'e.schema', 'e.caption', 'e.child', 'ie.subject_category'])
    .where('ie.item_id', '=', itemId)
    .where(visibleInvolvementSql(viewer, 'ie', { item: 'i', entity: 'e' }))
    .orderBy('ie.added_at')
    .orderBy('ie.id')
    .limit(ITEM_ROWS_PER_PAGE + 1)
    .offset((page - 1) * ITEM_ROWS_PER_PAGE)
    .execute();
  return paged(rows, page);
}

/** The links this item supports that the viewer may see (the link rule). */
export function linksShown(q: Queryable, viewer: Viewer, itemId: string, page = 1) {
  const rows = q
    .selectFrom('link_source as ls')
    .innerJoin('link as l', 'l.id', 'ls.link_id')
    .innerJoin('entity as a', 'a.id', 'l.from_entity_id')
    .innerJoin('entity as b', 'b.id', 'l.to_entity_id')
    .select([
      'l.id',
      'l.link_type',
      'l.confidence',
      'l.start_date',
      'l.end_date',
      'a.id as from_id',
      'a.caption as from_caption',
      'b.id as to_id',
      'b.caption as to_caption',
    ])
    .where('ls.item_id', '=', itemId)
    .where(visibleLinkSql(viewer, 'l', { ends: ['a', 'b'] }))
    .orderBy('l.created_at')
    .orderBy('l.id')
    .limit(ITEM_ROWS_PER_PAGE + 1)
    .offset((page - 1) * ITEM_ROWS_PER_PAGE)
    .execute();
  return paged(rows, page);
}

/** A public report's files (both variants), without their bytes, each with its markings. */
export async function reportFiles(q: Queryable, reportId: string) {
  const rows = await q
    .selectFrom('public_report_file as f')
    .select([
      'f.id',
      'f.variant',
      'f.original_id',
      'f.media_type',
      'f.byte_size',
      'f.received_at',
      ...MARKING_COLUMNS.map((c) => `f.${c}` as const),
    ])
    .where('f.report_id', '=', reportId)
    .orderBy('f.received_at')
    .orderBy('f.variant', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, marking: markingFromRow(row) }));
}

export async function reportFile(q: Queryable, reportId: string, fileId: string) {
  const row = await q
    .selectFrom('public_report_file as f')
    .select([
      'f.id',
      'f.variant',
      'f.media_type',
      'f.content',
      ...MARKING_COLUMNS.map((c) => `f.${c}` as const),
    ])
    .where('f.report_id', '=', reportId)
    .where('f.id', '=', fileId)
    .executeTakeFirst();
  return row && { ...row, marking: markingFromRow(row) };
}

export async function reportMarkingRow(q: Queryable, reportId: string): Promise<Marking | null> {
  const row = await q
    .selectFrom('public_report')
    .select([...MARKING_COLUMNS])
    .where('id', '=', reportId)
    .executeTakeFirst();
  return row ? markingFromRow(row) : null;
}

export interface GradeChange {
  sourceEvaluation: string;
  informationAssessment: string;
  handlingCode: 'P' | 'C';
  handlingConditions: string | null;
  statementKind: 'fact' | 'assessment';
  reviewOn: string | null;
}

export async function setGrade(tx: Tx, itemId: string, userId: string, grade: GradeChange): Promise<void> {
  await tx
    .updateTable('intelligence_item')
    .set({
      source_evaluation: grade.sourceEvaluation,
      information_assessment: grade.informationAssessment,
      handling_code: grade.handlingCode,
      handling_conditions: grade.handlingCode === 'C' ? grade.handlingConditions : null,
      statement_kind: grade.statementKind,
      review_on: grade.reviewOn,
      graded_by: userId,
      graded_at: new Date(),
      // A graded item is being worked on; a closed one stays closed.
      status: sql<string>`case when status = 'new' then 'in-progress' else status end`,
    })
    .where('id', '=', itemId)
    .execute();
}

export async function setCategories(
  tx: Tx,
  itemId: string,
  change: { categories: string[]; vulnerabilities: string[]; area: string | null },
): Promise<void> {
  await tx
    .updateTable('intelligence_item')
    .set({ categories: change.categories, vulnerabilities: change.vulnerabilities, area: change.area })
    .where('id', '=', itemId)
    .execute();
}

export async function closeItem(
  tx: Tx,
  itemId: string,
  userId: string,
  close: { outcome: string; note: string | null },
): Promise<void> {
  await tx
    .updateTable('intelligence_item')
    .set({
      status: 'closed',
      outcome: close.outcome,
      outcome_note: close.note,
      closed_by: userId,
      closed_at: new Date(),
    })
    .where('id', '=', itemId)
    .execute();
}

/** New working text: sanitised now, by this person; any earlier sign-off no longer holds. */
export async function saveSanitised(tx: Tx, itemId: string, userId: string, body: string): Promise<void> {
  await tx
    .updateTable('intelligence_item')
    .set({
      body,
      sanitised_by: userId,
      sanitised_at: new Date(),
      signed_off_by: null,
      signed_off_at: null,
    })
    .where('id', '=', itemId)
    .execute();
}

export async function signOff(tx: Tx, itemId: string, userId: string): Promise<void> {
  await tx
    .updateTable('intelligence_item')
    .set({ signed_off_by: userId, signed_off_at: new Date() })
    .where('id', '=', itemId)
    .execute();
}

/** Every agency but the owner: who an item may be shared with. */
export function shareableAgencies(q: Queryable, ownerId: string) {
  return q
    .selectFrom('agency as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select(['a.id', 'a.name', 'o.name as organisation'])
    .where('a.id', '!=', ownerId)
    .orderBy('o.name')
    .orderBy('a.name')
    .execute();
}

/**
 * What goes with an item when it is shared, so the receiving agency can see who it is about: the
 * entities it mentions and the links it supports, owned by the item's agency or the sharer's,
 * and which the sharer may export.
 */
export async function shareCompanions(q: Queryable, viewer: Viewer, item: { id: string; ownerId: string }) {
  const owners = [...new Set([item.ownerId, viewer.agencyId])];
  const entities = await q
    .selectFrom('item_entity as ie')
    .innerJoin('entity as e', 'e.id', 'ie.entity_id')
    .select(['e.id', 'e.schema', 'e.caption', 'e.handling_code', 'e.handling_conditions'])
    .where('ie.item_id', '=', item.id)
    .where('e.owning_agency_id', 'in', owners)
    .where(visibleSql(viewer, 'export', 'entity', 'e'))
    .orderBy('e.caption')
    .orderBy('e.id')
    .execute();
  const links = await q
    .selectFrom('link_source as ls')
    .innerJoin('link as l', 'l.id', 'ls.link_id')
    .innerJoin('entity as a', 'a.id', 'l.from_entity_id')
    .innerJoin('entity as b', 'b.id', 'l.to_entity_id')
    .select([
      'l.id',
      'l.link_type',
      'a.caption as from_caption',
      'b.caption as to_caption',
      'l.handling_code',
      'l.handling_conditions',
    ])
    .where('ls.item_id', '=', item.id)
    .where('l.owning_agency_id', 'in', owners)
    .where(visibleLinkSql(viewer, 'l', { action: 'export', ends: ['a', 'b'] }))
    .orderBy('l.created_at')
    .orderBy('l.id')
    .execute();
  return { entities, links };
}
