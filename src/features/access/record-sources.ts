/** The access feature's own records: users, agencies and sharing rules. SQL for them lives here. */
import { sql } from 'kysely';
import type { RecordSource } from './records.js';
import { countRows, likePattern } from './records.js';
import { visibleSql } from './policy.js';

export const userRecords: RecordSource = {
  type: 'user',
  async list(q, viewer, action, { search, limit }) {
    let query = q
      .selectFrom('app_user as u')
      .select(['u.id', 'u.email', 'u.display_name', 'u.agency_id', 'u.clearance', 'u.disabled_at'])
      .where(visibleSql(viewer, action, 'user', 'u'));
    if (search) {
      const pattern = likePattern(search);
      query = query.where((eb) =>
        eb.or([eb('u.email', 'ilike', pattern), eb('u.display_name', 'ilike', pattern)]),
      );
    }
    const rows = await query.orderBy('u.email').limit(limit).execute();
    return rows.map((row) => ({ id: row.id, marking: null, fields: { ...row } }));
  },
  async count(q, viewer, { search, cap }) {
    let query = q
      .selectFrom('app_user as u')
      .select(sql`1`.as('one'))
      .where(visibleSql(viewer, 'count', 'user', 'u'));
    if (search) {
      const pattern = likePattern(search);
      query = query.where((eb) =>
        eb.or([eb('u.email', 'ilike', pattern), eb('u.display_name', 'ilike', pattern)]),
      );
    }
    return countRows(q, cap === undefined ? query : query.limit(cap));
  },
  async load(q, id) {
    const row = await q
      .selectFrom('app_user')
      .select(['id', 'email', 'display_name', 'agency_id', 'clearance', 'disabled_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { id: row.id, marking: null, fields: { ...row } };
  },
};

export const agencyRecords: RecordSource = {
  type: 'agency',
  async list(q, viewer, action, { search, limit }) {
    let query = q
      .selectFrom('agency as a')
      .select(['a.id', 'a.code', 'a.name', 'a.kind', 'a.organisation_id'])
      .where(visibleSql(viewer, action, 'agency', 'a'));
    if (search) query = query.where('a.name', 'ilike', likePattern(search));
    const rows = await query.orderBy('a.code').limit(limit).execute();
    return rows.map((row) => ({ id: row.id, marking: null, fields: { ...row } }));
  },
  async count(q, viewer, { search, cap }) {
    let query = q
      .selectFrom('agency as a')
      .select(sql`1`.as('one'))
      .where(visibleSql(viewer, 'count', 'agency', 'a'));
    if (search) query = query.where('a.name', 'ilike', likePattern(search));
    return countRows(q, cap === undefined ? query : query.limit(cap));
  },
  async load(q, id) {
    const row = await q
      .selectFrom('agency')
      .select(['id', 'code', 'name', 'kind', 'organisation_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { id: row.id, marking: null, fields: { ...row } };
  },
};

export const sharingRuleRecords: RecordSource = {
  type: 'sharing-rule',
  async list(q, viewer, action, { search, limit }) {
    let query = q
      .selectFrom('sharing_rule as s')
      .select(['s.id', 's.owner_agency_id', 's.partner_agency_id', 's.record_type'])
      .where(visibleSql(viewer, action, 'sharing-rule', 's'));
    if (search) query = query.where('s.record_type', 'ilike', likePattern(search));
    const rows = await query.orderBy('s.created_at').limit(limit).execute();
    return rows.map((row) => ({ id: row.id, marking: null, fields: { ...row } }));
  },
  async count(q, viewer, { search, cap }) {
    let query = q
      .selectFrom('sharing_rule as s')
      .select(sql`1`.as('one'))
      .where(visibleSql(viewer, 'count', 'sharing-rule', 's'));
    if (search) query = query.where('s.record_type', 'ilike', likePattern(search));
    return countRows(q, cap === undefined ? query : query.limit(cap));
  },
  async load(q, id) {
    const row = await q
      .selectFrom('sharing_rule')
      .select(['id', 'owner_agency_id', 'partner_agency_id', 'record_type'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { id: row.id, marking: null, fields: { ...row } };
  },
};
