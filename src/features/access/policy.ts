/**
 * The one access policy: pure functions that decide every read, list, search, count, export,
 * link and erase. Lists and searches filter in SQL with `visibleSql`; single loads check the row
 * again with `mayAccess`. Both work from the same Viewer, so they cannot disagree.
 *
 * A marked record is visible only if ALL of these hold:
 *   - the viewer's role grants the action on the record type;
 *   - the viewer's clearance covers the record's classification;
 *   - the record's owning agency is the viewer's, or has shared that record type with it, or (for
 *     shareable types) the record itself has been shared with the viewer's agency;
 *   - the record has no named access list, or the list admits the viewer (directly or by agency).
 */
import { sql, type Expression, type RawBuilder } from 'kysely';
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
  /**
   * Whether a record of this type may also be shared one at a time with another agency
   * (`record_share`), on top of the agency-wide sharing rules.
   */
  shareable?: boolean;
  /**
   * Records of this type carry another type's markings and sharing (an involvement is seen with
   * its item): the marking and sharing checks are that type's, the permission check this one's.
   */
  markedAs?: 'intelligence-item' | 'ocg' | 'plan-action';
  /** The permission each action needs; an action not listed is never allowed. */
  actions: Partial<Record<RecordAction, Permission>>;
  /** A permission every action on this type needs as well (victims' data: victims:read). */
  alsoNeeds?: Permission;
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
  // Intelligence: items, the entities they mention and the links between them. Partners who read
  // intelligence may add to it; sharing onward or exporting is a disclosure (intelligence:export).
  'intelligence-item': {
    marked: true,
    shareable: true,
    actions: {
      ...READING('intelligence:read'),
      create: 'intelligence:read',
      update: 'intelligence:read',
      link: 'intelligence:read',
      export: 'intelligence:export',
    },
  },
  /** An item's words as they arrived, before sanitisation: always handling C, on an access list. */
  'intelligence-original': {
    marked: true,
    actions: { read: 'intelligence:read', list: 'intelligence:read', count: 'intelligence:read' },
  },
  entity: {
    marked: true,
    shareable: true,
    actions: {
      ...READING('intelligence:read'),
      create: 'intelligence:read',
      update: 'intelligence:read',
      link: 'intelligence:read',
      export: 'intelligence:export',
    },
  },
  link: {
    marked: true,
    shareable: true,
    actions: {
      ...READING('intelligence:read'),
      create: 'intelligence:read',
      export: 'intelligence:export',
    },
  },
  /**
   * How a person is involved in an item (suspect, victim, ...). Carries its item's markings; a
   * victim's involvement also needs victims:read (`mayReadInvolvement`).
   */
  involvement: {
    marked: true,
    markedAs: 'intelligence-item',
    actions: { ...READING('intelligence:read'), create: 'intelligence:read' },
  },
  // OCG register and 4P plans (migration 0008). Partners who read intelligence read OCGs and plans
  // the markings allow; police leads and the coordinator open, score and plan (ocg:manage).
  ocg: {
    marked: true,
    shareable: true,
    actions: {
      ...READING('intelligence:read'),
      create: 'ocg:manage',
      update: 'ocg:manage',
      link: 'ocg:manage',
      export: 'intelligence:export',
    },
  },
  /** An entity's place in an OCG (a person's role, or an associated business, vehicle...). */
  'ocg-member': {
    marked: true,
    markedAs: 'ocg',
    actions: { ...READING('intelligence:read'), create: 'ocg:manage', erase: 'ocg:manage' },
  },
  /** One harm assessment of an OCG against a scoring model version; re-scoring adds another. */
  'ocg-assessment': {
    marked: true,
    markedAs: 'ocg',
    actions: { ...READING('intelligence:read'), create: 'ocg:manage' },
  },
  /** Reference data, not personal data: versioned harm scoring models. */
  'scoring-model': {
    marked: false,
    actions: { ...READING('intelligence:read'), create: 'reference-data:manage' },
  },
  /** Reference data: the tactics and powers library. */
  tactic: {
    marked: false,
    actions: {
      ...READING('workspace:view'),
      create: 'reference-data:manage',
      update: 'reference-data:manage',
    },
  },
  plan: {
    marked: true,
    shareable: true,
    actions: {
      ...READING('intelligence:read'),
      create: 'ocg:manage',
      update: 'ocg:manage',
      export: 'intelligence:export',
    },
  },
  /**
   * An action in a 4P plan: owned by the agency carrying it out, shared one at a time with the
   * plan's owner. Only the owning agency updates it (checked by the service, as for entities).
   */
  'plan-action': {
    marked: true,
    shareable: true,
    actions: {
      ...READING('intelligence:read'),
      create: 'ocg:manage',
      update: 'intelligence:read',
      export: 'intelligence:export',
    },
  },
  /** The disruption an action achieved (major ... negative) with its rationale: the action's. */
  'disruption-impact': {
    marked: true,
    markedAs: 'plan-action',
    actions: { ...READING('intelligence:read'), create: 'intelligence:read' },
  },
  /**
   * A safeguarding referral for a victim: victims:read on top of every action, so
   * exporting one needs both intelligence:export and victims:read.
   */
  'safeguarding-referral': {
    marked: true,
    alsoNeeds: 'victims:read',
    actions: {
      ...READING('intelligence:read'),
      create: 'intelligence:read',
      update: 'intelligence:read',
      export: 'intelligence:export',
    },
  },
} as const satisfies Record<string, RecordTypeRule>;

