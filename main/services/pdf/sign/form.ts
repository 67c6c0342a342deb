import { PDFArray, PDFDict, PDFName, PDFRef, PDFString, PDFHexString, type PDFObject } from '@cantoo/pdf-lib';
import type { Increment } from './increment.ts';
import { signFailure } from './fail.ts';

/** A terminal form field found in the AcroForm tree. */
export interface FieldInfo {
  readonly name: string;
  readonly ref: PDFRef | undefined;
  readonly dict: PDFDict;
  /** /FT, inherited from parents when absent. */
  readonly type: string | undefined;
}

export function catalogRef(inc: Increment): PDFRef {
  const root = inc.context.trailerInfo.Root;
  if (!(root instanceof PDFRef)) {
    throw signFailure('PDF_MALFORMED', 'Trailer thiếu /Root.');
  }
  return root;
}

export function catalog(inc: Increment): PDFDict {
  const dict = inc.context.lookup(catalogRef(inc));
  if (!(dict instanceof PDFDict)) {
    throw signFailure('PDF_MALFORMED', 'Không đọc được Catalog.');
  }
  return dict;
}

/** The dict and the indirect object that holds it (which must be re-emitted if it changes). */
interface Held<T> {
  readonly value: T;
  readonly holder: PDFRef;
}

/** The AcroForm dict and its holder; created (and the Catalog marked) when `create` is set. */
export function acroForm(inc: Increment, create: boolean): Held<PDFDict> | undefined {
  const cat = catalog(inc);
  const entry = cat.get(PDFName.of('AcroForm'));
  if (entry instanceof PDFRef) {
    const dict = inc.context.lookup(entry);
    if (dict instanceof PDFDict) {
      return { value: dict, holder: entry };
    }
  } else if (entry instanceof PDFDict) {
    return { value: entry, holder: catalogRef(inc) };
  }
  if (!create) {
    return undefined;
  }
  const dict = inc.context.obj({ Fields: [] }) as PDFDict;
  const ref = inc.register(dict);
  cat.set(PDFName.of('AcroForm'), ref);
  inc.markChanged(catalogRef(inc));
  return { value: dict, holder: ref };
}

/**
 * An array stored under `key` in `dict`, created if missing. Marks whichever object actually
 * changes: the array itself when it is indirect, otherwise the dict's holder.
 */
export function appendToArray(inc: Increment, dict: PDFDict, holder: PDFRef, key: string, item: PDFObject): void {
  const entry = dict.get(PDFName.of(key));
  if (entry instanceof PDFRef) {
    const array = inc.context.lookup(entry);
    if (array instanceof PDFArray) {
      array.push(item);
      inc.markChanged(entry);
      return;
    }
  }
  if (entry instanceof PDFArray) {
    entry.push(item);
  } else {
    dict.set(PDFName.of(key), inc.context.obj([item]));
  }
  inc.markChanged(holder);
}

/** Adds a field to /Fields and its widget to the page's /Annots without touching anything else (P2). */
export function addWidgetField(inc: Increment, fieldRef: PDFRef, pageRef: PDFRef): void {
  const form = acroForm(inc, true);
  if (form === undefined) {
    throw signFailure('INTERNAL');
  }
  appendToArray(inc, form.value, form.holder, 'Fields', fieldRef);
  const page = inc.context.lookup(pageRef);
  if (!(page instanceof PDFDict)) {
    throw signFailure('PDF_MALFORMED', 'Không đọc được trang.');
  }
  appendToArray(inc, page, pageRef, 'Annots', fieldRef);
}

/** A text string: literal when ASCII (readable in the file), UTF-16BE otherwise (P7). */
export function pdfText(value: string): PDFString | PDFHexString {
  const nfc = value.normalize('NFC');
  return /^[\x20-\x7e]*$/.test(nfc) ? PDFString.of(nfc) : PDFHexString.fromText(nfc);
}

function text(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) {
    return value.decodeText();
  }
  return undefined;
}

/** Every terminal field with its fully qualified name (parents joined by "."). */
export function listFields(inc: Increment): FieldInfo[] {
  const form = acroForm(inc, false);
  if (form === undefined) {
    return [];
  }
  const result: FieldInfo[] = [];
  const seen = new Set<PDFDict>();
  const visit = (item: PDFObject, prefix: string, inheritedType: string | undefined): void => {
    const ref = item instanceof PDFRef ? item : undefined;
    const dict = ref !== undefined ? inc.context.lookup(ref) : item;
    if (!(dict instanceof PDFDict) || seen.has(dict)) {
      return;
    }
    seen.add(dict);
    const partial = text(dict.get(PDFName.of('T')));
    const name = partial === undefined ? prefix : prefix === '' ? partial : `${prefix}.${partial}`;
    const ft = dict.get(PDFName.of('FT'));
    const type = ft instanceof PDFName ? ft.decodeText() : inheritedType;
    const kids = dict.lookup(PDFName.of('Kids'));
    const namedKids =
      kids instanceof PDFArray &&
      kids.asArray().some((kid) => {
        const kidDict = kid instanceof PDFRef ? inc.context.lookup(kid) : kid;
        return kidDict instanceof PDFDict && kidDict.has(PDFName.of('T'));
      });
    if (namedKids && kids instanceof PDFArray) {
      for (const kid of kids.asArray()) {
        visit(kid, name, type);
      }
    } else if (partial !== undefined || prefix !== '') {
      result.push({ name, ref, dict, type });
    }
  };
  const fields = form.value.lookup(PDFName.of('Fields'));
  if (fields instanceof PDFArray) {
    for (const field of fields.asArray()) {
      visit(field, '', undefined);
    }
  }
  return result;
}

/** Whether any signature field already holds a signature. */
export function hasSignature(inc: Increment): boolean {
  return listFields(inc).some((f) => f.type === 'Sig' && f.dict.has(PDFName.of('V')));
}

export function findField(inc: Increment, name: string): FieldInfo | undefined {
  return listFields(inc).find((field) => field.name === name);
}

export function requireNewFieldName(inc: Increment, name: string): void {
  if (findField(inc, name) !== undefined) {
    throw signFailure('PDF_FIELD_EXISTS', `Tên trường: "${name}".`, { field: name });
  }
}
