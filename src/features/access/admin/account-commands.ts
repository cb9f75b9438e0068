/**
 * Confirmed changes to one account (disable, enable, reset multi-factor, unlock), each one
 * alteration entry, and a person changing their own password (a security entry).
 */
import type { Database, Tx } from '../../../db/database.js';
import type { Accounts } from '../accounts.js';
import { passwordProblem } from '../password-policy.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import type { Sessions } from '../sessions.js';
import { done, entry, notFound, refused, type AdminRequest, type Outcome } from './commands.js';
import * as queries from './queries.js';

/** A change to one user: not found if they do not exist, else `change` and one alteration entry. */
export async function alterAccount(
  database: Database,
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

export function accountCommands({ database, sessions }: { database: Database; sessions: Sessions }) {
  const alterUser = (
    request: AdminRequest,
    userId: string,
    change: (tx: Tx) => Promise<Record<string, unknown>>,
  ): Promise<Outcome> => alterAccount(database, request, userId, change);

  return {
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
  };
}

export function passwordCommands({
  database,
  accounts,
  sessions,
  config,
}: {
  database: Database;
  accounts: Accounts;
  sessions: Sessions;
  config: { signIn: { maxFailures: number; lockoutMinutes: number } };
}) {
  const db = database.db;
  return {
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
