/**
 * Turning a record id from the audit log into a name: a separate, audited action.
 * Each record type that may be named registers a function returning a display name, never the
 * record's content; a type with no entry here is reported by its type alone. Later features add
 * theirs at the composition root: `recordNames.register('person', { ... })`.
 */
import type { Queryable } from '../../db/database.js';
import { agencyDisplayName, recordTypesOf, userDisplayName } from './queries.js';

export interface RecordNamer {
  /** What the type is called on the page, e.g. 'User'. */
  label: string;
  /** The record's display name (e.g. "Ann Smith (ann@…), Trading Standards"), or null if none. */
  displayName: (q: Queryable, id: string) => Promise<string | null>;
}

export interface Resolution {
  recordId: string;
  /** The type the record turned out to be, once a namer found it. */
  type: string | null;
  typeLabel: string | null;
  displayName: string | null;
  /** Types the log records for the id that no namer could name: named by type only. */
  unnamedTypes: string[];
}

export function createRecordNames() {
  const namers = new Map<string, RecordNamer>();
  return {
    register(type: string, namer: RecordNamer): void {
      if (namers.has(type)) throw new Error(`A record namer for "${type}" is already registered`);
      namers.set(type, namer);
    },

    labelOf(type: string): string {
      return namers.get(type)?.label ?? type;
    },

    /**
     * Names the record if a namer knows it. Every namer is asked, not only those of the types the
     * log records for the id: actors' user and agency ids are columns, not indexed record ids.
     */
    async resolve(q: Queryable, recordId: string): Promise<Resolution> {
      const loggedTypes = await recordTypesOf(q, recordId);
      for (const [type, namer] of namers) {
        const displayName = await namer.displayName(q, recordId);
        if (displayName !== null) {
          return { recordId, type, typeLabel: namer.label, displayName, unnamedTypes: [] };
        }
      }
      return { recordId, type: null, typeLabel: null, displayName: null, unnamedTypes: loggedTypes };
    },
  };
}
export type RecordNames = ReturnType<typeof createRecordNames>;

/** The namers Lantern has today: staff and agencies. */
export function defaultRecordNames(): RecordNames {
  const names = createRecordNames();
  names.register('user', { label: 'User', displayName: userDisplayName });
  names.register('agency', { label: 'Agency', displayName: agencyDisplayName });
  return names;
}
