/** The intelligence inbox: the list, filtered by status, category and vulnerability, a page at a time. */
import { route, type RouteSpec } from '../../../web/routes.js';
import { VULNERABILITIES } from '../grading.js';
import {
  categories,
  INBOX,
  inboxRequest,
  type InboxRouteDeps,
  options,
  READ,
  selected,
  VIEWS,
} from './pages.js';
import {
  categoryLabels,
  excerpt,
  gradeOf,
  momentText,
  sourceTypeText,
  statusText,
  vulnerabilityText,
} from './present.js';
import { inboxFilterSchema, STATUSES } from './schemas.js';

/** The inbox list. */
export function inboxListRoutes({ inbox }: InboxRouteDeps): RouteSpec[] {
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
  ];
}
