/**
 * Set-based SQL for writing many intelligence records at once (the CSV and link-chart imports):
 * each function writes all its rows in one statement, passing them as one JSON document
 * (json_to_recordset) rather than one statement a row. Ids are made by the caller, so rows that
 * refer to each other (a link to an entity made in the same batch) need no round trip. Callers
 * pass a transaction, check access and write the audit log, as for intelligence/queries.ts.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import { markingColumns, type Marking } from '../access/markings.js';
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

/** Rows as the one JSON parameter of a statement. */
const json = (rows: readonly object[]) => sql`${JSON.stringify(rows)}::json`;

export interface EntityText {
  id: string;
  schema: EntitySchemaName;
  properties: EntityProperties;
}

export interface NewBulkEntity extends EntityText {
  child: boolean;
  sourceKey: string | null;
  createdBy: string | null;
  marking: Marking;
}

/** New entities, with their search names. */
export async function insertEntities(tx: Tx, entities: readonly NewBulkEntity[]): Promise<void> {
  if (!entities.length) return;
  const rows = entities.map((e) => ({
    id: e.id,
    schema: e.schema,
    caption: captionOf(e.schema, e.properties),
    properties: e.properties,
    child: e.child,
    source_key: e.sourceKey,
    created_by: e.createdBy,
    ...markingColumns(e.marking),
  }));
  await sql`insert into entity (id, schema, caption, properties, child, source_key, created_by,
      classification, handling_code, handling_conditions, owning_agency_id, access_list_id)
    select r.id, r.schema, r.caption, r.properties, r.child, r.source_key, r.created_by,
      r.classification, r.handling_code, r.handling_conditions, r.owning_agency_id, r.access_list_id
    from json_to_recordset(${json(rows)}) as r(id uuid, schema text, caption text, properties jsonb,
      child boolean, source_key text, created_by uuid, classification text, handling_code text,
      handling_conditions text, owning_agency_id uuid, access_list_id uuid)`.execute(tx);
  await insertNames(tx, entities);
}

/** Replaces entities' properties, and so their captions and search names. */
export async function updateEntitiesProperties(tx: Tx, entities: readonly EntityText[]): Promise<void> {
  if (!entities.length) return;
  const rows = entities.map((e) => ({
    id: e.id,
    caption: captionOf(e.schema, e.properties),
    properties: e.properties,
  }));
  await sql`update entity e set caption = r.caption, properties = r.properties, updated_at = now()
    from json_to_recordset(${json(rows)}) as r(id uuid, caption text, properties jsonb)
    where e.id = r.id`.execute(tx);
  await sql`delete from entity_name where entity_id in (
      select r.id from json_to_recordset(${json(rows.map(({ id }) => ({ id })))}) as r(id uuid))`.execute(tx);
  await insertNames(tx, entities);
}

/** Each entity's search names: normalised, with the Double Metaphone code of each word. */
async function insertNames(tx: Tx, entities: readonly EntityText[]): Promise<void> {
  const names = entities.flatMap((entity) => {
    const seen = new Set<string>();
    return namesOf(entity.schema, entity.properties).flatMap(({ name, kind }) => {
      const normalised = normaliseName(name);
      if (!normalised || seen.has(normalised)) return [];
      seen.add(normalised);
      return [{ entity_id: entity.id, name: name.slice(0, 300), normalised, kind }];
    });
  });
  if (!names.length) return;
  await sql`insert into entity_name (entity_id, name, normalised, kind, sounds)
    select r.entity_id, r.name, r.normalised, r.kind,
      array(select distinct dmetaphone(w) from unnest(string_to_array(r.normalised, ' ')) w
            where w <> '' and dmetaphone(w) <> '')
    from json_to_recordset(${json(names)}) as r(entity_id uuid, name text, normalised text, kind text)`.execute(
    tx,
  );
}

export interface NewInvolvement {
  itemId: string;
  entityId: string;
  subjectCategory: SubjectCategory | null;
  addedBy: string | null;
}

