import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef } from '@cantoo/pdf-lib';
import { normalizeRotation } from '../../../domain/nd30/rotation.ts';
import type { Rect } from '../placement.ts';
import { signFailure } from './fail.ts';
import type { Increment } from './increment.ts';
import { catalog } from './form.ts';

/**
 * Page lookups that read only the page-tree nodes on the way to one page. pdf-lib's getPage()
 * builds every page object, which on a long document costs more than the whole signature.
 */
function pagesRoot(inc: Increment): PDFDict {
  const root = catalog(inc).lookup(PDFName.of('Pages'));
  if (!(root instanceof PDFDict)) {
    throw signFailure('PDF_MALFORMED', 'Thiếu cây trang (/Pages).');
  }
  return root;
}

function count(node: PDFDict): number {
  const value = node.lookup(PDFName.of('Count'));
  return value instanceof PDFNumber ? value.asNumber() : 0;
}

export function pageCount(inc: Increment): number {
  return count(pagesRoot(inc));
}

function isLeaf(node: PDFDict): boolean {
  const type = node.lookup(PDFName.of('Type'));
  return type instanceof PDFName ? type.decodeText() === 'Page' : !node.has(PDFName.of('Kids'));
}

/** The page object's reference, descending by /Count (a node whose /Count equals its kid count holds leaves only). */
export function pageRefAt(inc: Increment, index: number): PDFRef {
  if (!Number.isInteger(index) || index < 0 || index >= pageCount(inc)) {
    throw signFailure('INVALID_INPUT', `Trang ${index + 1} không có trong văn bản.`);
  }
  let node = pagesRoot(inc);
  let remaining = index;
  for (let depth = 0; depth < 64; depth += 1) {
    const kids = node.lookup(PDFName.of('Kids'));
    if (!(kids instanceof PDFArray)) {
      break;
    }
    if (count(node) === kids.size()) {
      const ref = kids.get(remaining);
      const leaf = ref instanceof PDFRef ? inc.context.lookup(ref) : undefined;
      if (ref instanceof PDFRef && leaf instanceof PDFDict && isLeaf(leaf)) {
        return ref;
      }
    }
    let next: PDFDict | undefined;
    for (const kid of kids.asArray()) {
      const dict = kid instanceof PDFRef ? inc.context.lookup(kid) : undefined;
      if (!(kid instanceof PDFRef) || !(dict instanceof PDFDict)) {
        continue;
      }
      if (isLeaf(dict)) {
        if (remaining === 0) {
          return kid;
        }
        remaining -= 1;
      } else if (remaining < count(dict)) {
        next = dict;
        break;
      } else {
        remaining -= count(dict);
      }
    }
    if (next === undefined) {
      break;
    }
    node = next;
  }
  throw signFailure('PDF_MALFORMED', `Không tìm thấy trang ${index + 1} trong cây trang.`);
}

/** The page's (inherited) MediaBox as a rectangle. */
export function pageBox(inc: Increment, index: number): Rect {
  let node = inc.context.lookup(pageRefAt(inc, index));
  for (let depth = 0; node instanceof PDFDict && depth < 64; depth += 1) {
    const box = node.lookup(PDFName.of('MediaBox'));
    if (box instanceof PDFArray && box.size() === 4) {
      const [x0, y0, x1, y1] = box.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : 0)) as [
        number,
        number,
        number,
        number,
      ];
      return { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
    }
    node = node.lookup(PDFName.of('Parent'));
  }
  return { x: 0, y: 0, width: 595.28, height: 841.89 };
}

/** The page's (inherited) /Rotate, normalised to 0, 90, 180 or 270. */
export function pageRotation(inc: Increment, pageRef: PDFRef): number {
  let node = inc.context.lookup(pageRef);
  for (let depth = 0; node instanceof PDFDict && depth < 64; depth += 1) {
    const rotate = node.lookup(PDFName.of('Rotate'));
    if (rotate instanceof PDFNumber) {
      return normalizeRotation(rotate.asNumber());
    }
    node = node.lookup(PDFName.of('Parent'));
  }
  return 0;
}

/**
 * The turn a widget's appearance is drawn with: its /MK /R, which prepare writes from the
 * direction of the page's text, else the page's /Rotate (the text is drawn for the reader).
 */
export function widgetRotation(inc: Increment, widget: PDFDict): number {
  const mk = widget.lookup(PDFName.of('MK'));
  const r = mk instanceof PDFDict ? mk.lookup(PDFName.of('R')) : undefined;
  if (r instanceof PDFNumber) {
    return normalizeRotation(r.asNumber());
  }
  const p = widget.get(PDFName.of('P'));
  return p instanceof PDFRef ? pageRotation(inc, p) : 0;
}
