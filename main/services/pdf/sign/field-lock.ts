import { PDFArray, PDFDict, PDFHexString, PDFName, type PDFRef, PDFString } from '@cantoo/pdf-lib';
import { pdfText } from './form.ts';
import type { Increment } from './increment.ts';

/**
 * A FieldMDP lock (ISO 32000-1 12.7.4.5 /Lock, 12.8.2.4 FieldMDP): the fields a signature
 * freezes once it is made. The organization's lock on the number and date is written into its
 * field at prepare, before anyone signs, so no later step changes a field definition the
 * leader's certification covers; the organization's signature then repeats it as its FieldMDP
 * /Reference (the transform parameters must match the field's /Lock).
 */
export interface FieldLock {
  readonly action: 'All' | 'Include' | 'Exclude';
  /** Fully qualified field names; ignored for 'All'. */
  readonly fields: readonly string[];
}

const ACTIONS: ReadonlySet<string> = new Set(['All', 'Include', 'Exclude']);

/** The lock in a signature field's /Lock, if it has one. */
export function readFieldLock(field: PDFDict): FieldLock | undefined {
  const lock = field.lookup(PDFName.of('Lock'));
  if (!(lock instanceof PDFDict)) {
    return undefined;
  }
  const action = lock.lookup(PDFName.of('Action'));
  const name = action instanceof PDFName ? action.decodeText() : 'All';
  const fields = lock.lookup(PDFName.of('Fields'));
  const names =
    fields instanceof PDFArray
      ? fields
          .asArray()
          .map((f) => (f instanceof PDFString || f instanceof PDFHexString ? f.decodeText() : undefined))
          .filter((f): f is string => f !== undefined)
      : [];
  return { action: ACTIONS.has(name) ? (name as FieldLock['action']) : 'All', fields: names };
}

/** Registers a /Lock dictionary as its own (indirect) object and returns its reference. */
export function registerLock(inc: Increment, lock: FieldLock): PDFRef {
  const dict = inc.context.obj({ Type: 'SigFieldLock', Action: lock.action }) as PDFDict;
  if (lock.action !== 'All') {
    dict.set(PDFName.of('Fields'), inc.context.obj(lock.fields.map(pdfText)));
  }
  return inc.register(dict);
}
