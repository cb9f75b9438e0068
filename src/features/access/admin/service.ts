/**
 * Administration as commands: each reads or changes accounts, agencies or sharing rules and
 * writes its one audit entry in the same transaction (if the entry cannot be written, nothing
 * happens and nothing is shown). The rules that stop an administrator locking themselves out
 * live here, not in the pages.
 */
import type { Database, Tx } from '../../../db/database.js';
import { writeAuditEntry, type AuditContext, type AuditEntryInput } from '../../audit/audit-log.js';
import { AccountError, type Accounts, type AgencyKind } from '../accounts.js';
import { classificationRank, type Classification } from '../markings.js';
import { passwordProblem } from '../password-policy.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import { grantsNeedingApproval, isRole, ROLES, type Role } from '../roles.js';
import type { Sessions } from '../sessions.js';
import * as queries from './queries.js';

/** Who is asking and which event their request is, for the audit entry. */
export interface AdminRequest {
  audit: AuditContext;
  event: string;
  actorUserId: string;
}

export type Outcome<T = null> =
  | { kind: 'done'; value: T }
  /** Refused for a reason the person can fix: field → message ('' for the page as a whole). */
  | { kind: 'refused'; errors: Record<string, string> }
  | { kind: 'not-found' };

const done = <T>(value: T): Outcome<T> => ({ kind: 'done', value });
const refused = (errors: Record<string, string>): Outcome<never> => ({ kind: 'refused', errors });
const NOT_FOUND: Outcome<never> = { kind: 'not-found' };

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

const knownRoles = (roles: readonly string[]): Role[] => roles.filter(isRole);

export interface AdministrationDependencies {
  database: Database;
  accounts: Accounts;
  sessions: Sessions;
  config: { signIn: { maxFailures: number; lockoutMinutes: number } };
}

