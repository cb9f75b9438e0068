/**
 * Records as the access policy sees them. Each feature that holds records offers a RecordSource:
 * lists and counts filtered in SQL by the policy (`visibleSql`), and single loads by id that the
 * policy checks again (`mayAccess`). The records API and the access matrix work through these,
 * so every type is governed by the same rules on every surface.
 */
import { sql, type Expression } from 'kysely';
import type { Queryable } from '../../db/database.js';
import type { Marking } from './markings.js';
import { mayAccess, type RecordAction, type RecordType, type Viewer } from './policy.js';

export interface AccessRecord {
  id: string;
  /** The record's markings; null for types that carry none. */
  marking: Marking | null;
  /** What the API shows of it. */
  fields: Record<string, unknown>;
  /** Other records this one reveals (a link's ends): it is visible only if they all are. */
  requires?: readonly { type: RecordType; marking: Marking | null }[];
  /** Records that support this one (a link's items): it is visible only if at least one is. */
  supportedBy?: { type: RecordType; markings: readonly (Marking | null)[] };
}

export interface RecordQuery {
  /** Free text to search for; absent for a plain list. */
  search?: string;
  limit: number;
  /** Count no further than this (a page showing "1,000+" need not read every row). */
  cap?: number;
}

export interface RecordSource {
  type: RecordType;
  /** Records the viewer may take `action` on, filtered in SQL. */
  list(q: Queryable, viewer: Viewer, action: RecordAction, query: RecordQuery): Promise<AccessRecord[]>;
  count(q: Queryable, viewer: Viewer, query: Omit<RecordQuery, 'limit'>): Promise<number>;
  /** One record by id, unfiltered: the caller must check it with `mayAccessRecord`. */
  load(q: Queryable, id: string): Promise<AccessRecord | undefined>;
  /**
   * A condition of this type beyond markings (a victim's involvement needs victims:read). The
   * list SQL applies the same condition.
   */
  permits?(viewer: Viewer, action: RecordAction, record: AccessRecord): boolean;
}

/** The policy's decision on one loaded record, including the type's own condition. */
export function mayAccessRecord(
  viewer: Viewer,
  action: RecordAction,
  source: RecordSource,
  record: AccessRecord,
): boolean {
  return (
    mayAccess(viewer, action, source.type, record.marking) &&
    (source.permits?.(viewer, action, record) ?? true) &&
    (record.requires ?? []).every((required) => mayAccess(viewer, 'read', required.type, required.marking)) &&
    (record.supportedBy === undefined ||
      record.supportedBy.markings.some((marking) =>
        mayAccess(viewer, 'read', record.supportedBy?.type ?? 'link', marking),
      ))
  );
}

/** Escapes LIKE wildcards so a search for "50%" means what it says. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** How many rows a query returns (its select list does not matter), at most `cap` when given. */
export async function countRows(q: Queryable, rows: Expression<unknown>): Promise<number> {
  const { rows: counted } = await sql<{ n: number }>`select count(*) as n from (${rows}) as counted`.execute(
    q,
  );
  return counted[0]?.n ?? 0;
}
