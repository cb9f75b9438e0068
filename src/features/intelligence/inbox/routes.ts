/**
 * The intelligence inbox, item pages, the sanitisation workbench, sharing and the partner
 * submission form, under /partner/intelligence. Every page declares its permission and audit
 * event; forms are post/redirect/get with errors and answers kept in the session.
 * Hidden and missing items give the same 404. The service writes each request's one audit entry.
 */
import type { Request, Response } from 'express';
import { route, type RouteSpec } from '../../../web/routes.js';
import { formErrors, type FormErrors } from '../../../web/validation.js';
import type { FormFlash } from '../../access/form-flash.js';
import {
  HANDLING,
  INFORMATION_ASSESSMENTS,
  OUTCOMES,
  SOURCE_EVALUATIONS,
  VULNERABILITIES,
} from '../grading.js';
import { ENTITY_SCHEMAS, LINK_TYPES, SUBJECT_CATEGORIES } from '../schema.js';
import {
  categoryLabels,
  dateParts,
  dayText,
  excerpt,
  gradeOf,
  momentText,
  outcomeText,
  sourceTypeText,
  statementKindText,
  statusText,
  vulnerabilityText,
} from './present.js';
import {
  BODY_MAX,
  CATEGORY_NAMES,
  categoriseSchema,
  closeSchema,
  confirmSchema,
  gradeSchema,
  inboxFilterSchema,
  QUESTION_MAX,
  questionSchema,
  sanitiseSchema,
  shareSchema,
  STATEMENT_KINDS,
  STATUSES,
  SUBMISSION_MAX,
  submissionSchema,
} from './schemas.js';
import type { Inbox, InboxRequest, Outcome } from './service.js';
import { pageNotFound } from '../../../web/partner-pages.js';

const READ = { permission: 'intelligence:read' } as const;
const EXPORT = { permission: 'intelligence:export' } as const;
export const INBOX = '/partner/intelligence';
const ITEM = `${INBOX}/items/:id`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VIEWS = 'intelligence/inbox/views';

const schemaLabel = (schema: string): string =>
  (ENTITY_SCHEMAS as Record<string, { label: string } | undefined>)[schema]?.label ?? schema;
const linkLabel = (type: string): string =>
  (LINK_TYPES as Record<string, { label: string } | undefined>)[type]?.label ?? type;
const selected = (items: { value: string; text: string }[], value: string) =>
  items.map((item) => ({ ...item, selected: item.value === value }));
const options = (table: Record<string, string>) =>
  Object.entries(table).map(([value, text]) => ({ value, text }));

function inboxRequest(res: Response): InboxRequest {
  const principal = res.locals.principal;
  // The route layer has already refused anyone not signed in; this keeps TypeScript honest.
  if (principal.kind !== 'user') throw new Error('The inbox needs a signed-in user');
  return { audit: res.locals.audit, event: res.locals.auditEvent ?? 'intelligence.unknown', principal };
}

function idParam(params: Record<string, string>): string | undefined {
  const id = params.id;
  return id && UUID.test(id) ? id.toLowerCase() : undefined;
}

/** The page a form was on, from the path as given (for sending a refused form back). */
function itemPath(req: Request, suffix = ''): string {
  const id: unknown = req.params.id;
  return `${INBOX}/items/${encodeURIComponent(typeof id === 'string' ? id : '')}${suffix}`;
}

/** Checkbox answers as lists, whether one or several were ticked, for the form to show again. */
const CHECKBOXES = ['categories', 'vulnerabilities', 'agencies'];

function formValues(req: Request): Record<string, unknown> {
  const { _csrf: _token, ...fields } = (req.body ?? {}) as Record<string, unknown>;
  for (const name of CHECKBOXES) {
    const value = fields[name];
    if (typeof value === 'string') fields[name] = [value];
  }
  return fields;
}

