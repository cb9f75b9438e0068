/**
 * One CSV row through a mapping: the entities it names (checked against the schema, normalised,
 * each with its deterministic key), the links between them and the row's legacy grade. Pure: the
 * whole file is checked before anything is written, and a row is accepted or rejected as a whole.
 */
import { createHash } from 'node:crypto';
import { parseLegacyGrade, legacyGradeLabel, type LegacyGrade } from '../grading.js';
import {
  checkProperties,
  checkValue,
  ENTITY_SCHEMAS,
  isSubjectCategory,
  LINK_TYPES,
  sourceKey,
  SUBJECT_CATEGORIES,
  type Confidence,
  type EntityProperties,
  type EntitySchemaName,
  type EntitySchemaSpec,
  type LinkTypeName,
  type SubjectCategory,
} from '../schema.js';
import type { CsvRecord } from './csv.js';
import type { Mapping } from './mapping.js';

export interface MappedEntity {
  /** The mapping's id for it ("holder"). */
  ref: string;
  schema: EntitySchemaName;
  properties: EntityProperties;
  key: string;
  /** A person under 18 on the day of the import. */
  child: boolean;
  subjectCategory: SubjectCategory | null;
}

export interface MappedLink {
  type: LinkTypeName;
  fromKey: string;
  toKey: string;
  key: string;
  startDate: string | null;
  endDate: string | null;
  confidence: Confidence;
}

export interface MappedRow {
  line: number;
  entities: MappedEntity[];
  links: MappedLink[];
  legacyGrade: LegacyGrade | null;
}

export type RowResult = { ok: true; row: MappedRow } | { ok: false; line: number; reason: string };

/** The namespace of a source's keys: one agency's source never overwrites another agency's. */
export function keyNamespace(mapping: Mapping): string {
  return `${mapping.agency}/${mapping.source}`;
}

/** A link's deterministic key: its type and its two ends (in either order, if it has no direction). */
export function linkKey(namespace: string, type: LinkTypeName, fromKey: string, toKey: string): string {
  const ends = LINK_TYPES[type].directed ? [fromKey, toKey] : [fromKey, toKey].sort();
  const digest = createHash('sha256')
    .update(JSON.stringify([type, ...ends]))
    .digest('hex')
    .slice(0, 40);
  return `${namespace}:link:${digest}`;
}

// Our own rejection files (and audit exports) put an apostrophe before a value that would start a
// spreadsheet formula; take it off again, so a corrected rejection file imports as it should.
const ESCAPED_FORMULA = /^'(?=[=+\-@])/;

function cell(record: CsvRecord, columns: ReadonlyMap<string, number>, column: string): string {
  const index = columns.get(column);
  const value = index === undefined ? '' : (record.fields[index] ?? '');
  return value.trim().replace(ESCAPED_FORMULA, '');
}

