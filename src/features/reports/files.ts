/**
 * Files sent with a report: what they really are (magic bytes, never the name or declared type),
 * what they reveal about the person who made them, and a sanitised copy with none of it.
 *
 * - Photos (JPEG, PNG) are decoded and re-encoded by sharp (libvips), which writes no EXIF, XMP,
 *   IPTC or ICC data unless asked: GPS position, camera serial number and owner name all go.
 * - PDFs are rebuilt page by page with pdf-lib into a new document with no Info dictionary and
 *   no XMP; metadata streams, page-piece data and comment authors are removed from every object,
 *   and photos embedded in the PDF lose their EXIF/XMP/IPTC segments.
 * - HEIC is refused: sharp's prebuilt libvips reads HEIF only with the AV1 codec (AVIF); the HEVC
 *   codec HEIC photos use is left out of it for patent reasons, so Lantern could not decode one,
 *   and an image it cannot decode is one it cannot clean.
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
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFObject,
} from 'pdf-lib';
import sharp from 'sharp';

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

// A 50-megapixel phone photo fits; a "decompression bomb" of billions of pixels does not.
const MAX_PIXELS = 100_000_000;

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
    if (left.length > 0 || sniff(sanitised) !== type) {
      throw new FileRefused(
        'We could not remove the hidden details from the selected file. Send a different file',
      );
    }
    return { mediaType: type, original: bytes, sanitised, findings };
  } catch (error) {
    // Malformed files make parsers fail in many ways: each is a file we cannot read.
    if (error instanceof FileRefused) throw error;
    throw new FileRefused(DAMAGED);
  }
}

const DAMAGED = 'The selected file could not be read. It may be damaged. Send a different file';

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
      if (error instanceof Error && error.name === 'EncryptedPDFError') {
        throw new FileRefused(
          'The selected PDF is protected with a password. Send a copy without a password',
        );
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
  try {
    // rotate() applies the EXIF orientation first, so the copy looks the same without it.
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS }).rotate();
    const output = type === 'image/jpeg' ? image.jpeg({ quality: 90 }) : image.png();
    return new Uint8Array(await output.toBuffer());
  } catch {
    throw new FileRefused(DAMAGED);
  }
}

// Keys that carry metadata or behaviour rather than what the pages show.
const REMOVED_KEYS = ['Metadata', 'PieceInfo', 'AA', 'JS', 'OpenAction', 'LastModified'].map((k) =>
  PDFName.of(k),
);

async function sanitisePdf(bytes: Uint8Array): Promise<Uint8Array> {
  const source = await loadPdf(bytes);
  const copy = await PDFDocument.create({ updateMetadata: false });
  const pages = await copy.copyPages(source, source.getPageIndices());
  for (const page of pages) copy.addPage(page);
  for (const [ref, object] of copy.context.enumerateIndirectObjects()) {
    const dict = dictOf(object);
    if (!dict) continue;
    for (const key of REMOVED_KEYS) dict.delete(key);
    // A comment's /T is its author's name.
    if (isAnnotation(dict)) dict.delete(PDFName.of('T'));
    if (object instanceof PDFRawStream && isJpegStream(object)) {
      const cleaned = stripJpegMetadata(object.contents);
      copy.context.assign(ref, PDFRawStream.of(object.dict, cleaned));
    }
  }
  // Nothing but what the pages need: drop objects no page refers to any more (old metadata).
  const saved = await copy.save({ useObjectStreams: false });
  return removeUnreferenced(saved);
}

/** Re-saves a PDF keeping only objects reachable from its catalogue. */
async function removeUnreferenced(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const reachable = new Set<string>();
  const visit = (object: PDFObject | undefined): void => {
    if (object === undefined) return;
    if (object instanceof PDFRef) {
      if (reachable.has(object.tag)) return;
      reachable.add(object.tag);
      visit(doc.context.lookup(object));
      return;
    }
    const dict = dictOf(object);
    if (dict) for (const value of dict.values()) visit(value);
    if (object instanceof PDFArray) for (const value of object.asArray()) visit(value);
  };
  visit(doc.context.trailerInfo.Root);
  for (const [ref] of doc.context.enumerateIndirectObjects()) {
    if (!reachable.has(ref.tag)) doc.context.delete(ref);
  }
  doc.context.trailerInfo.Info = undefined;
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

/**
 * Removes the segments of a JPEG that hold metadata (APP1 EXIF/XMP, APP13 IPTC, comments), keeping
 * the image data byte for byte. Used for photos inside PDFs, which pdf-lib stores untouched.
 */
export function stripJpegMetadata(jpeg: Uint8Array): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return jpeg;
  const kept: Uint8Array[] = [jpeg.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1] ?? 0;
    if (marker === 0xda) break; // start of scan: the image data runs to the end
    const length = ((jpeg[at + 2] ?? 0) << 8) | (jpeg[at + 3] ?? 0);
    const end = at + 2 + length;
    const metadata = (marker >= 0xe1 && marker <= 0xed) || marker === 0xef || marker === 0xfe;
    if (!metadata) kept.push(jpeg.subarray(at, end));
    at = end;
  }
  kept.push(jpeg.subarray(at));
  return new Uint8Array(Buffer.concat(kept));
}
