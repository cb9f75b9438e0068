/** What the inbox's filters and forms accept, with GOV.UK-worded messages. */
import { z } from 'zod';
import { REPORT_CATEGORIES } from '../../reports/categories.js';
import { SOC_CATEGORY_CODES } from '../../vocabularies/soc-categories.js';
import { INFORMATION_ASSESSMENTS, OUTCOMES, SOURCE_EVALUATIONS, VULNERABILITIES } from '../grading.js';

/** The nine SOC categories an item may carry (features/vocabularies/soc-categories.ts). */
export const SOC_CATEGORIES = SOC_CATEGORY_CODES;

/** Each category's name, in the words of the public report form (the same codes). */
export const CATEGORY_NAMES: readonly { slug: string; name: string }[] = SOC_CATEGORIES.map((slug) => ({
  slug,
  name: REPORT_CATEGORIES[slug].label,
}));

export const STATUSES = { new: 'New', 'in-progress': 'In progress', closed: 'Closed' } as const;
export const STATEMENT_KINDS = {
  fact: 'Fact: something seen or heard',
  assessment: 'Assessment: someone’s judgement',
} as const;

const keys = <T extends object>(table: T) =>
  Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];

/** Checkboxes arrive as nothing, one value or several: always an array here. */
const checkboxes = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value: unknown): unknown[] =>
      value === undefined || value === '' ? [] : Array.isArray(value) ? (value as unknown[]) : [value],
    z.array(item),
  );

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : null));

/** A date from the GOV.UK date input's three fields; all empty means none. */
function dateFields(prefix: string, label: string) {
  const part = z.string().trim().max(4).optional();
  return {
    shape: { [`${prefix}-day`]: part, [`${prefix}-month`]: part, [`${prefix}-year`]: part },
    read(value: Record<string, unknown>, ctx: z.RefinementCtx): string | null {
      const [day = '', month = '', year = ''] = ['day', 'month', 'year'].map((p) => {
        const part = value[`${prefix}-${p}`];
        return typeof part === 'string' ? part : '';
      });
      if (!day && !month && !year) return null;
      const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
      const valid =
        /^\d{1,2}$/.test(day) &&
        /^\d{1,2}$/.test(month) &&
        /^\d{4}$/.test(year) &&
        date.getUTCDate() === Number(day) &&
        date.getUTCMonth() === Number(month) - 1;
      if (!valid) {
        ctx.addIssue({ code: 'custom', path: [`${prefix}-day`], message: `${label} must be a real date` });
        return null;
      }
      return date.toISOString().slice(0, 10);
    },
  };
}

export const inboxFilterSchema = z.strictObject({
  status: z.union([z.enum(keys(STATUSES)), z.literal('all')]).optional(),
  category: z.union([z.enum(SOC_CATEGORIES), z.literal('')]).optional(),
  vulnerability: z.union([z.enum(keys(VULNERABILITIES)), z.literal('')]).optional(),
  page: z
    .string()
    .regex(/^[1-9]\d{0,4}$/)
    .optional(),
});

const sectionPage = z
  .string()
  .regex(/^[1-9]\d{0,5}$/, 'Page must be a whole number from 1')
  .transform(Number)
  .optional();

/** The item page: which page of its people and of its links. */
export const itemPageSchema = z.strictObject({ people: sectionPage, links: sectionPage });

const CONDITIONS_MESSAGE = 'Enter the conditions for sharing, as handling code C needs them';

const reviewDate = dateFields('reviewOn', 'Review date');
export const gradeSchema = z
  .strictObject({
    sourceEvaluation: z.enum(keys(SOURCE_EVALUATIONS), { error: 'Select how reliable the source is' }),
    informationAssessment: z.enum(keys(INFORMATION_ASSESSMENTS), {
      error: 'Select how the source knows the information',
    }),
    handling: z.enum(['P', 'C'], { error: 'Select a handling code' }),
    handlingConditions: optionalText(1000, 'Conditions must be 1000 characters or fewer'),
    statementKind: z.enum(keys(STATEMENT_KINDS), { error: 'Select whether it is a fact or an assessment' }),
    ...reviewDate.shape,
  })
  .transform((value, ctx) => {
    if (value.handling === 'C' && !value.handlingConditions) {
      ctx.addIssue({ code: 'custom', path: ['handlingConditions'], message: CONDITIONS_MESSAGE });
    }
    return {
      sourceEvaluation: value.sourceEvaluation,
      informationAssessment: value.informationAssessment,
      handlingCode: value.handling,
      handlingConditions: value.handling === 'C' ? value.handlingConditions : null,
      statementKind: value.statementKind,
      reviewOn: reviewDate.read(value, ctx),
    };
  });

