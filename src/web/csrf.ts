/**
 * CSRF protection without a cookie, so public pages can stay cookie-free before a report is sent.
 * Every form carries a signed token: an expiry and a random nonce, bound to the path the form posts
 * to and (once partners have sessions) to the session. Every state-changing request must carry a
 * valid one, and browsers' own Sec-Fetch-Site / Origin headers must not say it came from elsewhere.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { HttpError } from './errors.js';

const TOKEN_LIFETIME_MS = 4 * 60 * 60 * 1000; // a long form, filled in slowly, still submits

export interface CsrfTokens {
  issue(action: string, binding?: string, now?: number): string;
  verify(token: unknown, action: string, binding?: string, now?: number): boolean;
}

export function csrfTokens(secret: string): CsrfTokens {
  const sign = (payload: string) =>
    createHmac('sha256', `csrf:${secret}`).update(payload).digest('base64url');
  return {
    issue(action, binding = '', now = Date.now()) {
      const expiry = (now + TOKEN_LIFETIME_MS).toString(36);
      const nonce = randomBytes(12).toString('base64url');
      return `${expiry}.${nonce}.${sign(`${expiry}.${nonce}|${action}|${binding}`)}`;
    },
    verify(token, action, binding = '', now = Date.now()) {
      if (typeof token !== 'string' || token.length > 200) return false;
      const [expiry, nonce, signature, extra] = token.split('.');
      if (!expiry || !nonce || !signature || extra !== undefined) return false;
      const expected = Buffer.from(sign(`${expiry}.${nonce}|${action}|${binding}`));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
      return Number.parseInt(expiry, 36) > now;
    },
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Rejects state-changing requests without a valid token for the path they post to. */
export function verifyCsrf(tokens: CsrfTokens): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    if (site === 'cross-site') return next(csrfFailure());
    const origin = req.get('origin');
    if (origin && !sameHost(origin, req.get('host'))) return next(csrfFailure());
    const body = req.body as Record<string, unknown> | undefined;
    const token = req.get('x-csrf-token') ?? body?._csrf ?? multipartToken(req);
    if (!tokens.verify(token, req.path, res.locals.csrfBinding)) {
      return next(csrfFailure());
    }
    next();
  };
}

/**
 * A multipart form (one with a file) is read by its own route, after this check, so its token
 * travels in the form's action URL (`?_csrf=`). Only for multipart: other forms keep it in the
 * body. Logs never hold query strings, and Referrer-Policy: no-referrer keeps it from other sites.
 */
function multipartToken(req: Request): unknown {
  return req.is('multipart/form-data') ? req.query._csrf : undefined;
}

function sameHost(origin: string, host: string | undefined): boolean {
  // Our Referrer-Policy (no-referrer) makes browsers send "Origin: null" even on our own forms,
  // so "null" says nothing either way: the signed token decides.
  if (origin === 'null') return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Gives every view a token for its own path, and `csrfFor(action)` for forms posting elsewhere. */
export function csrfLocals(tokens: CsrfTokens): RequestHandler {
  return (req, res, next) => {
    const binding = res.locals.csrfBinding;
    res.locals.csrfToken = tokens.issue(req.path, binding);
    res.locals.csrfFor = (action: string) => tokens.issue(action, binding);
    next();
  };
}

function csrfFailure(): HttpError {
  return new HttpError(
    403,
    'This form has expired or was not sent from this site. Go back, refresh the page and try again',
  );
}
