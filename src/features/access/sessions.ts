/**
 * Server-side partner sessions, stored in the database so several app servers can share them.
 * The browser holds an opaque 256-bit id in a `__Host-` cookie; the table holds only its SHA-256.
 * Every request re-checks the session against the account: a disabled user, a changed set of
 * roles, or an idle or absolute timeout ends it there and then.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { isPurpose, PURPOSES, type Purpose } from '../audit/audit-log.js';
import { navigationFor } from './navigation.js';
import { isClassification, type Classification } from './markings.js';
import { ANONYMOUS, type Principal } from './principal.js';
import { isRole, permissionsOf } from './roles.js';

export const SESSION_COOKIE = '__Host-lantern-session';

export type SessionStage = 'mfa' | 'active';

export interface LoadedSession {
  idHash: string;
  userId: string;
  stage: SessionStage;
  flash: unknown;
  pendingTotpSecret: string | null;
  purpose: Purpose;
  justification: string | null;
}

export interface SessionFacts {
  createdAt: Date;
  lastSeenAt: Date;
  rolesAtStart: readonly string[];
  currentRoles: readonly string[];
  userDisabled: boolean;
}

export type SessionVerdict = 'ok' | 'idle' | 'expired' | 'disabled' | 'roles-changed';

/** Whether a session may go on: a pure decision, so every rule is easy to test. */
export function judgeSession(
  facts: SessionFacts,
  now: Date,
  limits: { idleMinutes: number; absoluteHours: number },
): SessionVerdict {
  if (facts.userDisabled) return 'disabled';
  const same =
    facts.rolesAtStart.length === facts.currentRoles.length &&
    [...facts.rolesAtStart].sort().every((role, i) => role === [...facts.currentRoles].sort()[i]);
  if (!same) return 'roles-changed';
  if (now.getTime() - facts.createdAt.getTime() > limits.absoluteHours * 3_600_000) return 'expired';
  if (now.getTime() - facts.lastSeenAt.getTime() > limits.idleMinutes * 60_000) return 'idle';
  return 'ok';
}

