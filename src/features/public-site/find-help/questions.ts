/**
 * The Find help questions, one per page, and the answers they accept. Answers travel between pages
 * in the address (public pages set no cookie and keep no session), so everything read back from
 * the address is checked again here: a value that is not one of ours counts as not answered.
 */
import { CATEGORY_SLUGS, type CategorySlug } from '../content/seed-categories.js';

export const STEPS = ['danger', 'about', 'detail', 'anonymous', 'where'] as const;
export type Step = (typeof STEPS)[number];

export const TOPICS = [...CATEGORY_SLUGS, 'not-sure'] as const;
export type Topic = CategorySlug | 'not-sure';

/** The situations within a topic that change where to report. Every list ends with 'other'. */
export const DETAILS = {
  'child-sexual-exploitation': ['online-grooming', 'abuse-in-person', 'other'],
  'illegal-drugs': ['dealing', 'cuckooing', 'county-lines-child', 'other'],
  'illegal-firearms': [],
  fraud: ['scam-text', 'scam-email', 'scam-call', 'lost-money', 'rogue-trader', 'other'],
  'money-laundering': [
    'money-mule-text',
    'money-mule-online',
    'money-mule-in-person',
    'front-business',
    'other',
  ],
  'bribery-and-corruption': [],
  'organised-immigration-crime': [],
  'modern-slavery': [
    'exploited-at-work',
    'sexual-exploitation',
    'forced-crime',
    'domestic-servitude',
    'other',
  ],
  'cyber-crime': ['hacked', 'phishing', 'other'],
  'not-sure': [],
} as const satisfies Record<Topic, readonly string[]>;
export type Detail = (typeof DETAILS)[Topic][number];

export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];

/** What someone has answered so far. `where` is '' when they chose not to say. */
export interface Answers {
  danger?: YesNo;
  about?: Topic;
  detail?: Detail;
  anonymous?: YesNo;
  where?: string;
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

export function detailsFor(topic: Topic): readonly Detail[] {
  return DETAILS[topic];
}

const WHERE_MAX = 40;
const WHERE_CHARACTERS = /^[\p{L}\p{N} '’.,-]*$/u;
/** A full UK postcode: we keep only its first half (the district), which is all we need. */
const FULL_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)\s*\d[A-Z]{2}$/i;

export type WhereCheck = { ok: true; value: string } | { ok: false; problem: 'too-long' | 'characters' };

/** Tidies the optional place: trims, and cuts a full postcode down to its district. */
export function checkWhere(raw: string): WhereCheck {
  const value = raw.replace(/\s+/g, ' ').trim();
  if (value.length > WHERE_MAX) return { ok: false, problem: 'too-long' };
  if (!WHERE_CHARACTERS.test(value)) return { ok: false, problem: 'characters' };
  const postcode = FULL_POSTCODE.exec(value);
  return { ok: true, value: postcode?.[1] ? postcode[1].toUpperCase() : value };
}

/** Reads answers from the address, keeping only values the questions could have produced. */
export function readAnswers(query: Readonly<Record<string, string | undefined>>): Answers {
  const answers: Answers = {};
  if (isOneOf(YES_NO, query.danger)) answers.danger = query.danger;
  if (isOneOf(TOPICS, query.about)) {
    answers.about = query.about;
    if (isOneOf(detailsFor(query.about), query.detail)) answers.detail = query.detail;
  }
  if (isOneOf(YES_NO, query.anonymous)) answers.anonymous = query.anonymous;
  if (query.where !== undefined) {
    const where = checkWhere(query.where);
    if (where.ok) answers.where = where.value;
  }
  return answers;
}

/** The questions that apply to these answers, in order (the detail question only when the topic has one). */
export function stepsFor(answers: Answers): Step[] {
  return STEPS.filter((step) => step !== 'detail' || (answers.about && detailsFor(answers.about).length > 0));
}

/** The first question not yet answered, or 'result' when all are. */
export function nextStep(answers: Answers): Step | 'result' {
  return stepsFor(answers).find((step) => answers[step] === undefined) ?? 'result';
}

/** The steps before `step`: all must be answered before `step` can be asked. */
export function stepsBefore(step: Step, answers: Answers): Step[] {
  const steps = stepsFor(answers);
  const index = steps.indexOf(step);
  return index === -1 ? steps : steps.slice(0, index);
}

/** The answers as a query string, in question order, leaving out what is not answered. */
export function toQuery(answers: Answers, only: readonly Step[] = STEPS): string {
  const params = new URLSearchParams();
  for (const step of only) {
    const value = answers[step];
    if (value !== undefined) params.set(step, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
