/** Shapes rows into what the inbox pages show: grades in words, labels, dates. Pure functions. */
import { describeGrade, OUTCOMES, SOURCE_TYPES, VULNERABILITIES } from '../grading.js';
import { STATEMENT_KINDS, STATUSES } from './schemas.js';

const label = (table: Readonly<Record<string, string>>, key: string | null): string =>
  key !== null && Object.hasOwn(table, key) ? (table[key] ?? key) : (key ?? '');

/** "2/B/P" with its meaning (grading.ts), as the inbox pages show it. */
export const gradeOf = describeGrade;

export const sourceTypeText = (type: string) => label(SOURCE_TYPES, type);
export const statusText = (status: string) => label(STATUSES, status);
export const outcomeText = (outcome: string | null) => label(OUTCOMES, outcome);
export const statementKindText = (kind: string) => label(STATEMENT_KINDS, kind);
export const vulnerabilityText = (flag: string) => label(VULNERABILITIES, flag);

export function categoryLabels(slugs: readonly string[], names: readonly { slug: string; name: string }[]) {
  const bySlug = new Map(names.map((c) => [c.slug, c.name]));
  return slugs.map((slug) => bySlug.get(slug) ?? slug);
}

/** "23 November 2026" for a 'YYYY-MM-DD' date or a moment, in the partnership's time zone. */
export function dayText(value: Date | string | null): string | null {
  if (value === null) return null;
  const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: typeof value === 'string' ? 'UTC' : 'Europe/London',
  }).format(date);
}

/** "23 November 2026 at 14:05" (UK time). */
export function momentText(value: Date | null): string | null {
  if (value === null) return null;
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Europe/London',
  }).format(value);
  return `${dayText(value)} at ${time}`;
}

/** The first words of the working text, cut at a word, for the inbox. */
export function excerpt(text: string, fullLength: number, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max && fullLength <= text.length) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A 'YYYY-MM-DD' date as the GOV.UK date input's three answers. */
export function dateParts(prefix: string, iso: string | null): Record<string, string> {
  const [year = '', month = '', day = ''] = iso ? iso.split('-') : [];
  return {
    [`${prefix}-day`]: day ? String(Number(day)) : '',
    [`${prefix}-month`]: month ? String(Number(month)) : '',
    [`${prefix}-year`]: year,
  };
}
