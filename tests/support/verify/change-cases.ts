import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDict, PDFName, PDFNumber, PDFRef as PDFRefClass, PDFString } from '@cantoo/pdf-lib';
import { addDss } from '../../../main/services/pdf/sign/dss.ts';
import { FIELD_NGAY_BAN_HANH, FIELD_SO_KY_HIEU } from '../../../main/services/pdf/sign/fields.ts';
import { catalog, catalogRef } from '../../../main/services/pdf/sign/form.ts';
import { writeNumber } from '../../../main/services/pdf/sign/write-number.ts';
import { preparePdf } from '../../../main/services/pdf/sign/prepare.ts';
import { signPdf, type SignOptions } from '../../../main/services/pdf/sign/sign.ts';
import { softwareSignerFromFiles } from '../../../main/services/pdf/software-signer.ts';
import { createAppearance } from '../../../main/services/pdf/stamp/appearance.ts';
import { placementsFrom } from '../../integration/sign/flow-support.ts';
import { sealPng, signaturePng } from '../corpus/images.ts';
import { testNow } from '../clock/clock.ts';
import { makeDocument } from '../corpus/make-document.ts';
import type { PkiMaterial } from '../pki/build.ts';
import { PdfBuilder } from '../read/build-pdf.ts';
import { certOf, pdfsigSign, signingNssDb } from './corpus.ts';
import { appendDocumentTimestampField } from './doc-timestamp.ts';
import { editIncrement, normalAppearanceOf, rewriteStream, widgetOf } from './edit-increment.ts';

export const CHANGE_CASES = [
  'p1+doc-timestamp',
  'p1+dss',
  'p1+dss+esic',
  'p1+dss+xmp',
  'p2+countersign-new-field',
  'p2+extensions-version',
  'p2+sign-locks-widget',
  'p2+own-ap-fill',
  'p2+leader-ap-in-place',
  'p2+leader-new-ap',
  'p2+shared-ap-fill',
  'seal-locked+ap-in-place',
  'seal-lock-only+ap-in-place',
  'p2+inherited-font',
  'p2+inherited-image',
] as const;
export type ChangeCase = (typeof CHANGE_CASES)[number];

const RED_BOX = 'q 1 0 0 rg 0 0 40 12 re f Q';

/**
 * A small PDF whose only page takes its resources (a font and an image) from the page tree
 * root, by inheritance (ISO 32000-1 §7.7.3.4), as many scanners and old producers write them.
 */