export type RecordType = keyof typeof RECORD_TYPES;

/** The type whose markings and sharing govern records of `type` (itself, unless markedAs). */
function governingType(type: RecordType): RecordType {
  const rule: RecordTypeRule = RECORD_TYPES[type];
  return rule.markedAs ?? type;
}

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
  return (
    permission !== undefined &&
    viewer.permissions.has(permission) &&
    (rule.alsoNeeds === undefined || viewer.permissions.has(rule.alsoNeeds))
  );
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
  if (!RECORD_TYPES[type].marked) return true;
  if (!marking) return false; // a marked type without its markings is refused, never assumed open
  const governing = governingType(type);
  const rule: RecordTypeRule = RECORD_TYPES[governing];
  const sharedOneByOne = rule.shareable === true && (marking.sharedWith ?? []).includes(viewer.agencyId);
  return (
    coveredBy(viewer.clearance).includes(marking.classification) &&
    (visibleOwners(viewer, governing).includes(marking.owningAgencyId) || sharedOneByOne) &&
    (marking.accessListId === null || viewer.accessLists.has(marking.accessListId))
  );
}

/** Data-subject categories whose involvement only victims:read may see. */
export const VICTIM_CATEGORIES: readonly string[] = ['victim'];

/** Whether the viewer may see victims at all: who they are, how they are involved, referrals. */
export function mayReadVictims(viewer: Viewer): boolean {
  return viewer.permissions.has('victims:read');
}

/** A person's involvement in an item: the item's rule, and victims:read for a victim's. */
export function mayReadInvolvement(viewer: Viewer, subjectCategory: string | null): boolean {
  return subjectCategory === null || !VICTIM_CATEGORIES.includes(subjectCategory) || mayReadVictims(viewer);
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
  if (!mayAct(viewer, action, type)) return sql<boolean>`false`;
  if (!RECORD_TYPES[type].marked) return sql<boolean>`true`;
  const governing = governingType(type);
  const rule: RecordTypeRule = RECORD_TYPES[governing];
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const shared = rule.shareable
    ? sql`or exists (select 1 from record_share rs where rs.record_type = ${governing}
        and rs.record_id = ${column('id')} and rs.agency_id = ${viewer.agencyId})`
    : sql``;
  return sql<boolean>`(${column('classification')} in (${sql.join(coveredBy(viewer.clearance))})
    and (${column('owning_agency_id')} in (${sql.join(visibleOwners(viewer, governing))}) ${shared})
    and (${column('access_list_id')} is null or ${listAdmitsSql(viewer, column('access_list_id'))}))`;
}

/**
 * Whether the named access list in `listId` admits the viewer, as a join on its members: two bound
 * values however many lists there are (binding each list id failed past 65,535 parameters).
 */
export function listAdmitsSql(viewer: Viewer, listId: Expression<unknown>): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from access_list_member alm where alm.access_list_id = ${listId}
    and (alm.user_id = ${viewer.userId} or alm.agency_id = ${viewer.agencyId}))`;
}

/**
 * Export and onward sharing: handling code C records need their conditions
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
