/**
 * How a plan reads outside Lantern: the CSV the partnership meeting receives, one row per plan,
 * objective, action and safeguarding referral, each with its marking.
 */
import type { Strand } from '../../db/tables.js';
import { csvDocument } from '../audit/csv.js';
import type { Marking } from '../access/markings.js';
import type { ActionRow } from './action-queries.js';
import type { PlanSummary } from './plan-summary.js';
import type { Plan } from './queries.js';
import type { ReferralRow } from './referral-queries.js';
import { STRAND_NAMES } from './suggestions.js';

/** What the file holds: the viewer's exported actions and (victims:read) referrals. */
export interface PlanCsvContent {
  objectives: { strand: Strand; objective: string }[];
  actions: ActionRow[];
  referrals: ReferralRow[];
}

type Row = (string | number | null)[];

const HEADINGS = [
  'Record',
  'Plan',
  'Strand',
  'Description',
  'Tactic or route',
  'Agency',
  'Officer or owner',
  'Target',
  'Due',
  'Status',
  'Outcome',
  'Impact rating',
  'Rationale',
  'Marking',
];

function planRow(plan: Plan, summary: PlanSummary): Row {
  return [
    'Plan',
    plan.reference,
    null,
    plan.title,
    null,
    summary.owningAgency,
    summary.ownerName,
    summary.subject?.name ?? null,
    null,
    plan.status,
    null,
    null,
    null,
    markingText(plan.marking),
  ];
}

function objectiveRow(plan: Plan, o: PlanCsvContent['objectives'][number]): Row {
  return [
    'Objective',
    plan.reference,
    STRAND_NAMES[o.strand],
    o.objective,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ];
}

function actionRow(plan: Plan, a: ActionRow): Row {
  return [
    'Action',
    plan.reference,
    STRAND_NAMES[a.strand],
    a.description,
    a.tactic_name,
    a.agency_name,
    a.officer_name,
    a.target_caption,
    a.due_on,
    a.status + (a.overdue ? ' (overdue)' : ''),
    a.outcome,
    a.rating,
    a.rationale,
    `${a.classification} ${a.handling_code}`,
  ];
}

function referralRow(plan: Plan, r: ReferralRow): Row {
  return [
    'Safeguarding referral',
    plan.reference,
    'Protect',
    r.reason,
    r.route,
    r.agency_name,
    null,
    r.victim_caption,
    r.due_on,
    r.status,
    r.outcome,
    null,
    null,
    `${r.classification} ${r.handling_code}`,
  ];
}

/** The plan, its objectives, actions and referrals as one CSV document. */
export function planCsv(plan: Plan, summary: PlanSummary, content: PlanCsvContent): string {
  const rows: Row[] = [
    planRow(plan, summary),
    ...content.objectives.map((o) => objectiveRow(plan, o)),
    ...content.actions.map((a) => actionRow(plan, a)),
    ...content.referrals.map((r) => referralRow(plan, r)),
  ];
  return csvDocument(HEADINGS, rows);
}

function markingText(marking: Marking): string {
  return `${marking.classification} ${marking.handlingCode}${marking.handlingConditions ? `: ${marking.handlingConditions}` : ''}`;
}
