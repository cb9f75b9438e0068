/**
 * Anonymous reporting: /report (tell us, check, send, receipt) and /report/return (come back with
 * the receipt, read the partnership's questions, add information). Every page is no-store, sets no
 * cookie, and keeps nothing about the client but an hour's keyed-hash count (rate-limit.ts).
 */
import type { Request, Response } from 'express';
import type { ReportLimits } from '../../config.js';
import { route, type RouteSpec } from '../../web/routes.js';
import { formErrors, type FormErrors } from '../../web/validation.js';
import { REPORT_CATEGORIES, type ReportCategory } from './categories.js';
import { FileRefused, FINDING_TEXT, prepareUpload } from './files.js';
import { readMultipart } from './multipart.js';
import { clientKeys, failureCounter, hourlyLimiter } from './rate-limit.js';
import { QuotaReached, type HeldFile, type Reports } from './reports.js';
import {
  addSchema,
  changeSchema,
  conversationSchema,
  reportFormSchema,
  returnSchema,
  sendSchema,
} from './schemas.js';

const UNLIMITED = { perHour: Number.MAX_SAFE_INTEGER };
// Wrong codes for one report before that report's lookups pause for the rest of the hour.
const FAILURES_PER_REPORT_PER_HOUR = 10;

const TOO_MANY_FORMS = 'You have sent a lot of forms in a short time. Wait an hour, then try again';
const TOO_MANY_REPORTS =
  'We are getting a very large number of reports at the moment. Wait an hour, then send your report again';
const TOO_MANY_FILES =
  'We cannot take any more files today. Send your report without the file, or try again tomorrow';
const TOO_MANY_CHECKS = 'You have tried to enter a receipt code too many times. Wait an hour, then try again';
const WRONG_CODE = 'Enter a correct receipt code. Check each letter and number, then try again';
const ACCESS_ENDED =
  'Enter your receipt code again. For your safety, your report only stays open for 4 hours';
const FILE_EXPIRED = 'Add your file again. We delete files that are not sent within an hour';

type Values = Record<string, unknown>;

/**
 * The client address, read only to be hashed at once for the limiter. Express gives
 * the socket's peer, or, only with TRUST_PROXY, what that one proxy says: a client's own
 * X-Forwarded-For changes nothing.
 */
function clientAddress(req: Request): string | undefined {
  return req.ip;
}

/** Report pages must never be kept by the browser or anything between: receipts above all. */
function page(res: Response, view: string, context: Record<string, unknown>): void {
  res.setHeader('Cache-Control', 'no-store');
  res.render(`reports/views/${view}.njk`, context);
}

/** The answers as the person typed them, to show again (never the file itself). */
function answersOf(body: unknown): Values {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as Values;
  const values: Values = {};
  for (const [key, value] of Object.entries(raw)) if (typeof value === 'string') values[key] = value;
  return values;
}

const longDate = (date: Date) =>
  date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });

/** The category radios, "not sure" set apart by GOV.UK's "or" divider. */
function categoryItems(chosen: unknown) {
  return Object.entries(REPORT_CATEGORIES).flatMap(([code, category]) => [
    ...(code === 'not-sure' ? [{ divider: 'or' }] : []),
    { value: code, text: category.label, hint: { text: category.hint }, checked: chosen === code },
  ]);
}

const FILE_KINDS: Record<string, { kind: string; format: string }> = {
  'image/jpeg': { kind: 'photo', format: 'JPEG' },
  'image/png': { kind: 'photo', format: 'PNG' },
  'application/pdf': { kind: 'PDF document', format: 'PDF' },
};

/** A held file as the reporter sees it: what it is, and what it reveals in plain words. */
function describeFile(held: HeldFile | null) {
  if (!held) return null;
  const { kind, format } = FILE_KINDS[held.mediaType] ?? { kind: 'file', format: 'unknown' };
  const kilobytes = Math.max(1, Math.round(held.byteSize / 1024));
  return {
    token: held.token,
    description: `A ${kind} (${format}, ${kilobytes} KB)`,
    isPhoto: kind === 'photo',
    findings: held.findings.map((finding) => FINDING_TEXT[finding]),
  };
}

