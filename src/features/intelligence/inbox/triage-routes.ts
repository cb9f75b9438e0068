/** Triage of one item: grade, categorise and flag, ask the reporter, close with an outcome. */
import { route, type RouteSpec } from '../../../web/routes.js';
import {
  HANDLING,
  INFORMATION_ASSESSMENTS,
  OUTCOMES,
  SOURCE_EVALUATIONS,
  VULNERABILITIES,
} from '../grading.js';
import { categories, formHelpers, type InboxRouteDeps, ITEM, options, READ } from './pages.js';
import { dateParts, outcomeText } from './present.js';
import {
  categoriseSchema,
  closeSchema,
  gradeSchema,
  QUESTION_MAX,
  questionSchema,
  STATEMENT_KINDS,
} from './schemas.js';

/** Grade (3x5x2). */
export function gradeRoutes(deps: InboxRouteDeps): RouteSpec[] {
  const { inbox } = deps;
  const { backTo, itemCommand, itemForm } = formHelpers(deps);
  return [
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
      handle: itemCommand(
        '/grade',
        inbox.grade,
        (body) => `Graded ${body.sourceEvaluation}/${body.informationAssessment}/${body.handlingCode}`,
      ),
    }),
  ];
}

/** Categorise and flag. */
export function categoriseRoutes(deps: InboxRouteDeps): RouteSpec[] {
  const { inbox } = deps;
  const { backTo, itemCommand, itemForm } = formHelpers(deps);
  return [
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
      handle: itemCommand('/categorise', inbox.categorise, () => 'Categories and flags saved'),
    }),
  ];
}

/** Ask the reporter a question (public reports only). */
export function askRoutes(deps: InboxRouteDeps): RouteSpec[] {
  const { inbox } = deps;
  const { backTo, itemCommand, itemForm } = formHelpers(deps);
  return [
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
      handle: itemCommand(
        '/ask',
        (request, id, body: { question: string }) => inbox.ask(request, id, body.question),
        () => 'Your question has been sent. The reporter sees it when they come back with their receipt',
      ),
    }),
  ];
}

/** Close with an outcome. */
export function closeRoutes(deps: InboxRouteDeps): RouteSpec[] {
  const { inbox } = deps;
  const { backTo, itemCommand, itemForm } = formHelpers(deps);
  return [
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
      handle: itemCommand('/close', inbox.close, (body) => `Closed: ${outcomeText(body.outcome)}`),
    }),
  ];
}
