/** The reporting forms' schemas, with GOV.UK-worded messages. */
import { z } from 'zod';
import { CATEGORY_CODES } from './categories.js';
import { ReceivedFile } from './multipart.js';
import { parseReceipt } from './receipt.js';

const optionalText = (max: number, name: string) =>
  z
    .string()
    .trim()
    .max(max, `${name} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => (value ? value : null));

const datePart = z.string().trim().max(4, 'Enter a real date').optional().default('');

/** The answers themselves, as the first page sends them and the check page carries them on. */
const answerFields = {
  what: z
    .string({ error: 'Tell us what is happening' })
    .trim()
    .min(1, 'Tell us what is happening')
    .max(5000, 'What is happening must be 5000 characters or fewer'),
  category: z.enum(CATEGORY_CODES, { error: 'Select what your report is about, or "I am not sure"' }),
  where: optionalText(1000, 'Where it is happening'),
  'when-day': datePart,
  'when-month': datePart,
  'when-year': datePart,
  whenDetail: optionalText(1000, 'More about when'),
  who: optionalText(2000, 'Who is involved'),
  /** A file already checked and held for this report (see reports.ts holdFile). */
  fileToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'Add your file again')
    .optional(),
};

type DateParts = { 'when-day': string; 'when-month': string; 'when-year': string };

/** GOV.UK date input rules: all three parts or none; a real date; not in the future. */
function checkDate(value: DateParts, ctx: z.RefinementCtx): void {
  const parts = [value['when-day'], value['when-month'], value['when-year']];
  if (parts.every((part) => part === '')) return;
  const [day, month, year] = parts.map((part) => (/^\d+$/.test(part) ? Number(part) : NaN)) as [
    number,
    number,
    number,
  ];
  const missing = (['day', 'month', 'year'] as const).filter((_name, i) => parts[i] === '');
  if (missing.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: [`when-${missing[0] ?? 'day'}`],
      message: `The date must include a ${missing.join(' and ')}`,
    });
    return;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    Number.isInteger(day) &&
    Number.isInteger(month) &&
    Number.isInteger(year) &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  if (!real || year < 1900) {
    ctx.addIssue({
      code: 'custom',
      path: ['when-day'],
      message: 'The date must be a real date, like 27 3 2025',
    });
    return;
  }
  if (date.getTime() > Date.now()) {
    ctx.addIssue({ code: 'custom', path: ['when-day'], message: 'The date must be today or in the past' });
  }
}

/**
 * Check the date even when other answers are wrong, so the person sees every problem at once
 * (zod skips object-level checks after a failed field unless told when to run them).
 */
const alwaysWithDateParts = {
  when: (payload: { value: unknown }) => {
    const value = payload.value as Record<string, unknown> | null;
    return (
      typeof value === 'object' &&
      value !== null &&
      ['when-day', 'when-month', 'when-year'].every((k) => typeof (value[k] ?? '') === 'string')
    );
  },
};

function isoDate(value: DateParts): string | null {
  if (!value['when-year']) return null;
  const pad = (part: string, size: number) => part.padStart(size, '0');
  return `${pad(value['when-year'], 4)}-${pad(value['when-month'], 2)}-${pad(value['when-day'], 2)}`;
}

const withDate = <T extends DateParts>(value: T) => ({ ...value, whenDate: isoDate(value) });

/** The first page: answers and an optional file (multipart). */
export function reportFormSchema(maxFileBytes: number) {
  const megabytes = Math.floor(maxFileBytes / (1024 * 1024));
  return z
    .strictObject({
      ...answerFields,
      file: z
        .instanceof(ReceivedFile)
        .optional()
        .refine((file) => !file?.tooLarge, `The selected file must be smaller than ${megabytes} MB`),
    })
    .superRefine(checkDate, alwaysWithDateParts)
    .transform(withDate);
}

/** The check page: the same answers carried in hidden fields, and what to do with the file. */
export const sendSchema = z
  .strictObject({
    ...answerFields,
    fileChoice: z.enum(['send', 'remove'], { error: 'Select whether to send your file' }).optional(),
    /** The receipt drawn for this report when the answers were checked (reports.ts draftReceipt). */
    draft: z.string().max(200).optional(),
  })
  .superRefine(checkDate, alwaysWithDateParts)
  .superRefine((value, ctx) => {
    if (value.fileToken && !value.fileChoice) {
      ctx.addIssue({ code: 'custom', path: ['fileChoice'], message: 'Select whether to send your file' });
    }
  })
  .transform(withDate);

/** "Change your answers" from the check page: the answers, unchecked (the form checks them again). */
export const changeSchema = z.strictObject({
  what: z.string().max(20_000).optional(),
  category: z.string().max(100).optional(),
  where: z.string().max(20_000).optional(),
  'when-day': z.string().max(10).optional(),
  'when-month': z.string().max(10).optional(),
  'when-year': z.string().max(10).optional(),
  whenDetail: z.string().max(20_000).optional(),
  who: z.string().max(20_000).optional(),
  fileToken: answerFields.fileToken,
});

export const returnSchema = z.strictObject({
  receipt: z
    .string({ error: 'Enter your receipt code' })
    .trim()
    .min(1, 'Enter your receipt code')
    .max(100, 'Enter your receipt code exactly as it was shown to you')
    .refine((code) => parseReceipt(code) !== null, {
      message: 'Enter your receipt code exactly as it was shown to you: 36 letters and numbers',
    }),
});

const accessField = z.string({ error: 'Enter your receipt code again' }).max(200);

export const conversationSchema = z.strictObject({ access: accessField });

export const addSchema = z.strictObject({
  access: accessField,
  information: z
    .string({ error: 'Enter the information you want to add' })
    .trim()
    .min(1, 'Enter the information you want to add')
    .max(5000, 'The information must be 5000 characters or fewer'),
});
