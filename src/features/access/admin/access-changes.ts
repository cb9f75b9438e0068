/** Requests for a user's access that wait for a second administrator: listing and deciding them. */
import type { Database } from '../../../db/database.js';
import type { Classification } from '../markings.js';
import {
  done,
  entry,
  knownRoles,
  notFound,
  refused,
  securityEntry,
  type AdminRequest,
  type Outcome,
} from './commands.js';
import * as queries from './queries.js';

export function createAccessChanges(database: Database) {
  const db = database.db;
  return {
    /** Open requests for users' access, for administrators to decide: a consultation of those users. */
    async pendingAccessChanges(request: AdminRequest) {
      return database.transaction(async (tx) => {
        const changes = await queries.pendingAccessChanges(tx, { kind: 'user-access' });
        await entry(tx, request, {
          action: 'consultation',
          recordType: 'user',
          recordIds: [...new Set(changes.flatMap((change) => (change.user_id ? [change.user_id] : [])))],
          detail: { accessChanges: changes.map((change) => change.id) },
        });
        return changes;
      });
    },

    /** The open request for one user's access, if any (shown on their page). */
    async pendingAccessOf(userId: string) {
      const id = await queries.pendingAccessFor(db, userId);
      return id ? queries.accessChangeById(db, id) : undefined;
    },

    /**
     * Approves or rejects a request for a user's access. Only another administrator decides: not
     * the one who asked, and not the user it is for. Approval applies exactly what was asked.
     */
    async decideAccess(
      request: AdminRequest,
      id: string,
      decision: 'approved' | 'rejected',
    ): Promise<Outcome<'approved' | 'rejected'>> {
      return database.transaction(async (tx) => {
        const change = await queries.accessChangeById(tx, id);
        if (!change || change.kind !== 'user-access' || !change.user_id) return notFound;
        if (change.status !== 'pending') {
          return refused({ '': 'This change has already been decided or replaced by a later one' });
        }
        if (change.requested_by === request.actorUserId) {
          return refused({ '': 'You asked for this change: another administrator must decide it' });
        }
        if (change.user_id === request.actorUserId) {
          return refused({ '': 'This change is to your own access: another administrator must decide it' });
        }
        if (
          !(await queries.decideAccessChange(tx, id, { status: decision, decidedBy: request.actorUserId }))
        ) {
          return refused({ '': 'This change has already been decided or replaced by a later one' });
        }
        const roles = knownRoles(change.roles ?? []);
        const clearance = (change.clearance ?? 'OFFICIAL') as Classification;
        if (decision === 'approved') {
          await queries.setAccess(tx, change.user_id, roles, clearance);
          // The user's data changed: one s62 alteration, as a change applied at once writes.
          await entry(tx, request, {
            action: 'alteration',
            recordType: 'user',
            recordIds: [change.user_id],
            detail: { change: 'access', roles, clearance, accessChange: id },
          });
        }
        await securityEntry(tx, request, {
          recordType: 'access-change',
          recordIds: [id, change.user_id],
          detail: {
            change: decision === 'approved' ? 'access-approved' : 'access-rejected',
            user: change.user_id,
            roles,
            clearance,
            requestedBy: change.requested_by,
          },
        });
        return done(decision);
      });
    },
  };
}
