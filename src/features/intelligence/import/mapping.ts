/**
 * The mapping file: which CSV column is which property of which entity, which links one row
 * makes between those entities, and the source, owner, markings and provenance the import carries.
 * Checked in two steps, each reporting every problem at once in words a partner can act on: the
 * file itself (against the entity schema and link types), then against the CSV's header.
 */
import { z } from 'zod';
import { CLASSIFICATIONS, HANDLING_CODES } from '../../access/markings.js';
import { parseLegacyGrade } from '../grading.js';
import {
  CONFIDENCES,
  ENTITY_SCHEMA_NAMES,
  ENTITY_SCHEMAS,
  isEntitySchema,
  isLinkType,
  isSubjectCategory,
  LINK_TYPES,
  linkFits,
  SUBJECT_CATEGORIES,
  type EntitySchemaName,
  type EntitySchemaSpec,
} from '../schema.js';

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY'] as const;

const columnName = z.string().trim().min(1, 'A column name cannot be empty').max(200);

/** A column feeds one property; a separator splits one cell into several values (aliases). */
const columnTarget = z.union([
  z.string().min(1),
  z.strictObject({
    property: z.string().min(1),
    separator: z.string().min(1).max(3).optional(),
  }),
]);

const entityMapping = z.strictObject({
  /** How link mappings refer to this entity: "holder", "premises". */
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,39}$/, 'An entity id is lower-case letters, numbers and dashes, like "holder"'),
  schema: z.string(),
  columns: z.record(columnName, columnTarget),
  /** The properties that identify it within the source; the schema's identifiers if not given. */
  identifiedBy: z.array(z.string()).min(1).optional(),
  /** Rows with nothing in its name column simply lack this entity (a second phone number). */
  optional: z.boolean().default(false),
  /** People only: their data-subject category (DPA 2018 s38), fixed or from a column. */
  subjectCategory: z.string().optional(),
  subjectCategoryColumn: columnName.optional(),
});

const linkMapping = z.strictObject({
  type: z.string(),
  from: z.string(),
  to: z.string(),
  startDateColumn: columnName.optional(),
  endDateColumn: columnName.optional(),
  confidence: z.enum(CONFIDENCES).default('medium'),
});

const mappingFileSchema = z.strictObject({
  /** The name of the dataset: the namespace of its records' deterministic keys. */
  source: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{1,59}$/,
      'The source is lower-case letters, numbers and dashes, like "licensing-register"',
    ),
  /** The code of the agency that owns what is imported. */
  agency: z.string().min(1).max(100),
  /** Where the data came from, in words safe to share: "Licensing register export, 2026-11". */
  provenance: z.string().trim().min(1).max(250),
  markings: z.strictObject({
    classification: z.enum(CLASSIFICATIONS),
    handlingCode: z.enum(HANDLING_CODES),
    handlingConditions: z.string().trim().min(1).max(500).optional(),
  }),
  dateFormat: z.enum(DATE_FORMATS).default('YYYY-MM-DD'),
  /** A legacy 5x5x5 grade for the whole file ("B2/4"), or the column holding each row's. */
  legacyGrade: z.union([z.string(), z.strictObject({ column: columnName })]).optional(),
  entities: z.array(entityMapping).min(1, 'Map at least one entity'),
  links: z.array(linkMapping).default([]),
});

export type MappingFile = z.output<typeof mappingFileSchema>;

export interface ColumnSource {
  column: string;
  separator: string | undefined;
}

export interface EntityMapping {
  id: string;
  schema: EntitySchemaName;
  /** Property → the columns feeding it, in file order. */
  properties: Map<string, ColumnSource[]>;
  identifiedBy: readonly string[];
  optional: boolean;
  subjectCategory: { fixed: string } | { column: string } | null;
}

export interface LinkMapping {
  type: keyof typeof LINK_TYPES;
  from: string;
  to: string;
  startDateColumn: string | undefined;
  endDateColumn: string | undefined;
  confidence: (typeof CONFIDENCES)[number];
}

