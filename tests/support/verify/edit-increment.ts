import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFDocument,
} from '@cantoo/pdf-lib';
import { Increment } from '../../../main/services/pdf/sign/increment.ts';

/**
 * One hand-made incremental update: `edit` changes objects through pdf-lib and marks what it
 * changed; only those objects and new ones are appended. The tests use it to make the changes
 * no tool makes on request (an appearance rewritten in place, a version raised…).
 */
export async function editIncrement(
  bytes: Uint8Array,
  edit: (inc: Increment) => void | Promise<void>,
): Promise<Uint8Array> {
  const inc = await Increment.open(bytes);
  await edit(inc);
  await inc.doc.flush();
  const { bytes: increment } = inc.build();
  return new Uint8Array(Buffer.concat([bytes, increment]));
}

function textOf(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** The widget dictionary (and its reference) of the field named `name` (a merged field or its first kid). */
export function widgetOf(doc: PDFDocument, name: string): { ref: PDFRef; dict: PDFDict } {
  const form = doc.catalog.lookup(PDFName.of('AcroForm'));
  const fields = form instanceof PDFDict ? form.lookup(PDFName.of('Fields')) : undefined;
  for (const item of fields instanceof PDFArray ? fields.asArray() : []) {
    const dict = item instanceof PDFRef ? doc.context.lookup(item) : undefined;
    if (!(item instanceof PDFRef) || !(dict instanceof PDFDict) || textOf(dict.lookup(PDFName.of('T'))) !== name) {
      continue;
    }
    const kids = dict.lookup(PDFName.of('Kids'));
    const kid = kids instanceof PDFArray ? kids.get(0) : undefined;
    const kidDict = kid instanceof PDFRef ? doc.context.lookup(kid) : undefined;
    return kid instanceof PDFRef && kidDict instanceof PDFDict ? { ref: kid, dict: kidDict } : { ref: item, dict };
  }
  throw new Error(`no field ${name}`);
}

/** The reference of the widget's normal appearance stream (/AP /N). */
export function normalAppearanceOf(widget: PDFDict): PDFRef {
  const ap = widget.lookup(PDFName.of('AP'));
  const n = ap instanceof PDFDict ? ap.get(PDFName.of('N')) : undefined;
  if (!(n instanceof PDFRef)) {
    throw new Error('widget has no indirect /AP /N');
  }
  return n;
}

/** Replace the stream at `ref` in place (same object number): same dictionary, new drawing. */
export function rewriteStream(inc: Increment, ref: PDFRef, content: string): void {
  const old = inc.context.lookup(ref);
  if (!(old instanceof PDFRawStream)) {
    throw new Error(`object ${ref.toString()} is not a stream`);
  }
  const dict = old.dict.clone(inc.context);
  dict.delete(PDFName.of('Filter'));
  dict.delete(PDFName.of('DecodeParms'));
  inc.context.assign(ref, PDFRawStream.of(dict, Buffer.from(content, 'latin1')));
  inc.markChanged(ref);
}
