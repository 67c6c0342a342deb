import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString, type PDFDict, type PDFRef } from '@cantoo/pdf-lib';

/** The EICAR anti-virus test string (not malware: every scanner reports it by agreement). */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

export type ActiveKind =
  | 'javascript'
  | 'launch'
  | 'uri'
  | 'submit-form'
  | 'open-action'
  | 'open-view'
  | 'embedded-eicar'
  | 'xfa'
  | 'rich-media'
  | 'plain';

async function base(): Promise<{ doc: PDFDocument; page: ReturnType<PDFDocument['addPage']> }> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Van ban thu', { x: 72, y: 760, size: 12 });
  return { doc, page };
}

function addLink(doc: PDFDocument, page: ReturnType<PDFDocument['addPage']>, action: PDFDict): PDFRef {
  const annot = doc.context.register(
    doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 700, 200, 720], Border: [0, 0, 0], A: action }),
  );
  page.node.set(PDFName.of('Annots'), doc.context.obj([annot]));
  return annot;
}

/** One small PDF per kind of active content, each made with pdf-lib's object model (never run). */
export async function makeActive(kind: ActiveKind): Promise<Uint8Array> {
  const { doc, page } = await base();
  const ctx = doc.context;
  switch (kind) {
    case 'javascript':
      doc.catalog.set(
        PDFName.of('Names'),
        ctx.obj({
          JavaScript: ctx.obj({
            Names: [PDFString.of('a'), ctx.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') })],
          }),
        }),
      );
      break;
    case 'launch':
      addLink(doc, page, ctx.obj({ S: 'Launch', F: PDFString.of('cmd.exe') }));
      break;
    case 'uri':
      addLink(doc, page, ctx.obj({ S: 'URI', URI: PDFString.of('https://example.invalid/') }));
      break;
    case 'submit-form':
      addLink(doc, page, ctx.obj({ S: 'SubmitForm', F: ctx.obj({ FS: 'URL', F: PDFString.of('https://x.invalid') }) }));
      break;
    case 'open-action':
      doc.catalog.set(PDFName.of('OpenAction'), ctx.obj({ S: 'Launch', F: PDFString.of('calc.exe') }));
      break;
    case 'open-view':
      doc.catalog.set(PDFName.of('OpenAction'), ctx.obj([page.ref, PDFName.of('Fit')]));
      break;
    case 'embedded-eicar': {
      // Stored unfiltered, as many producers do; a scanner must find it in the file as it arrives.
      const file = ctx.register(ctx.stream(new TextEncoder().encode(EICAR), { Type: 'EmbeddedFile' }));
      const spec = ctx.register(ctx.obj({ Type: 'Filespec', F: PDFString.of('eicar.com'), EF: ctx.obj({ F: file }) }));
      doc.catalog.set(
        PDFName.of('Names'),
        ctx.obj({ EmbeddedFiles: ctx.obj({ Names: [PDFString.of('eicar.com'), spec] }) }),
      );
      break;
    }
    case 'xfa':
      doc.catalog.set(
        PDFName.of('AcroForm'),
        ctx.obj({ Fields: [], XFA: ctx.register(ctx.flateStream('<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"/>')) }),
      );
      break;
    case 'rich-media': {
      const annot = ctx.register(
        ctx.obj({ Type: 'Annot', Subtype: 'RichMedia', Rect: [72, 600, 300, 700], RichMediaContent: ctx.obj({}) }),
      );
      page.node.set(PDFName.of('Annots'), ctx.obj([annot]));
      break;
    }
    case 'plain':
      break;
  }
  return doc.save({ useObjectStreams: kind === 'javascript' });
}

export async function writeActiveCorpus(dir: string): Promise<Record<ActiveKind, string>> {
  const kinds: ActiveKind[] = [
    'javascript',
    'launch',
    'uri',
    'submit-form',
    'open-action',
    'open-view',
    'embedded-eicar',
    'xfa',
    'rich-media',
    'plain',
  ];
  const out = {} as Record<ActiveKind, string>;
  for (const kind of kinds) {
    const path = join(dir, `${kind}.pdf`);
    writeFileSync(path, await makeActive(kind));
    out[kind] = path;
  }
  return out;
}

/** A ClamAV signature database that knows only EICAR (freshclam's databases are out of reach here). */
export function eicarDatabase(dir: string): string {
  const path = join(dir, 'eicar.ndb');
  writeFileSync(path, `Vanthu.Test.EICAR:0:*:${Buffer.from(EICAR, 'latin1').toString('hex')}\n`);
  return path;
}