export function reportRoutes(reports: Reports, limits: ReportLimits): RouteSpec[] {
  const keys = clientKeys();
  const forms = hourlyLimiter(keys, { perHour: limits.formsPerClientPerHour }, UNLIMITED);
  const checks = hourlyLimiter(
    keys,
    { perHour: limits.receiptChecksPerClientPerHour },
    { perHour: limits.receiptChecksPerHour },
  );
  const failures = failureCounter(keys, FAILURES_PER_REPORT_PER_HOUR);
  const maxMegabytes = Math.floor(limits.uploadMaxBytes / (1024 * 1024));

  const heldFrom = async (values: Values): Promise<HeldFile | null> => {
    const token = values.fileToken;
    return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token) ? reports.heldFile(token) : null;
  };

  const showForm = async (res: Response, values: Values, errors?: FormErrors, held?: HeldFile | null) => {
    page(res, 'report', {
      values,
      errors,
      categoryItems: categoryItems(values.category),
      maxMegabytes,
      file: describeFile(held === undefined ? await heldFrom(values) : held),
    });
  };

  const showCheck = async (res: Response, values: Values, errors?: FormErrors, held?: HeldFile | null) => {
    const file = held === undefined ? await heldFrom(values) : held;
    page(res, 'check', {
      // A held file that has gone (expired, or removed by the reporter) is no longer offered.
      values: { ...values, fileToken: file?.token ?? '' },
      draft: reports.draftReceipt(),
      errors,
      category:
        typeof values.category === 'string' && Object.hasOwn(REPORT_CATEGORIES, values.category)
          ? REPORT_CATEGORIES[values.category as ReportCategory]
          : null,
      file: describeFile(file),
    });
  };

  const showReturn = (res: Response, values: Values = {}, errors?: FormErrors) =>
    page(res, 'return', { values, errors });

  const showConversation = async (
    res: Response,
    reportId: string,
    errors?: FormErrors,
    values: Values = {},
  ) => {
    const { receivedAt, messages } = await reports.conversation(res.locals.audit, reportId);
    page(res, 'conversation', {
      receivedOn: longDate(receivedAt),
      messages: messages.map((message) => ({ ...message, sentOn: longDate(message.sentAt) })),
      hasQuestions: messages.some((message) => message.authorKind === 'partnership'),
      errors,
      values,
      access: reports.accessToken(reportId),
    });
  };

  return [
    route({
      method: 'get',
      path: '/report',
      access: 'public',
      audit: 'reports.form.view',
      handle: ({ res }) => showForm(res, {}, undefined, null),
    }),
    route({
      method: 'post',
      path: '/report',
      access: 'public',
      audit: 'reports.check',
      // Multipart: busboy reads it here, within limits; the CSRF token came in the action URL.
      readBody: (req) =>
        req.is('multipart/form-data')
          ? readMultipart(req, { maxFileBytes: limits.uploadMaxBytes, fileField: 'file' })
          : Promise.resolve((req.body ?? {}) as Values),
      body: reportFormSchema(limits.uploadMaxBytes),
      invalid: (req, res, errors) => showForm(res, answersOf(req.body), errors),
      handle: async ({ req, res, body }) => {
        const values = answersOf(req.body);
        if (!forms.take(clientAddress(req))) {
          res.status(429);
          return showForm(res, values, formErrors({ '': TOO_MANY_FORMS }));
        }
        let held = await heldFrom(values);
        if (body.fileToken && !held && !body.file) {
          res.status(400);
          return showForm(res, { ...values, fileToken: '' }, formErrors({ file: FILE_EXPIRED }), null);
        }
        if (body.file) {
          try {
            const prepared = await prepareUpload(body.file.bytes);
            if (held) await reports.discardFile(held.token);
            held = await reports.holdFile(prepared);
          } catch (error) {
            if (error instanceof FileRefused) {
              res.status(400);
              return showForm(res, values, formErrors({ file: error.reason }), held);
            }
            if (error instanceof QuotaReached) {
              res.status(429);
              return showForm(res, values, formErrors({ file: TOO_MANY_FILES }), held);
            }
            throw error;
          }
        }
        return showCheck(res, { ...values, fileToken: held?.token ?? '' }, undefined, held);
      },
    }),
    route({
      method: 'post',
      path: '/report/change',
      access: 'public',
      audit: 'reports.change',
      body: changeSchema,
      invalid: (req, res, errors) => showForm(res, answersOf(req.body), errors),
      handle: ({ req, res }) => showForm(res, answersOf(req.body)),
    }),
    route({
      method: 'post',
      path: '/report/send',
      access: 'public',
      audit: 'reports.submit',
      s62: 'collection',
      body: sendSchema,
      invalid: (req, res, errors) => {
        const values = answersOf(req.body);
        // Only the file question can be wrong on a check page a person used as we made it.
        const onlyFileChoice = Object.keys(errors.byField).every((field) => field === 'fileChoice');
        return onlyFileChoice ? showCheck(res, values, errors) : showForm(res, values, errors);
      },
      handle: async ({ req, res, body }) => {
        res.locals.audit.purpose = 'public-report';
        const values = answersOf(req.body);
        if (!forms.take(clientAddress(req))) {
          res.status(429);
          return showCheck(res, values, formErrors({ '': TOO_MANY_FORMS }));
        }
        const sendFile = body.fileToken && body.fileChoice === 'send' ? body.fileToken : null;
        if (body.fileToken && body.fileChoice === 'remove') await reports.discardFile(body.fileToken);
        try {
          const answers = {
            category: body.category,
            what: body.what,
            where: body.where,
            whenDate: body.whenDate,
            whenText: body.whenDetail,
            who: body.who,
          };
          const result = await reports.submit(res.locals.audit, answers, sendFile, body.draft);
          if ('alreadySent' in result) {
            // Sent before (a double click or a reload): nothing is collected now, so this
            // response performs no s62 operation and writes no entry.
            res.locals.s62Action = undefined;
            page(res, 'receipt', { receipt: result.receipt, again: true });
            return;
          }
          if ('fileExpired' in result) {
            res.status(400);
            await showForm(res, { ...values, fileToken: '' }, formErrors({ file: FILE_EXPIRED }), null);
            return;
          }
          page(res, 'receipt', { receipt: result.receipt });
        } catch (error) {
          if (!(error instanceof QuotaReached)) throw error;
          res.status(429);
          return showCheck(res, values, formErrors({ '': TOO_MANY_REPORTS }));
        }
      },
    }),
    route({
      method: 'get',
      path: '/report/return',
      access: 'public',
      audit: 'reports.return.view',
      handle: ({ res }) => showReturn(res),
    }),
    route({
      method: 'post',
      path: '/report/return',
      access: 'public',
      audit: 'reports.return',
      s62: 'consultation',
      body: returnSchema,
      invalid: (req, res, errors) => showReturn(res, answersOf(req.body), errors),
      handle: async ({ req, res, body }) => {
        res.locals.audit.purpose = 'public-report';
        const lookupId = reports.lookupIdOf(body.receipt) ?? '';
        // Throttled before argon2 runs: per client, for everyone, and per report.
        if (failures.blocked(lookupId) || !checks.take(clientAddress(req))) {
          res.status(429);
          return showReturn(res, {}, formErrors({ receipt: TOO_MANY_CHECKS }));
        }
        const found = await reports.checkReceipt(body.receipt);
        if (!found) {
          failures.failed(lookupId);
          res.status(400);
          return showReturn(res, {}, formErrors({ receipt: WRONG_CODE }));
        }
        return showConversation(res, found.reportId);
      },
    }),
    route({
      method: 'post',
      path: '/report/conversation',
      access: 'public',
      audit: 'reports.conversation.view',
      s62: 'consultation',
      body: conversationSchema,
      invalid: (_req, res, _errors) => showReturn(res, {}, formErrors({ receipt: ACCESS_ENDED })),
      handle: async ({ res, body }) => {
        res.locals.audit.purpose = 'public-report';
        const reportId = reports.readAccessToken(body.access);
        if (!reportId) {
          res.status(400);
          return showReturn(res, {}, formErrors({ receipt: ACCESS_ENDED }));
        }
        return showConversation(res, reportId);
      },
    }),
    route({
      method: 'post',
      path: '/report/add',
      access: 'public',
      audit: 'reports.add-information',
      s62: 'collection',
      body: addSchema,
      invalid: async (req, res, errors) => {
        res.locals.audit.purpose = 'public-report';
        const values = answersOf(req.body);
        const reportId = typeof values.access === 'string' ? reports.readAccessToken(values.access) : null;
        if (!reportId) return showReturn(res, {}, formErrors({ receipt: ACCESS_ENDED }));
        // The same page again shows the partnership's questions: that is a consultation, audited.
        return showConversation(res, reportId, errors, values);
      },
      handle: async ({ req, res, body }) => {
        res.locals.audit.purpose = 'public-report';
        const reportId = reports.readAccessToken(body.access);
        if (!reportId) {
          res.status(400);
          return showReturn(res, {}, formErrors({ receipt: ACCESS_ENDED }));
        }
        if (!forms.take(clientAddress(req))) {
          res.status(429);
          return showConversation(
            res,
            reportId,
            formErrors({ information: TOO_MANY_FORMS }),
            answersOf(req.body),
          );
        }
        await reports.addInformation(res.locals.audit, reportId, body.information);
        page(res, 'added', { access: reports.accessToken(reportId) });
      },
    }),
  ];
}
