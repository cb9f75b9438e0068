/** What the OCG register's forms and filters accept, with GOV.UK-worded messages. */
import { z } from 'zod';
import { CATEGORY_NAMES, SOC_CATEGORIES } from '../intelligence/index.js';
import { MEMBER_ROLES, OCG_STATUSES, type MemberRole, type OcgStatus } from './queries.js';

const statuses = Object.keys(OCG_STATUSES) as [OcgStatus, ...OcgStatus[]];
const roles = Object.keys(MEMBER_ROLES) as [MemberRole, ...MemberRole[]];

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

export const categoryOptions = CATEGORY_NAMES.map((c) => ({ value: c.slug, text: c.name }));
export const categoryName = (slug: string): string =>
  CATEGORY_NAMES.find((c) => c.slug === slug)?.name ?? slug;

export const listFilterSchema = z.strictObject({
  category: z.union([z.enum(SOC_CATEGORIES), z.literal('')]).optional(),
  area: z.string().trim().max(100, 'Area must be 100 characters or fewer').optional(),
  status: z.union([z.enum(statuses), z.literal('all'), z.literal('')]).optional(),
});

export const newOcgSchema = z
  .strictObject({
    name: z
      .string({ error: 'Enter the OCG’s name' })
      .trim()
      .min(1, 'Enter the OCG’s name')
      .max(200, 'Name must be 200 characters or fewer'),
    operationName: optionalText(200, 'Operation name must be 200 characters or fewer'),
    categories: checkboxes(z.enum(SOC_CATEGORIES, { error: 'Select categories from the list' })).refine(
      (list) => list.length > 0,
      'Select at least one category of crime',
    ),
    // One area a line: towns, wards or beats, in the partnership's own words.
    areas: z
      .string()
      .max(2000, 'Areas must be 2000 characters or fewer')
      .optional()
      .transform((text) => [
        ...new Set(
          (text ?? '')
            .split(/\r?\n|,/)
            .map((a) => a.trim())
            .filter(Boolean),
        ),
      ])
      .refine((list) => list.every((a) => a.length <= 100), 'Each area must be 100 characters or fewer'),
    status: z.enum(statuses, { error: 'Select the status' }),
    leadAgency: z.uuid({ error: 'Select the lead agency' }),
    summary: optionalText(5000, 'Summary must be 5000 characters or fewer'),
    classification: z.enum(['OFFICIAL', 'OFFICIAL-SENSITIVE'], { error: 'Select the classification' }),
    handling: z.enum(['P', 'C'], { error: 'Select the handling code' }),
    conditions: optionalText(1000, 'Conditions must be 1000 characters or fewer'),
  })
  .superRefine((value, ctx) => {
    if (value.handling === 'C' && !value.conditions) {
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'Enter the conditions for sharing' });
    }
  });
export type NewOcgAnswers = z.infer<typeof newOcgSchema>;

export const memberSearchSchema = z.strictObject({
  q: z.string().trim().max(200, 'Name must be 200 characters or fewer').optional(),
});

const itemReference = z
  .string()
  .trim()
  .max(20, 'Enter a reference like INT-000123')
  .optional()
  .transform((value) => (value ? value.toUpperCase() : null))
  .refine((value) => value === null || /^INT-\d{1,12}$/.test(value), 'Enter a reference like INT-000123');

export const newMemberSchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  entity: z.uuid({ error: 'Choose who or what to add' }),
  role: z.enum(roles, { error: 'Select the role in the group' }),
  roleNote: optionalText(500, 'Note must be 500 characters or fewer'),
  item: itemReference,
  statement: optionalText(500, 'Statement must be 500 characters or fewer'),
});
export type NewMemberAnswers = z.infer<typeof newMemberSchema>;

export const newSourceSchema = z.strictObject({
  item: itemReference.refine((value) => value !== null, 'Enter the item’s reference, like INT-000123'),
  statement: z
    .string({ error: 'Enter what the item supports' })
    .trim()
    .min(1, 'Enter what the item supports')
    .max(500, 'Statement must be 500 characters or fewer'),
  member: z.union([z.uuid(), z.literal('')]).optional(),
});
export type NewSourceAnswers = z.infer<typeof newSourceSchema>;

export const statusSchema = z.strictObject({
  status: z.enum(statuses, { error: 'Select the status' }),
});

/**
 * The assessment form: one score (`score-<dimension>`) and one rationale (`rationale-<dimension>`)
 * per dimension of the chosen model. Which dimensions exist depends on the model, so the fields
 * are checked against it by scoring.ts in the service; here only their form.
 */
export const assessSchema = z
  .object({
    model: z.uuid({ error: 'Choose a scoring model' }),
    unknowns: optionalText(5000, 'Unknowns must be 5000 characters or fewer'),
  })
  .catchall(z.string().max(5000, 'Each answer must be 5000 characters or fewer'))
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!['model', 'unknowns'].includes(key) && !/^(score|rationale)-[a-z0-9-]{2,60}$/.test(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'This form has no such field' });
      }
    }
  });
export type AssessAnswers = z.infer<typeof assessSchema>;

export const assessQuerySchema = z.strictObject({
  model: z.uuid().optional(),
});

export const newModelSchema = z.strictObject({
  key: z
    .string({ error: 'Enter the model’s key' })
    .trim()
    .regex(/^[a-z0-9-]{2,60}$/, 'Key must be 2 to 60 lower-case letters, digits or hyphens'),
  name: z
    .string({ error: 'Enter the model’s name' })
    .trim()
    .min(1, 'Enter the model’s name')
    .max(200, 'Name must be 200 characters or fewer'),
  description: z
    .string({ error: 'Describe the model' })
    .trim()
    .min(1, 'Describe the model')
    .max(5000, 'Description must be 5000 characters or fewer'),
  definition: z
    .string({ error: 'Paste the model’s definition' })
    .trim()
    .min(1, 'Paste the model’s definition')
    .max(100_000, 'The definition must be 100,000 characters or fewer'),
  makeDefault: z.enum(['yes', 'no'], { error: 'Say whether this becomes the default model' }),
});
export type NewModelAnswers = z.infer<typeof newModelSchema>;

export const makeDefaultSchema = z.strictObject({});