export function createAdministration({ database, accounts, sessions, config }: AdministrationDependencies) {
  const db = database.db;

  const entry = (tx: Tx, request: AdminRequest, input: Omit<AuditEntryInput, 'event'>) =>
    writeAuditEntry(tx, request.audit, { event: request.event, ...input });

  /**
   * A security entry about a change of access (asked for, approved, rejected). Not an s62
   * operation on personal data, so it is written on a copy of the request's audit context: the
   * route's count of its one s62 entry leaves it out, as the test harness does.
   */
  const securityEntry = (tx: Tx, request: AdminRequest, input: Omit<AuditEntryInput, 'event' | 'action'>) =>
    writeAuditEntry(tx, { ...request.audit }, { event: request.event, action: 'security', ...input });

  /**
   * Asks for a user's access to change. A change that widens it waits for another administrator
   * (one security entry); one that does not is applied at once (one alteration of the user). An
   * earlier open request for the same user is withdrawn: the newer one says what is wanted now.
   */
  async function requestAccess(
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

  /** Loads one user, and records that they were looked at, or finds nobody. */
  async function consultUser(request: AdminRequest, userId: string) {
    return database.transaction(async (tx) => {
      const user = await queries.userById(tx, userId);
      if (user)
        await entry(tx, request, { action: 'consultation', recordType: 'user', recordIds: [user.id] });
      return user;
    });
  }

  /** A change to one user: not found if they do not exist, else `change` and one alteration entry. */
  async function alterUser(
    request: AdminRequest,
    userId: string,
    change: (tx: Tx) => Promise<Record<string, unknown>>,
  ): Promise<Outcome> {
    return database.transaction(async (tx) => {
      if (!(await queries.userById(tx, userId))) return NOT_FOUND;
      const detail = await change(tx);
      await entry(tx, request, { action: 'alteration', recordType: 'user', recordIds: [userId], detail });
      return done(null);
    });
  }

  return {
    listAgencies: () => queries.listAgencies(db),

    async createAgency(
      request: AdminRequest,
      agency: { code: string; name: string; organisation: string; kind: AgencyKind },
    ): Promise<Outcome<string>> {
      return database.transaction(async (tx) => {
        if (await queries.agencyIdByCode(tx, agency.code)) {
          return refused({ code: 'An agency with this code already exists: choose another' });
        }
        const id = await accounts.createAgency(agency, tx);
        await entry(tx, request, {
          action: 'security',
          recordType: 'agency',
          recordIds: [id],
          detail: agency,
        });
        return done(id);
      });
    },

    async setReceivingAgency(request: AdminRequest, agencyId: string): Promise<Outcome> {
      return database.transaction(async (tx) => {
        if (!(await queries.agencyIdExists(tx, agencyId))) {
          return refused({ agency: 'Select the agency that receives reports from the public' });
        }
        const previous = await queries.setReceivingAgency(tx, agencyId);
        await entry(tx, request, {
          action: 'security',
          recordType: 'agency',
          recordIds: previous && previous !== agencyId ? [agencyId, previous] : [agencyId],
          detail: { receivesPublicReports: agencyId, previously: previous },
        });
        return done(null);
      });
    },

    /** The users a filter finds: one consultation entry naming every user shown. */
    async listUsers(request: AdminRequest, filter: queries.UserFilter) {
      return database.transaction(async (tx) => {
        const users = await queries.listUsers(tx, filter);
        await entry(tx, request, {
          action: 'consultation',
          recordType: 'user',
          recordIds: users.map((user) => user.id),
          detail: { agency: filter.agencyCode ?? null, role: filter.role ?? null },
        });
        return users;
      });
    },

    consultUser,

    /**
     * A new account. Roles that need approval are not given yet: the account starts with none, and
     * the roles and clearance asked for wait for another administrator, as any other grant does.
     */
    async createUser(
      request: AdminRequest,
      user: {
        email: string;
        displayName: string;
        agencyCode: string;
        roles: Role[];
        clearance: Classification;
      },
    ): Promise<Outcome<{ id: string; password: string; pending: boolean }>> {
      const pending = needsApproval({ roles: [], clearance: 'OFFICIAL' }, user);
      try {
        return await database.transaction(async (tx) => {
          if (await queries.emailTaken(tx, user.email)) {
            return refused({ email: 'A user with this email address already exists' });
          }
          if (!(await queries.agencyIdByCode(tx, user.agencyCode)))
            return refused({ agency: 'Select their agency' });
          const created = await accounts.createUser(
            pending ? { ...user, roles: [], clearance: 'OFFICIAL', rolesAwaitApproval: true } : user,
            tx,
          );
          await entry(tx, request, {
            action: 'collection',
            recordType: 'user',
            recordIds: [created.id],
            detail: {
              agency: user.agencyCode,
              roles: pending ? [] : user.roles,
              clearance: pending ? 'OFFICIAL' : user.clearance,
            },
          });
          if (pending) {
            await requestAccess(tx, request, { id: created.id, roles: [], clearance: 'OFFICIAL' }, user);
          }
          return done({ ...created, pending });
        });
      } catch (error) {
        // accounts.createUser checks again inside the transaction; its refusals are the person's to fix.
        if (error instanceof AccountError) return refused({ '': error.message });
        throw error;
      }
    },

    /**
     * Changes a user's roles and clearance, or asks for the change (`pending`) when it widens their
     * access. Nobody changes their own: an administrator asks another.
     */
    async changeAccess(
      request: AdminRequest,
      userId: string,
      access: { roles: Role[]; clearance: Classification },
    ): Promise<Outcome<'pending' | 'applied'>> {
      if (userId === request.actorUserId) {
        return refused({
          roles: 'You cannot change your own roles or clearance: ask another administrator to do it',
        });
      }
      return database.transaction(async (tx) => {
        const user = await queries.userById(tx, userId);
        if (!user) return NOT_FOUND;
        return done(await requestAccess(tx, request, user, access));
      });
    },

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
        if (!change || change.kind !== 'user-access' || !change.user_id) return NOT_FOUND;
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

    async disable(request: AdminRequest, userId: string): Promise<Outcome> {
      if (userId === request.actorUserId) {
        return refused({ '': 'You cannot disable your own account: ask another administrator to do it' });
      }
      const outcome = await alterUser(request, userId, async (tx) => {
        await queries.setDisabled(tx, userId, true);
        return { change: 'disabled' };
      });
      // Sessions of a disabled user end at their next request anyway; this ends them now.
      if (outcome.kind === 'done') await sessions.endAllFor(userId);
      return outcome;
    },

    async enable(request: AdminRequest, userId: string): Promise<Outcome> {
      return alterUser(request, userId, async (tx) => {
        await queries.setDisabled(tx, userId, false);
        return { change: 'enabled' };
      });
    },

    async resetMfa(request: AdminRequest, userId: string): Promise<Outcome> {
      const outcome = await alterUser(request, userId, async (tx) => {
        await queries.clearMfa(tx, userId);
        return { change: 'multi-factor-reset' };
      });
      if (outcome.kind === 'done') await sessions.endAllFor(userId);
      return outcome;
    },

    async unlock(request: AdminRequest, userId: string): Promise<Outcome> {
      return alterUser(request, userId, async (tx) => {
        await queries.unlock(tx, userId);
        return { change: 'unlocked' };
      });
    },

    listSharingRules: () => queries.listSharingRules(db),
    sharingRule: (id: string) => queries.sharingRuleById(db, id),

    /** Sharing rules waiting for their owner's approval, each with who may approve it. */
    async pendingSharing(ownerAgencyId?: string) {
      const changes = await queries.pendingAccessChanges(db, {
        kind: 'sharing-rule',
        ...(ownerAgencyId ? { ownerAgencyId } : {}),
      });
      return Promise.all(
        changes.map(async (change) => ({
          ...change,
          approvers: await queries.sharingApproversOf(
            db,
            change.owner_agency_id ?? '',
            SHARING_APPROVER_ROLES,
          ),
        })),
      );
    },

    /**
     * Asks for a sharing rule. It exists only once an information asset owner of the agency whose
     * records it shares approves it: an administrator cannot give one agency another's records.
     */
    async addSharingRule(
      request: AdminRequest,
      rule: { ownerAgencyId: string; partnerAgencyId: string; recordType: string },
    ): Promise<Outcome<string>> {
      return database.transaction(async (tx) => {
        if (!(await queries.agencyIdExists(tx, rule.ownerAgencyId))) {
          return refused({ owner: 'Select the agency that owns the records' });
        }
        if (!(await queries.agencyIdExists(tx, rule.partnerAgencyId))) {
          return refused({ partner: 'Select the agency they are shared with' });
        }
        if (await queries.sharingRuleExists(tx, rule)) {
          return refused({ partner: 'These records are already shared with this agency' });
        }
        if (await queries.pendingSharingExists(tx, rule)) {
          return refused({
            partner: 'Sharing these records with this agency is already waiting for approval',
          });
        }
        const id = await queries.insertAccessChange(tx, {
          kind: 'sharing-rule',
          status: 'pending',
          requestedBy: request.actorUserId,
          ...rule,
        });
        await securityEntry(tx, request, {
          recordType: 'access-change',
          recordIds: [id],
          detail: {
            change: 'sharing-requested',
            owner: rule.ownerAgencyId,
            partner: rule.partnerAgencyId,
            recordType: rule.recordType,
          },
        });
        return done(id);
      });
    },

    /**
     * The owner's answer to a sharing request: only a holder of `sharing:approve` in the agency
     * whose records it shares, and never the person who asked. Approval makes the rule.
     */
    async decideSharing(
      request: AdminRequest,
      approver: { agencyId: string },
      id: string,
      decision: 'approved' | 'rejected',
    ): Promise<Outcome<'approved' | 'rejected'>> {
      return database.transaction(async (tx) => {
        const change = await queries.accessChangeById(tx, id);
        // Another agency's request is not found: an owner sees only requests about their records.
        if (!change || change.kind !== 'sharing-rule' || change.owner_agency_id !== approver.agencyId) {
          return NOT_FOUND;
        }
        if (change.status !== 'pending') {
          return refused({ '': 'This request has already been decided' });
        }
        if (change.requested_by === request.actorUserId) {
          return refused({ '': 'You asked for this sharing: another owner of these records must decide it' });
        }
        const rule = {
          ownerAgencyId: change.owner_agency_id,
          partnerAgencyId: change.partner_agency_id ?? '',
          recordType: change.record_type ?? '',
        };
        let ruleId: string | undefined;
        if (decision === 'approved' && !(await queries.sharingRuleExists(tx, rule))) {
          ruleId = await queries.addSharingRule(tx, {
            ...rule,
            createdBy: change.requested_by ?? request.actorUserId,
          });
        }
        await queries.decideAccessChange(tx, id, {
          status: decision,
          decidedBy: request.actorUserId,
          ...(ruleId ? { sharingRuleId: ruleId } : {}),
        });
        await securityEntry(tx, request, {
          recordType: ruleId ? 'sharing-rule' : 'access-change',
          recordIds: ruleId ? [ruleId, id] : [id],
          detail: {
            change: decision === 'approved' ? 'sharing-approved' : 'sharing-rejected',
            owner: rule.ownerAgencyId,
            partner: rule.partnerAgencyId,
            recordType: rule.recordType,
            requestedBy: change.requested_by,
          },
        });
        return done(decision);
      });
    },

    /** Stops a sharing rule at once: narrowing access needs nobody's approval, but is recorded. */
    async removeSharingRule(request: AdminRequest, id: string): Promise<Outcome> {
      return database.transaction(async (tx) => {
        const rule = await queries.sharingRuleById(tx, id);
        if (!rule || !(await queries.removeSharingRule(tx, id))) return NOT_FOUND;
        const change = await queries.insertAccessChange(tx, {
          kind: 'sharing-rule-removal',
          status: 'applied',
          requestedBy: request.actorUserId,
          ownerAgencyId: rule.owner_id,
          partnerAgencyId: rule.partner_id,
          recordType: rule.record_type,
        });
        await entry(tx, request, {
          action: 'security',
          recordType: 'sharing-rule',
          recordIds: [id],
          detail: {
            owner: rule.owner_id,
            partner: rule.partner_id,
            recordType: rule.record_type,
            accessChange: change,
          },
        });
        return done(null);
      });
    },

    /** The newest changes of access of every kind, for information governance to watch. */
    recentAccessChanges: (limit = 20) => queries.recentAccessChanges(db, limit),

    /**
     * The person's own password: the current one first, then the new one against the NCSC rules.
     * A wrong current password counts towards the lockout, as at sign-in; other sessions end.
     */
    async changePassword(
      request: AdminRequest,
      sessionIdHash: string,
      passwords: { currentPassword: string; newPassword: string },
    ): Promise<Outcome> {
      const userId = request.actorUserId;
      const user = await queries.passwordHashOf(db, userId);
      if (!user) return NOT_FOUND;
      if (!user.password_hash || !(await verifyPassword(user.password_hash, passwords.currentPassword))) {
        if (await accounts.recordFailure(userId, config.signIn)) await sessions.endAllFor(userId);
        return refused({ currentPassword: 'Your current password is not right' });
      }
      const problem = passwordProblem(passwords.newPassword, {
        email: user.email,
        displayName: user.display_name,
      });
      if (problem) return refused({ newPassword: problem });
      if (passwords.newPassword === passwords.currentPassword) {
        return refused({ newPassword: 'Your new password must be different from your current one' });
      }
      const hash = await hashPassword(passwords.newPassword);
      await database.transaction(async (tx) => {
        await queries.setPassword(tx, userId, hash);
        await queries.endOtherSessions(tx, userId, sessionIdHash);
        await entry(tx, request, { action: 'security', recordType: 'user', recordIds: [userId] });
      });
      await accounts.clearFailures(userId);
      return done(null);
    },
  };
}

export type Administration = ReturnType<typeof createAdministration>;