/** A checked mapping, ready to apply to rows. */
export interface Mapping {
  source: string;
  agency: string;
  provenance: string;
  markings: MappingFile['markings'];
  dateFormat: (typeof DATE_FORMATS)[number];
  legacyGrade: { fixed: string } | { column: string } | null;
  entities: EntityMapping[];
  links: LinkMapping[];
}

export class MappingError extends Error {
  override name = 'MappingError';
  constructor(readonly problems: string[]) {
    super(
      `The mapping file has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

function pathText(path: readonly PropertyKey[], file: unknown): string {
  const parts: string[] = [];
  let node: unknown = file;
  for (const key of path) {
    const here = node as Record<PropertyKey, unknown> | undefined;
    node = here?.[key];
    if (typeof key === 'number') {
      const id = (node as { id?: unknown } | undefined)?.id;
      parts.push(`${parts.pop() ?? ''}${typeof id === 'string' ? ` "${id}"` : ` ${key + 1}`}`);
    } else {
      parts.push(String(key));
    }
  }
  return parts.join(' → ');
}

const list = (values: readonly string[]) => values.join(', ');

/** Parses and checks a mapping file's text. Throws MappingError listing every problem. */
export function parseMapping(text: string): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MappingError([`It is not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = mappingFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new MappingError(
      parsed.error.issues.map((issue) => {
        const where = pathText(issue.path, json);
        const message =
          issue.code === 'unrecognized_keys'
            ? `${issue.keys.length === 1 ? 'has an unknown field' : 'has unknown fields'}: ${list(issue.keys)}`
            : issue.message;
        return where ? `${where}: ${message}` : message;
      }),
    );
  }
  return checkMapping(parsed.data);
}

/** The checks zod cannot make alone: the schema's properties, link types, and references. */
export function checkMapping(file: MappingFile): Mapping {
  const problems: string[] = [];
  const entities: EntityMapping[] = [];
  const ids = new Set<string>();
  if (file.markings.handlingCode === 'C' && !file.markings.handlingConditions) {
    problems.push('markings: handling code C needs its handlingConditions');
  }
  let legacyGrade: Mapping['legacyGrade'] = null;
  if (typeof file.legacyGrade === 'string') {
    if (!parseLegacyGrade(file.legacyGrade)) {
      problems.push(`legacyGrade: "${file.legacyGrade}" is not a 5x5x5 grade, like "B2/4"`);
    }
    legacyGrade = { fixed: file.legacyGrade };
  } else if (file.legacyGrade) {
    legacyGrade = { column: file.legacyGrade.column };
  }

  for (const entity of file.entities) {
    const where = `entity "${entity.id}"`;
    if (ids.has(entity.id)) problems.push(`${where}: another entity has the same id`);
    ids.add(entity.id);
    if (!isEntitySchema(entity.schema)) {
      problems.push(`${where}: schema "${entity.schema}" is not one of ${list(ENTITY_SCHEMA_NAMES)}`);
      continue;
    }
    const spec: EntitySchemaSpec = ENTITY_SCHEMAS[entity.schema];
    const properties = new Map<string, ColumnSource[]>();
    for (const [column, target] of Object.entries(entity.columns)) {
      const property = typeof target === 'string' ? target : target.property;
      const separator = typeof target === 'string' ? undefined : target.separator;
      const propertySpec = spec.properties[property];
      if (!propertySpec) {
        problems.push(
          `${where}: column "${column}" maps to "${property}", which a ${spec.label} does not have (it has ${list(Object.keys(spec.properties))})`,
        );
        continue;
      }
      if (separator && !propertySpec.multiple) {
        problems.push(
          `${where}: column "${column}" splits values, but ${propertySpec.label} takes one value`,
        );
      }
      properties.set(property, [...(properties.get(property) ?? []), { column, separator }]);
    }
    if (!properties.has(spec.required)) {
      problems.push(`${where}: no column maps to "${spec.required}", which every ${spec.label} needs`);
    }
    const identifiedBy = entity.identifiedBy ?? spec.identifiers;
    for (const property of identifiedBy) {
      if (!properties.has(property)) {
        problems.push(
          `${where}: it is identified by "${property}", but no column maps to it (map one, or set identifiedBy)`,
        );
      }
    }
    let subjectCategory: EntityMapping['subjectCategory'] = null;
    if (entity.subjectCategory !== undefined || entity.subjectCategoryColumn !== undefined) {
      if (entity.schema !== 'Person') {
        problems.push(`${where}: only people have a data-subject category`);
      } else if (entity.subjectCategory !== undefined && entity.subjectCategoryColumn !== undefined) {
        problems.push(`${where}: give subjectCategory or subjectCategoryColumn, not both`);
      } else if (entity.subjectCategoryColumn !== undefined) {
        subjectCategory = { column: entity.subjectCategoryColumn };
      } else if (!isSubjectCategory(entity.subjectCategory)) {
        problems.push(
          `${where}: subjectCategory "${String(entity.subjectCategory)}" is not one of ${list(Object.keys(SUBJECT_CATEGORIES))}`,
        );
      } else {
        subjectCategory = { fixed: entity.subjectCategory };
      }
    }
    entities.push({
      id: entity.id,
      schema: entity.schema,
      properties,
      identifiedBy,
      optional: entity.optional,
      subjectCategory,
    });
  }

  const links: LinkMapping[] = [];
  file.links.forEach((link, index) => {
    const where = `link ${index + 1} (${link.type})`;
    if (!isLinkType(link.type)) {
      problems.push(`link ${index + 1}: type "${link.type}" is not one of ${list(Object.keys(LINK_TYPES))}`);
      return;
    }
    const from = entities.find((entity) => entity.id === link.from);
    const to = entities.find((entity) => entity.id === link.to);
    if (!from) problems.push(`${where}: from "${link.from}" is not the id of an entity in this mapping`);
    if (!to) problems.push(`${where}: to "${link.to}" is not the id of an entity in this mapping`);
    if (from && to && from.id === to.id) problems.push(`${where}: links an entity to itself`);
    if (from && to && !linkFits(link.type, from.schema, to.schema)) {
      problems.push(`${where}: a ${from.schema} cannot be "${LINK_TYPES[link.type].label}" a ${to.schema}`);
    }
    links.push({
      type: link.type,
      from: link.from,
      to: link.to,
      startDateColumn: link.startDateColumn,
      endDateColumn: link.endDateColumn,
      confidence: link.confidence,
    });
  });

  if (problems.length) throw new MappingError(problems);
  return {
    source: file.source,
    agency: file.agency,
    provenance: file.provenance,
    markings: file.markings,
    dateFormat: file.dateFormat,
    legacyGrade,
    entities,
    links,
  };
}

/** Every column the mapping reads. */
export function mappedColumns(mapping: Mapping): string[] {
  const columns = new Set<string>();
  for (const entity of mapping.entities) {
    for (const sources of entity.properties.values()) for (const s of sources) columns.add(s.column);
    if (entity.subjectCategory && 'column' in entity.subjectCategory)
      columns.add(entity.subjectCategory.column);
  }
  for (const link of mapping.links) {
    if (link.startDateColumn) columns.add(link.startDateColumn);
    if (link.endDateColumn) columns.add(link.endDateColumn);
  }
  if (mapping.legacyGrade && 'column' in mapping.legacyGrade) columns.add(mapping.legacyGrade.column);
  return [...columns];
}

/** The mapping against a file's header: every column it reads must be there. */
export function checkHeader(mapping: Mapping, header: readonly string[]): void {
  const missing = mappedColumns(mapping).filter((column) => !header.includes(column));
  if (missing.length) {
    throw new MappingError([
      ...missing.map((column) => `The file has no column "${column}"`),
      `The file's columns are: ${list(header.filter(Boolean))}`,
    ]);
  }
}
