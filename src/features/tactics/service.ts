/**
 * The library's commands. Tactics are reference data, not personal data: reading them writes no
 * s62 entry. Adding, editing, retiring and restoring are the coordinator's changes to shared
 * reference data, recorded like administrators' changes to sharing rules: one 'security' entry in
 * the tamper-evident log, in the same transaction as the change, naming the tactic.
 */
import type { Database, Tx } from '../../db/database.js';
import { writeAuditEntry, type AuditContext } from '../audit/audit-log.js';
import { mayAccess, type RecordAction } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import { loadViewer } from '../access/viewer.js';
import * as q from './queries.js';

/** Who is asking, which event their request is, and where its audit entry goes. */
export interface TacticsRequest {
  audit: AuditContext;
  event: string;
  principal: Principal & { kind: 'user' };
}

export type Outcome<T = null> =
  | { kind: 'done'; value: T }
  /** Refused for a reason the person can fix: field → message. */
  | { kind: 'refused'; errors: Record<string, string> }
  | { kind: 'not-found' };

const done = <T>(value: T): Outcome<T> => ({ kind: 'done', value });
const NOT_FOUND: Outcome<never> = { kind: 'not-found' };

/** The fields that changed, by name, for the audit entry (not their words: the tactic holds those). */
function changedFields(before: q.TacticRow, after: q.TacticFields): string[] {
  return (Object.keys(after) as (keyof q.TacticFields)[]).filter(
    (name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]),
  );
}

export function createTactics(database: Database) {
  /** The change runs only if the viewer's role may take `action` on tactics (the one policy). */
  function change<T>(
    request: TacticsRequest,
    action: RecordAction,
    work: (tx: Tx) => Promise<Outcome<T>>,
  ): Promise<Outcome<T>> {
    return database.transaction(async (tx) => {
      const viewer = await loadViewer(tx, request.principal);
      if (!mayAccess(viewer, action, 'tactic', null)) return NOT_FOUND;
      return work(tx);
    });
  }

  const entry = (tx: Tx, request: TacticsRequest, id: string, detail: Record<string, unknown>) =>
    writeAuditEntry(tx, request.audit, {
      event: request.event,
      action: 'security',
      recordType: 'tactic',
      recordIds: [id],
      detail,
    });

  return {
    list: (filter: q.TacticFilter) => q.listTactics(database.db, filter),
    agencyKinds: () => q.agencyKinds(database.db),
    byId: (id: string) => q.tacticById(database.db, id),

    add(request: TacticsRequest, fields: q.TacticFields & { key: string }): Promise<Outcome<string>> {
      return change(request, 'create', async (tx) => {
        if (await q.tacticIdByKey(tx, fields.key)) {
          return {
            kind: 'refused',
            errors: { key: 'A tactic with this key already exists: choose another' },
          };
        }
        const id = await q.insertTactic(tx, fields, request.principal.userId);
        await entry(tx, request, id, { change: 'added', key: fields.key });
        return done(id);
      });
    },

    edit(request: TacticsRequest, id: string, fields: q.TacticFields): Promise<Outcome> {
      return change(request, 'update', async (tx) => {
        const before = await q.tacticById(tx, id);
        if (!before) return NOT_FOUND;
        await q.updateTactic(tx, id, fields, request.principal.userId);
        await entry(tx, request, id, {
          change: 'edited',
          key: before.key,
          fields: changedFields(before, fields),
        });
        return done(null);
      });
    },

    setRetired(request: TacticsRequest, id: string, retired: boolean): Promise<Outcome> {
      return change(request, 'update', async (tx) => {
        const before = await q.tacticById(tx, id);
        if (!before) return NOT_FOUND;
        await q.setRetired(tx, id, retired, request.principal.userId);
        await entry(tx, request, id, { change: retired ? 'retired' : 'restored', key: before.key });
        return done(null);
      });
    },
  };
}
export type Tactics = ReturnType<typeof createTactics>;
