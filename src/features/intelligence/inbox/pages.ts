/**
 * What the inbox's route files share: paths, the request for the service, item ids from the path,
 * and the form helpers (send a refused form back, finish a command, show a form about one item).
 */
import type { Request, Response } from 'express';
import { formErrors, type FormErrors } from '../../../web/validation.js';
import type { FormFlash } from '../../access/form-flash.js';
import { ENTITY_SCHEMAS, LINK_TYPES } from '../schema.js';
import { gradeOf } from './present.js';
import { CATEGORY_NAMES } from './schemas.js';
import type { Inbox, InboxRequest, Outcome } from './service.js';
import { pageNotFound } from '../../../web/partner-pages.js';

export const READ = { permission: 'intelligence:read' } as const;
export const EXPORT = { permission: 'intelligence:export' } as const;
export const INBOX = '/partner/intelligence';
export const ITEM = `${INBOX}/items/:id`;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const VIEWS = 'intelligence/inbox/views';

export const schemaLabel = (schema: string): string =>
  (ENTITY_SCHEMAS as Record<string, { label: string } | undefined>)[schema]?.label ?? schema;
export const linkLabel = (type: string): string =>
  (LINK_TYPES as Record<string, { label: string } | undefined>)[type]?.label ?? type;
export const selected = (items: { value: string; text: string }[], value: string) =>
  items.map((item) => ({ ...item, selected: item.value === value }));
export const options = (table: Record<string, string>) =>
  Object.entries(table).map(([value, text]) => ({ value, text }));

export function inboxRequest(res: Response): InboxRequest {
  const principal = res.locals.principal;
  // The route layer has already refused anyone not signed in; this keeps TypeScript honest.
  if (principal.kind !== 'user') throw new Error('The inbox needs a signed-in user');
  return { audit: res.locals.audit, event: res.locals.auditEvent ?? 'intelligence.unknown', principal };
}

export function idParam(params: Record<string, string>): string | undefined {
  const id = params.id;
  return id && UUID.test(id) ? id.toLowerCase() : undefined;
}

/** The page a form was on, from the path as given (for sending a refused form back). */
export function itemPath(req: Request, suffix = ''): string {
  const id: unknown = req.params.id;
  return `${INBOX}/items/${encodeURIComponent(typeof id === 'string' ? id : '')}${suffix}`;
}

/** Checkbox answers as lists, whether one or several were ticked, for the form to show again. */
export const CHECKBOXES = ['categories', 'vulnerabilities', 'agencies'];

export function formValues(req: Request): Record<string, unknown> {
  const { _csrf: _token, ...fields } = (req.body ?? {}) as Record<string, unknown>;
  for (const name of CHECKBOXES) {
    const value = fields[name];
    if (typeof value === 'string') fields[name] = [value];
  }
  return fields;
}

/** What every inbox route factory is built from. */
export interface InboxRouteDeps {
  inbox: Inbox;
  flash: FormFlash;
}

export type ItemForForm = Extract<Awaited<ReturnType<Inbox['itemForForm']>>, { kind: 'done' }>['value'];

/** The form helpers, bound to the inbox and the flash. */
export function formHelpers({ inbox, flash }: InboxRouteDeps) {
  const backTo = (suffix: string) => (req: Request, res: Response, errors: FormErrors) =>
    flash.redirectWithErrors(res, itemPath(req, suffix), errors, formValues(req));

  /** After a command: the next page with its notice, back to the form with errors, or 404. */
  async function finish(
    res: Response,
    outcome: Outcome<unknown>,
    pages: { form: string; next: string; notice: string; values?: Record<string, unknown> },
  ): Promise<void> {
    if (outcome.kind === 'not-found') return pageNotFound(res);
    if (outcome.kind === 'refused') {
      return flash.redirectWithErrors(res, pages.form, formErrors(outcome.errors), pages.values ?? {});
    }
    return flash.redirectWithNotice(res, pages.next, pages.notice);
  }

  /**
   * A POST about one item: run the command on it, then the item page with the notice, or the
   * form again with its errors, or 404.
   */
  const itemCommand =
    <B>(
      suffix: string,
      run: (request: InboxRequest, id: string, body: B) => Promise<Outcome<unknown>>,
      notice: (body: B) => string,
    ) =>
    async ({
      req,
      res,
      params,
      body,
    }: {
      req: Request;
      res: Response;
      params: Record<string, string>;
      body: B;
    }) => {
      const id = idParam(params);
      if (!id) return pageNotFound(res);
      await finish(res, await run(inboxRequest(res), id, body), {
        form: itemPath(req, suffix),
        next: `${INBOX}/items/${id}`,
        notice: notice(body),
      });
    };

  /** A GET form about one item: 404 or the page, with what the flash kept. */
  const itemForm =
    (view: string, defaults: (item: ItemForForm) => Record<string, unknown>, extra = {}) =>
    async ({ res, params }: { res: Response; params: Record<string, string> }) => {
      const id = idParam(params);
      const outcome = id ? await inbox.itemForForm(inboxRequest(res), id) : undefined;
      if (!outcome || outcome.kind !== 'done') return pageNotFound(res);
      const { item } = outcome.value;
      const kept = await flash.take(res, res.req.path);
      res.render(`${VIEWS}/${view}.njk`, {
        item,
        page: `${INBOX}/items/${item.id}`,
        reportReadable: outcome.value.reportReadable,
        grade: gradeOf(item),
        ...extra,
        ...kept,
        values: kept.values ?? defaults(outcome.value),
      });
    };

  return { backTo, finish, itemCommand, itemForm };
}

export const categories = () => CATEGORY_NAMES;
