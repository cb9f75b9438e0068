/**
 * What every administration command shares: who is asking, the outcome, the audit entries it
 * writes, and the separation-of-duties rule for changes of access.
 */
import type { Tx } from '../../../db/database.js';
import { writeAuditEntry, type AuditContext, type AuditEntryInput } from '../../audit/audit-log.js';
import { classificationRank, type Classification } from '../markings.js';
import { grantsNeedingApproval, isRole, ROLES, type Role } from '../roles.js';
import * as queries from './queries.js';

/** Who is asking and which event their request is, for the audit entry. */
export interface AdminRequest {
  audit: AuditContext;
  event: string;
  actorUserId: string;
}

/** The command kernel's outcomes: done, refused (field → message) or not found. */
export { done, notFound, refused, type Outcome } from '../../../web/commands.js';

/** Roles whose holders may approve sharing their own agency's records. */
export const SHARING_APPROVER_ROLES = (Object.keys(ROLES) as Role[]).filter((role) =>
  (ROLES[role].permissions as readonly string[]).includes('sharing:approve'),
);

/**
 * Whether a change of access needs a second administrator: it grants a permission beyond the
 * workspace that the user did not have, or raises their clearance above OFFICIAL.
 */
export function needsApproval(
  from: { roles: readonly Role[]; clearance: Classification },
  to: { roles: readonly Role[]; clearance: Classification },
): boolean {
  const raisesClearance =
    to.clearance !== 'OFFICIAL' && classificationRank(to.clearance) > classificationRank(from.clearance);
  return raisesClearance || grantsNeedingApproval(from.roles, to.roles).length > 0;
}

export const knownRoles = (roles: readonly string[]): Role[] => roles.filter(isRole);

export const entry = (tx: Tx, request: AdminRequest, input: Omit<AuditEntryInput, 'event'>) =>
  writeAuditEntry(tx, request.audit, { event: request.event, ...input });

/**
 * A security entry about a change of access (asked for, approved, rejected). Not an s62
 * operation on personal data, so it is written on a copy of the request's audit context: the
 * route's count of its one s62 entry leaves it out, as the test harness does.
 */
export const securityEntry = (
  tx: Tx,
  request: AdminRequest,
  input: Omit<AuditEntryInput, 'event' | 'action'>,
) => writeAuditEntry(tx, { ...request.audit }, { event: request.event, action: 'security', ...input });

/**
 * Asks for a user's access to change. A change that widens it waits for another administrator
 * (one security entry); one that does not is applied at once (one alteration of the user). An
 * earlier open request for the same user is withdrawn: the newer one says what is wanted now.
 */
export async function requestAccess(
  tx: Tx,
  request: AdminRequest,
  user: { id: string; roles: readonly string[]; clearance: string },
  wanted: { roles: Role[]; clearance: Classification },
): Promise<'pending' | 'applied'> {
  const previous = { roles: knownRoles(user.roles), clearance: user.clearance as Classification };
  const open = await queries.pendingAccessFor(tx, user.id);
  if (open)
    await queries.decideAccessChange(tx, open, { status: 'withdrawn', decidedBy: request.actorUserId });
  const change = {
    kind: 'user-access' as const,
    requestedBy: request.actorUserId,
    userId: user.id,
    roles: wanted.roles,
    clearance: wanted.clearance,
    previousRoles: previous.roles,
    previousClearance: previous.clearance,
  };
  if (needsApproval(previous, wanted)) {
    const id = await queries.insertAccessChange(tx, { ...change, status: 'pending' });
    await securityEntry(tx, request, {
      recordType: 'access-change',
      recordIds: [id, user.id],
      detail: {
        change: 'access-requested',
        user: user.id,
        roles: wanted.roles,
        clearance: wanted.clearance,
        ...(open ? { withdrew: open } : {}),
      },
    });
    return 'pending';
  }
  const id = await queries.insertAccessChange(tx, { ...change, status: 'applied' });
  await queries.setAccess(tx, user.id, wanted.roles, wanted.clearance);
  // A change of roles ends the user's sessions at their next request (sessions.ts).
  await entry(tx, request, {
    action: 'alteration',
    recordType: 'user',
    recordIds: [user.id],
    detail: {
      change: 'access',
      roles: wanted.roles,
      clearance: wanted.clearance,
      accessChange: id,
      ...(open ? { withdrew: open } : {}),
    },
  });
  return 'applied';
}
