/** Posting partner forms from tests, and comparing pages that differ only by their nonce. */
import { createHash } from 'node:crypto';
import { csrfTokens } from '../../src/web/csrf.js';
import type { PartnerClient } from './partner.js';

/**
 * Posts a form as a browser would, with repeated fields for checkboxes. The CSRF token is signed
 * here for the path and the session, as the form's page would have (browser tests use the pages'
 * own forms), so a test can post where no form is shown.
 */
export async function send(
  client: PartnerClient,
  path: string,
  fields: [string, string][],
): Promise<Response> {
  const binding = createHash('sha256')
    .update(client.cookie ?? '')
    .digest('hex');
  const token = csrfTokens(client.app.lantern.config.secret).issue(path, binding);
  return client.get(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams([['_csrf', token], ...fields]).toString(),
  });
}

/** A page with its per-request nonce taken out, to compare two of them byte for byte. */
export const withoutNonce = (html: string): string => html.replace(/nonce="[^"]*"/g, 'nonce=""');
