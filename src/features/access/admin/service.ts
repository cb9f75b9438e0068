/**
 * Administration as commands: each reads or changes accounts, agencies or sharing rules and
 * writes its one audit entry in the same transaction (if the entry cannot be written, nothing
 * happens and nothing is shown). The rules that stop an administrator locking themselves out
 * live here, not in the pages.
 */
import type { Database, Tx } from '../../../db/database.js';
import { writeAuditEntry, type AuditContext, type AuditEntryInput } from '../../audit/audit-log.js';
import { AccountError, type Accounts, type AgencyKind } from '../accounts.js';
import type { Classification } from '../markings.js';
import { passwordProblem } from '../password-policy.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import type { Role } from '../roles.js';
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

const ADMINISTRATOR: Role = 'system-administrator';

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

    /** The users a filter finds: one consultation entry naming every user shown (DECISIONS 18). */
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

    async createUser(
      request: AdminRequest,
      user: {
        email: string;
        displayName: string;
        agencyCode: string;
        roles: Role[];
        clearance: Classification;
      },
    ): Promise<Outcome<{ id: string; password: string }>> {
      try {
        return await database.transaction(async (tx) => {
          if (await queries.emailTaken(tx, user.email)) {
            return refused({ email: 'A user with this email address already exists' });
          }
          if (!(await queries.agencyIdByCode(tx, user.agencyCode)))
            return refused({ agency: 'Select their agency' });
          const created = await accounts.createUser(user, tx);
          await entry(tx, request, {
            action: 'collection',
            recordType: 'user',
            recordIds: [created.id],
            detail: { agency: user.agencyCode, roles: user.roles, clearance: user.clearance },
          });
          return done(created);
        });
      } catch (error) {
        // accounts.createUser checks again inside the transaction; its refusals are the person's to fix.
        if (error instanceof AccountError) return refused({ '': error.message });
        throw error;
      }
    },

    async changeAccess(
      request: AdminRequest,
      userId: string,
      access: { roles: Role[]; clearance: Classification },
    ): Promise<Outcome> {
      if (userId === request.actorUserId && !access.roles.includes(ADMINISTRATOR)) {
        return refused({
          roles: 'You cannot remove your own system administrator role: ask another administrator to do it',
        });
      }
      return alterUser(request, userId, async (tx) => {
        await queries.setAccess(tx, userId, access.roles, access.clearance);
        // A change of roles ends the user's sessions at their next request (sessions.ts).
        return { change: 'access', roles: access.roles, clearance: access.clearance };
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
        const id = await queries.addSharingRule(tx, { ...rule, createdBy: request.actorUserId });
        await entry(tx, request, {
          action: 'security',
          recordType: 'sharing-rule',
          recordIds: [id],
          detail: { owner: rule.ownerAgencyId, partner: rule.partnerAgencyId, recordType: rule.recordType },
        });
        return done(id);
      });
    },

    async removeSharingRule(request: AdminRequest, id: string): Promise<Outcome> {
      return database.transaction(async (tx) => {
        const rule = await queries.sharingRuleById(tx, id);
        if (!rule || !(await queries.removeSharingRule(tx, id))) return NOT_FOUND;
        await entry(tx, request, {
          action: 'security',
          recordType: 'sharing-rule',
          recordIds: [id],
          detail: { owner: rule.owner_id, partner: rule.partner_id, recordType: rule.record_type },
        });
        return done(null);
      });
    },

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
