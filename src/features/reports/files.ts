/**
 * Files sent with a report: what they really are (magic bytes, never the name or declared type),
 * what they reveal about the person who made them, and a sanitised copy with none of it.
 *
 * - Photos (JPEG, PNG) are decoded and re-encoded by sharp (libvips), which writes no EXIF, XMP,
 *   IPTC or ICC data unless asked: GPS position, camera serial number and owner name all go.
 * - PDFs are rebuilt as Dangerzone does: each page is drawn as a picture (MuPDF, in a worker
 *   thread) and a new PDF is made of the pictures alone, so no script, action, link, form,
 *   attachment or metadata can survive; the copy is checked against an allow-list by pdf-lib.
 *   The pages' text is not kept: the copy is pictures only.
 * - HEIC is refused: sharp's prebuilt libvips reads HEIF only with the AV1 codec (AVIF); the HEVC
 *   codec HEIC photos use is left out of it for patent reasons, so Lantern could not decode one,
 *   and an image it cannot decode is one it cannot clean.
 *
 * Photos of more than MAX_PIXELS are refused from their header, before anything decodes them.
 *
 * Every sanitised copy is inspected again before it is kept: if anything is still found, the file
 * is refused rather than kept with metadata in it.
 */
import exifr from 'exifr';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFObject,
} from 'pdf-lib';
import sharp from 'sharp';
import { MAX_PAGES, rebuildPdfAsPictures, type RenderOutcome } from './pdf-render.js';

export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

export type Sniffed = AcceptedType | 'image/heic' | 'unknown';

/** What a file really is, from its first bytes. */
export function sniff(bytes: Uint8Array): Sniffed {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  const ascii = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');
  if (bytes.length >= 12 && ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
  }
  return 'unknown';
}

/** A file the reporter must be told about in plain words, and that Lantern will not keep. */
export class FileRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'FileRefused';
  }
}

/** One thing a file gives away, in words a reporter understands. */
export type Finding =
  | 'location'
  | 'taken-at'
  | 'device'
  | 'serial-number'
  | 'person-name'
  | 'software'
  | 'document-details'
  | 'hidden-details'
  | 'embedded-photo-details';

export const FINDING_TEXT: Record<Finding, string> = {
  location: 'the place where it was taken (its GPS position)',
  'taken-at': 'the date and time it was made',
  device: 'the make and model of the phone or camera',
  'serial-number': "the camera's serial number, which could be traced to the device",
  'person-name': 'a name, which may be yours or the name of the device owner or author',
  software: 'the name of the program or app that made it',
  'document-details': "the document's title, subject or keywords",
  'hidden-details': 'other hidden details written by the program that made it (XMP data)',
  'embedded-photo-details': 'details inside a photo in the document, such as where the photo was taken',
};

export interface Prepared {
  mediaType: AcceptedType;
  original: Uint8Array;
  sanitised: Uint8Array;
  /** What the original reveals, for the reporter to see before they send it. */
  findings: Finding[];
}

/**
 * A 24-megapixel phone photo fits; a picture declaring more (a "decompression bomb" of a few
 * kilobytes can) is refused from its header, before anything decodes it.
 */
export const MAX_PIXELS = 40_000_000;

/** Checks the file is one we take and can read, and makes its sanitised copy. */
export async function prepareUpload(bytes: Uint8Array): Promise<Prepared> {
  const type = sniff(bytes);
  if (type === 'image/heic') {
    throw new FileRefused(
      'The file is a HEIC photo, which we cannot accept. Send it as a JPEG instead: on an iPhone, take a screenshot of the photo, or change Settings, Camera, Formats to "Most compatible"',
    );
  }
  if (type === 'unknown') {
    throw new FileRefused('The selected file must be a JPEG, PNG or PDF');
  }
  try {
    const findings = await inspect(bytes, type);
    const sanitised = await sanitise(bytes, type);
    // Defence in depth: the copy partners see must reveal nothing at all.
    const left = await inspect(sanitised, type);
    if (left.length > 0 || sniff(sanitised) !== type) throw new FileRefused(NOT_CLEANED);
    return { mediaType: type, original: bytes, sanitised, findings };
  } catch (error) {
    // Malformed files make parsers fail in many ways: each is a file we cannot read.
    if (error instanceof FileRefused) throw error;
    throw new FileRefused(DAMAGED);
  }
}

