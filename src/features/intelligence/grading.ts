/**
 * Intelligence grading. The 3x5x2 model (College of Policing APP, intelligence management) is the
 * current one: source evaluation 1-3, intelligence assessment A-E, handling code P or C. The older
 * 5x5x5 model arrives in imports and is kept and shown as it was graded, never converted: the
 * scales do not map one to one.
 */

export const SOURCE_EVALUATIONS = {
  '1': 'Reliable',
  '2': 'Untested',
  '3': 'Not reliable',
} as const;
export type SourceEvaluation = keyof typeof SOURCE_EVALUATIONS;

export const INFORMATION_ASSESSMENTS = {
  A: 'Known directly to the source',
  B: 'Known indirectly to the source but corroborated',
  C: 'Known indirectly to the source',
  D: 'Not known',
  E: 'Suspected to be false or malicious',
} as const;
export type InformationAssessment = keyof typeof INFORMATION_ASSESSMENTS;

export const HANDLING = {
  P: 'Lawful sharing permitted',
  C: 'Lawful sharing permitted with conditions',
} as const;
export type Handling = keyof typeof HANDLING;

export const LEGACY_SOURCE_EVALUATIONS = {
  A: 'Always reliable',
  B: 'Mostly reliable',
  C: 'Sometimes reliable',
  D: 'Unreliable',
  E: 'Untested source',
} as const;
export const LEGACY_INTELLIGENCE_ASSESSMENTS = {
  '1': 'Known to be true without reservation',
  '2': 'Known personally to the source but not to the officer',
  '3': 'Not personally known to the source but corroborated',
  '4': 'Cannot be judged',
  '5': 'Suspected to be false',
} as const;
export const LEGACY_HANDLING = {
  '1': 'May be disseminated to other law enforcement and prosecuting agencies',
  '2': 'May be disseminated to UK non-prosecuting parties',
  '3': 'May be disseminated to non-EU law enforcement agencies',
  '4': 'May be disseminated within the originating agency only',
  '5': 'No further dissemination: refer to the originator',
} as const;

export interface Grade {
  sourceEvaluation: SourceEvaluation;
  informationAssessment: InformationAssessment;
  handling: Handling;
}

export interface LegacyGrade {
  sourceEvaluation: keyof typeof LEGACY_SOURCE_EVALUATIONS;
  intelligenceAssessment: keyof typeof LEGACY_INTELLIGENCE_ASSESSMENTS;
  handling: keyof typeof LEGACY_HANDLING;
}

const has = <T extends object>(table: T, key: unknown): key is keyof T =>
  typeof key === 'string' && Object.hasOwn(table, key);

/** Reads "2/B/P", "2BP" or "2 B P" into a 3x5x2 grade; null if it is not one. */
export function parseGrade(text: string): Grade | null {
  const match = /^\s*([1-3])\s*[/ ]?\s*([A-Ea-e])\s*[/ ]?\s*([PCpc])\s*$/.exec(text);
  if (!match) return null;
  const [, source, information, handling] = match;
  const grade = {
    sourceEvaluation: source,
    informationAssessment: information?.toUpperCase(),
    handling: handling?.toUpperCase(),
  };
  return has(SOURCE_EVALUATIONS, grade.sourceEvaluation) &&
    has(INFORMATION_ASSESSMENTS, grade.informationAssessment) &&
    has(HANDLING, grade.handling)
    ? (grade as Grade)
    : null;
}

/** Reads a legacy 5x5x5 grade written "B2/4", "B/2/4" or "B 2 4"; null if it is not one. */
export function parseLegacyGrade(text: string): LegacyGrade | null {
  const match = /^\s*([A-Ea-e])\s*[/ ]?\s*([1-5])\s*[/ ]?\s*([1-5])\s*$/.exec(text);
  if (!match) return null;
  const [, source, intelligence, handling] = match;
  const grade = { sourceEvaluation: source?.toUpperCase(), intelligenceAssessment: intelligence, handling };
  return has(LEGACY_SOURCE_EVALUATIONS, grade.sourceEvaluation) &&
    has(LEGACY_INTELLIGENCE_ASSESSMENTS, grade.intelligenceAssessment) &&
    has(LEGACY_HANDLING, grade.handling)
    ? (grade as LegacyGrade)
    : null;
}

/** How a grade is written everywhere: "2/B/P". */
export function gradeLabel(grade: Grade): string {
  return `${grade.sourceEvaluation}/${grade.informationAssessment}/${grade.handling}`;
}

/** A legacy grade, written so nobody mistakes it for a 3x5x2 one: "5x5x5 B/2/4". */
export function legacyGradeLabel(grade: LegacyGrade): string {
  return `5x5x5 ${grade.sourceEvaluation}/${grade.intelligenceAssessment}/${grade.handling}`;
}

/** The grade in words, for the "what does 2/B/P mean" detail on every item page. */
export function gradeMeaning(grade: Grade): string[] {
  return [
    `Source: ${SOURCE_EVALUATIONS[grade.sourceEvaluation]}`,
    `Information: ${INFORMATION_ASSESSMENTS[grade.informationAssessment]}`,
    `Handling: ${HANDLING[grade.handling]}`,
  ];
}

/** Vulnerability flags: any of them moves an item to the top of the inbox. */
export const VULNERABILITIES = {
  'child-at-risk': 'Child at risk',
  'adult-at-risk': 'Adult at risk',
  exploitation: 'Exploitation',
} as const;
export type Vulnerability = keyof typeof VULNERABILITIES;

/** Sources of intelligence. */
export const SOURCE_TYPES = {
  'public-report': 'Report from the public',
  'partner-officer': 'Partner officer',
  'open-source': 'Open source',
  'other-system': 'Another system',
} as const;
/** How an item leaves the inbox. */
export const OUTCOMES = {
  'intelligence-recorded': 'Intelligence recorded',
  'passed-to-partner': 'Passed to a partner to act on',
  'action-taken': 'Action taken',
  'no-further-action': 'No further action',
  duplicate: 'Duplicate of another item',
} as const;
/**
 * The inbox order: anything flagged vulnerable first, then ungraded before graded, then oldest
 * first (the longest-waiting report is the next to read). Pure, so the SQL and tests agree.
 */
export function inboxRank(item: {
  vulnerabilities: readonly string[];
  graded: boolean;
  receivedAt: Date;
}): [number, number, number] {
  return [item.vulnerabilities.length > 0 ? 0 : 1, item.graded ? 1 : 0, item.receivedAt.getTime()];
}

/** An item's grade columns, as every query that shows a grade selects them. */
export interface GradedRow {
  source_evaluation: string | null;
  information_assessment: string | null;
  handling_code: string;
  legacy_source_evaluation: string | null;
  legacy_intelligence_assessment: string | null;
  legacy_handling: string | null;
}

const described = (table: Readonly<Record<string, string>>, key: string): string =>
  Object.hasOwn(table, key) ? (table[key] ?? key) : key;

/** "2/B/P" with its meaning, a legacy "5x5x5 B/2/4" with its own, or "Not graded": every page. */
export function describeGrade(row: GradedRow): { label: string; meaning: string[]; graded: boolean } {
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
        `Source: ${described(LEGACY_SOURCE_EVALUATIONS, grade.sourceEvaluation)}`,
        `Intelligence: ${described(LEGACY_INTELLIGENCE_ASSESSMENTS, grade.intelligenceAssessment)}`,
        `Handling: ${described(LEGACY_HANDLING, grade.handling)}`,
      ],
      graded: true,
    };
  }
  return { label: 'Not graded', meaning: [], graded: false };
}
