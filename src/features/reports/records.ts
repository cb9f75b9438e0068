/**
 * Public reports and their files as records the access policy governs (OFFICIAL-SENSITIVE, handling C, owned by the receiving agency; originals only as evidence). There is
 * no inbox yet: the records API is how partners reach them, and only as the markings allow.
 * Neither the lookup id nor the receipt hash ever leaves here.
 */
import { sql } from 'kysely';
import { MARKING_COLUMNS, markingFromRow, type MarkingRow } from '../access/markings.js';
import { visibleSql } from '../access/policy.js';
import { countRows, likePattern, type AccessRecord, type RecordSource } from '../access/records.js';

const markingOf = (row: MarkingRow) => markingFromRow(row);
const MARKING = MARKING_COLUMNS;
const REPORT_FIELDS = [
  'id',
  'category',
  'what',
  'where_text',
  'when_date',
  'when_text',
  'who',
  'received_at',
] as const;

function reportRecord(
  row: MarkingRow & Record<(typeof REPORT_FIELDS)[number], unknown> & { id: string },
): AccessRecord {
  const fields: Record<string, unknown> = {};
  for (const name of REPORT_FIELDS) fields[name] = row[name];
  return { id: row.id, marking: markingOf(row), fields };
}

export const reportRecords: RecordSource = {
  type: 'public-report',
  async list(q, viewer, action, { search, limit }) {
    let query = q
      .selectFrom('public_report as r')
      .select([...REPORT_FIELDS.map((f) => `r.${f}` as const), ...MARKING.map((f) => `r.${f}` as const)])
      .where(visibleSql(viewer, action, 'public-report', 'r'));
    if (search) query = query.where('r.what', 'ilike', likePattern(search));
    const rows = await query.orderBy('r.received_at', 'desc').limit(limit).execute();
    return rows.map(reportRecord);
  },
  async count(q, viewer, { search, cap }) {
    let query = q
      .selectFrom('public_report as r')
      .select(sql`1`.as('one'))
      .where(visibleSql(viewer, 'count', 'public-report', 'r'));
    if (search) query = query.where('r.what', 'ilike', likePattern(search));
    return countRows(q, cap === undefined ? query : query.limit(cap));
  },
  async load(q, id) {
    const row = await q
      .selectFrom('public_report as r')
      .select([...REPORT_FIELDS.map((f) => `r.${f}` as const), ...MARKING.map((f) => `r.${f}` as const)])
      .where('r.id', '=', id)
      .executeTakeFirst();
    return row && reportRecord(row);
  },
};

const FILE_FIELDS = [
  'f.id',
  'f.report_id',
  'f.variant',
  'f.media_type',
  'f.byte_size',
  'f.sha256',
  'f.received_at',
] as const;

function fileRecord(
  row: MarkingRow & {
    id: string;
    report_id: string;
    variant: string;
    media_type: string;
    byte_size: number;
    sha256: string;
    received_at: Date;
  },
): AccessRecord {
  const {
    classification: _c,
    handling_code: _h,
    handling_conditions: _hc,
    owning_agency_id: _o,
    access_list_id: _a,
    ...fields
  } = row;
  return { id: row.id, marking: markingOf(row), fields };
}

/** Files sent with reports: the sanitised copy for partners, the original under its access list. */
export const reportFileRecords: RecordSource = {
  type: 'public-report-file',
  async list(q, viewer, action, { search, limit }) {
    let query = q
      .selectFrom('public_report_file as f')
      .select([...FILE_FIELDS, ...MARKING.map((c) => `f.${c}` as const)])
      .where(visibleSql(viewer, action, 'public-report-file', 'f'));
    if (search) query = query.where('f.media_type', 'ilike', likePattern(search));
    const rows = await query.orderBy('f.received_at', 'desc').limit(limit).execute();
    return rows.map(fileRecord);
  },
  async count(q, viewer, { search, cap }) {
    let query = q
      .selectFrom('public_report_file as f')
      .select(sql`1`.as('one'))
      .where(visibleSql(viewer, 'count', 'public-report-file', 'f'));
    if (search) query = query.where('f.media_type', 'ilike', likePattern(search));
    return countRows(q, cap === undefined ? query : query.limit(cap));
  },
  async load(q, id) {
    const row = await q
      .selectFrom('public_report_file as f')
      .select([...FILE_FIELDS, ...MARKING.map((c) => `f.${c}` as const)])
      .where('f.id', '=', id)
      .executeTakeFirst();
    return row && fileRecord(row);
  },
};
