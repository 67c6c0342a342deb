import { PdfDict, PdfRef, PdfStream, isArray, type PdfValue } from '../../read/values.ts';
import { refOfKey, type PdfModel } from '../../read/pdf-model.ts';

/**
 * What an object of the final revision is used for. `owner` is the "n g R" key of the page,
 * annotation or field the use belongs to (empty for document-level uses).
 */
export type UseKind =
  | 'catalog'
  | 'catalog-entry' // reached from a catalog key not listed below (outlines, names, open action…)
  | 'info'
  | 'metadata'
  | 'dss'
  | 'perms'
  | 'pages-node'
  | 'page'
  | 'annots-array'
  | 'page-content' // content streams and (inherited) resources, everything they reach
  | 'annotation'
  | 'appearance' // /AP of an annotation and everything it reaches
  | 'annotation-part'
  | 'acroform'
  | 'fields-array'
  | 'form-resource' // AcroForm /DR and other form-wide values
  | 'field'
  | 'field-value'
  | 'signature-value'
  | 'field-part';

export interface Use {
  readonly kind: UseKind;
  readonly owner: string;
  /** The catalog key, for 'catalog-entry'. */
  readonly key?: string;
}

/** Uses by object number. */
export type UseIndex = ReadonlyMap<number, readonly Use[]>;

const MAX_VISITS = 1_000_000;
/** Keys that point back up or sideways to structure, never to what an object is made of. */
const BACK_LINKS = new Set(['Parent', 'P', 'Pg', 'Popup', 'IRT', 'Dest']);
const PAGE_NOT_CONTENT = new Set(['Annots', 'Parent', 'B', 'Metadata', 'Type', 'StructParents', 'Thumb']);
const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'];

const cache = new WeakMap<PdfModel, { full?: UseIndex; lite?: UseIndex }>();
const stopCache = new WeakMap<PdfModel, ReadonlySet<number>>();

function numOf(key: string | null): number {
  // "n g R": the number before the first space, read without splitting (called per page and object).
  return key === null || key === '' ? -1 : Number(key.slice(0, key.indexOf(' ') >>> 0));
}

/**
 * The catalog, page-tree nodes, pages, annotations and fields: the walk stops at them (each is
 * judged by its own rule), so no page's content ever runs through one of them.
 */
export function structuralNums(model: PdfModel): ReadonlySet<number> {
  let set = stopCache.get(model);
  if (set === undefined) {
    const nums = new Set<number>();
    for (const key of [
      model.catalog,
      ...model.pages,
      ...model.pageTree,
      ...model.annotations.keys(),
      ...model.fields.keys(),
    ]) {
      nums.add(numOf(key));
    }
    set = nums;
    stopCache.set(model, set);
  }
  return set;
}

/**
 * The use index of a revision, built once however many signatures ask. Walking every page's
 * content and resources is the costly part (200 content streams on a 200-page file), so it is
 * done only when `pageContent` is asked for: the caller asks whenever an update modified an
 * object that is not structural (see classify.ts for why that suffices).
 */
export function usesOf(model: PdfModel, pageContent = true): UseIndex {
  let entry = cache.get(model);
  if (entry === undefined) {
    entry = {};
    cache.set(model, entry);
  }
  if (entry.full !== undefined) {
    return entry.full;
  }
  if (pageContent) {
    entry.full = buildUses(model, true);
    return entry.full;
  }
  entry.lite ??= buildUses(model, false);
  return entry.lite;
}

/**
 * Trace every object of the revision to what uses it, walking from the catalog (and the
 * trailer's /Info) the way a viewer does: pages with their content and resources (inherited
 * ones included), annotations with their appearances, the form's fields with their values and
 * signatures. A structural object (a page, annotation, field, signature) reached from an
 * unrelated place (an outline's destination, a /P back-link) is not "used" by that place.
 */
