/**
 * Partner sign-in: email and password, then a TOTP code (or a recovery code) from every partner,
 * with enrolment on first sign-in. Wrong passwords make the client that sent them wait longer each
 * time (sign-in-throttle.ts); wrong codes count towards a lockout. The messages never say whether
 * an email address has an account.
 */
import type { Response } from 'express';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { route, type RouteSpec } from '../../web/routes.js';
import { formErrors, type FormErrors } from '../../web/validation.js';
import { writeAuditEntry, type AuditContext } from '../audit/audit-log.js';
import type { Accounts } from './accounts.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { defaultPurpose } from './roles.js';
import { waitInWords, type SignInThrottle } from './sign-in-throttle.js';
import { clearSessionCookie, setSessionCookie, type LoadedSession, type Sessions } from './sessions.js';
import {
  checkTotpCode,
  groupSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  qrCodeSvg,
  totpUri,
} from './totp.js';

export const signInSchema = z.strictObject({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .regex(
      /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
      'Enter an email address in the correct format, like name@example.com',
    ),
  password: z
    .string({ error: 'Enter your password' })
    .min(1, 'Enter your password')
    .max(256, 'Password must be 256 characters or fewer'),
});

const codeSchema = z.strictObject({
  code: z
    .string({ error: 'Enter the code from your authenticator app' })
    .trim()
    .min(1, 'Enter the code from your authenticator app')
    .max(40, 'Enter the 6-digit code from your authenticator app, or a recovery code'),
});

const WRONG_PASSWORD = 'Enter a correct email address and password';
const WRONG_CODE = 'Enter a correct code';

export interface SignInDependencies {
  database: Database;
  accounts: Accounts;
  sessions: Sessions;
  throttle: SignInThrottle;
  config: Pick<Config, 'signIn' | 'partnershipName'>;
}

