/**
 * Reading CSV as partners' systems export it (RFC 4180 and the usual departures from it): an
 * optional UTF-8 byte order mark, CRLF, LF or lone CR line ends, quoted values holding commas,
 * quotes ("") and line breaks. Each record keeps the line it starts on, so a rejected row can be
 * named the way a person finds it in a text editor. A malformed record is reported, never guessed
 * at: the import rejects that row and goes on with the rest.
 */

export interface CsvRecord {
  /** The physical line (1-based, the header is line 1) on which the record starts. */
  line: number;
  fields: string[];
  /** Why the record could not be read as written, if it could not. */
  problem?: string;
}

export interface CsvDocument {
  header: string[];
  records: CsvRecord[];
}

export class CsvError extends Error {
  override name = 'CsvError';
}

/** Decodes bytes as UTF-8 (refusing anything else rather than guessing) and drops a BOM. */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CsvError('The file is not UTF-8 text. Save it as "CSV UTF-8" and try again');
  }
  return text;
}

/**
 * Splits CSV text into records. Blank lines are skipped. A quote inside an unquoted value is kept
 * as written (common and harmless); text after a closing quote, or a quote never closed, makes
 * the record a problem.
 */
export function parseCsvRecords(input: string): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let problem: string | undefined;
    let endOfRecord = false;
    while (!endOfRecord) {
      let value = '';
      if (text[i] === '"') {
        i += 1;
        let closed = false;
        while (i < n) {
          const quote = text.indexOf('"', i);
          const chunk = quote === -1 ? text.slice(i) : text.slice(i, quote);
          line += countLineBreaks(chunk);
          value += chunk;
          if (quote === -1) {
            i = n;
            break;
          }
          if (text[quote + 1] === '"') {
            value += '"';
            i = quote + 2;
            continue;
          }
          i = quote + 1;
          closed = true;
          break;
        }
        if (!closed) {
          problem ??= `A quoted value starting on line ${start} is never closed`;
        } else if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          problem ??= `Line ${line} has text after a closing quote`;
          // Keep the rest of the value as written, so the rejection file shows it.
          const stop = nextDelimiter(text, i);
          value += text.slice(i, stop);
          i = stop;
        }
      } else {
        const stop = nextDelimiter(text, i);
        value = text.slice(i, stop);
        i = stop;
      }
      fields.push(value);
      if (i >= n) {
        endOfRecord = true;
      } else if (text[i] === ',') {
        i += 1;
        if (i >= n) {
          fields.push(''); // "a,b," at the very end: the last value is empty
          endOfRecord = true;
        }
      } else {
        // A line break: \r\n, \n or a lone \r.
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line += 1;
        endOfRecord = true;
      }
    }
    const blank = fields.length === 1 && fields[0] === '' && !problem;
    if (!blank) records.push({ line: start, fields, ...(problem ? { problem } : {}) });
  }
  return records;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 10) count += 1;
    else if (c === 13 && text.charCodeAt(j + 1) !== 10) count += 1;
  }
  return count;
}

function nextDelimiter(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 44 || c === 10 || c === 13) return j;
  }
  return text.length;
}

/**
 * A whole document: the first record is the header (column names, trimmed). Records with a
 * different number of values than the header are marked as problems, not padded or cut.
 */
export function parseCsv(input: string): CsvDocument {
  const [first, ...records] = parseCsvRecords(input);
  if (!first) throw new CsvError('The file is empty: it needs a header row naming the columns');
  if (first.problem) throw new CsvError(`The header row cannot be read: ${first.problem}`);
  const header = first.fields.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (name && seen.has(name)) throw new CsvError(`The header names the column "${name}" twice`);
    seen.add(name);
  }
  for (const record of records) {
    if (!record.problem && record.fields.length !== header.length) {
      record.problem = `Line ${record.line} has ${record.fields.length} values but the header has ${header.length} columns`;
    }
  }
  return { header, records };
}
