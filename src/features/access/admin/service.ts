/**
 * Administration as commands: each reads or changes accounts, agencies or sharing rules and
 * writes its one audit entry in the same transaction (if the entry cannot be written, nothing
 * happens and nothing is shown). The rules that stop an administrator locking themselves out
 * live here, not in the pages.
 */
import type { Database, Tx } from '../../../db/database.js';
import { AccountError, type Accounts, type AgencyKind } from '../accounts.js';
import type { Classification } from '../markings.js';
import { passwordProblem } from '../password-policy.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import type { Role } from '../roles.js';
import type { Sessions } from '../sessions.js';
import { createAccessChanges } from './access-changes.js';
import {
  done,
  entry,
  needsApproval,
  notFound,
  refused,
  requestAccess,
  type AdminRequest,
  type Outcome,
} from './commands.js';
import * as queries from './queries.js';
import { createSharingAdministration } from './sharing.js';

export type { AdminRequest, Outcome } from './commands.js';
export { needsApproval, SHARING_APPROVER_ROLES } from './commands.js';

export interface AdministrationDependencies {
  database: Database;
  accounts: Accounts;
  sessions: Sessions;
  config: { signIn: { maxFailures: number; lockoutMinutes: number } };
}

export function createAdministration({ database, accounts, sessions, config }: AdministrationDependencies) {
  const db = database.db;

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
      if (!(await queries.userById(tx, userId))) return notFound;
      const detail = await change(tx);
      await entry(tx, request, { action: 'alteration', recordType: 'user', recordIds: [userId], detail });
      return done(null);
    });
  }

  return {
    ...createAccessChanges(database),
    ...createSharingAdministration(database),
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
        if (!user) return notFound;
        return done(await requestAccess(tx, request, user, access));
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
      if (!user) return notFound;
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
