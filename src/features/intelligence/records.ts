/**
 * Intelligence as records the access policy governs: items, their originals, entities, links and
 * involvements, built by the access feature's `markedSource` so the policy applies the same way
 * to all of them (lists and counts in SQL, loads re-checked by mayAccess).
 */
import { victimsRuleSql } from '../access/derived.js';
import { markedSource } from '../access/marked-source.js';
import { mayReadInvolvement } from '../access/policy.js';
import type { RecordSource } from '../access/records.js';

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
  supportedByItems: true,
});

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
  extraSql: (viewer) => victimsRuleSql(viewer, 'ie'),
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