function buildUses(model: PdfModel, pageContent: boolean): UseIndex {
  const rev = model.revision;
  const uses = new Map<number, Use[]>();
  const seen = new Set<string>();
  const structural = structuralNums(model);

  const record = (num: number, use: Use): boolean => {
    // Page content is one use whichever page reaches it (shared fonts would otherwise be walked
    // once per page); an appearance keeps its owner, since sharing is what its rule looks at.
    const id = use.kind === 'page-content' ? `${num}|page-content` : `${num}|${use.kind}|${use.owner}`;
    if (seen.has(id) || seen.size > MAX_VISITS) {
      return false;
    }
    seen.add(id);
    let list = uses.get(num);
    if (list === undefined) {
      list = [];
      uses.set(num, list);
    }
    list.push(use);
    return true;
  };

  /** Everything `value` reaches, as `use`; stops at structural objects and back-links. */
  const reach = (value: PdfValue | undefined, use: Use): void => {
    const stack: Array<PdfValue | undefined> = [value];
    while (stack.length > 0) {
      let item = stack.pop();
      if (item instanceof PdfRef) {
        if (structural.has(item.num)) {
          // A page, annotation or field drawn as a page's resource (a forged file): that use counts.
          if (use.kind === 'page-content') {
            record(item.num, use);
          }
          continue;
        }
        const target = rev.lookup(item);
        if (isSignatureValue(target) || !record(item.num, use)) {
          continue;
        }
        item = target;
      }
      const dict = item instanceof PdfStream ? item.dict : item instanceof PdfDict ? item : undefined;
      if (dict !== undefined) {
        for (const [k, v] of dict.map) {
          if (!BACK_LINKS.has(k)) {
            stack.push(v);
          }
        }
      } else if (isArray(item)) {
        for (const v of item) {
          stack.push(v); // one by one: spreading a huge array would overflow the call stack
        }
      }
    }
  };
  /** An object reached directly under a structural one (an indirect /Annots array, say). */
  const mark = (value: PdfValue | undefined, use: Use): void => {
    if (value instanceof PdfRef && !structural.has(value.num)) {
      record(value.num, use);
    }
  };

  const catalog = rev.catalog();
  record(numOf(model.catalog), { kind: 'catalog', owner: '' });
  if (model.info !== null) {
    reach(rev.trailer.get('Info'), { kind: 'info', owner: '' });
  }
  for (const [key, value] of catalog?.map ?? []) {
    if (key === 'Pages' || key === 'AcroForm') {
      continue;
    }
    const kind: UseKind =
      key === 'DSS' ? 'dss' : key === 'Metadata' ? 'metadata' : key === 'Perms' ? 'perms' : 'catalog-entry';
    reach(value, kind === 'catalog-entry' ? { kind, owner: '', key } : { kind, owner: '' });
    if (key === 'Perms') {
      // /Perms names signature dictionaries, which reach() leaves to their fields.
      for (const v of rev.dict(value)?.map.values() ?? []) {
        mark(v, { kind: 'perms', owner: '' });
      }
    }
  }

  for (const key of model.pageTree) {
    record(numOf(key), { kind: 'pages-node', owner: key });
  }
  for (const page of model.pages) {
    // Without page content only /Annots is read (ObjectParser.dictKeys): the resources of 200
    // pages were most of a verification whose updates touched no page.
    const dict = pageContent ? rev.dict(refOfKey(page)) : rev.dictWith(refOfKey(page), ['Annots']);
    record(numOf(page), { kind: 'page', owner: page });
    mark(dict?.get('Annots'), { kind: 'annots-array', owner: page });
    if (!pageContent) {
      continue;
    }
    const content: Use = { kind: 'page-content', owner: page };
    for (const [k, v] of dict?.map ?? []) {
      if (!PAGE_NOT_CONTENT.has(k)) {
        reach(v, content);
      }
    }
    // Inherited attributes (ISO 32000-1 §7.7.3.4): the nearest ancestor's value is the page's.
    for (const attr of INHERITED) {
      if (dict?.has(attr) !== true) {
        reach(inherited(model, dict, attr), content);
      }
    }
  }

  for (const key of model.annotations.keys()) {
    const dict = rev.dict(refOfKey(key));
    record(numOf(key), { kind: 'annotation', owner: key });
    for (const [k, v] of dict?.map ?? []) {
      if (k === 'AP') {
        reach(v, { kind: 'appearance', owner: key });
      } else if (!isFieldKey(k) && k !== 'Parent') {
        reach(v, { kind: 'annotation-part', owner: key });
      }
    }
  }

  const formRef = catalog?.get('AcroForm');
  const form = rev.dict(formRef);
  mark(formRef, { kind: 'acroform', owner: '' });
  for (const [k, v] of form?.map ?? []) {
    if (k === 'Fields') {
      mark(v, { kind: 'fields-array', owner: '' });
    } else {
      reach(v, { kind: 'form-resource', owner: '' });
    }
  }
  for (const [key, field] of model.fields) {
    record(numOf(key), { kind: 'field', owner: key });
    mark(field.dict.get('Kids'), { kind: 'field-part', owner: key });
    for (const [k, v] of field.dict.map) {
      if (k === 'V') {
        const sig = rev.lookup(v instanceof PdfRef ? v : 0);
        if (v instanceof PdfRef && isSignatureValue(sig)) {
          record(v.num, { kind: 'signature-value', owner: key });
          reachInside(sig, { kind: 'signature-value', owner: key }, reach);
        } else {
          reach(v, { kind: 'field-value', owner: key });
        }
      } else if (k === 'AP' && !model.annotations.has(key)) {
        // A widget missing from every page's /Annots still shows when a viewer builds the form.
        reach(v, { kind: 'appearance', owner: key });
      } else if (isFieldKey(k) && k !== 'Kids' && k !== 'Parent') {
        reach(v, { kind: 'field-part', owner: key });
      }
    }
  }
  return uses;
}