export function signInRoutes({
  database,
  accounts,
  sessions,
  throttle,
  config,
}: SignInDependencies): RouteSpec[] {
  // Checking a made-up hash when the email is unknown keeps the timing the same either way.
  const decoyHash = hashPassword('lantern-decoy-password');

  const showSignIn = (res: Response, errors?: FormErrors, values?: unknown) =>
    res.render('access/views/sign-in.njk', { errors, values, lockoutAfter: config.signIn.maxFailures });

  async function securityEntry(context: AuditContext, userId: string, agencyId: string, event: string) {
    const actor = { kind: 'user' as const, userId, agencyId };
    await database.transaction((tx) =>
      writeAuditEntry(
        tx,
        { ...context, actor, purpose: null, justification: null, written: 0 },
        {
          action: 'security',
          event,
          recordType: 'user',
          recordIds: [userId],
        },
      ),
    );
  }

  /** The session part-way through sign-in, or a fresh start at the password page. */
  function pendingSession(res: Response): LoadedSession | null {
    const session = res.locals.session;
    if (session?.stage !== 'mfa') {
      res.redirect(303, session?.stage === 'active' ? '/partner' : '/partner/sign-in');
      return null;
    }
    return session;
  }

  /** A wrong code: counts towards the lockout, and ends the sign-in if it locks the account. */
  async function wrongCode(res: Response, session: LoadedSession, view: string, locals: object) {
    const locked = await accounts.recordFailure(session.userId, config.signIn);
    if (locked) {
      await sessions.end(session.idHash);
      clearSessionCookie(res);
      res.status(400);
      return showSignIn(res, formErrors({ email: WRONG_PASSWORD }));
    }
    res.status(400);
    return res.render(view, { ...locals, errors: formErrors({ code: WRONG_CODE }) });
  }

  async function enrolmentLocals(res: Response, session: LoadedSession) {
    let secret = session.pendingTotpSecret;
    if (!secret) {
      secret = newTotpSecret();
      await sessions.setPendingTotpSecret(session.idHash, secret);
    }
    const user = await accounts.userById(session.userId);
    const uri = totpUri(secret, user?.email ?? 'partner', config.partnershipName);
    res.setHeader('Cache-Control', 'no-store');
    return { qrSvg: await qrCodeSvg(uri), secret: groupSecret(secret) };
  }

  return [
    route({
      method: 'get',
      path: '/partner/sign-in',
      access: 'public',
      audit: 'partner.sign-in.view',
      handle: ({ res }) => {
        if (res.locals.session?.stage === 'active') return res.redirect(303, '/partner');
        return showSignIn(res);
      },
    }),
    route({
      method: 'post',
      path: '/partner/sign-in',
      access: 'public',
      audit: 'partner.sign-in',
      body: signInSchema,
      invalid: (req, res, errors) =>
        showSignIn(res, errors, { email: (req.body as { email?: unknown }).email }),
      handle: async ({ req, res, body }) => {
        // Before any password is checked, and the same whether or not the email has an account.
        const decision = throttle.check(req.ip, body.email);
        if (!decision.allowed) {
          res.status(429).setHeader('Retry-After', String(decision.retryAfterSeconds));
          const wait = `Too many wrong attempts: wait ${waitInWords(decision.retryAfterSeconds)}, then try again`;
          return showSignIn(res, formErrors({ email: wait }), { email: body.email });
        }
        const user = await accounts.userByEmail(body.email);
        const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyHash), body.password);
        // Only the code step locks an account, and only someone with the password reaches it.
        const locked = user?.locked_until != null && user.locked_until > new Date();
        if (!user || user.disabled_at || locked || !passwordOk) {
          if (!passwordOk || !user) throttle.failed(req.ip, body.email);
          res.status(400);
          return showSignIn(res, formErrors({ email: WRONG_PASSWORD }), { email: body.email });
        }
        throttle.succeeded(req.ip, body.email);
        if (res.locals.session) await sessions.end(res.locals.session.idHash);
        setSessionCookie(res, await sessions.start(user.id, 'mfa'));
        res.redirect(303, user.totp_secret ? '/partner/sign-in/code' : '/partner/sign-in/enrol');
      },
    }),
    route({
      method: 'get',
      path: '/partner/sign-in/code',
      access: 'public',
      audit: 'partner.sign-in.code-view',
      handle: ({ res }) => {
        if (!pendingSession(res)) return;
        res.render('access/views/sign-in-code.njk');
      },
    }),
    route({
      method: 'post',
      path: '/partner/sign-in/code',
      access: 'public',
      audit: 'partner.sign-in.code',
      body: codeSchema,
      invalid: (_req, res, errors) => res.render('access/views/sign-in-code.njk', { errors }),
      handle: async ({ res, body }) => {
        const session = pendingSession(res);
        if (!session) return;
        const user = await accounts.userById(session.userId);
        if (!user?.totp_secret || (user.locked_until && user.locked_until > new Date())) {
          await sessions.end(session.idHash);
          clearSessionCookie(res);
          return res.redirect(303, '/partner/sign-in');
        }
        const step = await checkTotpCode(user.totp_secret, body.code, user.totp_last_step);
        const accepted =
          step !== null
            ? await accounts.acceptTotpStep(user.id, step)
            : await accounts.useRecoveryCode(user.id, hashRecoveryCode(body.code));
        if (!accepted) return wrongCode(res, session, 'access/views/sign-in-code.njk', {});
        await accounts.clearFailures(user.id);
        await securityEntry(res.locals.audit, user.id, user.agency_id, 'partner.signed-in');
        setSessionCookie(
          res,
          await sessions.activate(session, defaultPurpose(await accounts.rolesOf(user.id))),
        );
        res.redirect(303, '/partner');
      },
    }),
    route({
      method: 'get',
      path: '/partner/sign-in/enrol',
      access: 'public',
      audit: 'partner.sign-in.enrol-view',
      handle: async ({ res }) => {
        const session = pendingSession(res);
        if (!session) return;
        const user = await accounts.userById(session.userId);
        if (user?.totp_secret) return res.redirect(303, '/partner/sign-in/code');
        res.render('access/views/sign-in-enrol.njk', await enrolmentLocals(res, session));
      },
    }),
    route({
      method: 'post',
      path: '/partner/sign-in/enrol',
      access: 'public',
      audit: 'partner.sign-in.enrol',
      body: codeSchema,
      invalid: async (_req, res, errors) => {
        const session = pendingSession(res);
        if (!session) return;
        res.render('access/views/sign-in-enrol.njk', { ...(await enrolmentLocals(res, session)), errors });
      },
      handle: async ({ res, body }) => {
        const session = pendingSession(res);
        if (!session) return;
        const user = await accounts.userById(session.userId);
        const secret = session.pendingTotpSecret;
        if (!user || user.totp_secret || !secret) return res.redirect(303, '/partner/sign-in');
        if (user.locked_until && user.locked_until > new Date()) {
          await sessions.end(session.idHash);
          clearSessionCookie(res);
          return res.redirect(303, '/partner/sign-in');
        }
        const step = await checkTotpCode(secret, body.code, null);
        if (step === null) {
          return wrongCode(
            res,
            session,
            'access/views/sign-in-enrol.njk',
            await enrolmentLocals(res, session),
          );
        }
        const recoveryCodes = newRecoveryCodes();
        await accounts.enrolTotp(user.id, secret, step, recoveryCodes.map(hashRecoveryCode));
        await accounts.clearFailures(user.id);
        await securityEntry(res.locals.audit, user.id, user.agency_id, 'partner.mfa-enrolled');
        setSessionCookie(
          res,
          await sessions.activate(session, defaultPurpose(await accounts.rolesOf(user.id))),
        );
        // Shown once, never stored in a form anyone can read again.
        res.setHeader('Cache-Control', 'no-store');
        res.render('access/views/recovery-codes.njk', { recoveryCodes });
      },
    }),
    route({
      method: 'post',
      path: '/partner/sign-out',
      access: 'public',
      audit: 'partner.sign-out',
      body: z.strictObject({}),
      invalid: (_req, res) => res.redirect(303, '/partner/sign-in'),
      handle: async ({ res }) => {
        const session = res.locals.session;
        if (session) await sessions.end(session.idHash);
        clearSessionCookie(res);
        res.render('access/views/signed-out.njk');
      },
    }),
  ];
}
