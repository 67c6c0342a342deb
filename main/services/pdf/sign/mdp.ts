import { PDFArray, PDFDict, PDFName, PDFNumber } from '@cantoo/pdf-lib';
import type { Increment } from './increment.ts';
import { catalog } from './form.ts';
import { signFailure } from './fail.ts';

/** The DocMDP permission (1, 2 or 3) of a certified document, or undefined when not certified. */
export function docMdpPermission(inc: Increment): number | undefined {
  const perms = catalog(inc).lookup(PDFName.of('Perms'));
  if (!(perms instanceof PDFDict)) {
    return undefined;
  }
  const sig = perms.lookup(PDFName.of('DocMDP'));
  if (!(sig instanceof PDFDict)) {
    return undefined;
  }
  const references = sig.lookup(PDFName.of('Reference'));
  if (references instanceof PDFArray) {
    for (let i = 0; i < references.size(); i += 1) {
      const reference = references.lookup(i);
      if (!(reference instanceof PDFDict)) {
        continue;
      }
      const method = reference.lookup(PDFName.of('TransformMethod'));
      if (!(method instanceof PDFName) || method.decodeText() !== 'DocMDP') {
        continue;
      }
      const params = reference.lookup(PDFName.of('TransformParams'));
      const p = params instanceof PDFDict ? params.lookup(PDFName.of('P')) : undefined;
      return p instanceof PDFNumber ? p.asNumber() : 2;
    }
  }
  return 2;
}

/**
 * Refuses an operation the certifying signature does not permit. P=1 permits nothing; with
 * P=2 filling fields and signing existing fields is fine, but new fields or annotations are not
 * (signing-notes §6), so operations that add them pass `addsFields`.
 */
export function assertModificationAllowed(inc: Increment, addsFields: boolean): void {
  const p = docMdpPermission(inc);
  if (p === undefined) {
    return;
  }
  if (p === 1) {
    throw signFailure('PDF_CERTIFIED_NO_CHANGES', 'Văn bản đã chứng thực với quyền P=1.', { docMdp: p });
  }
  if (addsFields && p === 2) {
    throw signFailure(
      'PDF_CERTIFIED_NO_CHANGES',
      'Văn bản đã chứng thực (P=2) chỉ cho phép điền và ký vào các trường đã có.',
      { docMdp: p },
    );
  }
}
