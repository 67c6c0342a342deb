import { PdfFile, type Revision } from './pdf-file.ts';
import { serialize } from './serialize.ts';
import { textOf } from './text.ts';
import { type PdfDict, PdfRef, PdfStream, isArray, type PdfValue } from './values.ts';

export interface FieldNode {
  readonly ref: string;
  readonly name: string;
  readonly type: string;
  readonly dict: PdfDict;
}

/** The parts of one revision the verifier reasons about, keyed by "n g R". */
export interface PdfModel {
  readonly revision: Revision;
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
const MAX_PAGE_NODES = 200_000;
const PAGE_WALK_KEYS = ['Kids', 'Annots', 'Type'] as const;

/** The model of a whole file as it ends (its last revision). */
export function loadRevision(bytes: Uint8Array): PdfModel {
  return describeRevision(new PdfFile(bytes).revision());
}

function refKey(revision: Revision, value: PdfValue | undefined): string | null {
  return value instanceof PdfRef ? revision.keyOf(value) : null;
}

/** Pages in order, page-tree nodes, and every page's annotations. A damaged tree never throws or loops. */
function walkPages(revision: Revision, root: PdfValue | undefined) {
  const pageTree = new Set<string>();
  const pages: string[] = [];
  const annotsArrays = new Set<string>();
  const annotations = new Map<string, { page: number; subtype: string }>();
  const stack: PdfValue[] = root === undefined ? [] : [root];
  const seen = new Set<string>();
  while (stack.length > 0 && seen.size < MAX_PAGE_NODES) {
    const item = stack.pop();
    const key = refKey(revision, item);
    if (key === null || seen.has(key)) {
      continue;
    }
    seen.add(key);
    // Only the keys the walk reads: a page's resources are read when a change is traced to them.
    const node = revision.dictWith(item, PAGE_WALK_KEYS);
    if (node === undefined) {
      continue;
    }
    const kids = revision.get(node, 'Kids');
    if (isArray(kids)) {
      pageTree.add(key);
      for (let i = kids.length - 1; i >= 0; i--) {
        stack.push(kids[i] ?? null);
      }
      continue;
    }
    pages.push(key);
    const annotsKey = refKey(revision, node.get('Annots'));
    if (annotsKey !== null) {
      annotsArrays.add(annotsKey);
    }
    const list = revision.get(node, 'Annots');
    if (isArray(list)) {
      for (const a of list) {
        const annotKey = refKey(revision, a);
        if (annotKey !== null) {
          annotations.set(annotKey, { page: pages.length, subtype: textOf(revision.dict(a)?.get('Subtype')) });
        }
      }
    }
  }
  return { pageTree, pages, annotsArrays, annotations };
}

/** The form's fields with full names ("parent.child") and inherited types. */
function walkFields(revision: Revision, form: PdfDict | undefined): Map<string, FieldNode> {
  const fields = new Map<string, FieldNode>();
  const top = revision.get(form, 'Fields');
  const queue: Array<{ value: PdfValue; prefix: string; type: string }> = isArray(top)
    ? top.map((value) => ({ value, prefix: '', type: '' }))
    : [];
  for (let next = 0; next < queue.length && fields.size < MAX_FIELDS; next++) {
    const { value, prefix, type } = queue[next] as (typeof queue)[number];
    const key = refKey(revision, value);
    if (key === null || fields.has(key)) {
      continue;
    }
    const dict = revision.dict(value);
    if (dict === undefined || dict instanceof PdfStream) {
      continue;
    }
    const partial = textOf(dict.get('T'));
    const name = partial === '' ? prefix : prefix === '' ? partial : `${prefix}.${partial}`;
    const ft = textOf(dict.get('FT')) || type;
    fields.set(key, { ref: key, name, type: ft, dict });
    const kids = revision.get(dict, 'Kids');
    if (isArray(kids)) {
      for (const kid of kids) {
        queue.push({ value: kid, prefix: name, type: ft });
      }
    }
  }
  return fields;
}

export function describeRevision(revision: Revision): PdfModel {
  const catalogRef = revision.trailer.get('Root');
  const catalog = revision.catalog();
  const formRef = catalog?.get('AcroForm');
  return {
    revision,
    catalog: refKey(revision, catalogRef) ?? '',
    acroForm: refKey(revision, formRef),
    ...walkPages(revision, catalog?.get('Pages')),
    fields: walkFields(revision, revision.dict(formRef)),
    info: refKey(revision, revision.trailer.get('Info')),
  };
}

const NUMBER = /-?\d*\.?\d+/g;

/**
 * Equal as written, or equal after rounding numbers: writers re-save rectangles in single
 * precision (mupdf writes 141.42774 for 141.427734375), which is not a change.
 */
function sameText(a: string, b: string): boolean {
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
export function changedKeys(a: PdfDict, b: PdfDict): string[] {
  const keys = new Set([...a.map.keys(), ...b.map.keys()]);
  return [...keys].filter((key) => !sameText(serialize(a.get(key)), serialize(b.get(key))));
}

/** The reference a "n g R" key names. */
export function refOfKey(key: string): PdfRef {
  // Read without splitting: the use index asks this for every page of every revision it indexes.
  const space = key.indexOf(' ');
  if (space < 0) {
    return new PdfRef(Number(key === '' ? '0' : key), 0);
  }
  const next = key.indexOf(' ', space + 1);
  const g = key.slice(space + 1, next < 0 ? key.length : next);
  return new PdfRef(Number(key.slice(0, space)), Number(g === '' ? '0' : g));
}