export const categoriseSchema = z.strictObject({
  categories: checkboxes(z.enum(SOC_CATEGORIES, { error: 'Select categories from the list' })),
  vulnerabilities: checkboxes(z.enum(keys(VULNERABILITIES), { error: 'Select flags from the list' })),
  area: optionalText(100, 'Area must be 100 characters or fewer'),
});

export const QUESTION_MAX = 2000;
export const questionSchema = z.strictObject({
  question: z
    .string({ error: 'Enter your question for the reporter' })
    .trim()
    .min(1, 'Enter your question for the reporter')
    .max(QUESTION_MAX, `Question must be ${QUESTION_MAX} characters or fewer`),
});

export const closeSchema = z.strictObject({
  outcome: z.enum(keys(OUTCOMES), { error: 'Select the outcome' }),
  note: optionalText(2000, 'Note must be 2000 characters or fewer'),
});

export const BODY_MAX = 20000;
export const sanitiseSchema = z.strictObject({
  body: z
    .string({ error: 'Enter the sanitised text' })
    .trim()
    .min(1, 'Enter the sanitised text')
    .max(BODY_MAX, `Sanitised text must be ${BODY_MAX} characters or fewer`),
});

export const confirmSchema = z.strictObject({});

export const shareSchema = z.strictObject({
  agencies: checkboxes(z.uuid({ error: 'Select agencies from the list' })).pipe(
    z.array(z.string()).min(1, 'Select at least one agency to share with'),
  ),
  acknowledge: z
    .literal('yes', { error: 'Confirm you have read the conditions and will share on them' })
    .optional(),
});

export const SUBMISSION_MAX = 5000;
const seenOn = dateFields('seenOn', 'Date seen');
export const submissionSchema = z
  .strictObject({
    what: z
      .string({ error: 'Enter what you saw' })
      .trim()
      .min(1, 'Enter what you saw')
      .max(SUBMISSION_MAX, `What you saw must be ${SUBMISSION_MAX} characters or fewer`),
    ...seenOn.shape,
    area: optionalText(100, 'Where must be 100 characters or fewer'),
    categories: checkboxes(z.enum(SOC_CATEGORIES, { error: 'Select categories from the list' })),
    vulnerabilities: checkboxes(z.enum(keys(VULNERABILITIES), { error: 'Select flags from the list' })),
    statementKind: z.enum(keys(STATEMENT_KINDS), { error: 'Select whether it is a fact or an assessment' }),
    sourceEvaluation: z.union([z.enum(keys(SOURCE_EVALUATIONS)), z.literal('')]).optional(),
    informationAssessment: z.union([z.enum(keys(INFORMATION_ASSESSMENTS)), z.literal('')]).optional(),
    handling: z.enum(['P', 'C'], { error: 'Select a handling code' }),
    handlingConditions: optionalText(1000, 'Conditions must be 1000 characters or fewer'),
  })
  .transform((value, ctx) => {
    const occurredOn = seenOn.read(value, ctx);
    if (occurredOn && occurredOn > new Date().toISOString().slice(0, 10)) {
      ctx.addIssue({
        code: 'custom',
        path: ['seenOn-day'],
        message: 'Date seen must be today or in the past',
      });
    }
    if (value.handling === 'C' && !value.handlingConditions) {
      ctx.addIssue({ code: 'custom', path: ['handlingConditions'], message: CONDITIONS_MESSAGE });
    }
    const source = value.sourceEvaluation || null;
    const information = value.informationAssessment || null;
    if ((source === null) !== (information === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [source ? 'informationAssessment' : 'sourceEvaluation'],
        message: 'To grade it, select both the source evaluation and the information assessment, or neither',
      });
    }
    return {
      what: value.what,
      occurredOn,
      area: value.area,
      categories: value.categories,
      vulnerabilities: value.vulnerabilities,
      statementKind: value.statementKind,
      grade: source && information ? { sourceEvaluation: source, informationAssessment: information } : null,
      handlingCode: value.handling,
      handlingConditions: value.handling === 'C' ? value.handlingConditions : null,
    };
  });
