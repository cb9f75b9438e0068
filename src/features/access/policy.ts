/**
 * The one access policy: pure functions that decide every read, list, search, count, export,
 * link and erase. Lists and searches filter in SQL with `visibleSql`; single loads check the row
 * again with `mayAccess`. Both work from the same Viewer, so they cannot disagree.
 *
 * A marked record is visible only if ALL of these hold:
 *   - the viewer's role grants the action on the record type;
 *   - the viewer's clearance covers the record's classification;
 *   - the record's owning agency is the viewer's, or has shared that record type with it;
 *   - the record has no named access list, or the list admits the viewer (directly or by agency).
 */
import { sql, type RawBuilder } from 'kysely';
import { coveredBy, type Classification, type HandlingCode, type Marking } from './markings.js';
import type { Permission } from './permissions.js';

export const RECORD_ACTIONS = [
  'read',
  'list',
  'search',
  'count',
  'export',
  'create',
  'update',
  'link',
  'erase',
] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

interface RecordTypeRule {
  /** Whether records of this type carry markings (classification, owner, access list). */
  marked: boolean;
  /** The permission each action needs; an action not listed is never allowed. */
  actions: Partial<Record<RecordAction, Permission>>;
}

const READING = (permission: Permission) =>
  ({ read: permission, list: permission, search: permission, count: permission }) as const;

/** Every type of record Lantern holds, and what each action on it needs. */
export const RECORD_TYPES = {
  'public-report': {
    marked: true,
    actions: { ...READING('intelligence:read'), export: 'intelligence:export' },
  },
  'public-report-file': {
    marked: true,
    actions: { ...READING('intelligence:read'), export: 'intelligence:export' },
  },
  user: {
    marked: false,
    actions: {
      ...READING('accounts:manage'),
      export: 'accounts:manage',
      create: 'accounts:manage',
      update: 'accounts:manage',
    },
  },
  agency: {
    marked: false,
    actions: { ...READING('workspace:view'), create: 'accounts:manage', update: 'accounts:manage' },
  },
  'sharing-rule': {
    marked: false,
    actions: {
      ...READING('accounts:manage'),
      create: 'accounts:manage',
      erase: 'accounts:manage',
    },
  },
  'audit-entry': {
    marked: false,
    actions: { ...READING('audit:read'), export: 'audit:read' },
  },
} as const satisfies Record<string, RecordTypeRule>;

export type RecordType = keyof typeof RECORD_TYPES;

/** Everything the policy needs to know about the person asking, loaded once per request. */
export interface Viewer {
  userId: string;
  agencyId: string;
  permissions: ReadonlySet<Permission>;
  clearance: Classification;
  /** For each record type, the agencies that share it with the viewer's agency. */
  sharedFrom: ReadonlyMap<string, ReadonlySet<string>>;
  /** The named access lists that admit the viewer, directly or through their agency. */
  accessLists: ReadonlySet<string>;
}

/** Whether the viewer's role allows the action on the type at all, whatever the record. */
export function mayAct(viewer: Viewer, action: RecordAction, type: RecordType): boolean {
  const rule: RecordTypeRule = RECORD_TYPES[type];
  const permission = rule.actions[action];
  return permission !== undefined && viewer.permissions.has(permission);
}

/** The agencies whose records of this type the viewer may see: their own and those sharing. */
export function visibleOwners(viewer: Viewer, type: RecordType): string[] {
  return [viewer.agencyId, ...(viewer.sharedFrom.get(type) ?? [])];
}

/** Whether the viewer may take the action on one record with these markings. */
export function mayAccess(
  viewer: Viewer,
  action: RecordAction,
  type: RecordType,
  marking: Marking | null,
): boolean {
  if (!mayAct(viewer, action, type)) return false;
  const rule: RecordTypeRule = RECORD_TYPES[type];
  if (!rule.marked) return true;
  if (!marking) return false; // a marked type without its markings is refused, never assumed open
  return (
    coveredBy(viewer.clearance).includes(marking.classification) &&
    visibleOwners(viewer, type).includes(marking.owningAgencyId) &&
    (marking.accessListId === null || viewer.accessLists.has(marking.accessListId))
  );
}

/**
 * The same decision as SQL, for lists, searches and counts over a marked table. `alias` names the
 * table in the query; the columns are the marking convention (markings.ts). Values are bound.
 */
export function visibleSql(
  viewer: Viewer,
  action: RecordAction,
  type: RecordType,
  alias: string,
): RawBuilder<boolean> {
  const rule: RecordTypeRule = RECORD_TYPES[type];
  if (!mayAct(viewer, action, type)) return sql<boolean>`false`;
  if (!rule.marked) return sql<boolean>`true`;
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const lists = [...viewer.accessLists];
  const listed = lists.length ? sql`or ${column('access_list_id')} in (${sql.join(lists)})` : sql``;
  return sql<boolean>`(${column('classification')} in (${sql.join(coveredBy(viewer.clearance))})
    and ${column('owning_agency_id')} in (${sql.join(visibleOwners(viewer, type))})
    and (${column('access_list_id')} is null ${listed}))`;
}

/**
 * Export and onward sharing (DECISIONS 15): handling code C records need their conditions
 * acknowledged first. Returns the conditions still to acknowledge (empty when export may go on).
 */
export function conditionsToAcknowledge(
  records: readonly { handlingCode: HandlingCode; handlingConditions: string | null }[],
  acknowledged: boolean,
): string[] {
  if (acknowledged) return [];
  const conditions = records
    .filter((record) => record.handlingCode === 'C')
    .map((record) => record.handlingConditions ?? 'Sharing conditions apply');
  return [...new Set(conditions)];
}
