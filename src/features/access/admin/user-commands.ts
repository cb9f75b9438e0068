/**
 * Users: looking at them (s62 consultations), adding one (a collection) and changing their roles
 * and clearance (an alteration, or a request another administrator decides).
 */
import type { Database } from '../../../db/database.js';
import { AccountError, type Accounts } from '../accounts.js';
import type { Classification } from '../markings.js';
import type { Role } from '../roles.js';
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

/** Looking at users: each read writes one consultation naming every user shown. */
export function userReadCommands(database: Database) {
  /** Loads one user, and records that they were looked at, or finds nobody. */
  async function consultUser(request: AdminRequest, userId: string) {
    return database.transaction(async (tx) => {
      const user = await queries.userById(tx, userId);
      if (user)
        await entry(tx, request, { action: 'consultation', recordType: 'user', recordIds: [user.id] });
      return user;
    });
  }

  return {
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
  };
}

/** Adding a user, and changing a user's roles and clearance. */
export function userAccessCommands({ database, accounts }: { database: Database; accounts: Accounts }) {
  return {
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
  };
}
