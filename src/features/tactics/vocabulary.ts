/**
 * The words of the tactics and powers library: the 4P strands, the Home Office menu of tactics'
 * six lifestyle areas, and the `suggested_for` vocabulary agreed with the suggestion engine
 * (features/plans). Pure data and checks, shared by the seed, the forms and the tests.
 */
import { SOC_CATEGORIES } from '../intelligence/index.js';

export const STRANDS = {
  pursue: 'Pursue',
  prevent: 'Prevent',
  protect: 'Protect',
  prepare: 'Prepare',
} as const;
export type Strand = keyof typeof STRANDS;

export const LIFESTYLE_AREAS = {
  lifestyle: 'Lifestyle',
  behaviour: 'Behaviour',
  vehicles: 'Vehicles',
  travel: 'Travel',
  business: 'Business',
  crime: 'Crime',
} as const;
export type LifestyleArea = keyof typeof LIFESTYLE_AREAS;

/** What on a record may suggest a tactic, in the words the suggestion engine matches. */
export const SUGGESTION_TARGETS = {
  'licensed-premises': 'Licensed premises',
  hmo: 'House in multiple occupation',
  premises: 'Premises',
  address: 'Address',
  vehicle: 'Vehicle',
  business: 'Business',
  company: 'Company (with a company number)',
  phone: 'Phone',
  'bank-account': 'Bank account',
  'online-account': 'Online account',
  person: 'Person',
  principal: 'Principal member of an OCG',
  enabler: 'Enabler (lawyer, accountant, landlord...)',
  victim: 'Victim',
  'child-victim': 'Child victim',
  // A tactic for adults only: never suggested for a child victim (plans/suggestions.ts).
  'adult-victim': 'Adult victim',
  'cuckooing-victim': 'Victim of cuckooing',
  'trafficking-victim': 'Suspected victim of trafficking',
} as const;

/**
 * Every `suggested_for` value: the targets above and one 'category:<slug>' per SOC category, in
 * the slugs OCGs and intelligence items carry (migrations 0005 and 0008).
 */
export const SUGGESTED_FOR: readonly string[] = [
  ...Object.keys(SUGGESTION_TARGETS),
  ...SOC_CATEGORIES.map((slug) => `category:${slug}`),
];

export function isStrand(value: unknown): value is Strand {
  return typeof value === 'string' && Object.hasOwn(STRANDS, value);
}

export function isLifestyleArea(value: unknown): value is LifestyleArea {
  return typeof value === 'string' && Object.hasOwn(LIFESTYLE_AREAS, value);
}

/** A tactic's key: lower case letters, digits and dashes (as the database checks). */
export const TACTIC_KEY = /^[a-z0-9-]{2,80}$/;

/** An entry last checked more than 12 months before `today` is due for review. */
export function needsReview(verifiedOn: string, today: string): boolean {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const yearAgo = new Date(Date.UTC(year - 1, month - 1, day)).toISOString().slice(0, 10);
  return verifiedOn < yearAgo;
}

/** Today's date in UTC as 'YYYY-MM-DD', the form `verified_on` is stored in. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
