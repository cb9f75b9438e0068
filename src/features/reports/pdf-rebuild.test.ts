import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { describe, it } from 'node:test';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import {
  encryptedPdf,
  HOSTILE_MARKERS,
  openableHostilePdfs,
  pageOneHundredMetresWide,
  tenThousandPages,
  textPage,
} from '../../../test/support/hostile-pdfs.js';
import { FileRefused, prepareUpload } from './files.js';
import { MAX_PAGE_PIXELS } from './pdf-render.js';

// Whatever carries behaviour, attachments, forms or metadata in a PDF.
const FORBIDDEN = [
  'A',
  'AA',
  'JS',
  'JavaScript',
  'OpenAction',
  'Annots',
  'Annot',
  'Names',
  'EmbeddedFiles',
  'EmbeddedFile',
  'Filespec',
  'FileAttachment',
  'AcroForm',
  'XFA',
  'Metadata',
  'Launch',
  'GoToR',
  'URI',
  'SubmitForm',
  'Link',
  'Widget',
  'Info',
  'Encrypt',
  'Outlines',
  'Dests',
  'PieceInfo',
];

/** Every name used as a key or a value anywhere in the file, and whether it holds any string. */
function walk(doc: PDFDocument): { names: Set<string>; strings: number } {
  const names = new Set<string>();
  let strings = 0;
  const seen = new Set<PDFObject>();
  const visit = (object: PDFObject | undefined): void => {
    if (object === undefined || seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFRef) return visit(doc.context.lookup(object));
    if (object instanceof PDFName) names.add(object.decodeText());
    if (object instanceof PDFString || object instanceof PDFHexString) strings++;
    if (object instanceof PDFArray) object.asArray().forEach(visit);
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
    for (const [key, value] of dict?.entries() ?? []) {
      names.add(key.decodeText());
      visit(value);
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object);
  for (const value of Object.values(doc.context.trailerInfo)) visit(value);
  for (const key of Object.keys(doc.context.trailerInfo)) {
    if (doc.context.trailerInfo[key as keyof typeof doc.context.trailerInfo]) names.add(key);
  }
  return { names, strings };
}

async function assertOnlyPictures(copy: Uint8Array, pages: number): Promise<PDFDocument> {
  const doc = await PDFDocument.load(copy, { updateMetadata: false });
  const { names, strings } = walk(doc);
  for (const name of FORBIDDEN) assert.ok(!names.has(name), `the copy still has /${name}`);
  assert.equal(strings, 0, 'no strings at all: no names, addresses or scripts');
  const text = Buffer.from(copy).toString('latin1');
  for (const marker of HOSTILE_MARKERS) assert.ok(!text.includes(marker), `copy holds ${marker}`);
  assert.equal(doc.getPageCount(), pages);
  for (const page of doc.getPages()) {
    // Each page's only content draws its one picture, filling the page.
    const contents = page.node.Contents();
    assert.ok(contents instanceof PDFRawStream);
    const drawing = inflateSync(contents.contents).toString('latin1').trim();
    assert.match(drawing, /^q [\d.]+ 0 0 [\d.]+ 0 0 cm \/Page Do Q$/);
    const picture = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict).lookup(PDFName.of('Page'));
    assert.ok(picture instanceof PDFRawStream);
    const width = picture.dict.lookup(PDFName.of('Width')) as unknown as { asNumber(): number };
    const height = picture.dict.lookup(PDFName.of('Height')) as unknown as { asNumber(): number };
    assert.ok(width.asNumber() * height.asNumber() <= MAX_PAGE_PIXELS);
  }
  return doc;
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await prepareUpload(bytes);
  } catch (error) {
    if (error instanceof FileRefused) return error.reason;
    throw error;
  }
  assert.fail('the file was accepted');
}

describe('a PDF sent with a report is rebuilt from pictures of its pages', () => {
  it('keeps no action, annotation, names tree, attachment, form or metadata from hostile PDFs', async () => {
    const corpus = await openableHostilePdfs();
    const outcomes = await Promise.all(
      Object.entries(corpus).map(async ([name, bytes]) => ({
        name,
        bytes,
        prepared: await prepareUpload(bytes),
      })),
    );
    for (const { name, bytes, prepared } of outcomes) {
      assert.equal(prepared.mediaType, 'application/pdf', name);
      assert.ok(Buffer.from(prepared.original).equals(bytes), `${name}: the original is kept exactly`);
      await assertOnlyPictures(prepared.sanitised, 1).catch((error: unknown) => {
        throw new Error(`${name}: ${String(error)}`);
      });
    }
  });

  it('draws each page as it looks: the same page size and the same marks where they were', async () => {
    const original = await textPage();
    const prepared = await prepareUpload(original);
    const mupdf = await import('mupdf');
    const draw = (bytes: Uint8Array) => {
      const page = mupdf.Document.openDocument(bytes, 'application/pdf').loadPage(0);
      return {
        bounds: page.getBounds(),
        pixmap: page.toPixmap(mupdf.Matrix.identity, mupdf.ColorSpace.DeviceGray, false),
      };
    };
    const before = draw(original);
    const after = draw(prepared.sanitised);
    assert.deepEqual(after.bounds, before.bounds);
    const width = after.pixmap.getWidth();
    assert.equal(width, before.pixmap.getWidth());
    const grey = (pixels: Uint8ClampedArray, x: number, yFromBottom: number) =>
      pixels[(842 - yFromBottom) * width + x] ?? -1;
    const pixels = after.pixmap.getPixels();
    assert.ok(grey(pixels, 100, 650) < 40, 'the black square is still black');
    assert.ok(grey(pixels, 400, 650) > 215, 'the empty part of the page is still white');
    // Across the whole page, the picture differs from the original by little (resampling only).
    const original8 = before.pixmap.getPixels();
    let difference = 0;
    for (let i = 0; i < pixels.length; i++) difference += Math.abs((pixels[i] ?? 0) - (original8[i] ?? 0));
    assert.ok(difference / pixels.length < 4, `mean difference ${difference / pixels.length}`);
    // The line of text is there as dark pixels.
    let dark = 0;
    for (let x = 50; x < 350; x++) for (let y = 550; y < 565; y++) if (grey(pixels, x, y) < 128) dark++;
    assert.ok(dark > 200, `only ${dark} dark pixels where the text was`);
  });

  it('draws a page 100 m wide in at most 4 megapixels, keeping its shape', async () => {
    const prepared = await prepareUpload(await pageOneHundredMetresWide());
    const copy = await assertOnlyPictures(prepared.sanitised, 1);
    const { width, height } = copy.getPage(0).getSize();
    assert.ok(Math.abs(width / height - 283_465 / 842) < 1, 'the same shape');
  });

  it('refuses more than 50 pages, a password and a file that is not a PDF inside, with plain words', async () => {
    assert.match(await refusal(await tenThousandPages()), /more than 50 pages. Send a PDF of only the pages/);
    assert.match(await refusal(await encryptedPdf()), /protected with a password/);
    assert.match(
      await refusal(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n')),
      /could not be read/,
    );
  });
});
