/**
 * A link chart as a CSV, the way analysts keep one outside Lantern (or export it from i2): one link
 * a row, with the columns `from`, `to`, `link type` and `date`, and optionally `from type`,
 * `to type` (entity kinds, Person when blank) and `confidence` (medium when blank). Pure: reads
 * the header, then each row on its own, accepted or rejected with a reason a person can act on.
 */
import {
  CsvError,
  parseCsv,
  type CsvRecord,
  checkProperties,
  CONFIDENCES,
  ENTITY_SCHEMAS,
  LINK_TYPES,
  linkFits,
  normaliseName,
  type Confidence,
  type EntityProperties,
  type EntitySchemaName,
  type EntitySchemaSpec,
  type LinkTypeName,
  type LinkTypeSpec,
} from '../../intelligence/index.js';

/** At most this many rows: a link chart, not a bulk load (that is the main import's job). */
export const LINK_CHART_MAX_ROWS = 5000;

const COLUMNS = {
  from: 'from',
  to: 'to',
  linkType: 'link type',
  date: 'date',
  fromType: 'from type',
  toType: 'to type',
  confidence: 'confidence',
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ['from', 'to', 'linkType'];

export class LinkChartFileError extends Error {
  override name = 'LinkChartFileError';
}

export interface LinkChartEnd {
  schema: EntitySchemaName;
  /** The entity's properties: its naming property, checked and normalised. */
  properties: EntityProperties;
  /** The name as Lantern writes it (normalised: a phone in E.164, a VRM without spaces). */
  name: string;
  /** The name as names are matched: schema and normalised name. */
  matchKey: string;
}

export interface LinkChartRow {
  line: number;
  from: LinkChartEnd;
  to: LinkChartEnd;
  type: LinkTypeName;
  date: string | null;
  confidence: Confidence;
  /** The row as it was, for the rejection file. */
  fields: string[];
}

export interface LinkChartRejection {
  line: number;
  reason: string;
  fields: string[];
}

export interface LinkChartFile {
  header: string[];
  rows: LinkChartRow[];
  rejections: LinkChartRejection[];
  rowsRead: number;
}

/** Words compared loosely: case, spaces, hyphens and underscores do not matter. */
function loose(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/** A link type by its key ("associate-of") or its words ("associate of"), in any case. */
export function linkTypeFrom(text: string): LinkTypeName | null {
  const wanted = loose(text);
  for (const [key, spec] of Object.entries(LINK_TYPES) as [LinkTypeName, LinkTypeSpec][]) {
    if (loose(key) === wanted || loose(spec.label) === wanted) return key;
  }
  return null;
}

/** An entity kind by its name ("BankAccount") or label ("Bank account"); blank is a person. */
export function schemaFrom(text: string): EntitySchemaName | null {
  const wanted = loose(text);
  if (!wanted) return 'Person';
  for (const [name, spec] of Object.entries(ENTITY_SCHEMAS) as [EntitySchemaName, EntitySchemaSpec][]) {
    if (
      loose(name) === wanted ||
      loose(spec.label) === wanted ||
      loose(name).replace(/ /g, '') === wanted.replace(/ /g, '')
    ) {
      return name;
    }
  }
  return null;
}

// Our own rejection files put an apostrophe before a value that would start a spreadsheet
// formula (audit/csv.ts); take it off again, so a corrected rejection file imports as it should.
const ESCAPED_FORMULA = /^'(?=[=+\-@])/;
// What is left must not be a formula: = and @ start one; + and - do unless a number follows
// (a phone written +44 7700 900123 is a phone).
const FORMULA = /^(?:[=@]|[+-](?![\d\s(]))/;

const DATE_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A date written 2024-03-01 or 01/03/2024, as ISO; null if it is not a real date. */
export function chartDate(text: string): string | null {
  let year: string | undefined, month: string | undefined, day: string | undefined;
  const iso = DATE_ISO.exec(text);
  const uk = DATE_UK.exec(text);
  if (iso) [, year, month, day] = iso;
  else if (uk) [, day, month, year] = uk;
  if (!year || !month || !day) return null;
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && Number(year) >= 1900
    ? value
    : null;
}

/** Reads the header: the columns it has, or what is missing. */
export function readLinkChart(text: string): {
  header: string[];
  columns: Map<Column, number>;
  records: CsvRecord[];
} {
  let document;
  try {
    document = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new LinkChartFileError(error.message);
    throw error;
  }
  const columns = new Map<Column, number>();
  document.header.forEach((name, index) => {
    const word = loose(name);
    const column = (Object.entries(COLUMNS) as [Column, string][]).find(([, title]) => title === word)?.[0];
    if (column && !columns.has(column)) columns.set(column, index);
  });
  const missing = REQUIRED.filter((column) => !columns.has(column)).map((column) => `"${COLUMNS[column]}"`);
  if (missing.length) {
    throw new LinkChartFileError(
      `The file's first row must name the columns: it has no ${missing.join(', ').replace(/, ([^,]*)$/, ' or $1')} column`,
    );
  }
  if (document.records.length === 0)
    throw new LinkChartFileError('The file has no links in it: only a header row');
  if (document.records.length > LINK_CHART_MAX_ROWS) {
    throw new LinkChartFileError(
      `The file has ${document.records.length} rows: a link chart can have at most ${LINK_CHART_MAX_ROWS}. Use the main import for larger files`,
    );
  }
  return { header: document.header, columns, records: document.records };
}

function cell(record: CsvRecord, columns: ReadonlyMap<Column, number>, column: Column): string {
  const index = columns.get(column);
  const value = index === undefined ? '' : (record.fields[index] ?? '');
  return value.trim().replace(ESCAPED_FORMULA, '');
}

function end(
  record: CsvRecord,
  columns: ReadonlyMap<Column, number>,
  nameColumn: 'from' | 'to',
  typeColumn: 'fromType' | 'toType',
): { ok: true; end: LinkChartEnd } | { ok: false; reason: string } {
  const typeText = cell(record, columns, typeColumn);
  const schema = schemaFrom(typeText);
  if (!schema) {
    const kinds = Object.keys(ENTITY_SCHEMAS).join(', ');
    return {
      ok: false,
      reason: `"${COLUMNS[typeColumn]}": "${typeText}" is not a kind of entity (${kinds})`,
    };
  }
  const raw = cell(record, columns, nameColumn);
  if (!raw) return { ok: false, reason: `"${COLUMNS[nameColumn]}": enter a name` };
  if (FORMULA.test(raw)) {
    return {
      ok: false,
      reason: `"${COLUMNS[nameColumn]}": "${raw.slice(0, 40)}" looks like a spreadsheet formula, not a name`,
    };
  }
  const spec: EntitySchemaSpec = ENTITY_SCHEMAS[schema];
  const checked = checkProperties(schema, { [spec.required]: [raw] });
  if (!checked.ok) {
    return { ok: false, reason: `"${COLUMNS[nameColumn]}": ${Object.values(checked.errors).join('; ')}` };
  }
  const name = checked.properties[spec.required]?.[0] ?? raw;
  return {
    ok: true,
    end: { schema, properties: checked.properties, name, matchKey: `${schema}:${normaliseName(name)}` },
  };
}

/** One row: its two ends, link type, date and confidence; or why it cannot be imported. */
export function mapLinkChartRow(
  record: CsvRecord,
  columns: ReadonlyMap<Column, number>,
): { ok: true; row: LinkChartRow } | { ok: false; reason: string } {
  if (record.problem) return { ok: false, reason: record.problem };
  const problems: string[] = [];
  const from = end(record, columns, 'from', 'fromType');
  const to = end(record, columns, 'to', 'toType');
  if (!from.ok) problems.push(from.reason);
  if (!to.ok) problems.push(to.reason);
  const typeText = cell(record, columns, 'linkType');
  const type = typeText ? linkTypeFrom(typeText) : null;
  if (!typeText) problems.push('"link type": enter the type of link, such as "associate of"');
  else if (!type)
    problems.push(`"link type": "${typeText.slice(0, 60)}" is not a type of link Lantern knows`);
  const dateText = cell(record, columns, 'date');
  const date = dateText ? chartDate(dateText) : null;
  if (dateText && !date)
    problems.push(`"date": "${dateText.slice(0, 20)}" must be a real date, like 2024-03-01 or 01/03/2024`);
  const confidenceText = cell(record, columns, 'confidence').toLowerCase();
  const confidence = confidenceText ? CONFIDENCES.find((c) => c === confidenceText) : ('medium' as const);
  if (!confidence)
    problems.push(`"confidence": "${confidenceText.slice(0, 20)}" must be low, medium or high`);
  if (problems.length || !from.ok || !to.ok || !type || !confidence) {
    return { ok: false, reason: problems.join('; ') };
  }
  if (from.end.matchKey === to.end.matchKey)
    return { ok: false, reason: 'A link must join two different entities' };
  if (!linkFits(type, from.end.schema, to.end.schema)) {
    const spec: LinkTypeSpec = LINK_TYPES[type];
    return {
      ok: false,
      reason: `A ${ENTITY_SCHEMAS[from.end.schema].label.toLowerCase()} cannot be "${spec.label}" a ${ENTITY_SCHEMAS[to.end.schema].label.toLowerCase()}`,
    };
  }
  return {
    ok: true,
    row: { line: record.line, from: from.end, to: to.end, type, date, confidence, fields: record.fields },
  };
}

/** The link a row makes, the same either way round when the type has no direction. */
export function pairKey(row: Pick<LinkChartRow, 'type' | 'from' | 'to'>): string {
  const ends = [row.from.matchKey, row.to.matchKey];
  if (!LINK_TYPES[row.type].directed) ends.sort();
  return JSON.stringify([row.type, ...ends]);
}

/** The whole file, row by row; a second row making the same link as an earlier one is rejected. */
export function parseLinkChart(text: string): LinkChartFile {
  const { header, columns, records } = readLinkChart(text);
  const rows: LinkChartRow[] = [];
  const rejections: LinkChartRejection[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const result = mapLinkChartRow(record, columns);
    if (!result.ok) {
      rejections.push({ line: record.line, reason: result.reason, fields: record.fields });
      continue;
    }
    const key = pairKey(result.row);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      rejections.push({
        line: record.line,
        reason: `Line ${earlier} already makes this link`,
        fields: record.fields,
      });
      continue;
    }
    seen.set(key, record.line);
    rows.push(result.row);
  }
  return { header, rows, rejections, rowsRead: records.length };
}
