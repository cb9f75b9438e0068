/** One item's page and its files. Hidden and missing items give the same 404. */
import { route, type RouteSpec } from '../../../web/routes.js';
import { pageNotFound } from '../../../web/partner-pages.js';
import { SUBJECT_CATEGORIES } from '../schema.js';
import { ITEM_ROWS_PER_PAGE } from './queries.js';
import { itemPageSchema } from './schemas.js';
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

/**
 * Where a section of the item page stands (rows "from" to "to") and its previous and next pages,
 * keeping the other section's page in the address.
 */
function sectionPagination(
  page: string,
  pages: { people: number; links: number },
  section: 'people' | 'links',
  more: boolean,
  shown: number,
) {
  const hrefFor = (n: number) => {
    const params = new URLSearchParams();
    const next = { ...pages, [section]: n };
    if (next.people > 1) params.set('people', String(next.people));
    if (next.links > 1) params.set('links', String(next.links));
    const search = params.toString();
    return `${page}${search ? `?${search}` : ''}#${section}`;
  };
  const current = pages[section];
  const from = (current - 1) * ITEM_ROWS_PER_PAGE + 1;
  return {
    from,
    to: from + shown - 1,
    paged: current > 1 || more,
    previous: current > 1 ? { href: hrefFor(current - 1) } : undefined,
    next: more ? { href: hrefFor(current + 1) } : undefined,
  };
}

/** The item page. */
export function itemPageRoutes({ inbox, flash }: InboxRouteDeps): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: ITEM,
      access: READ,
      audit: 'intelligence.item.view',
      s62: 'consultation',
      query: itemPageSchema,
      handle: async ({ res, params, query }) => {
        const id = idParam(params);
        const pages = { people: query.people ?? 1, links: query.links ?? 1 };
        const outcome = id ? await inbox.itemPage(inboxRequest(res), id, pages) : undefined;
        if (!outcome || outcome.kind !== 'done') return pageNotFound(res);
        const view = outcome.value;
        const { item } = view;
        const names = categories();
        const kept = await flash.take(res, `${INBOX}/items/${item.id}`);
        const page = `${INBOX}/items/${item.id}`;
        res.render(`${VIEWS}/item.njk`, {
          ...view,
          page,
          peoplePages: sectionPagination(
            page,
            pages,
            'people',
            view.involvementsPage.more,
            view.involvements.length,
          ),
          linkPages: sectionPagination(page, pages, 'links', view.linksPage.more, view.links.length),
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
