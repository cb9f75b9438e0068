/**
 * SQL for intelligence: items, originals, entities and their names, involvements, links and their
 * sources, and one-record shares. Callers pass a transaction; nothing here checks access (the
 * service and routes do, through the policy) and nothing writes the audit log.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import { needToKnowList } from '../access/access-lists.js';
import { markingColumns, type Classification, type Marking } from '../access/markings.js';
import {
  captionOf,
  namesOf,
  normaliseName,
  type Confidence,
  type EntityProperties,
  type EntitySchemaName,
  type LinkTypeName,
  type SubjectCategory,
} from './schema.js';

/**
 * The child rule: a record about a child is OFFICIAL-SENSITIVE and need-to-know: on the author's
 * standing list with the owning agency when the record has no list of its own.
 */
export async function markingForChild(tx: Tx, marking: Marking, authorId: string): Promise<Marking> {
  const classification: Classification = 'OFFICIAL-SENSITIVE';
  const accessListId = marking.accessListId ?? (await needToKnowList(tx, authorId, marking.owningAgencyId));
  return { ...marking, classification, accessListId };
}

export interface NewItem {
  sourceType: 'public-report' | 'partner-officer' | 'open-source' | 'other-system';
  sourceDescription: string | null;
  publicReportId?: string | null;
  body: string;
  statementKind?: 'fact' | 'assessment';
  categories?: readonly string[];
  vulnerabilities?: readonly string[];
  area?: string | null;
  occurredOn?: string | null;
  reviewOn?: string | null;
  grade?: { sourceEvaluation: string; informationAssessment: string } | null;
  legacyGrade?: { sourceEvaluation: string; intelligenceAssessment: string; handling: string } | null;
  createdBy: string | null;
}

/**
 * An item and its original words. The original is always handling C on a named access list, so
 * the words as they arrived stay with the people who received them.
 */
