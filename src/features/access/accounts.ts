/**
 * Organisations, agencies and user accounts: the queries and commands behind the CLI, demo data
 * and (with issue "Partner access") the administration pages.
 */
import type { Database, Queryable } from '../../db/database.js';
import { generatePassword, hashPassword } from './passwords.js';
import type { Classification } from './markings.js';
import { isRole, type Role } from './roles.js';

export const AGENCY_KINDS = [
  'police',
  'council',
  'health',
  'probation',
  'social-care',
  'education',
  'immigration-enforcement',
  'fire-and-rescue',
  'housing',
  'voluntary-sector',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface NewAgency {
  code: string;
  name: string;
  organisation: string;
  kind: AgencyKind;
}

export interface NewUser {
  email: string;
  displayName: string;
  agencyCode: string;
  roles: readonly Role[];
  /** Omitted, a strong password is generated and returned once. */
  password?: string;
  clearance?: Classification;
  /** Pre-enrols the account in TOTP (demo users only). */
  totpSecret?: string;
  /** No roles yet: the ones asked for wait for a second administrator's approval. */
  rolesAwaitApproval?: boolean;
}

export class AccountError extends Error {
  override name = 'AccountError';
}

export function createAccounts(database: Database) {
  async function organisationId(q: Queryable, name: string): Promise<string> {
    const existing = await q
      .selectFrom('organisation')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirst();
    if (existing) return existing.id;
    const created = await q
      .insertInto('organisation')
      .values({ name })
      .returning('id')
      .executeTakeFirstOrThrow();
    return created.id;
  }

  return {
    /** Creates an agency (and its organisation if new). Returns the agency's id. */
    async createAgency(agency: NewAgency, q: Queryable = database.db): Promise<string> {
      const organisation_id = await organisationId(q, agency.organisation);
      const row = await q
        .insertInto('agency')
        .values({ code: agency.code, name: agency.name, kind: agency.kind, organisation_id })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async agencyByCode(code: string, q: Queryable = database.db) {
      return q.selectFrom('agency').selectAll().where('code', '=', code).executeTakeFirst();
    },

    /** Creates a user with roles, all or nothing. Returns their id and the password to hand over. */
    async createUser(user: NewUser, q?: Queryable): Promise<{ id: string; password: string }> {
      const email = user.email.trim().toLowerCase();
      if (user.roles.length === 0 && !user.rolesAwaitApproval) {
        throw new AccountError('Give the user at least one role');
      }
      const unknown = user.roles.filter((role) => !isRole(role));
      if (unknown.length) throw new AccountError(`Unknown role: ${unknown.join(', ')}`);
      const password = user.password ?? generatePassword();
      const passwordHash = await hashPassword(password);
      const work = async (tx: Queryable) => {
        const agency = await tx
          .selectFrom('agency')
          .select('id')
          .where('code', '=', user.agencyCode)
          .executeTakeFirst();
        if (!agency) throw new AccountError(`No agency has the code ${user.agencyCode}`);
        const taken = await tx
          .selectFrom('app_user')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirst();
        if (taken) throw new AccountError(`A user with the email ${email} already exists`);
        const created = await tx
          .insertInto('app_user')
          .values({
            email,
            display_name: user.displayName,
            agency_id: agency.id,
            password_hash: passwordHash,
            ...(user.clearance ? { clearance: user.clearance } : {}),
            ...(user.totpSecret ? { totp_secret: user.totpSecret, totp_enrolled_at: new Date() } : {}),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (user.roles.length) {
          await tx
            .insertInto('user_role')
            .values(user.roles.map((role) => ({ user_id: created.id, role })))
            .execute();
        }
        return created.id;
      };
      const id = q ? await work(q) : await database.transaction(work);
      return { id, password };
    },

    async userByEmail(email: string, q: Queryable = database.db) {
      return q
        .selectFrom('app_user')
        .selectAll()
        .where('email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
    },

    async rolesOf(userId: string, q: Queryable = database.db): Promise<string[]> {
      const rows = await q.selectFrom('user_role').select('role').where('user_id', '=', userId).execute();
      return rows.map((r) => r.role);
    },

    async userById(id: string, q: Queryable = database.db) {
      return q.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /**
     * Counts a wrong password or code. The Nth in a row locks the account for a while and starts
     * the count again. Returns whether the account is now locked.
     */
    async recordFailure(
      userId: string,
      limits: { maxFailures: number; lockoutMinutes: number },
    ): Promise<boolean> {
      const row = await database.db
        .updateTable('app_user')
        .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
        .where('id', '=', userId)
        .returning('failed_sign_ins')
        .executeTakeFirst();
      if (!row || row.failed_sign_ins < limits.maxFailures) return false;
      await database.db
        .updateTable('app_user')
        .set({ failed_sign_ins: 0, locked_until: new Date(Date.now() + limits.lockoutMinutes * 60_000) })
        .where('id', '=', userId)
        .execute();
      return true;
    },

    async clearFailures(userId: string): Promise<void> {
      await database.db
        .updateTable('app_user')
        .set({ failed_sign_ins: 0 })
        .where('id', '=', userId)
        .execute();
    },

    /** Takes a TOTP time step as used, unless it (or a later one) already was: no replays. */
    async acceptTotpStep(userId: string, step: number): Promise<boolean> {
      const row = await database.db
        .updateTable('app_user')
        .set({ totp_last_step: step })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Confirms TOTP enrolment and stores the hashes of fresh recovery codes, replacing any old ones. */
    async enrolTotp(
      userId: string,
      secret: string,
      step: number,
      recoveryCodeHashes: readonly string[],
    ): Promise<void> {
      await database.transaction(async (tx) => {
        await tx
          .updateTable('app_user')
          .set({ totp_secret: secret, totp_enrolled_at: new Date(), totp_last_step: step })
          .where('id', '=', userId)
          .execute();
        await tx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
        await tx
          .insertInto('recovery_code')
          .values(recoveryCodeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
          .execute();
      });
    },

    /** Uses up a recovery code. Returns false if it is wrong or already used. */
    async useRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
      const row = await database.db
        .updateTable('recovery_code')
        .set({ used_at: new Date() })
        .where('user_id', '=', userId)
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .returning('user_id')
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
