/**
 * A partner's browser, without the browser: keeps the session cookie, fetches forms' CSRF tokens,
 * and signs in with password and TOTP code like a person would.
 */
import { randomUUID } from 'node:crypto';
import { currentTotpCode, newTotpSecret } from '../../src/features/access/totp.js';
import type { Role } from '../../src/features/access/roles.js';
import type { Classification } from '../../src/features/access/markings.js';
import type { TestApp } from './app.js';

export class PartnerClient {
  cookie: string | undefined;
  constructor(readonly app: TestApp) {}

  private remember(response: Response): Response {
    const setCookie = response.headers.get('set-cookie');
    const match = setCookie && /__Host-lantern-session=([^;]*)/.exec(setCookie);
    if (match) this.cookie = match[1] ? match[1] : undefined;
    return response;
  }

  private headers(extra?: HeadersInit): Headers {
    const headers = new Headers(extra);
    if (this.cookie) headers.set('cookie', `__Host-lantern-session=${this.cookie}`);
    return headers;
  }

  async get(path: string, init: RequestInit = {}): Promise<Response> {
    return this.remember(await this.app.get(path, { ...init, headers: this.headers(init.headers) }));
  }

  /** Fetches the page holding a form and returns its CSRF token for `action` (default: the page). */
  async csrfFor(page: string, action = page): Promise<string> {
    const html = await (await this.get(page)).text();
    const pattern = new RegExp(
      `action="${action.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>\\s*<input type="hidden" name="_csrf" value="([^"]+)"`,
    );
    const match = pattern.exec(html) ?? /name="_csrf" value="([^"]+)"/.exec(html);
    if (!match?.[1]) throw new Error(`No CSRF token on ${page}`);
    return match[1];
  }

  async post(path: string, fields: Record<string, string>, page = path): Promise<Response> {
    const token = await this.csrfFor(page, path);
    return this.remember(
      await this.app.get(path, {
        method: 'POST',
        headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }),
        body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
      }),
    );
  }

  /** Password, then the TOTP code. Throws unless it ends signed in. */
  async signIn(email: string, password: string, totpSecret: string): Promise<void> {
    const first = await this.post('/partner/sign-in', { email, password });
    if (first.status !== 303 || first.headers.get('location') !== '/partner/sign-in/code') {
      throw new Error(`Password step failed: ${first.status} ${first.headers.get('location') ?? ''}`);
    }
    const second = await this.post('/partner/sign-in/code', { code: currentTotpCode(totpSecret) });
    if (second.status !== 303 || second.headers.get('location') !== '/partner') {
      throw new Error(`Code step failed: ${second.status}`);
    }
  }
}

export interface TestPartner {
  id: string;
  email: string;
  password: string;
  totpSecret: string;
  agencyId: string;
  client: PartnerClient;
}

/** Creates an agency if needed, a user in it enrolled in TOTP, and a client signed in as them. */
export async function signedInPartner(
  app: TestApp,
  options: { agency: string; roles: Role[]; clearance?: Classification; signIn?: boolean },
): Promise<TestPartner> {
  const accounts = app.lantern.services.accounts;
  let agency = await accounts.agencyByCode(options.agency);
  if (!agency) {
    await accounts.createAgency({
      code: options.agency,
      name: options.agency,
      organisation: 'Test organisation',
      kind: 'council',
    });
    agency = await accounts.agencyByCode(options.agency);
  }
  const email = `${randomUUID().slice(0, 8)}@${options.agency}.example`;
  const totpSecret = newTotpSecret();
  const { id, password } = await accounts.createUser({
    email,
    displayName: `Test ${options.roles.join(' ')}`,
    agencyCode: options.agency,
    roles: options.roles,
    clearance: options.clearance ?? 'OFFICIAL-SENSITIVE',
    totpSecret,
  });
  const client = new PartnerClient(app);
  if (options.signIn !== false) await client.signIn(email, password, totpSecret);
  return { id, email, password, totpSecret, agencyId: agency!.id, client };
}