/**
 * Involvements of entities in items; one already recorded takes the new subject category. Of
 * several for the same item and entity, the last is the one kept (as if written one by one).
 */
export async function addInvolvements(tx: Tx, involvements: readonly NewInvolvement[]): Promise<void> {
  const last = new Map(involvements.map((i) => [`${i.itemId}/${i.entityId}`, i] as const));
  if (!last.size) return;
  const rows = [...last.values()].map((i) => ({
    item_id: i.itemId,
    entity_id: i.entityId,
    subject_category: i.subjectCategory,
    added_by: i.addedBy,
  }));
  await sql`insert into item_entity (item_id, entity_id, subject_category, added_by)
    select r.item_id, r.entity_id, r.subject_category, r.added_by
    from json_to_recordset(${json(rows)}) as r(item_id uuid, entity_id uuid, subject_category text, added_by uuid)
    on conflict (item_id, entity_id) do update set subject_category = excluded.subject_category`.execute(tx);
}

export interface NewBulkLink {
  id: string;
  type: LinkTypeName;
  fromEntityId: string;
  toEntityId: string;
  startDate: string | null;
  endDate: string | null;
  confidence: Confidence;
  sourceKey: string | null;
  createdBy: string | null;
  marking: Marking;
}

/** New links. Each needs a supporting item (addLinkSourcesOf) before the commit (migration 0005). */
export async function insertLinks(tx: Tx, links: readonly NewBulkLink[]): Promise<void> {
  if (!links.length) return;
  const rows = links.map((l) => ({
    id: l.id,
    link_type: l.type,
    from_entity_id: l.fromEntityId,
    to_entity_id: l.toEntityId,
    start_date: l.startDate,
    end_date: l.endDate,
    confidence: l.confidence,
    source_key: l.sourceKey,
    created_by: l.createdBy,
    ...markingColumns(l.marking),
  }));
  await sql`insert into link (id, link_type, from_entity_id, to_entity_id, start_date, end_date, confidence,
      source_key, created_by, classification, handling_code, handling_conditions, owning_agency_id, access_list_id)
    select r.id, r.link_type, r.from_entity_id, r.to_entity_id, r.start_date, r.end_date, r.confidence,
      r.source_key, r.created_by, r.classification, r.handling_code, r.handling_conditions,
      r.owning_agency_id, r.access_list_id
    from json_to_recordset(${json(rows)}) as r(id uuid, link_type text, from_entity_id uuid,
      to_entity_id uuid, start_date date, end_date date, confidence text, source_key text, created_by uuid,
      classification text, handling_code text, handling_conditions text, owning_agency_id uuid,
      access_list_id uuid)`.execute(tx);
}

/** Items supporting links; a pair already recorded is left as it is. */
export async function addLinkSourcesOf(
  tx: Tx,
  pairs: readonly { linkId: string; itemId: string }[],
): Promise<void> {
  if (!pairs.length) return;
  const rows = pairs.map((p) => ({ link_id: p.linkId, item_id: p.itemId }));
  await sql`insert into link_source (link_id, item_id)
    select distinct r.link_id, r.item_id from json_to_recordset(${json(rows)}) as r(link_id uuid, item_id uuid)
    on conflict do nothing`.execute(tx);
}

/** New dates and confidence for links already on record. */
export async function updateLinksDetails(
  tx: Tx,
  links: readonly { id: string; startDate: string | null; endDate: string | null; confidence: Confidence }[],
): Promise<void> {
  if (!links.length) return;
  const rows = links.map((l) => ({
    id: l.id,
    start_date: l.startDate,
    end_date: l.endDate,
    confidence: l.confidence,
  }));
  await sql`update link l set start_date = r.start_date, end_date = r.end_date, confidence = r.confidence
    from json_to_recordset(${json(rows)}) as r(id uuid, start_date date, end_date date, confidence text)
    where l.id = r.id`.execute(tx);
}
