/** What the plan pages' forms accept, with GOV.UK-worded messages. */
import { z } from 'zod';
import {
  ACTION_STATUSES,
  IMPACT_RATINGS,
  REFERRAL_ROUTES,
  REFERRAL_STATUSES,
  VICTIM_KINDS,
} from './queries.js';
import { STRANDS } from './suggestions.js';

const keys = <T extends object>(table: T) =>
  Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : null));

const optionalId = (message: string) =>
  z
    .union([z.uuid({ error: message }), z.literal('')])
    .optional()
    .transform((value) => (value ? value.toLowerCase() : null));

/** A date from the GOV.UK date input's three fields; all empty means none. */
function dateFields(prefix: string, label: string) {
  const part = z.string().trim().max(4).optional();
  return {
    shape: { [`${prefix}-day`]: part, [`${prefix}-month`]: part, [`${prefix}-year`]: part },
    read(value: Record<string, unknown>, ctx: z.RefinementCtx): string | null {
      const [day = '', month = '', year = ''] = ['day', 'month', 'year'].map((p) => {
        const v = value[`${prefix}-${p}`];
        return typeof v === 'string' ? v : '';
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

const lines = (text: string | null) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const objectiveFields = Object.fromEntries(
  STRANDS.map((strand) => [
    `objectives-${strand}`,
    optionalText(5000, 'Objectives must be 5000 characters or fewer'),
  ]),
) as Record<`objectives-${(typeof STRANDS)[number]}`, ReturnType<typeof optionalText>>;

export const newPlanQuerySchema = z.strictObject({
  q: z.string().trim().max(200, 'Name must be 200 characters or fewer').optional(),
});

export const newPlanSchema = z
  .strictObject({
    title: z
      .string({ error: 'Enter a title for the plan' })
      .trim()
      .min(1, 'Enter a title for the plan')
      .max(200, 'Title must be 200 characters or fewer'),
    about: z.enum(['ocg', 'entity'], { error: 'Select what the plan is about' }),
    ocg: optionalId('Select an OCG from the list'),
    entity: optionalId('Select a place or person from the list'),
    q: z.string().max(200).optional(),
    owner: z.union([z.email({ error: 'Enter the plan owner’s email address' }), z.literal('')]).optional(),
    classification: z.enum(['OFFICIAL', 'OFFICIAL-SENSITIVE'], { error: 'Select a classification' }),
    handling: z.enum(['P', 'C'], { error: 'Select a handling code' }),
    handlingConditions: optionalText(1000, 'Conditions must be 1000 characters or fewer'),
    ...objectiveFields,
  })
  .transform((value, ctx) => {
    if (value.about === 'ocg' && !value.ocg)
      ctx.addIssue({ code: 'custom', path: ['ocg'], message: 'Select the OCG' });
    if (value.about === 'entity' && !value.entity)
      ctx.addIssue({ code: 'custom', path: ['entity'], message: 'Find and select the place or person' });
    if (value.handling === 'C' && !value.handlingConditions)
      ctx.addIssue({
        code: 'custom',
        path: ['handlingConditions'],
        message: 'Enter the conditions for sharing, as handling code C needs them',
      });
    const objectives = STRANDS.flatMap((strand) =>
      lines(value[`objectives-${strand}`]).map((objective) => ({ strand, objective })),
    );
    if (objectives.some((o) => o.objective.length > 1000))
      ctx.addIssue({
        code: 'custom',
        path: ['objectives-pursue'],
        message: 'Each objective must be 1000 characters or fewer',
      });
    return {
      title: value.title,
      ocgId: value.about === 'ocg' ? value.ocg : null,
      subjectEntityId: value.about === 'entity' ? value.entity : null,
      owner: value.owner || null,
      classification: value.classification,
      handlingCode: value.handling,
      handlingConditions: value.handling === 'C' ? value.handlingConditions : null,
      objectives,
    };
  });
export type NewPlan = z.output<typeof newPlanSchema>;

export const actionQuerySchema = z.strictObject({
  tactic: z.uuid().optional(),
  target: z.uuid().optional(),
});

const dueOn = dateFields('dueOn', 'Due date');
export const newActionSchema = z
  .strictObject({
    tactic: optionalId('Select a tactic from the library'),
    strand: z.enum(STRANDS as [string, ...string[]], { error: 'Select the 4P strand' }),
    description: z
      .string({ error: 'Describe the action' })
      .trim()
      .min(1, 'Describe the action')
      .max(2000, 'Description must be 2000 characters or fewer'),
    agency: z.uuid({ error: 'Select the agency that will carry it out' }),
    officer: z.union([z.email({ error: 'Enter the officer’s email address' }), z.literal('')]).optional(),
    target: optionalId('Select a target from the list'),
    ...dueOn.shape,
  })
  .transform((value, ctx) => ({
    tacticId: value.tactic,
    strand: value.strand as (typeof STRANDS)[number],
    description: value.description,
    agencyId: value.agency.toLowerCase(),
    officer: value.officer || null,
    targetEntityId: value.target,
    dueOn: dueOn.read(value, ctx),
  }));
export type NewAction = z.output<typeof newActionSchema>;

export const RATIONALE_MIN = 10;
export const updateActionSchema = z
  .strictObject({
    status: z.enum(keys(ACTION_STATUSES), { error: 'Select the status' }),
    outcome: optionalText(5000, 'Outcome must be 5000 characters or fewer'),
    rating: z
      .union([z.enum(keys(IMPACT_RATINGS)), z.literal('')], {
        error: 'Select a disruption impact rating from the list',
      })
      .optional(),
    rationale: optionalText(5000, 'Rationale must be 5000 characters or fewer'),
    evidence: optionalText(5000, 'Evidence must be 5000 characters or fewer'),
  })
  .transform((value) => ({
    status: value.status,
    outcome: value.outcome,
    rating: value.rating || null,
    rationale: value.rationale,
    evidence: value.evidence,
  }));
export type ActionUpdate = z.output<typeof updateActionSchema>;

export const reviewSchema = z.strictObject({
  note: optionalText(2000, 'Note must be 2000 characters or fewer'),
});

const referralDue = dateFields('dueOn', 'Due date');
export const newReferralSchema = z
  .strictObject({
    victim: z.uuid({ error: 'Select the victim' }),
    victimKind: z.enum(keys(VICTIM_KINDS), { error: 'Select the kind of victim' }),
    route: z.enum(keys(REFERRAL_ROUTES), { error: 'Select the referral route' }),
    routeNote: optionalText(500, 'Route details must be 500 characters or fewer'),
    reason: z
      .string({ error: 'Enter the reason for the referral' })
      .trim()
      .min(1, 'Enter the reason for the referral')
      .max(5000, 'Reason must be 5000 characters or fewer'),
    ...referralDue.shape,
  })
  .transform((value, ctx) => ({
    victimEntityId: value.victim.toLowerCase(),
    victimKind: value.victimKind,
    route: value.route,
    routeNote: value.routeNote,
    reason: value.reason,
    dueOn: referralDue.read(value, ctx),
  }));
export type NewReferral = z.output<typeof newReferralSchema>;

const referredOn = dateFields('referredOn', 'Date referred');
export const updateReferralSchema = z
  .strictObject({
    status: z.enum(keys(REFERRAL_STATUSES), { error: 'Select the status' }),
    outcome: optionalText(5000, 'Outcome must be 5000 characters or fewer'),
    ...referredOn.shape,
  })
  .transform((value, ctx) => {
    const date = referredOn.read(value, ctx);
    if (value.status !== 'to-make' && !date)
      ctx.addIssue({
        code: 'custom',
        path: ['referredOn-day'],
        message: 'Enter the date the referral was made',
      });
    return { status: value.status, outcome: value.outcome, referredOn: date };
  });
export type ReferralUpdate = z.output<typeof updateReferralSchema>;

export const exportQuerySchema = z.strictObject({
  acknowledge: z.literal('yes').optional(),
});

export const referralQuerySchema = z.strictObject({ victim: z.uuid().optional() });
