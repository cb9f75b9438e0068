/**
 * The library's commands. Tactics are reference data, not personal data: reading them writes no
 * s62 entry. Adding, editing, retiring and restoring are the coordinator's changes to shared
 * reference data, recorded like administrators' changes to sharing rules: one 'security' entry in
 * the tamper-evident log, in the same transaction as the change, naming the tactic.
 */
import type { Database, Tx } from '../../db/database.js';
import { mayAccess, type RecordAction } from '../access/policy.js';
import {
  commandKernel,
  done,
  notFound,
  refused,
  type Asker,
  type AuditRecord,
  type Outcome,
  type Recorded,
} from '../../web/commands.js';
import * as q from './queries.js';

/** The fields that changed, by name, for the audit entry (not their words: the tactic holds those). */
function changedFields(before: q.TacticRow, after: q.TacticFields): string[] {
  return (Object.keys(after) as (keyof q.TacticFields)[]).filter(
    (name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]),
  );
}

export function createTactics(database: Database) {
  const { audited } = commandKernel(database);

  /** The change runs only if the viewer's role may take `action` on tactics (the one policy). */
  function change<T>(
    asker: Asker,
    action: RecordAction,
    work: (tx: Tx) => Promise<Recorded<T>>,
  ): Promise<Outcome<T>> {
    return audited(asker, (tx, viewer) =>
      mayAccess(viewer, action, 'tactic', null) ? work(tx) : Promise.resolve({ outcome: notFound }),
    );
  }

  const entry = (id: string, detail: Record<string, unknown>): AuditRecord => ({
    action: 'security',
    recordType: 'tactic',
    recordIds: [id],
    detail,
  });

  return {
    list: (filter: q.TacticFilter) => q.listTactics(database.db, filter),
    agencyKinds: () => q.agencyKinds(database.db),
    byId: (id: string) => q.tacticById(database.db, id),

    add(asker: Asker, fields: q.TacticFields & { key: string }): Promise<Outcome<string>> {
      return change(asker, 'create', async (tx) => {
        if (await q.tacticIdByKey(tx, fields.key)) {
          return { outcome: refused({ key: 'A tactic with this key already exists: choose another' }) };
        }
        const id = await q.insertTactic(tx, fields, asker.principal.userId);
        return { outcome: done(id), entry: entry(id, { change: 'added', key: fields.key }) };
      });
    },

    edit(asker: Asker, id: string, fields: q.TacticFields): Promise<Outcome> {
      return change(asker, 'update', async (tx) => {
        const before = await q.tacticById(tx, id);
        if (!before) return { outcome: notFound };
        await q.updateTactic(tx, id, fields, asker.principal.userId);
        return {
          outcome: done(null),
          entry: entry(id, { change: 'edited', key: before.key, fields: changedFields(before, fields) }),
        };
      });
    },

    setRetired(asker: Asker, id: string, retired: boolean): Promise<Outcome> {
      return change(asker, 'update', async (tx) => {
        const before = await q.tacticById(tx, id);
        if (!before) return { outcome: notFound };
        await q.setRetired(tx, id, retired, asker.principal.userId);
        return {
          outcome: done(null),
          entry: entry(id, { change: retired ? 'retired' : 'restored', key: before.key }),
        };
      });
    },
  };
}
export type Tactics = ReturnType<typeof createTactics>;
