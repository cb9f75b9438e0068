/**
 * The policy's rules for records derived from others, as SQL builders. Each rule is decided here
 * once; feature queries call these rather than combining `visibleSql` conditions by hand.
 *
 * - A link is visible when the link record is, BOTH its ends are, and at least one of its
 *   supporting items is (so a link never betrays a hidden person, or a hidden item's content).
 * - An involvement (a person in an item) is visible when its item is and, for a victim's
 *   involvement, the viewer holds victims:read; the entity it names must be visible too.
 * - An entity named by another record (a plan's subject, an action's target) is named only if
 *   the viewer may read it.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { VICTIM_CATEGORIES, mayReadVictims, visibleSql, type RecordAction, type Viewer } from './policy.js';

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/** Whether the viewer may read the entity whose id is `id` (an expression in the outer query). */
export function entityVisibleSql(viewer: Viewer, id: Expression<unknown>): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from entity ve where ve.id = ${id}
    and ${visibleSql(viewer, 'read', 'entity', 've')})`;
}

/**
 * Whether the viewer may see at least one item supporting the link `linkAlias`; `itemCondition`
 * narrows the items counted (the network's grading filters), over `intelligence_item vi`.
 */
export function visibleSupportSql(
  viewer: Viewer,
  linkAlias: string,
  itemCondition?: (itemAlias: string) => RawBuilder<unknown>,
): RawBuilder<boolean> {
  const extra = itemCondition ? sql`and ${itemCondition('vi')}` : sql``;
  return sql<boolean>`exists (select 1 from link_source vls join intelligence_item vi on vi.id = vls.item_id
    where vls.link_id = ${ref(linkAlias, 'id')} and ${visibleSql(viewer, 'read', 'intelligence-item', 'vi')} ${extra})`;
}

/** How many of the link `linkAlias`'s supporting items the viewer may see. */
export function visibleSupportCountSql(viewer: Viewer, linkAlias: string): RawBuilder<number> {
  return sql<number>`(select count(*)::int from link_source vls join intelligence_item vi on vi.id = vls.item_id
    where vls.link_id = ${ref(linkAlias, 'id')} and ${visibleSql(viewer, 'read', 'intelligence-item', 'vi')})`;
}

export interface LinkRuleOptions {
  /** The action on the link itself (read unless exporting or counting). */
  action?: RecordAction;
  /** Aliases of the link's ends when the query already joins them (`entity a`, `entity b`). */
  ends?: readonly [from: string, to: string];
  /** Narrows the supporting items that count (grading filters). */
  itemCondition?: (itemAlias: string) => RawBuilder<unknown>;
  /**
   * Only the link record and its ends, not its support: for finding the same link to add a
   * source to, where the new source is what will make it visible.
   */
  withoutSupport?: boolean;
}

/** The link rule: the link, both its ends and at least one supporting item visible. */
export function visibleLinkSql(
  viewer: Viewer,
  alias: string,
  options: LinkRuleOptions = {},
): RawBuilder<boolean> {
  const ends = options.ends
    ? [
        visibleSql(viewer, 'read', 'entity', options.ends[0]),
        visibleSql(viewer, 'read', 'entity', options.ends[1]),
      ]
    : [
        entityVisibleSql(viewer, ref(alias, 'from_entity_id')),
        entityVisibleSql(viewer, ref(alias, 'to_entity_id')),
      ];
  const parts = [visibleSql(viewer, options.action ?? 'read', 'link', alias), ...ends];
  if (!options.withoutSupport) parts.push(visibleSupportSql(viewer, alias, options.itemCondition));
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/**
 * The victims rule on an involvement row `alias` (item_entity): a victim's involvement only for a
 * viewer holding victims:read.
 */
export function victimsRuleSql(viewer: Viewer, alias: string): RawBuilder<boolean> {
  return mayReadVictims(viewer)
    ? sql<boolean>`true`
    : sql<boolean>`(${ref(alias, 'subject_category')} is null or ${ref(alias, 'subject_category')} not in (${sql.join(VICTIM_CATEGORIES)}))`;
}

export interface InvolvementRuleOptions {
  action?: RecordAction;
  /** Alias of the involvement's item when the query joins it; otherwise looked up. */
  item?: string;
  /** Alias of the involved entity when the query joins it, to require it visible as well. */
  entity?: string;
}

/** The involvement rule: its item visible, the victims rule, and (if joined) its entity visible. */
export function visibleInvolvementSql(
  viewer: Viewer,
  alias: string,
  options: InvolvementRuleOptions = {},
): RawBuilder<boolean> {
  const action = options.action ?? 'read';
  const item = options.item
    ? visibleSql(viewer, action, 'involvement', options.item)
    : sql<boolean>`exists (select 1 from intelligence_item vii where vii.id = ${ref(alias, 'item_id')}
        and ${visibleSql(viewer, action, 'involvement', 'vii')})`;
  const parts = [item, victimsRuleSql(viewer, alias)];
  if (options.entity) parts.push(visibleSql(viewer, 'read', 'entity', options.entity));
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/**
 * An entity named on another record (an action's target): readable, and not a victim anywhere
 * unless the viewer holds victims:read, so a victim reads "Not shown to you" as a hidden entity does.
 */
export function entityNamedSql(viewer: Viewer, alias: string): RawBuilder<boolean> {
  return sql<boolean>`(${visibleSql(viewer, 'read', 'entity', alias)} and not exists (select 1 from item_entity vie
    where vie.entity_id = ${ref(alias, 'id')} and not ${victimsRuleSql(viewer, 'vie')}))`;
}

/** Whether the involvement row `alias` is one the viewer may not see for the victims rule alone. */
export function hiddenByVictimsRuleSql(viewer: Viewer, alias: string): Expression<SqlBool> {
  return sql<SqlBool>`not ${victimsRuleSql(viewer, alias)}`;
}
