/** The partner submission form: an officer records what they saw. */
import { route, type RouteSpec } from '../../../web/routes.js';
import { HANDLING, INFORMATION_ASSESSMENTS, SOURCE_EVALUATIONS, VULNERABILITIES } from '../grading.js';
import {
  categories,
  formValues,
  INBOX,
  inboxRequest,
  type InboxRouteDeps,
  options,
  READ,
  VIEWS,
} from './pages.js';
import { STATEMENT_KINDS, SUBMISSION_MAX, submissionSchema } from './schemas.js';

/** The submission form and its post. */
export function submissionRoutes({ inbox, flash }: InboxRouteDeps): RouteSpec[] {
  return [
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
  ];
}

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
