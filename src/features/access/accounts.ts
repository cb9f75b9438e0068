/**
 * Organisations, agencies and user accounts: the queries and commands behind the CLI, demo data
 * and (with issue "Partner access") the administration pages.
 */
import type { Database, Queryable } from '../../db/database.js';
import { generatePassword, hashPassword } from './passwords.js';
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
      if (user.roles.length === 0) throw new AccountError('Give the user at least one role');
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
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('user_role')
          .values(user.roles.map((role) => ({ user_id: created.id, role })))
          .execute();
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
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