const DAMAGED = 'The selected file could not be read. It may be damaged. Send a different file';
const NOT_CLEANED = 'We could not remove the hidden details from the selected file. Send a different file';
const PASSWORD_PROTECTED = 'The selected PDF is protected with a password. Send a copy without a password';

/** What a file reveals about where, when, on what and by whom it was made. */
export async function inspect(bytes: Uint8Array, type: AcceptedType): Promise<Finding[]> {
  if (type === 'application/pdf') return inspectPdf(bytes);
  return inspectImage(bytes);
}

type Tags = Record<string, unknown>;

async function readImageTags(bytes: Uint8Array): Promise<Tags> {
  try {
    const tags = (await exifr.parse(Buffer.from(bytes), {
      tiff: true,
      exif: true,
      gps: true,
      xmp: true,
      iptc: true,
      ifd1: true,
      interop: false,
      icc: false,
      mergeOutput: true,
    })) as Tags | undefined;
    return tags ?? {};
  } catch {
    // A photo whose metadata is damaged: we cannot list what it holds, but the copy we keep is
    // re-encoded (and re-inspected) whatever its metadata said.
    return { unreadable: true };
  }
}

const present = (tags: Tags, ...names: string[]) =>
  names.some((name) => {
    const value = tags[name];
    return typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null;
  });

async function inspectImage(bytes: Uint8Array): Promise<Finding[]> {
  const tags = await readImageTags(bytes);
  const findings: Finding[] = [];
  if (present(tags, 'latitude', 'longitude', 'GPSLatitude', 'GPSLongitude', 'GPSPosition'))
    findings.push('location');
  if (present(tags, 'DateTimeOriginal', 'CreateDate', 'DateTime', 'DateCreated', 'GPSDateStamp'))
    findings.push('taken-at');
  if (present(tags, 'Make', 'Model', 'LensModel')) findings.push('device');
  if (
    present(
      tags,
      'SerialNumber',
      'BodySerialNumber',
      'LensSerialNumber',
      'InternalSerialNumber',
      'CameraSerialNumber',
    )
  )
    findings.push('serial-number');
  if (present(tags, 'Artist', 'OwnerName', 'CameraOwnerName', 'Copyright', 'Creator', 'By-line', 'XPAuthor'))
    findings.push('person-name');
  if (present(tags, 'Software', 'CreatorTool', 'HostComputer')) findings.push('software');
  if (present(tags, 'ImageDescription', 'Title', 'title', 'description', 'Keywords', 'UserComment'))
    findings.push('document-details');
  if (tags.unreadable === true) findings.push('hidden-details');
  return findings;
}

function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true }).catch(
    (error: unknown) => {
      // pdf-lib names the error EncryptedPDFError in some versions and only says so in others.
      if (error instanceof Error && /encrypted/i.test(`${error.name} ${error.message}`)) {
        throw new FileRefused(PASSWORD_PROTECTED);
      }
      throw new FileRefused(DAMAGED);
    },
  );
}

async function inspectPdf(bytes: Uint8Array): Promise<Finding[]> {
  const doc = await loadPdf(bytes);
  const findings = new Set<Finding>();
  if (doc.getAuthor()) findings.add('person-name');
  if (doc.getCreator() || doc.getProducer()) findings.add('software');
  if (doc.getCreationDate() || doc.getModificationDate()) findings.add('taken-at');
  if (doc.getTitle() || doc.getSubject() || doc.getKeywords()) findings.add('document-details');
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict = dictOf(object);
    if (dict?.has(PDFName.of('Metadata')) || dict?.has(PDFName.of('PieceInfo')))
      findings.add('hidden-details');
    if (dict && isAnnotation(dict) && dict.has(PDFName.of('T'))) findings.add('person-name');
    if (object instanceof PDFRawStream && isJpegStream(object)) {
      const photo = await inspectImage(object.contents);
      if (photo.length > 0) findings.add('embedded-photo-details');
    }
  }
  return [...findings];
}

function dictOf(object: PDFObject): PDFDict | undefined {
  if (object instanceof PDFDict) return object;
  if (object instanceof PDFStream) return object.dict;
  return undefined;
}