export async function insertItem(
  tx: Tx,
  item: NewItem,
  marking: Marking,
  original: { accessListId: string; conditions: string },
): Promise<{ id: string; reference: string }> {
  const row = await tx
    .insertInto('intelligence_item')
    .values({
      source_type: item.sourceType,
      source_description: item.sourceDescription,
      public_report_id: item.publicReportId ?? null,
      body: item.body,
      statement_kind: item.statementKind ?? 'fact',
      categories: [...(item.categories ?? [])],
      vulnerabilities: [...(item.vulnerabilities ?? [])],
      area: item.area ?? null,
      occurred_on: item.occurredOn ?? null,
      review_on: item.reviewOn ?? null,
      source_evaluation: item.grade?.sourceEvaluation ?? null,
      information_assessment: item.grade?.informationAssessment ?? null,
      graded_by: item.grade ? item.createdBy : null,
      graded_at: item.grade ? new Date() : null,
      legacy_source_evaluation: item.legacyGrade?.sourceEvaluation ?? null,
      legacy_intelligence_assessment: item.legacyGrade?.intelligenceAssessment ?? null,
      legacy_handling: item.legacyGrade?.handling ?? null,
      created_by: item.createdBy,
      ...markingColumns(marking),
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('intelligence_original')
    .values({
      item_id: row.id,
      body: item.body,
      ...markingColumns({
        ...marking,
        classification: 'OFFICIAL-SENSITIVE',
        handlingCode: 'C',
        handlingConditions: original.conditions,
        accessListId: original.accessListId,
      }),
      handling_conditions: original.conditions,
      access_list_id: original.accessListId,
    })
    .execute();
  return row;
}

/** The evidence access list for public reports' originals (migration 0004). */
export const PUBLIC_REPORT_EVIDENCE_LIST = '6f1c2a52-8d1e-4c55-9a7e-0e7a1d5e0001';
const REPORTER_CONDITIONS = 'Original words of an anonymous reporter: may identify them. Do not share.';

/** The working text of a public report as one piece of writing, as the migration builds it. */
export function reportBody(report: {
  what: string;
  where_text: string | null;
  when_text: string | null;
  when_date: string | null;
  who: string | null;
}): string {
  const when = report.when_text ?? report.when_date;
  return [
    report.what,
    report.where_text && `Where: ${report.where_text}`,
    when && `When: ${when}`,
    report.who && `Who: ${report.who}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** A public report arrives in the inbox: an item with the report's markings, in the same transaction. */
export async function receivePublicReport(
  tx: Tx,
  reportId: string,
): Promise<{ id: string; reference: string }> {
  const report = await tx
    .selectFrom('public_report')
    .selectAll()
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();
  return insertItem(
    tx,
    {
      sourceType: 'public-report',
      sourceDescription: 'Anonymous report from the public',
      publicReportId: report.id,
      body: reportBody(report),
      categories: report.category === 'not-sure' ? [] : [report.category],
      occurredOn: report.when_date,
      createdBy: null,
    },
    {
      classification: report.classification as Classification,
      handlingCode: report.handling_code as 'P' | 'C',
      handlingConditions: report.handling_conditions,
      owningAgencyId: report.owning_agency_id,
      accessListId: report.access_list_id,
    },
    { accessListId: PUBLIC_REPORT_EVIDENCE_LIST, conditions: REPORTER_CONDITIONS },
  );
}

export interface NewEntity {
  schema: EntitySchemaName;
  properties: EntityProperties;
  child?: boolean;
  area?: string | null;
  sourceKey?: string | null;
  createdBy: string | null;
}

/** Writes an entity's search names: normalised, with the Double Metaphone code of each word. */
async function writeNames(tx: Tx, entityId: string, schema: EntitySchemaName, properties: EntityProperties) {
  await tx.deleteFrom('entity_name').where('entity_id', '=', entityId).execute();
  const seen = new Set<string>();
  for (const { name, kind } of namesOf(schema, properties)) {
    const normalised = normaliseName(name);
    if (!normalised || seen.has(normalised)) continue;
    seen.add(normalised);
    await sql`insert into entity_name (entity_id, name, normalised, kind, sounds)
      values (${entityId}, ${name.slice(0, 300)}, ${normalised}, ${kind},
        array(select distinct dmetaphone(word) from unnest(string_to_array(${normalised}, ' ')) word
              where word <> '' and dmetaphone(word) <> ''))`.execute(tx);
  }
}

export async function insertEntity(tx: Tx, entity: NewEntity, marking: Marking): Promise<string> {
  const row = await tx
    .insertInto('entity')
    .values({
      schema: entity.schema,
      caption: captionOf(entity.schema, entity.properties),
      properties: JSON.stringify(entity.properties),
      child: entity.child ?? false,
      area: entity.area ?? null,
      source_key: entity.sourceKey ?? null,
      created_by: entity.createdBy,
      ...markingColumns(marking),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeNames(tx, row.id, entity.schema, entity.properties);
  return row.id;
}

/** Replaces an entity's properties (and so its caption and search names). */
export async function updateEntityProperties(
  tx: Tx,
  entityId: string,
  schema: EntitySchemaName,
  properties: EntityProperties,
): Promise<void> {
  await tx
    .updateTable('entity')
    .set({
      caption: captionOf(schema, properties),
      properties: JSON.stringify(properties),
      updated_at: new Date(),
    })
    .where('id', '=', entityId)
    .execute();
  await writeNames(tx, entityId, schema, properties);
}

export async function addInvolvement(
  tx: Tx,
  involvement: {
    itemId: string;
    entityId: string;
    subjectCategory: SubjectCategory | null;
    addedBy: string | null;
  },
): Promise<void> {
  await tx
    .insertInto('item_entity')
    .values({
      item_id: involvement.itemId,
      entity_id: involvement.entityId,
      subject_category: involvement.subjectCategory,
      added_by: involvement.addedBy,
    })
    .onConflict((oc) =>
      oc.columns(['item_id', 'entity_id']).doUpdateSet({ subject_category: involvement.subjectCategory }),
    )
    .execute();
}

export interface NewLink {
  type: LinkTypeName;
  fromEntityId: string;
  toEntityId: string;
  startDate?: string | null;
  endDate?: string | null;
  confidence: Confidence;
  sourceKey?: string | null;
  createdBy: string | null;
}

/** A link and the items that support it: at least one, or the commit fails (migration 0005). */
export async function insertLink(
  tx: Tx,
  link: NewLink,
  itemIds: readonly string[],
  marking: Marking,
): Promise<string> {
  if (itemIds.length === 0) throw new Error('a link needs at least one supporting intelligence item');
  const row = await tx
    .insertInto('link')
    .values({
      link_type: link.type,
      from_entity_id: link.fromEntityId,
      to_entity_id: link.toEntityId,
      start_date: link.startDate ?? null,
      end_date: link.endDate ?? null,
      confidence: link.confidence,
      source_key: link.sourceKey ?? null,
      created_by: link.createdBy,
      ...markingColumns(marking),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addLinkSources(tx, row.id, itemIds);
  return row.id;
}

export async function addLinkSources(tx: Tx, linkId: string, itemIds: readonly string[]): Promise<void> {
  if (!itemIds.length) return;
  await tx
    .insertInto('link_source')
    .values(itemIds.map((itemId) => ({ link_id: linkId, item_id: itemId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