export function inboxRoutes({ inbox, flash }: { inbox: Inbox; flash: FormFlash }): RouteSpec[] {
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

  const categories = () => CATEGORY_NAMES;

  return [
    route({
      method: 'get',
      path: INBOX,
      access: READ,
      audit: 'intelligence.inbox.view',
      s62: 'consultation',
      summary: 'The intelligence inbox',
      query: inboxFilterSchema,
      handle: async ({ res, query }) => {
        const status = query.status ?? 'open';
        const filter = {
          statuses: status === 'all' ? [] : status === 'open' ? ['new', 'in-progress'] : [status],
          category: query.category || null,
          vulnerability: query.vulnerability || null,
          page: Number(query.page ?? '1'),
        };
        const [names, page] = [categories(), await inbox.inbox(inboxRequest(res), filter)];
        const hrefFor = (n: number) => {
          const params = new URLSearchParams();
          if (query.status) params.set('status', query.status);
          if (filter.category) params.set('category', filter.category);
          if (filter.vulnerability) params.set('vulnerability', filter.vulnerability);
          params.set('page', String(n));
          return `${INBOX}?${params.toString()}`;
        };
        res.render(`${VIEWS}/inbox.njk`, {
          items: page.rows.map((row) => ({
            id: row.id,
            reference: row.reference,
            received: momentText(row.received_at),
            source: sourceTypeText(row.source_type),
            grade: gradeOf(row).label,
            status: statusText(row.status),
            categories: categoryLabels(row.categories, names),
            vulnerabilities: row.vulnerabilities.map(vulnerabilityText),
            excerpt: excerpt(row.excerpt, row.body_length),
          })),
          statusOptions: selected(
            [{ value: '', text: 'New and in progress' }, ...options(STATUSES), { value: 'all', text: 'All' }],
            query.status ?? '',
          ),
          categoryOptions: selected(
            [{ value: '', text: 'Any category' }, ...names.map((c) => ({ value: c.slug, text: c.name }))],
            filter.category ?? '',
          ),
          vulnerabilityOptions: selected(
            [{ value: '', text: 'Any or none' }, ...options(VULNERABILITIES)],
            filter.vulnerability ?? '',
          ),
          previous: filter.page > 1 ? { href: hrefFor(filter.page - 1) } : undefined,
          next: page.more ? { href: hrefFor(filter.page + 1) } : undefined,
          pageNumber: filter.page,
        });
      },
    }),

    // The partner submission form: an officer records what they saw.
    route({
      method: 'get',
      path: `${INBOX}/new`,
      access: READ,
      audit: 'intelligence.submission.view',
      handle: async ({ res }) => {
        const kept = await flash.take(res, `${INBOX}/new`);
        res.render(`${VIEWS}/new.njk`, {
          ...submissionOptions(categories()),
          ...kept,
          values: kept.values ?? { statementKind: 'fact', handling: 'P' },
        });
      },
    }),
    route({
      method: 'post',
      path: `${INBOX}/new`,
      access: READ,
      audit: 'intelligence.submission.create',
      s62: 'collection',
      body: submissionSchema,
      invalid: (req, res, errors) => flash.redirectWithErrors(res, `${INBOX}/new`, errors, formValues(req)),
      handle: async ({ res, body }) => {
        const item = await inbox.submit(inboxRequest(res), body);
        await flash.redirectWithNotice(
          res,
          `${INBOX}/items/${item.id}`,
          `${item.reference} has been recorded`,
        );
      },
    }),

    route({
      method: 'get',
      path: ITEM,
      access: READ,
      audit: 'intelligence.item.view',
      s62: 'consultation',
      handle: async ({ res, params }) => {
        const id = idParam(params);
        const outcome = id ? await inbox.itemPage(inboxRequest(res), id) : undefined;
        if (!outcome || outcome.kind !== 'done') return pageNotFound(res);
        const view = outcome.value;
        const { item } = view;
        const names = categories();
        const kept = await flash.take(res, `${INBOX}/items/${item.id}`);
        res.render(`${VIEWS}/item.njk`, {
          ...view,
          page: `${INBOX}/items/${item.id}`,
          grade: gradeOf(item),
          source: sourceTypeText(item.source_type),
          statementKind: statementKindText(item.statement_kind),
          categories: categoryLabels(item.categories, names),
          vulnerabilities: item.vulnerabilities.map(vulnerabilityText),
          occurredOn: dayText(item.occurred_on),
          reviewOn: dayText(item.review_on),
          received: momentText(item.received_at),
          status: statusText(item.status),
          outcome: item.outcome ? outcomeText(item.outcome) : null,
          closedAt: momentText(item.closed_at),
          sanitisedAt: momentText(item.sanitised_at),
          signedOffAt: momentText(item.signed_off_at),
          involvements: view.involvements.map((row) => ({
            ...row,
            kind: schemaLabel(row.schema),
            subject: row.subject_category
              ? ((SUBJECT_CATEGORIES as Record<string, string>)[row.subject_category] ?? row.subject_category)
              : null,
          })),
          links: view.links.map((link) => ({
            ...link,
            type: linkLabel(link.link_type),
            from: dayText(link.start_date),
            to: dayText(link.end_date),
          })),
          conversation: view.conversation?.map((message) => ({
            ...message,
            sent: momentText(message.sent_at),
          })),
          files: view.files.map((file) => ({ ...file, received: momentText(file.received_at) })),
          notice: kept.notice,
        });
      },
    }),
    route({
      method: 'get',
      path: `${ITEM}/files/:fileId`,
      access: READ,
      audit: 'intelligence.item.file',
      s62: 'consultation',
      handle: async ({ res, params }) => {
        const id = idParam(params);
        const fileId = params.fileId && UUID.test(params.fileId) ? params.fileId.toLowerCase() : undefined;
        const outcome = id && fileId ? await inbox.download(inboxRequest(res), id, fileId) : undefined;
        if (!outcome || outcome.kind !== 'done') return pageNotFound(res);
        const file = outcome.value;
        const extension =
          { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' }[file.mediaType] ?? 'bin';
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('Content-Type', file.mediaType);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader(
          'Content-Disposition',
          `attachment; filename="${file.reference}-${file.variant}.${extension}"`,
        );
        res.send(Buffer.from(file.content));
      },
    }),

    // Grade (3x5x2)
    route({
      method: 'get',
      path: `${ITEM}/grade`,
      access: READ,
      audit: 'intelligence.grade.view',
      s62: 'consultation',
      handle: itemForm(
        'grade',
        ({ item }) => ({
          sourceEvaluation: item.source_evaluation,
          informationAssessment: item.information_assessment,
          handling: item.handling_code,
          handlingConditions: item.handling_conditions,
          statementKind: item.statement_kind,
          ...dateParts('reviewOn', item.review_on),
        }),
        {
          sourceOptions: options(SOURCE_EVALUATIONS),
          informationOptions: options(INFORMATION_ASSESSMENTS),
          handlingOptions: options(HANDLING),
          statementOptions: options(STATEMENT_KINDS),
        },
      ),
    }),
    route({
      method: 'post',
      path: `${ITEM}/grade`,
      access: READ,
      audit: 'intelligence.grade',
      s62: 'alteration',
      body: gradeSchema,
      invalid: backTo('/grade'),
      handle: async ({ req, res, params, body }) => {
        const id = idParam(params);
        if (!id) return pageNotFound(res);
        await finish(res, await inbox.grade(inboxRequest(res), id, body), {
          form: itemPath(req, '/grade'),
          next: `${INBOX}/items/${id}`,
          notice: `Graded ${body.sourceEvaluation}/${body.informationAssessment}/${body.handlingCode}`,
        });
      },
    }),

    // Categorise and flag
    route({
      method: 'get',
      path: `${ITEM}/categorise`,
      access: READ,
      audit: 'intelligence.categorise.view',
      s62: 'consultation',
      handle: async (ctx) => {
        const names = categories();
        return itemForm(
          'categorise',
          ({ item }) => ({
            categories: item.categories,
            vulnerabilities: item.vulnerabilities,
            area: item.area,
          }),
          {
            categoryOptions: names.map((c) => ({ value: c.slug, text: c.name })),
            vulnerabilityOptions: options(VULNERABILITIES),
          },
        )(ctx);
      },
    }),
    route({
      method: 'post',
      path: `${ITEM}/categorise`,
      access: READ,
      audit: 'intelligence.categorise',
      s62: 'alteration',
      body: categoriseSchema,
      invalid: backTo('/categorise'),
      handle: async ({ req, res, params, body }) => {
        const id = idParam(params);
        if (!id) return pageNotFound(res);
        await finish(res, await inbox.categorise(inboxRequest(res), id, body), {
          form: itemPath(req, '/categorise'),
          next: `${INBOX}/items/${id}`,
          notice: 'Categories and flags saved',
        });
      },
    }),

    // Ask the reporter a question (public reports only)
    route({
      method: 'get',
      path: `${ITEM}/ask`,
      access: READ,
      audit: 'intelligence.ask.view',
      s62: 'consultation',
      handle: itemForm('ask', () => ({}), { maxLength: QUESTION_MAX }),
    }),
    route({
      method: 'post',
      path: `${ITEM}/ask`,
      access: READ,
      audit: 'intelligence.ask',
      s62: 'alteration',
      body: questionSchema,
      invalid: backTo('/ask'),
      handle: async ({ req, res, params, body }) => {
        const id = idParam(params);
        if (!id) return pageNotFound(res);
        await finish(res, await inbox.ask(inboxRequest(res), id, body.question), {
          form: itemPath(req, '/ask'),
          next: `${INBOX}/items/${id}`,
          notice: 'Your question has been sent. The reporter sees it when they come back with their receipt',
        });
      },
    }),

    // Close with an outcome
    route({
      method: 'get',
      path: `${ITEM}/close`,
      access: READ,
      audit: 'intelligence.close.view',
      s62: 'consultation',
      handle: itemForm('close', () => ({}), { outcomeOptions: options(OUTCOMES) }),
    }),
    route({
      method: 'post',
      path: `${ITEM}/close`,
      access: READ,
      audit: 'intelligence.close',
      s62: 'alteration',
      body: closeSchema,
      invalid: backTo('/close'),
      handle: async ({ req, res, params, body }) => {
        const id = idParam(params);
        if (!id) return pageNotFound(res);
        await finish(res, await inbox.close(inboxRequest(res), id, body), {
          form: itemPath(req, '/close'),
          next: `${INBOX}/items/${id}`,
          notice: `Closed: ${outcomeText(body.outcome)}`,
        });
      },
    }),

    // The sanitisation workbench and sign-off
    route({
      method: 'get',
      path: `${ITEM}/sanitise`,
      access: READ,
      audit: 'intelligence.sanitise.view',
      s62: 'consultation',
      handle: async ({ res, params }) => workbenchPage(res, params, 'sanitise'),
    }),
    route({
      method: 'post',
      path: `${ITEM}/sanitise`,
      access: READ,
      audit: 'intelligence.sanitise',
      s62: 'alteration',
      body: sanitiseSchema,
      invalid: backTo('/sanitise'),
      handle: async ({ req, res, params, body }) => {
        const id = idParam(params);
        if (!id) return pageNotFound(res);
        await finish(res, await inbox.sanitise(inboxRequest(res), id, body.body), {
          form: itemPath(req, '/sanitise'),
          next: `${INBOX}/items/${id}`,
          notice: 'Sanitised text saved. Someone else must now sign it off before it can be shared',
        });
      },
    }),
    route({
      method: 'get',
      path: `${ITEM}/sign-off`,
      access: READ,
      audit: 'intelligence.sign-off.view',
      s62: 'consultation',
      handle: async ({ res, params }) => workbenchPage(res, params, 'sign-off'),
    }),
    route({
      method: 'post',
      path: `${ITEM}/sign-off`,
      access: READ,
      audit: 'intelligence.sign-off',
      s62: 'alteration',
      body: confirmSchema,
      invalid: backTo('/sign-off'),
      handle: async ({ req, res, params }) => {
        const id = idParam(params);
        if (!id) return pageNotFound(res);
        await finish(res, await inbox.signOff(inboxRequest(res), id), {
          form: itemPath(req, '/sign-off'),
          next: `${INBOX}/items/${id}`,
          notice: 'Signed off: the sanitised text may now be shared',
        });
      },
    }),

    // Share (a disclosure)
    route({
      method: 'get',
      path: `${ITEM}/share`,
      access: EXPORT,
      audit: 'intelligence.share.view',
      s62: 'consultation',
      handle: async ({ res, params }) => {
        const id = idParam(params);
        const outcome = id ? await inbox.sharePlan(inboxRequest(res), id) : undefined;
        if (!outcome || outcome.kind !== 'done') return pageNotFound(res);
        const plan = outcome.value;
        const kept = await flash.take(res, `${INBOX}/items/${plan.item.id}/share`);
        res.render(`${VIEWS}/share.njk`, {
          ...plan,
          entities: plan.entities.map((e) => ({ ...e, kind: schemaLabel(e.schema) })),
          links: plan.links.map((l) => ({ ...l, type: linkLabel(l.link_type) })),
          page: `${INBOX}/items/${plan.item.id}`,
          agencyOptions: plan.agencies.map((a) => ({ value: a.id, text: `${a.name} (${a.organisation})` })),
          ...kept,
          values: kept.values ?? {},
        });
      },
    }),
    route({
      method: 'post',
      path: `${ITEM}/share`,
      access: EXPORT,
      audit: 'intelligence.share',
      s62: 'disclosure',
      body: shareSchema,
      invalid: backTo('/share'),
      handle: async ({ req, res, params, body }) => {
        const id = idParam(params);
        if (!id) return pageNotFound(res);
        const outcome = await inbox.share(inboxRequest(res), id, {
          agencies: body.agencies,
          acknowledged: body.acknowledge === 'yes',
        });
        await finish(res, outcome, {
          form: itemPath(req, '/share'),
          next: `${INBOX}/items/${id}`,
          notice: outcome.kind === 'done' ? `Shared with ${outcome.value.agencies.join(', ')}` : 'Shared',
          values: formValues(req),
        });
      },
    }),
  ];

  async function workbenchPage(res: Response, params: Record<string, string>, view: 'sanitise' | 'sign-off') {
    const id = idParam(params);
    const outcome = id ? await inbox.workbench(inboxRequest(res), id) : undefined;
    if (!outcome || outcome.kind !== 'done') return pageNotFound(res);
    const { item, original, viewerId } = outcome.value;
    const kept = await flash.take(res, `${INBOX}/items/${item.id}/${view}`);
    res.render(`${VIEWS}/${view}.njk`, {
      item,
      original,
      page: `${INBOX}/items/${item.id}`,
      maxLength: BODY_MAX,
      ownSanitising: item.sanitised_by === viewerId,
      sanitisedAt: momentText(item.sanitised_at),
      signedOffAt: momentText(item.signed_off_at),
      ...kept,
      values: kept.values ?? { body: item.body },
    });
  }
}

type ItemForForm = Extract<Awaited<ReturnType<Inbox['itemForForm']>>, { kind: 'done' }>['value'];

function submissionOptions(names: readonly { slug: string; name: string }[]) {
  return {
    maxLength: SUBMISSION_MAX,
    categoryOptions: names.map((c) => ({ value: c.slug, text: c.name })),
    vulnerabilityOptions: options(VULNERABILITIES),
    statementOptions: options(STATEMENT_KINDS),
    sourceOptions: [{ value: '', text: 'Not graded yet' }, ...options(SOURCE_EVALUATIONS)],
    informationOptions: [{ value: '', text: 'Not graded yet' }, ...options(INFORMATION_ASSESSMENTS)],
    handlingOptions: options(HANDLING),
  };
}
