/**
 * The entity model, declared once as data (in the manner of FollowTheMoney): which kinds of
 * entity Lantern holds, their typed properties, which properties name them and which identify
 * them, and the types of link between them. Forms, validation, captions, search names and
 * deterministic import keys are all derived from these tables, so adding a property is one line.
 */
import { createHash } from 'node:crypto';

// The schemas themselves are data, in entity-schemas.ts; exported from here as well.
export * from './entity-schemas.js';
import {
  ENTITY_SCHEMAS,
  type EntityProperties,
  type EntitySchemaName,
  type EntitySchemaSpec,
} from './entity-schemas.js';

export function isEntitySchema(value: unknown): value is EntitySchemaName {
  return typeof value === 'string' && Object.hasOwn(ENTITY_SCHEMAS, value);
}

export function schemaSpec(name: EntitySchemaName): EntitySchemaSpec {
  return ENTITY_SCHEMAS[name];
}

// Checking values against the schemas lives beside them; exported from here as well.
export { checkProperties, checkValue, type PropertyErrors } from './property-checks.js';

/** The caption people see: the caption properties' first values, joined. */
export function captionOf(schemaName: EntitySchemaName, properties: EntityProperties): string {
  const spec = schemaSpec(schemaName);
  const parts = spec.caption.map((name) => properties[name]?.[0]).filter((value): value is string => !!value);
  return (parts.join(', ') || spec.label).slice(0, 300);
}

/** The names an entity is searched by, with their kind: the first is its name, others aliases. */
export function namesOf(
  schemaName: EntitySchemaName,
  properties: EntityProperties,
): { name: string; kind: 'name' | 'alias' }[] {
  const spec = schemaSpec(schemaName);
  const names = spec.names.flatMap((property) => properties[property] ?? []);
  return [...new Set(names)].map((name, index) => ({ name, kind: index === 0 ? 'name' : 'alias' }));
}

/**
 * A name as search matches it: lower case, accents removed (Łukasz → lukasz), punctuation to
 * spaces, spaces collapsed. The same function prepares stored names and what a user types.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .slice(0, 300);
}

/**
 * Deterministic identity for imported records: the same identifying values from the same source
 * always give the same key, so a re-import updates rather than duplicates. Returns null when the
 * record lacks its identifying properties (it is then always created new).
 */
export function sourceKey(
  source: string,
  schemaName: EntitySchemaName,
  properties: EntityProperties,
  /** A source may identify its records by other properties (an import mapping's identifiedBy). */
  identifiers: readonly string[] = schemaSpec(schemaName).identifiers,
): string | null {
  const spec = schemaSpec(schemaName);
  const parts = identifiers.map((name) => properties[name]?.[0]);
  if (parts.some((part) => part === undefined)) return null;
  const values = parts.map((part) => normaliseName(part ?? ''));
  // Other identifiers are named in the key, so they never collide with the schema's own; the
  // schema's keys stay as they were.
  const usual =
    identifiers.length === spec.identifiers.length && identifiers.every((n, i) => n === spec.identifiers[i]);
  const identity = JSON.stringify(
    usual ? [schemaName, ...values] : [schemaName, [...identifiers], ...values],
  );
  const digest = createHash('sha256').update(identity).digest('hex').slice(0, 40);
  return `${source}:${schemaName}:${digest}`;
}

// The types of link between entities are declared beside them; exported from here as well.
export { isLinkType, linkFits, LINK_TYPES, type LinkTypeName, type LinkTypeSpec } from './link-types.js';

/** Confidence in a link, lowest first (the network analysis filters by a minimum). */
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** DPA 2018 s38 categories of data subject, for a person's involvement in an item. */
export const SUBJECT_CATEGORIES = {
  suspect: 'Suspect',
  convicted: 'Convicted of an offence',
  victim: 'Victim',
  witness: 'Witness',
  other: 'Other',
} as const;
export type SubjectCategory = keyof typeof SUBJECT_CATEGORIES;

export function isSubjectCategory(value: unknown): value is SubjectCategory {
  return typeof value === 'string' && Object.hasOwn(SUBJECT_CATEGORIES, value);
}
