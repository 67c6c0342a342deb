import { PDFArray, PDFDict, PDFName, type PDFObject } from '@cantoo/pdf-lib';
import { atomicWrite } from './atomic-write.ts';
import { catalog, catalogRef } from './form.ts';
import { Increment } from './increment.ts';
import { assertPdfBytes } from './input.ts';

/** Validation material for PAdES B-LT: DER certificates, OCSP responses and CRLs. */
export interface LongTermMaterial {
  readonly certificates: readonly Uint8Array[];
  readonly ocsps: readonly Uint8Array[];
  readonly crls: readonly Uint8Array[];
}

export interface DssResult {
  readonly bytesAdded: number;
  readonly added: { readonly certificates: number; readonly ocsps: number; readonly crls: number };
}

const KEYS = [
  ['Certs', 'certificates'],
  ['OCSPs', 'ocsps'],
  ['CRLs', 'crls'],
] as const;

/**
 * Appends a Document Security Store (ISO 32000-2 §12.8.4.3) in its own incremental update, so a
 * validator can check the signatures with this material after the certificates expire or the
 * responders go away. Only the Catalog changes, which every DocMDP level permits (DSS is outside
 * the signed revision's rules); entries already in an earlier DSS are kept.
 */
export async function addDss(bytes: Uint8Array, outPath: string, material: LongTermMaterial): Promise<DssResult> {
  assertPdfBytes(bytes);
  const inc = await Increment.open(bytes);
  const root = catalog(inc);
  const old = root.lookup(PDFName.of('DSS'));
  const dss = inc.context.obj({ Type: 'DSS' }) as PDFDict;
  const added = { certificates: 0, ocsps: 0, crls: 0 };
  for (const [pdfKey, field] of KEYS) {
    const items: PDFObject[] = [];
    const kept = old instanceof PDFDict ? old.lookup(PDFName.of(pdfKey)) : undefined;
    if (kept instanceof PDFArray) {
      items.push(...kept.asArray());
    }
    for (const der of unique(material[field])) {
      items.push(inc.register(inc.context.flateStream(der)));
      added[field] += 1;
    }
    if (items.length > 0) {
      dss.set(PDFName.of(pdfKey), inc.context.obj(items));
    }
  }
  root.set(PDFName.of('DSS'), dss);
  inc.markChanged(catalogRef(inc));
  await inc.doc.flush();
  const { bytes: increment } = inc.build();
  await atomicWrite(outPath, [bytes, increment]);
  return { bytesAdded: increment.length, added };
}

function unique(list: readonly Uint8Array[]): Uint8Array[] {
  const seen = new Set<string>();
  return list.filter((der) => {
    const key = Buffer.from(der).toString('base64');
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
