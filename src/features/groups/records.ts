/**
 * The OCG register's records as the access policy sees them. OCGs carry their own markings; a
 * member and an assessment carry their OCG's (`markedAs: 'ocg'`), and a member is visible only if
 * its entity is too (`revealsEntities`), so a hidden person is never betrayed by their place in a
 * group. Scoring models are reference data, unmarked.
 */
import { sql } from 'kysely';
import { visibleSql } from '../access/policy.js';
import { countRows, likePattern, type RecordSource } from '../access/records.js';
import { markedSource } from '../access/marked-source.js';

export const ocgRecords = markedSource({
  type: 'ocg',
  from: 'ocg',
  alias: 'o',
  markingAlias: 'o',
  fields: [
    'o.id',
    'o.reference',
    'o.name',
    'o.operation_name',
    'o.status',
    'o.categories',
    'o.areas',
    'o.lead_agency_id',
    'o.created_at',
  ],
  searchColumn: 'o.name',
  orderBy: 'o.reference',
  shareType: 'ocg',
});

export const ocgMemberRecords = markedSource({
  type: 'ocg-member',
  from: 'ocg_member',
  alias: 'm',
  markingAlias: 'o',
  joins: (from) => `${from} join ocg o on o.id = m.ocg_id`,
  fields: ['m.id', 'm.ocg_id', 'm.entity_id', 'm.role', 'm.role_note', 'm.added_at'],
  searchColumn: 'm.role',
  orderBy: 'm.added_at, m.id',
  shareType: 'ocg',
  sharedRecordField: 'ocg_id',
  revealsEntities: ['entity_id'],
});

export const ocgAssessmentRecords = markedSource({
  type: 'ocg-assessment',
  from: 'ocg_assessment',
  alias: 'a',
  markingAlias: 'o',
  joins: (from) => `${from} join ocg o on o.id = a.ocg_id`,
  fields: ['a.id', 'a.ocg_id', 'a.scoring_model_id', 'a.total', 'a.band', 'a.assessed_at'],
  searchColumn: 'a.band',
  orderBy: 'a.assessed_at, a.id',
  shareType: 'ocg',
  sharedRecordField: 'ocg_id',
});

const MODEL_FIELDS = ['id', 'key', 'version', 'name', 'is_default', 'created_at'] as const;

export const scoringModelRecords: RecordSource = {
  type: 'scoring-model',
  async list(q, viewer, action, { search, limit }) {
    let query = q
      .selectFrom('scoring_model as s')
      .select(MODEL_FIELDS.map((f) => `s.${f}` as const))
      .where(visibleSql(viewer, action, 'scoring-model', 's'));
    if (search) query = query.where('s.name', 'ilike', likePattern(search));
    const rows = await query.orderBy('s.key').orderBy('s.version').limit(limit).execute();
    return rows.map((row) => ({ id: row.id, marking: null, fields: { ...row } }));
  },
  async count(q, viewer, { search, cap }) {
    let query = q
      .selectFrom('scoring_model as s')
      .select(sql`1`.as('one'))
      .where(visibleSql(viewer, 'count', 'scoring-model', 's'));
    if (search) query = query.where('s.name', 'ilike', likePattern(search));
    return countRows(q, cap === undefined ? query : query.limit(cap));
  },
  async load(q, id) {
    const row = await q
      .selectFrom('scoring_model')
      .select([...MODEL_FIELDS])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { id: row.id, marking: null, fields: { ...row } };
  },
};

export const groupRecordSources: readonly RecordSource[] = [
  ocgRecords,
  ocgMemberRecords,
  ocgAssessmentRecords,
  scoringModelRecords,
];