/** Comments, highlights and form fields: every annotation has a /Rect and a /Subtype. */
function isAnnotation(dict: PDFDict): boolean {
  return dict.has(PDFName.of('Rect')) && dict.has(PDFName.of('Subtype'));
}

function isJpegStream(stream: PDFRawStream): boolean {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const names = filter instanceof PDFArray ? filter.asArray() : [filter];
  return names.length === 1 && names[0] === PDFName.of('DCTDecode');
}

async function sanitise(bytes: Uint8Array, type: AcceptedType): Promise<Uint8Array> {
  if (type === 'application/pdf') return sanitisePdf(bytes);
  let pixels: number;
  try {
    const { width, height } = await sharp(bytes).metadata();
    pixels = width * height;
  } catch {
    throw new FileRefused(DAMAGED);
  }
  if (!(pixels <= MAX_PIXELS)) {
    throw new FileRefused(
      `The selected photo is too large: it has more than ${MAX_PIXELS / 1_000_000} megapixels. Send a smaller copy of it`,
    );
  }
  try {
    // rotate() applies the EXIF orientation first, so the copy looks the same without it.
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS }).rotate();
    const output = type === 'image/jpeg' ? image.jpeg({ quality: 90 }) : image.png();
    return new Uint8Array(await output.toBuffer());
  } catch {
    throw new FileRefused(DAMAGED);
  }
}

const PDF_REFUSED: Record<Exclude<RenderOutcome, { kind: 'rebuilt' }>['problem'], string> = {
  password: PASSWORD_PROTECTED,
  'too-many-pages': `The selected PDF has more than ${MAX_PAGES} pages. Send a PDF of only the pages that matter, ${MAX_PAGES} pages or fewer`,
  damaged: DAMAGED,
  'too-slow':
    'The selected PDF took too long to check. Send a smaller PDF, or photos of only the pages that matter',
  busy: 'We are checking a lot of files just now. Try sending the file again in a few minutes',
};

/**
 * The PDF's pages drawn as pictures in a new PDF (pdf-render.ts): nothing the original could do
 * or hide (scripts, actions, links, forms, attachments, metadata) survives in a picture. Then the
 * copy is checked against an allow-list of what such a file holds, by a second PDF reader.
 */
async function sanitisePdf(bytes: Uint8Array): Promise<Uint8Array> {
  const outcome = await rebuildPdfAsPictures(bytes);
  if (outcome.kind === 'refused') throw new FileRefused(PDF_REFUSED[outcome.problem]);
  const copy = await PDFDocument.load(outcome.pdf, { updateMetadata: false, throwOnInvalidObject: true });
  if (copy.getPageCount() !== outcome.pageCount || !onlyPictures(copy)) {
    throw new FileRefused(NOT_CLEANED);
  }
  return outcome.pdf;
}

// Everything a PDF of pictures of pages needs, and nothing else.
const ALLOWED_KEYS = new Set([
  'Type',
  'Pages',
  'Kids',
  'Count',
  'Parent',
  'MediaBox',
  'Rotate',
  'Resources',
  'XObject',
  'Page',
  'Contents',
  'Length',
  'Filter',
  'Subtype',
  'Width',
  'Height',
  'ColorSpace',
  'BitsPerComponent',
]);
const ALLOWED_NAMES = new Set([
  'Catalog',
  'Pages',
  'Page',
  'XObject',
  'Image',
  'DeviceRGB',
  'FlateDecode',
  'DCTDecode',
]);

/** Whether every object in the file is a page, a picture or what holds them together. */
export function onlyPictures(doc: PDFDocument): boolean {
  const fine = (object: PDFObject): boolean => {
    if (object instanceof PDFName) return ALLOWED_NAMES.has(object.decodeText());
    if (object instanceof PDFArray) return object.asArray().every(fine);
    const dict = dictOf(object);
    if (dict) {
      return dict.entries().every(([key, value]) => ALLOWED_KEYS.has(key.decodeText()) && fine(value));
    }
    // Numbers and references; no strings, which is where names, addresses and scripts would be.
    return object instanceof PDFNumber || object instanceof PDFRef;
  };
  const { Info, Encrypt } = doc.context.trailerInfo;
  if (Info !== undefined || Encrypt !== undefined) return false;
  return doc.context.enumerateIndirectObjects().every(([, object]) => fine(object));
}
