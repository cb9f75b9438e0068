/** What the library's filter and the coordinator's forms accept, with GOV.UK-worded messages. */
import { z } from 'zod';
import { LIFESTYLE_AREAS, STRANDS, SUGGESTED_FOR, TACTIC_KEY } from './vocabulary.js';

const keys = <T extends object>(table: T) =>
  Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];

/** The library's GET filter: every field optional, '' meaning any. */
export const tacticFilterSchema = z.strictObject({
  strand: z.union([z.enum(keys(STRANDS)), z.literal('')]).optional(),
  area: z.union([z.enum(keys(LIFESTYLE_AREAS)), z.literal('')]).optional(),
  agency: z.string().trim().max(200).optional(),
  words: z.string().trim().max(200).optional(),
  retired: z.enum(['yes', '']).optional(),
  /** What a tactic is suggested for ('person', 'principal', 'category:<slug>'...), in the vocabulary. */
  suggestedFor: z
    .string()
    .trim()
    .max(80)
    .refine(
      (value) => value === '' || SUGGESTED_FOR.includes(value),
      'Select what the tactic is for from the list',
    )
    .optional(),
});

const text = (max: number, empty: string, long: string) => z.string().trim().min(1, empty).max(max, long);

/** Checkboxes arrive as nothing, one value or several: always an array here. */
const checkboxes = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value: unknown): unknown[] =>
      value === undefined || value === '' ? [] : Array.isArray(value) ? (value as unknown[]) : [value],
    z.array(item),
  );

const part = z.string().trim().max(4).optional();

/** A real date from the GOV.UK date input's three fields, not in the future. */
function readDate(value: Record<string, unknown>, ctx: z.RefinementCtx, today: string): string {
  const [day = '', month = '', year = ''] = ['day', 'month', 'year'].map((p) => {
    const given = value[`verifiedOn-${p}`];
    return typeof given === 'string' ? given : '';
  });
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const real =
    /^\d{1,2}$/.test(day) &&
    /^\d{1,2}$/.test(month) &&
    /^\d{4}$/.test(year) &&
    date.getUTCDate() === Number(day) &&
    date.getUTCMonth() === Number(month) - 1;
  if (!day && !month && !year) {
    ctx.addIssue({ code: 'custom', path: ['verifiedOn-day'], message: 'Enter the date it was last checked' });
    return '';
  }
  if (!real) {
    ctx.addIssue({
      code: 'custom',
      path: ['verifiedOn-day'],
      message: 'Date last checked must be a real date',
    });
    return '';
  }
  const iso = date.toISOString().slice(0, 10);
  if (iso > today) {
    ctx.addIssue({
      code: 'custom',
      path: ['verifiedOn-day'],
      message: 'Date last checked must be today or in the past',
    });
  }
  return iso;
}

const fields = {
  name: text(200, 'Enter the name of the tactic', 'Name must be 200 characters or fewer'),
  strand: z.enum(keys(STRANDS), { error: 'Select the 4P strand' }),
  lifestyleArea: z.enum(keys(LIFESTYLE_AREAS), { error: 'Select the lifestyle area it targets' }),
  agencyKind: text(
    200,
    'Enter the kind of agency that holds the power',
    'Agency must be 200 characters or fewer',
  ),
  description: text(2000, 'Enter what the tactic is', 'Description must be 2000 characters or fewer'),
  legalBasis: text(
    1000,
    'Enter the legal basis, or say it is non-statutory',
    'Legal basis must be 1000 characters or fewer',
  ),
  requirements: text(
    1000,
    'Enter what it needs: the threshold and who authorises it',
    'What it needs must be 1000 characters or fewer',
  ),
  typicalImpact: text(1000, 'Enter its typical impact', 'Typical impact must be 1000 characters or fewer'),
  whoCanHelp: text(1000, 'Enter who can help', 'Who can help must be 1000 characters or fewer'),
  suggestedFor: checkboxes(z.string().refine((v) => SUGGESTED_FOR.includes(v), 'Select from the list')),
  source: text(
    500,
    'Enter where it was checked, for example the legislation.gov.uk page',
    'Source must be 500 characters or fewer',
  ),
  'verifiedOn-day': part,
  'verifiedOn-month': part,
  'verifiedOn-year': part,
};

type Fields = z.output<z.ZodObject<typeof fields>>;

function toTactic(value: Fields, ctx: z.RefinementCtx, today: string) {
  return {
    name: value.name,
    strand: value.strand,
    lifestyle_area: value.lifestyleArea,
    agency_kind: value.agencyKind,
    description: value.description,
    legal_basis: value.legalBasis,
    requirements: value.requirements,
    typical_impact: value.typicalImpact,
    who_can_help: value.whoCanHelp,
    suggested_for: [...new Set(value.suggestedFor)],
    source: value.source,
    verified_on: readDate(value, ctx, today),
  };
}

/** Editing a tactic: every field but its key (what plans refer to it by). */
export const tacticSchema = (today: () => string) =>
  z.strictObject(fields).transform((value, ctx) => toTactic(value, ctx, today()));

/** Adding one: the fields and a new key. */
export const newTacticSchema = (today: () => string) =>
  z
    .strictObject({
      key: z
        .string()
        .trim()
        .regex(
          TACTIC_KEY,
          'Key must be 2 to 80 lower case letters, digits and dashes, for example closure-order',
        ),
      ...fields,
    })
    .transform((value, ctx) => ({ key: value.key, ...toTactic(value, ctx, today()) }));

export const confirmSchema = z.strictObject({});
