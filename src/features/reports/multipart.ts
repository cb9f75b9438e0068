/**
 * Reads a multipart form (a report with an optional file) with busboy, within hard limits: one
 * file of at most `maxFileBytes`, a few short fields. The file's name and declared type are
 * dropped unread: they are the client's words, and a name can identify the sender.
 */
import busboy from 'busboy';
import type { Request } from 'express';
import { HttpError } from '../../web/errors.js';

/** The file a form carried, or how it went wrong. */
export class ReceivedFile {
  constructor(
    readonly bytes: Uint8Array,
    /** It was larger than allowed: `bytes` holds only the start of it. */
    readonly tooLarge: boolean,
  ) {}
}

export interface MultipartLimits {
  maxFileBytes: number;
  fileField: string;
}

const FIELD_BYTES = 20_000;

export function readMultipart(req: Request, limits: MultipartLimits): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: limits.maxFileBytes, fields: 40, parts: 42, fieldSize: FIELD_BYTES },
      });
    } catch {
      reject(new HttpError(400, 'What you sent could not be read'));
      return;
    }
    const fields: Record<string, unknown> = {};
    let files: Promise<void>[] = [];
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) {
        reject(new HttpError(413, 'What you sent is too large'));
        return;
      }
      if (!Object.hasOwn(fields, name)) fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      let tooLarge = false;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => (tooLarge = true));
      files = [
        ...files,
        new Promise((done) =>
          stream.on('close', () => {
            const bytes = Buffer.concat(chunks);
            // Browsers send an empty part when no file was chosen.
            if (name === limits.fileField && (bytes.length > 0 || tooLarge)) {
              fields[name] = new ReceivedFile(new Uint8Array(bytes), tooLarge);
            } else if (name !== limits.fileField) {
              fields[name] = '(a file)'; // an unexpected field, refused by the form's schema
            }
            done();
          }),
        ),
      ];
    });
    parser.on('filesLimit', () => reject(new HttpError(400, 'Send one file at a time')));
    parser.on('fieldsLimit', () => reject(new HttpError(413, 'What you sent is too large')));
    parser.on('partsLimit', () => reject(new HttpError(413, 'What you sent is too large')));
    parser.on('error', () => reject(new HttpError(400, 'What you sent could not be read')));
    parser.on('close', () => {
      void Promise.all(files).then(() => resolve(fields));
    });
    req.pipe(parser);
  });
}