function inheritedResourcesPdf(): Uint8Array {
  const b = new PdfBuilder('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  b.object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  b.object(
    2,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>',
  );
  b.object(3, '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>');
  b.stream(4, '', Buffer.from('BT /F1 24 Tf 72 720 Td (QUYET DINH) Tj ET q 120 0 0 120 72 520 cm /Im1 Do Q'));
  b.object(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  b.stream(
    6,
    '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode',
    deflateSync(Buffer.from([0, 255, 255, 0])),
  );
  b.table([1, 2, 3, 4, 5, 6], '/Size 7 /Root 1 0 R');
  return b.bytes();
}

/**
 * The change corpus, built per run: certified (P=1, P=2) and sealed documents, each followed by
 * one later update that ISO 32000 permits or forbids. The updates come from poppler (a second
 * signature), from our signing engine (DSS, numbering, sealing) and, where no tool makes the
 * change on request, from our incremental writer driven by the test (edit-increment.ts).
 */
export async function buildChangeCases(
  pki: PkiMaterial,
  dir: string,
  tsaUrl: string,
): Promise<Readonly<Record<ChangeCase, string>>> {
  mkdirSync(dir, { recursive: true });
  const path = (name: string) => join(dir, `${name.replace(/[^a-z0-9-]/gi, '_')}.pdf`);
  const read = (name: string) => new Uint8Array(readFileSync(path(name)));
  const save = (name: string, bytes: Uint8Array) => writeFileSync(path(name), bytes);
  const person = await softwareSignerFromFiles(
    certOf(pki, 'person').keyPem,
    certOf(pki, 'person').certPem,
    pki.chainPem,
  );
  const org = await softwareSignerFromFiles(certOf(pki, 'org').keyPem, certOf(pki, 'org').certPem, pki.chainPem);
  const leader = (certify: 1 | 2): SignOptions => ({
    signer: person,
    role: 'personal',
    certify,
    appearance: createAppearance,
    imagePng: signaturePng(),
  });
  const seal = (extra: Partial<SignOptions> = {}): SignOptions => ({
    signer: org,
    role: 'organization',
    appearance: createAppearance,
    imagePng: sealPng(),
    ...extra,
  });

  const doc = await makeDocument();
  await preparePdf(doc.bytes, path('prepared'), placementsFrom(doc.truth));
  await signPdf(read('prepared'), path('p1'), leader(1));
  await signPdf(read('prepared'), path('p2'), leader(2));

  // PAdES B-LTA material after a P=1 certification.
  save('p1+doc-timestamp', await appendDocumentTimestampField(read('p1'), tsaUrl));
  const der = (pem: string) =>
    new Uint8Array(Buffer.from(readFileSync(pem, 'utf8').replace(/-----[^-]+-----|\s/g, ''), 'base64'));
  await addDss(read('p1'), path('p1+dss'), {
    certificates: [der(certOf(pki, 'person').certPem), der(pki.subPem), der(pki.rootPem)],
    ocsps: [],
    crls: [],
  });
  save(
    'p1+dss+esic',
    await editIncrement(read('p1+dss'), (inc) => {
      // ETSI EN 319 142-1 §5.4: a PDF 1.7 file with a DSS declares the ESIC extension.
      catalog(inc).set(
        PDFName.of('Extensions'),
        inc.context.obj({ ESIC: { BaseVersion: PDFName.of('1.7'), ExtensionLevel: 5 } }),
      );
      inc.markChanged(catalogRef(inc));
    }),
  );

  save(
    'p1+dss+xmp',
    await editIncrement(read('p1+dss'), (inc) => {
      // What PAdES-LTA tools also do: the XMP packet updated (a new MetadataDate) with the DSS.
      const xmp =
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"/><?xpacket end="w"?>';
      const ref = inc.register(inc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' }));
      catalog(inc).set(PDFName.of('Metadata'), ref);
      inc.markChanged(catalogRef(inc));
    }),
  );

  // A second signature in a field of its own, added by poppler (its usual way) after P=2.
  pdfsigSign(signingNssDb(pki, dir), path('p2'), path('p2+countersign-new-field'), 'org', 'ChuKy_PhoiHop');

  save(
    'p2+extensions-version',
    await editIncrement(read('p2'), (inc) => {
      const root = catalog(inc);
      root.set(PDFName.of('Version'), PDFName.of('2.0'));
      root.set(
        PDFName.of('Extensions'),
        inc.context.obj({ ADBE: { BaseVersion: PDFName.of('1.7'), ExtensionLevel: 8 } }),
      );
      inc.markChanged(catalogRef(inc));
    }),
  );

  // The organization's field prepared without the Locked flag; signing it sets the flag.
  save(
    'prepared-unlocked',
    await editIncrement(read('prepared'), (inc) => {
      const w = widgetOf(inc.doc, 'ChuKy_CoQuan');
      w.dict.set(PDFName.of('F'), PDFNumber.of(4));
      inc.markChanged(w.ref);
    }),
  );
  await signPdf(read('prepared-unlocked'), path('p2-unlocked'), leader(2));
  await signPdf(
    read('p2-unlocked'),
    path('p2+sign-locks-widget'),
    seal({
      // The appearance hook runs inside the signing update: set Locked (bit 8) on the widget being signed.
      appearance: async (pdf, spec) => {
        const w = widgetOf(pdf, 'ChuKy_CoQuan');
        w.dict.set(PDFName.of('F'), PDFNumber.of(4 | 128));
        return createAppearance(pdf, spec);
      },
    }),
  );

  const fillInPlace = (inc: Parameters<Parameters<typeof editIncrement>[1]>[0]) => {
    const w = widgetOf(inc.doc, FIELD_SO_KY_HIEU);
    w.dict.set(PDFName.of('V'), PDFString.of('15/QD-UBND'));
    inc.markChanged(w.ref);
    rewriteStream(inc, normalAppearanceOf(w.dict), 'BT /Helv 10 Tf 2 4 Td (15/QD-UBND) Tj ET');
  };
  save('p2+own-ap-fill', await editIncrement(read('p2'), fillInPlace));

  save(
    'p2+leader-ap-in-place',
    await editIncrement(read('p2'), (inc) => {
      rewriteStream(inc, normalAppearanceOf(widgetOf(inc.doc, 'ChuKy_NguoiKy').dict), RED_BOX);
    }),
  );
  save(
    'p2+leader-new-ap',
    await editIncrement(read('p2'), (inc) => {
      const w = widgetOf(inc.doc, 'ChuKy_NguoiKy');
      const ap = inc.register(inc.context.stream(RED_BOX, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 150, 40] }));
      w.dict.set(PDFName.of('AP'), inc.context.obj({ N: ap }));
      inc.markChanged(w.ref);
    }),
  );

  // Before any signature, the number and date widgets are given one shared appearance stream.
  save(
    'prepared-shared',
    await editIncrement(read('prepared'), (inc) => {
      const so = widgetOf(inc.doc, FIELD_SO_KY_HIEU);
      const ngay = widgetOf(inc.doc, FIELD_NGAY_BAN_HANH);
      ngay.dict.set(PDFName.of('AP'), inc.context.obj({ N: normalAppearanceOf(so.dict) }));
      inc.markChanged(ngay.ref);
    }),
  );
  await signPdf(read('prepared-shared'), path('p2-shared'), leader(2));
  save('p2+shared-ap-fill', await editIncrement(read('p2-shared'), fillInPlace));

  // The clerk numbers, the organization seals and locks the number and date, then the number's
  // appearance is redrawn in place (its value untouched).
  // The issue date is the run's anchor, the instant the test certificates are issued around.
  const today = testNow().toISOString().slice(0, 10);
  await writeNumber(read('p2'), path('p2-numbered'), {
    soKyHieu: '15/QĐ-UBND',
    ngayBanHanh: today,
    diaDanh: 'Bắc Ninh',
  });
  await signPdf(read('p2-numbered'), path('sealed'), seal({ lockFields: [FIELD_SO_KY_HIEU, FIELD_NGAY_BAN_HANH] }));
  save(
    'seal-locked+ap-in-place',
    await editIncrement(read('sealed'), (inc) => {
      rewriteStream(
        inc,
        normalAppearanceOf(widgetOf(inc.doc, FIELD_SO_KY_HIEU).dict),
        'BT /F1 13 Tf 2 4 Td (99/QD-SUA) Tj ET',
      );
    }),
  );

  // The same with a seal that locks through the field's /Lock alone (no FieldMDP /Reference in
  // its signature dictionary): the appearance hook writes /Lock inside the signing update.
  await signPdf(
    read('p2-numbered'),
    path('sealed-lock-only'),
    seal({
      appearance: async (pdf, spec) => {
        const field = widgetOf(pdf, 'ChuKy_CoQuan');
        field.dict.set(
          PDFName.of('Lock'),
          pdf.context.obj({
            Type: 'SigFieldLock',
            Action: 'Include',
            Fields: [PDFString.of(FIELD_SO_KY_HIEU), PDFString.of(FIELD_NGAY_BAN_HANH)],
          }),
        );
        return createAppearance(pdf, spec);
      },
    }),
  );
  save(
    'seal-lock-only+ap-in-place',
    await editIncrement(read('sealed-lock-only'), (inc) => {
      rewriteStream(
        inc,
        normalAppearanceOf(widgetOf(inc.doc, FIELD_SO_KY_HIEU).dict),
        'BT /F1 13 Tf 2 4 Td (99/QD-SUA) Tj ET',
      );
    }),
  );

  save('inherited', inheritedResourcesPdf());
  await signPdf(read('inherited'), path('inherited-p2'), leader(2));
  save(
    'p2+inherited-font',
    await editIncrement(read('inherited-p2'), (inc) => {
      const font = inc.context.lookup(objectRef(5));
      if (!(font instanceof PDFDict)) {
        throw new Error('font 5 missing');
      }
      font.set(PDFName.of('BaseFont'), PDFName.of('Courier'));
      inc.markChanged(objectRef(5));
    }),
  );
  save(
    'p2+inherited-image',
    await editIncrement(read('inherited-p2'), (inc) => {
      rewriteStream(inc, objectRef(6), '\x00\x00\x00\x00');
    }),
  );
  return Object.fromEntries(CHANGE_CASES.map((n) => [n, path(n)])) as Record<ChangeCase, string>;
}

/** An object of the hand-built file, by number. */
function objectRef(num: number): PDFRefClass {
  return PDFRefClass.of(num, 0);
}