function hashOf(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** Reads one cookie from the header without a parsing library: we only ever need ours. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function createSessions(database: Database, config: Pick<Config, 'sessions'>) {
  const db = database.db;

  async function currentRoles(userId: string): Promise<string[]> {
    const rows = await db.selectFrom('user_role').select('role').where('user_id', '=', userId).execute();
    return rows.map((r) => r.role);
  }

  return {
    /** Starts a session and returns the id for the cookie (never stored). */
    async start(userId: string, stage: SessionStage): Promise<string> {
      const id = randomBytes(32).toString('base64url');
      await db
        .insertInto('user_session')
        .values({ id_hash: hashOf(id), user_id: userId, stage, roles: await currentRoles(userId) })
        .execute();
      return id;
    },

    /**
     * Moves a session on to fully signed in, under a new id (so an id seen before the second
     * factor is worth nothing after it).
     */
    async activate(session: LoadedSession, purpose: Purpose): Promise<string> {
      return database.transaction(async (tx) => {
        await tx.deleteFrom('user_session').where('id_hash', '=', session.idHash).execute();
        const id = randomBytes(32).toString('base64url');
        const roles = await tx
          .selectFrom('user_role')
          .select('role')
          .where('user_id', '=', session.userId)
          .execute();
        await tx
          .insertInto('user_session')
          .values({
            id_hash: hashOf(id),
            user_id: session.userId,
            stage: 'active',
            roles: roles.map((r) => r.role),
            purpose,
          })
          .execute();
        return id;
      });
    },

    /** Loads the session a cookie names, and the principal it stands for, or ends it. */
    async resolve(
      id: string | undefined,
      now = new Date(),
    ): Promise<{ session: LoadedSession; principal: Principal } | null> {
      if (!id || id.length > 100) return null;
      const idHash = hashOf(id);
      const row = await db
        .selectFrom('user_session as s')
        .innerJoin('app_user as u', 'u.id', 's.user_id')
        .select([
          's.id_hash',
          's.user_id',
          's.stage',
          's.roles',
          's.created_at',
          's.last_seen_at',
          's.flash',
          's.pending_totp_secret',
          's.purpose',
          's.justification',
          'u.agency_id',
          'u.disabled_at',
          'u.clearance',
        ])
        .where('s.id_hash', '=', idHash)
        .executeTakeFirst();
      if (!row) return null;
      const roles = await currentRoles(row.user_id);
      const verdict = judgeSession(
        {
          createdAt: row.created_at,
          lastSeenAt: row.last_seen_at,
          rolesAtStart: row.roles,
          currentRoles: roles,
          userDisabled: row.disabled_at !== null,
        },
        now,
        config.sessions,
      );
      if (verdict !== 'ok') {
        await db.deleteFrom('user_session').where('id_hash', '=', idHash).execute();
        return null;
      }
      // One write a minute at most keeps the idle clock honest without a write per request.
      if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
        await db
          .updateTable('user_session')
          .set({ last_seen_at: now })
          .where('id_hash', '=', idHash)
          .execute();
      }
      const session: LoadedSession = {
        idHash,
        userId: row.user_id,
        stage: row.stage,
        flash: row.flash,
        pendingTotpSecret: row.pending_totp_secret,
        purpose: isPurpose(row.purpose) ? row.purpose : 'crime-prevention',
        justification: row.justification,
      };
      const validRoles = roles.filter(isRole);
      const clearance: Classification = isClassification(row.clearance) ? row.clearance : 'OFFICIAL';
      const principal: Principal =
        row.stage === 'active'
          ? {
              kind: 'user',
              userId: row.user_id,
              agencyId: row.agency_id,
              roles: validRoles,
              permissions: permissionsOf(validRoles),
              clearance,
            }
          : ANONYMOUS;
      return { session, principal };
    },

    async end(idHash: string): Promise<void> {
      await db.deleteFrom('user_session').where('id_hash', '=', idHash).execute();
    },

    async endAllFor(userId: string): Promise<void> {
      await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
    },

    /** Post/redirect/get: keep a form's errors and answers for the next page, once. */
    async setFlash(idHash: string, flash: unknown): Promise<void> {
      await db
        .updateTable('user_session')
        .set({ flash: JSON.stringify(flash) })
        .where('id_hash', '=', idHash)
        .execute();
    },

    async clearFlash(idHash: string): Promise<void> {
      await db.updateTable('user_session').set({ flash: null }).where('id_hash', '=', idHash).execute();
    },

    async setPurpose(idHash: string, purpose: Purpose, justification: string | null): Promise<void> {
      await db
        .updateTable('user_session')
        .set({ purpose, justification: purpose === 'other' ? justification : null })
        .where('id_hash', '=', idHash)
        .execute();
    },

    async setPendingTotpSecret(idHash: string, secret: string | null): Promise<void> {
      await db
        .updateTable('user_session')
        .set({ pending_totp_secret: secret })
        .where('id_hash', '=', idHash)
        .execute();
    },
  };
}
export type Sessions = ReturnType<typeof createSessions>;

export function setSessionCookie(res: Response, id: string): void {
  // __Host-: Secure, Path=/, no Domain. Browsers treat http://localhost as secure for this.
  res.cookie(SESSION_COOKIE, id, { httpOnly: true, secure: true, sameSite: 'strict', path: '/' });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'strict', path: '/' });
}

/**
 * Who is asking. Public visitors are anonymous. A partner's cookie is read wherever it arrives,
 * but a cookie is only ever cleared on partner pages, so public pages never set one.
 */
export function sessionMiddleware(sessions: Sessions): RequestHandler {
  return async (req, res, next) => {
    res.locals.principal = ANONYMOUS;
    // Public pages never look at a partner's session: a report sent from a browser that is also
    // signed in to the workspace must stay anonymous, with nothing tying it to the partner.
    if (!req.path.startsWith('/partner') && !req.path.startsWith('/api/')) return next();
    const id = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (!id) return next();
    const resolved = await sessions.resolve(id);
    if (!resolved) {
      clearSessionCookie(res);
      return next();
    }
    res.locals.session = resolved.session;
    res.locals.principal = resolved.principal;
    res.locals.csrfBinding = resolved.session.idHash;
    res.locals.partnerNavigation = navigationFor(resolved.principal, req.path);
    res.locals.purposeText = PURPOSES[resolved.session.purpose];
    next();
  };
}
