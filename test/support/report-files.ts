/**
 * Files for the report tests, made on the spot: a JPEG that gives away where it was taken and the
 * camera's serial number, and a PDF with its author in the Info dictionary and in XMP (and a photo
 * with GPS inside it). The distinctive values let tests search the bytes for them.
 */
import { PDFDocument, PDFName } from 'pdf-lib';
import sharp from 'sharp';

export const PHOTO_SECRETS = {
  serial: 'SERIAL-7Q4Z9XK2',
  owner: 'Photo Owner Pennyfeather',
  make: 'ProbeCam',
  // 50° 15′ 36″ N, 5° 3′ 0″ W: Truro-ish.
  latitude: 50.26,
} as const;

export const PDF_SECRETS = {
  author: 'Author Quillinan-Marrow',
  xmpCreator: 'XmpCreator Tregothnan-Vyvyan',
  title: 'Title Confidential Pasco',
} as const;

export async function photoWithGps(format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
  const image = sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6f97' } });
  const encoded = format === 'jpeg' ? image.jpeg() : image.png();
  return encoded
    .withExif({
      IFD0: { Make: PHOTO_SECRETS.make, Model: 'P1', Artist: PHOTO_SECRETS.owner, Software: 'ProbeOS 1' },
      IFD2: { BodySerialNumber: PHOTO_SECRETS.serial, DateTimeOriginal: '2025:03:14 21:30:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '50/1 15/1 36/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '5/1 3/1 0/1',
      },
    })
    .toBuffer();
}

const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:creator><rdf:Seq><rdf:li>${PDF_SECRETS.xmpCreator}</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

export async function pdfWithAuthor(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setAuthor(PDF_SECRETS.author);
  doc.setTitle(PDF_SECRETS.title);
  doc.setCreator('ProbeWriter 3');
  const page = doc.addPage([300, 200]);
  page.drawText('A note about a house on our street', { x: 20, y: 150, size: 12 });
  const photo = await doc.embedJpg(await photoWithGps());
  page.drawImage(photo, { x: 20, y: 20, width: 64, height: 48 });
  const metadata = doc.context.stream(XMP, { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(metadata));
  page.node.set(
    PDFName.of('Metadata'),
    doc.context.register(doc.context.stream(XMP, { Type: 'Metadata', Subtype: 'XML' })),
  );
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** The first bytes of a HEIC photo from an iPhone: enough to be recognised, and refused. */
export function heicHeader(): Buffer {
  const box = Buffer.alloc(24);
  box.writeUInt32BE(24, 0);
  box.write('ftypheic', 4, 'latin1');
  box.write('mif1heic', 16, 'latin1');
  return box;
}
