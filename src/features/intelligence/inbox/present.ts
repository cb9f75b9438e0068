/** Shapes rows into what the inbox pages show: grades in words, labels, dates. Pure functions. */
import {
  gradeLabel,
  gradeMeaning,
  legacyGradeLabel,
  LEGACY_HANDLING,
  LEGACY_INTELLIGENCE_ASSESSMENTS,
  LEGACY_SOURCE_EVALUATIONS,
  OUTCOMES,
  SOURCE_TYPES,
  VULNERABILITIES,
  type Grade,
  type LegacyGrade,
} from '../grading.js';
import { STATEMENT_KINDS, STATUSES } from './schemas.js';

const label = (table: Readonly<Record<string, string>>, key: string | null): string =>
  key !== null && Object.hasOwn(table, key) ? (table[key] ?? key) : (key ?? '');

export interface GradedRow {
  source_evaluation: string | null;
  information_assessment: string | null;
  handling_code: string;
  legacy_source_evaluation: string | null;
  legacy_intelligence_assessment: string | null;
  legacy_handling: string | null;
}

/** "2/B/P" with its meaning, a legacy "5x5x5 B/2/4" with its own, or "Not graded". */
export function gradeOf(row: GradedRow): { label: string; meaning: string[]; graded: boolean } {
  if (row.source_evaluation && row.information_assessment) {
    const grade = {
      sourceEvaluation: row.source_evaluation,
      informationAssessment: row.information_assessment,
      handling: row.handling_code,
    } as Grade;
    return { label: gradeLabel(grade), meaning: gradeMeaning(grade), graded: true };
  }
  if (row.legacy_source_evaluation && row.legacy_intelligence_assessment && row.legacy_handling) {
    const grade = {
      sourceEvaluation: row.legacy_source_evaluation,
      intelligenceAssessment: row.legacy_intelligence_assessment,
      handling: row.legacy_handling,
    } as LegacyGrade;
    return {
      label: legacyGradeLabel(grade),
      meaning: [
        `Source: ${label(LEGACY_SOURCE_EVALUATIONS, grade.sourceEvaluation)}`,
        `Intelligence: ${label(LEGACY_INTELLIGENCE_ASSESSMENTS, grade.intelligenceAssessment)}`,
        `Handling: ${label(LEGACY_HANDLING, grade.handling)}`,
      ],
      graded: true,
    };
  }
  return { label: 'Not graded', meaning: [], graded: false };
}

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