function reachInside(value: PdfValue | undefined, use: Use, reach: (v: PdfValue | undefined, u: Use) => void): void {
  const dict = value instanceof PdfStream ? value.dict : value instanceof PdfDict ? value : undefined;
  for (const v of dict?.map.values() ?? []) {
    reach(v, use);
  }
}

/** The value of an inheritable attribute from the page's /Parent chain. */
function inherited(model: PdfModel, page: PdfDict | undefined, attr: string): PdfValue | undefined {
  const rev = model.revision;
  let node = rev.dict(page?.get('Parent'));
  for (let depth = 0; node !== undefined && depth < 64; depth++) {
    const value = node.get(attr);
    if (value !== undefined) {
      return value;
    }
    node = rev.dict(node.get('Parent'));
  }
  return undefined;
}

/** A signature dictionary (a signature or a document timestamp): it has a /ByteRange. */
export function isSignatureValue(value: PdfValue | undefined): value is PdfDict {
  return value instanceof PdfDict && value.has('ByteRange');
}

/** ISO 32000-2 §12.8.5: a document timestamp's dictionary. */
export function isDocTimestamp(value: PdfValue | undefined): boolean {
  return (
    isSignatureValue(value) && (value.name('Type') === 'DocTimeStamp' || value.name('SubFilter') === 'ETSI.RFC3161')
  );
}

/** Keys of a field dictionary (ISO 32000-1 Tables 220–222, 232); the rest of a merged widget is the annotation's. */
const FIELD_KEYS = new Set([
  'FT',
  'Parent',
  'Kids',
  'T',
  'TU',
  'TM',
  'Ff',
  'V',
  'DV',
  'AA',
  'DA',
  'Q',
  'DS',
  'RV',
  'Opt',
  'TI',
  'I',
  'MaxLen',
  'Lock',
  'SV',
]);

export function isFieldKey(key: string): boolean {
  return FIELD_KEYS.has(key);
}
