import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import exifr from 'exifr';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import {
  heicHeader,
  pdfWithAuthor,
  PDF_SECRETS,
  photoWithGps,
  PHOTO_SECRETS,
} from '../../../test/support/report-files.js';
import { FileRefused, MAX_PIXELS, prepareUpload, sniff } from './files.js';

/** A real PNG, grey, one bit a pixel: 48 megapixels of zeros deflate to a few kilobytes. */
function pngOf(width: number, height: number, withData: boolean): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // 1 bit, greyscale
  const rows = withData ? deflateSync(Buffer.alloc((1 + Math.ceil(width / 8)) * height)) : Buffer.alloc(0);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const contains = (bytes: Uint8Array, text: string) =>
  Buffer.from(bytes).includes(Buffer.from(text, 'latin1'));

describe('files sent with reports', () => {
  it('knows a file by its first bytes, never its name or declared type', async () => {
    assert.equal(sniff(await photoWithGps()), 'image/jpeg');
    assert.equal(sniff(await photoWithGps('png')), 'image/png');
    assert.equal(sniff(await pdfWithAuthor()), 'application/pdf');
    assert.equal(sniff(heicHeader()), 'image/heic');
    assert.equal(sniff(Buffer.from('<html><script>alert(1)</script>')), 'unknown');
    assert.equal(sniff(Buffer.from('MZ\x90\x00 an exe called photo.jpg')), 'unknown');
  });

  it('removes GPS position, camera serial number and owner from the copy of a JPEG photo', async () => {
    const original = await photoWithGps();
    // The test photo really does carry them.
    const before = (await exifr.parse(original, { gps: true, exif: true, tiff: true })) as Record<
      string,
      unknown
    >;
    assert.equal(Math.round(Number(before.latitude) * 100) / 100, PHOTO_SECRETS.latitude);
    assert.ok(contains(original, PHOTO_SECRETS.serial));

    const prepared = await prepareUpload(original);
    assert.equal(prepared.mediaType, 'image/jpeg');
    assert.deepEqual([...prepared.findings].sort(), [
      'device',
      'location',
      'person-name',
      'serial-number',
      'software',
      'taken-at',
    ]);
    assert.ok(Buffer.from(prepared.original).equals(original), 'the original is kept exactly');

    const copy = Buffer.from(prepared.sanitised);
    assert.equal(await exifr.gps(copy), undefined, 'no GPS in the copy');
    assert.equal(
      await exifr.parse(copy, { gps: true, exif: true, tiff: true, xmp: true, iptc: true }),
      undefined,
    );
    for (const secret of [PHOTO_SECRETS.serial, PHOTO_SECRETS.owner, PHOTO_SECRETS.make, 'Exif\0\0']) {
      assert.ok(!contains(copy, secret), `copy still holds ${JSON.stringify(secret)}`);
    }
    const metadata = await sharp(copy).metadata();
    assert.equal(metadata.exif, undefined);
    assert.equal(metadata.width, 64, 'still the same picture');
  });

  it('removes the same from a PNG photo', async () => {
    const prepared = await prepareUpload(await photoWithGps('png'));
    assert.equal(prepared.mediaType, 'image/png');
    assert.ok(prepared.findings.includes('location'));
    assert.equal(await exifr.gps(Buffer.from(prepared.sanitised)), undefined);
    assert.ok(!contains(prepared.sanitised, PHOTO_SECRETS.serial));
  });

  it('removes the author, title, XMP and photo details from the copy of a PDF, keeping its pages', async () => {
    const original = await pdfWithAuthor();
    const source = await PDFDocument.load(original, { updateMetadata: false });
    assert.equal(source.getAuthor(), PDF_SECRETS.author);
    assert.ok(contains(original, PDF_SECRETS.xmpCreator));
    assert.ok(contains(original, PHOTO_SECRETS.serial), 'the embedded photo carries its serial');

    const prepared = await prepareUpload(original);
    assert.equal(prepared.mediaType, 'application/pdf');
    for (const finding of [
      'person-name',
      'document-details',
      'hidden-details',
      'embedded-photo-details',
    ] as const) {
      assert.ok(prepared.findings.includes(finding), finding);
    }
    const copy = await PDFDocument.load(prepared.sanitised, { updateMetadata: false });
    assert.equal(copy.getAuthor(), undefined);
    assert.equal(copy.getTitle(), undefined);
    assert.equal(copy.getCreator(), undefined);
    assert.equal(copy.getProducer(), undefined);
    assert.equal(copy.getPageCount(), 1);
    for (const secret of [
      PDF_SECRETS.xmpCreator,
      'xmpmeta',
      '/Metadata',
      '/Info',
      PHOTO_SECRETS.serial,
      'Exif\0\0',
    ]) {
      assert.ok(!contains(prepared.sanitised, secret), `copy still holds ${JSON.stringify(secret)}`);
    }
  });

  it('refuses a photo of more than 40 megapixels, and a decompression bomb, from its header', async () => {
    assert.equal(MAX_PIXELS, 40_000_000);
    const bomb = pngOf(8000, 6000, true);
    assert.ok(bomb.length < 10_000, `the bomb is ${bomb.length} bytes`);
    for (const bytes of [pngOf(9999, 9999, false), bomb]) {
      await assert.rejects(prepareUpload(bytes), (error: unknown) => {
        assert.ok(error instanceof FileRefused);
        assert.match(error.reason, /too large: it has more than 40 megapixels. Send a smaller copy/);
        return true;
      });
    }
    // A smaller one is still a photo we take.
    const fits = await prepareUpload(pngOf(2000, 1500, true));
    assert.equal(fits.mediaType, 'image/png');
  });

  it('refuses HEIC, other types and damaged files with a plain message', async () => {
    const photo = await photoWithGps();
    const cases: [Buffer, RegExp][] = [
      [heicHeader(), /HEIC photo, which we cannot accept. Send it as a JPEG/],
      [Buffer.from('GIF89a....'), /must be a JPEG, PNG or PDF/],
      [Buffer.from('%PDF-1.7 this is not really a PDF'), /could not be read/],
      [photo.subarray(0, photo.length / 2), /could not be read/],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), /could not be read/],
    ];
    for (const [bytes, message] of cases) {
      await assert.rejects(prepareUpload(bytes), (error: unknown) => {
        assert.ok(error instanceof FileRefused);
        assert.match(error.reason, message);
        return true;
      });
    }
  });

  it('refuses a password-protected PDF', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const bytes = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
    // A trailer naming an /Encrypt dictionary is what makes a PDF encrypted to readers.
    const encrypted = bytes.replace(
      '/Root',
      '/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>\n/Root',
    );
    await assert.rejects(prepareUpload(Buffer.from(encrypted, 'latin1')), /password|could not be read/);
  });
});
