import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRef,
  PDFStream,
  ParseSpeeds,
  PDFRawStream,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { decodePdfString } from './locate.ts';

export interface FieldNode {
  readonly ref: string;
  readonly name: string;
  readonly type: string;
  readonly dict: PDFDict;
}

/** The parts of one revision the verifier reasons about, keyed by "n g R". */
export interface PdfModel {
  readonly doc: PDFDocument;
  readonly catalog: string;
  readonly acroForm: string | null;
  readonly pages: readonly string[];
  readonly pageTree: ReadonlySet<string>;
  readonly annotsArrays: ReadonlySet<string>;
  readonly annotations: ReadonlyMap<string, { readonly page: number; readonly subtype: string }>;
  readonly fields: ReadonlyMap<string, FieldNode>;
  readonly info: string | null;
}

const MAX_FIELDS = 10_000;

export async function loadRevision(bytes: Uint8Array): Promise<PdfModel> {
  const doc = await PDFDocument.load(bytes, {
    ignoreEncryption: true,
    updateMetadata: false,
    throwOnInvalidObject: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  return describeDocument(doc);
}

export function refKey(ref: PDFRef): string {
  return ref.toString();
}

function text(obj: PDFObject | undefined): string {
  if (obj === undefined) {
    return '';
  }
  const raw = obj.toString();
  return raw.startsWith('(') || raw.startsWith('<') ? decodePdfString(raw) : raw;
}

export function describeDocument(doc: PDFDocument): PdfModel {
  const context = doc.context;
  const rootRef = context.trailerInfo.Root;
  const catalog = rootRef instanceof PDFRef ? refKey(rootRef) : '';
  const pageTree = new Set<string>();
  const pages: string[] = [];
  const annotsArrays = new Set<string>();
  const annotations = new Map<string, { page: number; subtype: string }>();
  const pagesRef = doc.catalog.get(PDFName.of('Pages'));
  // Walk the page tree ourselves: a damaged tree must not throw or loop.
  const stack: PDFObject[] = pagesRef === undefined ? [] : [pagesRef];
  const seen = new Set<string>();
  while (stack.length > 0 && seen.size < 200_000) {
    const item = stack.pop() as PDFObject;
    if (!(item instanceof PDFRef) || seen.has(refKey(item))) {
      continue;
    }
    seen.add(refKey(item));
    const node = context.lookup(item);
    if (!(node instanceof PDFDict)) {
      continue;
    }
    const kids = node.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) {
      pageTree.add(refKey(item));
      for (let i = kids.size() - 1; i >= 0; i--) {
        stack.push(kids.get(i));
      }
      continue;
    }
    pages.push(refKey(item));
    const annots = node.get(PDFName.of('Annots'));
    if (annots instanceof PDFRef) {
      annotsArrays.add(refKey(annots));
    }
    const list = node.lookup(PDFName.of('Annots'));
    if (list instanceof PDFArray) {
      for (let i = 0; i < list.size(); i++) {
        const a = list.get(i);
        if (!(a instanceof PDFRef)) {
          continue;
        }
        const dict = context.lookup(a);
        const subtype = dict instanceof PDFDict ? text(dict.get(PDFName.of('Subtype'))) : '';
        annotations.set(refKey(a), { page: pages.length, subtype: subtype.replace(/^\//, '') });
      }
    }
  }
  const fields = new Map<string, FieldNode>();
  const formRef = doc.catalog.get(PDFName.of('AcroForm'));
  const form = doc.catalog.lookup(PDFName.of('AcroForm'));
  if (form instanceof PDFDict) {
    const top = form.lookup(PDFName.of('Fields'));
    const queue: Array<{ obj: PDFObject; prefix: string; type: string }> = [];
    if (top instanceof PDFArray) {
      for (let i = 0; i < top.size(); i++) {
        queue.push({ obj: top.get(i), prefix: '', type: '' });
      }
    }
    while (queue.length > 0 && fields.size < MAX_FIELDS) {
      const { obj, prefix, type } = queue.shift() as { obj: PDFObject; prefix: string; type: string };
      if (!(obj instanceof PDFRef) || fields.has(refKey(obj))) {
        continue;
      }
      const dict = context.lookup(obj);
      if (!(dict instanceof PDFDict)) {
        continue;
      }
      const partial = text(dict.get(PDFName.of('T')));
      const name = partial === '' ? prefix : prefix === '' ? partial : `${prefix}.${partial}`;
      const ft = text(dict.get(PDFName.of('FT'))).replace(/^\//, '') || type;
      fields.set(refKey(obj), { ref: refKey(obj), name, type: ft, dict });
      const kids = dict.lookup(PDFName.of('Kids'));
      if (kids instanceof PDFArray) {
        for (let i = 0; i < kids.size(); i++) {
          queue.push({ obj: kids.get(i), prefix: name, type: ft });
        }
      }
    }
  }
  const infoRef = context.trailerInfo.Info;
  return {
    doc,
    catalog,
    acroForm: formRef instanceof PDFRef ? refKey(formRef) : null,
    pages,
    pageTree,
    annotsArrays,
    annotations,
    fields,
    info: infoRef instanceof PDFRef ? refKey(infoRef) : null,
  };
}

/**
 * A comparable fingerprint of an object: dictionaries as written, streams with their raw bytes.
 * Raw, not decoded: the same content re-compressed counts as modified, which errs on the safe side.
 */
export function fingerprint(obj: PDFObject): string {
  if (obj instanceof PDFRawStream) {
    return `${obj.dict.toString()}|${Buffer.from(obj.getContents()).toString('latin1')}`;
  }
  if (obj instanceof PDFStream) {
    return `${obj.dict.toString()}|${Buffer.from(obj.getContents()).toString('latin1')}`;
  }
  return obj.toString();
}

const NUMBER = /-?\d*\.?\d+/g;

/**
 * Equal as written, or equal after rounding numbers: writers re-save rectangles in single
 * precision (mupdf writes 141.42774 for 141.427734375), which is not a change.
 */
function sameValue(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const na = a.match(NUMBER) ?? [];
  const nb = b.match(NUMBER) ?? [];
  if (
    na.length !== nb.length ||
    a.replace(NUMBER, '#').replace(/\s+/g, '') !== b.replace(NUMBER, '#').replace(/\s+/g, '')
  ) {
    return false;
  }
  return na.every((x, i) => Math.abs(Number(x) - Number(nb[i])) < 0.01);
}

/** Keys whose values differ between two dictionaries (present in either). */
export function changedKeys(a: PDFDict, b: PDFDict): string[] {
  const keys = new Set([...a.keys(), ...b.keys()].map((k) => k.asString()));
  const out: string[] = [];
  for (const key of keys) {
    const name = PDFName.of(key.replace(/^\//, ''));
    if (!sameValue(a.get(name)?.toString() ?? '', b.get(name)?.toString() ?? '')) {
      out.push(key.replace(/^\//, ''));
    }
  }
  return out;
}

/**
 * Objects a page's visible content depends on (content streams, resources, fonts, images),
 * not its annotations: changing any of them changes what the page shows.
 */
export function pageContentObjects(model: PdfModel): Set<string> {
  const context = model.doc.context;
  const reached = new Set<string>();
  const stack: PDFObject[] = [];
  for (const page of model.pages) {
    const dict = context.lookup(PDFRef.of(...parseRef(page)));
    if (!(dict instanceof PDFDict)) {
      continue;
    }
    for (const [key, value] of dict.entries()) {
      const k = key.asString();
      if (k !== '/Annots' && k !== '/Parent' && k !== '/B' && k !== '/Metadata') {
        stack.push(value);
      }
    }
  }
  while (stack.length > 0 && reached.size < 500_000) {
    const item = stack.pop() as PDFObject;
    let value: PDFObject | undefined = item;
    if (item instanceof PDFRef) {
      if (reached.has(refKey(item))) {
        continue;
      }
      reached.add(refKey(item));
      value = context.lookup(item);
    }
    if (value instanceof PDFStream) {
      value = value.dict;
    }
    if (value instanceof PDFDict) {
      for (const [key, v] of value.entries()) {
        if (key.asString() !== '/Parent' && key.asString() !== '/P') {
          stack.push(v);
        }
      }
    } else if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) {
        stack.push(value.get(i));
      }
    }
  }
  return reached;
}

export function parseRef(key: string): [number, number] {
  const [n = '0', g = '0'] = key.split(' ');
  return [Number(n), Number(g)];
}
