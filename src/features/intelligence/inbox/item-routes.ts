/** One item's page and its files. Hidden and missing items give the same 404. */
import { route, type RouteSpec } from '../../../web/routes.js';
import { pageNotFound } from '../../../web/partner-pages.js';
import { SUBJECT_CATEGORIES } from '../schema.js';
import {
  categories,
  idParam,
  INBOX,
  inboxRequest,
  type InboxRouteDeps,
  ITEM,
  linkLabel,
  READ,
  schemaLabel,
  UUID,
  VIEWS,
} from './pages.js';
import {
  categoryLabels,
  dayText,
  gradeOf,
  momentText,
  outcomeText,
  sourceTypeText,
  statementKindText,
  statusText,
  vulnerabilityText,
} from './present.js';

/** The item page. */
export function itemPageRoutes({ inbox, flash }: InboxRouteDeps): RouteSpec[] {
  return [
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
  ];
}

/** A file of a public report, as an attachment. */
export function itemFileRoutes({ inbox }: InboxRouteDeps): RouteSpec[] {
  return [
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
  ];
}
