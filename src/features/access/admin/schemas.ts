/** What the administration forms accept, with GOV.UK-worded messages. */
import { z } from 'zod';
import { AGENCY_KINDS } from '../accounts.js';
import { CLASSIFICATIONS } from '../markings.js';
import { MAX_PASSWORD_LENGTH } from '../password-policy.js';
import { RECORD_TYPES } from '../policy.js';
import { ROLES, type Role } from '../roles.js';

/** Record types that carry markings: the only ones a sharing rule means anything for. */
export const SHAREABLE_RECORD_TYPES = Object.entries(RECORD_TYPES)
  .filter(([, rule]) => rule.marked)
  .map(([type]) => type);

export const RECORD_TYPE_NAMES: Record<string, string> = { 'public-report': 'Public reports' };

const ROLE_NAMES = Object.keys(ROLES) as [Role, ...Role[]];

const uuid = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .pipe(z.uuid({ error: message }));

/** Checkboxes arrive as nothing, one value or several: always an array here. */
const checkboxes = <T extends z.ZodType>(item: T, message: string) =>
  z.preprocess(
    (value: unknown): unknown[] =>
      value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value],
    z.array(item, { error: message }).min(1, message),
  );

const agencyCode = z
  .string({ error: 'Enter a code for the agency' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter a code for the agency')
  .regex(
    /^[a-z0-9][a-z0-9-]{1,62}$/,
    'Code must be 2 to 63 letters, numbers or hyphens, starting with a letter or number',
  );

export const newAgencySchema = z.strictObject({
  code: agencyCode,
  name: z
    .string({ error: 'Enter the name of the agency' })
    .trim()
    .min(1, 'Enter the name of the agency')
    .max(200, 'Name must be 200 characters or fewer'),
  organisation: z
    .string({ error: 'Enter the organisation the agency belongs to' })
    .trim()
    .min(1, 'Enter the organisation the agency belongs to')
    .max(200, 'Organisation must be 200 characters or fewer'),
  kind: z.enum(AGENCY_KINDS, { error: 'Select what kind of agency it is' }),
});

export const receivingAgencySchema = z.strictObject({
  agency: uuid('Select the agency that receives reports from the public'),
});

export const userFilterSchema = z.strictObject({
  agency: z.string().max(63).optional(),
  role: z.union([z.enum(ROLE_NAMES), z.literal('')]).optional(),
});

const accessFields = {
  roles: checkboxes(z.enum(ROLE_NAMES, { error: 'Select a role from the list' }), 'Select at least one role'),
  clearance: z.enum(CLASSIFICATIONS, { error: 'Select the highest classification they may read' }),
};

export const newUserSchema = z.strictObject({
  email: z
    .string({ error: 'Enter their email address' })
    .trim()
    .toLowerCase()
    .min(1, 'Enter their email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .regex(
      /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
      'Enter an email address in the correct format, like name@example.com',
    ),
  displayName: z
    .string({ error: 'Enter their full name' })
    .trim()
    .min(1, 'Enter their full name')
    .max(200, 'Full name must be 200 characters or fewer'),
  agency: z.string({ error: 'Select their agency' }).trim().min(1, 'Select their agency'),
  ...accessFields,
});

export const accessSchema = z.strictObject(accessFields);

/** A button with nothing but the CSRF token. */
export const confirmSchema = z.strictObject({});

export const sharingRuleSchema = z
  .strictObject({
    owner: uuid('Select the agency that owns the records'),
    partner: uuid('Select the agency they are shared with'),
    recordType: z.enum(SHAREABLE_RECORD_TYPES as [string, ...string[]], {
      error: 'Select the type of record to share',
    }),
  })
  .refine((rule) => rule.owner !== rule.partner, {
    path: ['partner'],
    message: 'Select a different agency from the one that owns the records',
  });

export const changePasswordSchema = z.strictObject({
  currentPassword: z
    .string({ error: 'Enter your current password' })
    .min(1, 'Enter your current password')
    .max(MAX_PASSWORD_LENGTH, 'Enter your current password'),
  newPassword: z.string({ error: 'Enter a new password' }).min(1, 'Enter a new password'),
});
