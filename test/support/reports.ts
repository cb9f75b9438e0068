/** Helpers for driving the anonymous report pages over HTTP, as a browser without JavaScript would. */
import assert from 'node:assert/strict';
import { parseHtml } from './html.js';
import type { TestApp } from './app.js';

export interface UploadFile {
  bytes: Buffer;
  name: string;
  type: string;
}

export const GOOD_ANSWERS = {
  what: 'Cars stop outside number 4 every night and people swap small packages.',
  category: 'illegal-drugs',
  where: 'Fore Street, Redruth',
  'when-day': '14',
  'when-month': '3',
  'when-year': '2025',
  whenDetail: 'Most nights after 10pm',
  who: 'A silver Audi A3, number plate starts WK',
};

/** The first page's form: its CSRF token travels in the action URL (a multipart form). */
export async function reportFormAction(app: TestApp, init: RequestInit = {}): Promise<string> {
  const html = await (await app.get('/report', init)).text();
  const action = parseHtml(html).querySelector('form[enctype="multipart/form-data"]')?.getAttribute('action');
  assert.ok(action, 'the report form posts somewhere');
  return action;
}

export async function postReportForm(
  app: TestApp,
  fields: Record<string, string>,
  file?: UploadFile,
  init: RequestInit = {},
): Promise<Response> {
  const action = await reportFormAction(app, init);
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append(
    'file',
    new Blob([new Uint8Array(file?.bytes ?? [])], { type: file?.type ?? 'application/octet-stream' }),
    file?.name ?? '',
  );
  return app.get(action, { ...init, method: 'POST', body: form });
}

/** The hidden fields of the form posting to `action` on a page. */
export function hiddenFields(html: string, action: string): Record<string, string> {
  const form = parseHtml(html).querySelector(`form[action="${action}"]`);
  assert.ok(form, `a form posting to ${action}`);
  return Object.fromEntries(
    form
      .querySelectorAll('input[type=hidden]')
      .map((input) => [input.getAttribute('name') ?? '', input.getAttribute('value') ?? '']),
  );
}

/** From the check page: send the report, with extra answers (the file choice). */
export async function sendFromCheckPage(
  app: TestApp,
  checkHtml: string,
  extra: Record<string, string> = {},
  init: RequestInit = {},
): Promise<Response> {
  return app.postForm('/report/send', { ...hiddenFields(checkHtml, '/report/send'), ...extra }, init);
}

export function receiptFrom(html: string): string {
  const code = parseHtml(html).querySelector('#receipt-code')?.text.trim();
  assert.ok(code, 'the receipt page shows a code');
  return code;
}

/** Enters a receipt on the come-back page; returns the response (the conversation, if right). */
export async function enterReceipt(app: TestApp, receipt: string, init: RequestInit = {}): Promise<Response> {
  const html = await (await app.get('/report/return', init)).text();
  return app.postForm('/report/return', { ...hiddenFields(html, '/report/return'), receipt }, init);
}