/** A date as the mapping says the file writes it, as ISO; null if it is not written that way. */
function isoDate(value: string, format: Mapping['dateFormat']): string | null {
  if (format === 'YYYY-MM-DD') return value;
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [, day, month, year] = match ?? [];
  if (!day || !month || !year) return null;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function dateHint(format: Mapping['dateFormat']): string {
  return format === 'YYYY-MM-DD' ? 'like 1990-04-27' : 'written DD/MM/YYYY, like 27/04/1990';
}

/** Under 18 on `today` (YYYY-MM-DD)? */
export function isChild(birthDate: string, today: string): boolean {
  const [year, rest] = [Number(birthDate.slice(0, 4)), birthDate.slice(4)];
  const eighteenth = `${String(year + 18).padStart(4, '0')}${rest}`;
  return eighteenth > today;
}

function categoryFrom(value: string): SubjectCategory | null {
  const text = value.trim().toLowerCase();
  if (isSubjectCategory(text)) return text;
  const byLabel = Object.entries(SUBJECT_CATEGORIES).find(([, label]) => label.toLowerCase() === text);
  return byLabel ? (byLabel[0] as SubjectCategory) : null;
}

/**
 * Maps one record. `columns` is the header's column → index; `today` decides who is a child.
 * The reason for a rejection names the column, so a person can find and correct it.
 */
export function mapRow(
  mapping: Mapping,
  columns: ReadonlyMap<string, number>,
  record: CsvRecord,
  today: string,
): RowResult {
  const line = record.line;
  if (record.problem) return { ok: false, line, reason: record.problem };
  const reject = (reason: string): RowResult => ({ ok: false, line, reason });
  const namespace = keyNamespace(mapping);
  const entities = new Map<string, MappedEntity>();
  const problems: string[] = [];

  for (const entity of mapping.entities) {
    const spec: EntitySchemaSpec = ENTITY_SCHEMAS[entity.schema];
    const input: Record<string, string[]> = {};
    const columnOf: Record<string, string> = {};
    const dateProblems: string[] = [];
    for (const [property, sources] of entity.properties) {
      const propertySpec = spec.properties[property];
      if (!propertySpec) continue; // checkMapping has made sure it exists
      for (const source of sources) {
        const raw = cell(record, columns, source.column);
        const values = (source.separator ? raw.split(source.separator) : [raw])
          .map((v) => v.trim())
          .filter(Boolean);
        for (const value of values) {
          let converted = value;
          if (propertySpec.type === 'date') {
            const iso = isoDate(value, mapping.dateFormat);
            if (iso === null) {
              dateProblems.push(
                `"${source.column}": ${propertySpec.label} must be a date ${dateHint(mapping.dateFormat)}`,
              );
              continue;
            }
            converted = iso;
          }
          // Other systems write choices their own way ("Male", "TAKEAWAY"): match them whatever the case.
          const choice = propertySpec.choices?.find((c) => c.toLowerCase() === value.toLowerCase());
          if (choice) converted = choice;
          (input[property] ??= []).push(converted);
        }
        columnOf[property] ??= source.column;
      }
    }
    const required = input[spec.required]?.length ?? 0;
    if (entity.optional && required === 0) continue;
    if (dateProblems.length) {
      problems.push(...dateProblems);
      continue;
    }
    const checked = checkProperties(entity.schema, input);
    if (!checked.ok) {
      for (const [property, message] of Object.entries(checked.errors)) {
        const column = columnOf[property];
        problems.push(column ? `"${column}": ${message}` : message);
      }
      continue;
    }
    const key = sourceKey(namespace, entity.schema, checked.properties, entity.identifiedBy);
    if (key === null) {
      const missing = entity.identifiedBy.filter((property) => !checked.properties[property]?.length);
      problems.push(
        `${spec.label} "${entity.id}" cannot be identified without ${missing
          .map((property) => `"${columnOf[property] ?? property}"`)
          .join(' and ')}`,
      );
      continue;
    }
    let subjectCategory: SubjectCategory | null = null;
    if (entity.schema === 'Person') {
      if (entity.subjectCategory && 'column' in entity.subjectCategory) {
        const value = cell(record, columns, entity.subjectCategory.column);
        const category = value === '' ? 'other' : categoryFrom(value);
        if (!category) {
          problems.push(
            `"${entity.subjectCategory.column}": "${value}" is not a data-subject category (${Object.keys(SUBJECT_CATEGORIES).join(', ')})`,
          );
          continue;
        }
        subjectCategory = category;
      } else {
        subjectCategory = (entity.subjectCategory?.fixed as SubjectCategory | undefined) ?? 'other';
      }
    }
    const birthDate = checked.properties.birthDate?.[0];
    entities.set(entity.id, {
      ref: entity.id,
      schema: entity.schema,
      properties: checked.properties,
      key,
      child: entity.schema === 'Person' && birthDate !== undefined && isChild(birthDate, today),
      subjectCategory,
    });
  }

  const links: MappedLink[] = [];
  for (const link of mapping.links) {
    const from = entities.get(link.from);
    const to = entities.get(link.to);
    // A link to an optional entity the row does not have is not made; nor is one to itself.
    if (!from || !to || from.key === to.key) continue;
    const dates: (string | null)[] = [];
    for (const column of [link.startDateColumn, link.endDateColumn]) {
      const value = column ? cell(record, columns, column) : '';
      if (!column || value === '') {
        dates.push(null);
        continue;
      }
      const iso = isoDate(value, mapping.dateFormat);
      const checked = iso === null ? null : checkValue('date', iso, 'Date');
      if (!checked?.ok) {
        problems.push(`"${column}" must be a date ${dateHint(mapping.dateFormat)}`);
        dates.push(null);
      } else {
        dates.push(checked.value);
      }
    }
    const [startDate = null, endDate = null] = dates;
    if (startDate && endDate && endDate < startDate) {
      problems.push(`"${link.endDateColumn}" is before "${link.startDateColumn}"`);
    }
    links.push({
      type: link.type,
      fromKey: from.key,
      toKey: to.key,
      key: linkKey(namespace, link.type, from.key, to.key),
      startDate,
      endDate,
      confidence: link.confidence,
    });
  }

  let legacyGrade: LegacyGrade | null = null;
  if (mapping.legacyGrade) {
    const text =
      'fixed' in mapping.legacyGrade
        ? mapping.legacyGrade.fixed
        : cell(record, columns, mapping.legacyGrade.column);
    if (text !== '') {
      legacyGrade = parseLegacyGrade(text);
      if (!legacyGrade) {
        const column = 'column' in mapping.legacyGrade ? mapping.legacyGrade.column : 'legacyGrade';
        problems.push(`"${column}": "${text}" is not a 5x5x5 grade, like B2/4`);
      }
    }
  }

  // A column read by two entities (a postcode) would otherwise be reported twice.
  if (problems.length) return reject([...new Set(problems)].join('; '));
  if (entities.size === 0) return reject('The row has none of the mapped entities');
  return { ok: true, row: { line, entities: [...entities.values()], links, legacyGrade } };
}

/** The key under which rows with the same grade share one intelligence item. */
export function gradeKey(grade: LegacyGrade | null): string {
  return grade ? legacyGradeLabel(grade) : '';
}
