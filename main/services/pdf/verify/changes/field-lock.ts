import { textOf } from '../../read/text.ts';
import { type PdfDict, PdfRef, isArray } from '../../read/values.ts';
import type { PdfModel } from '../../read/pdf-model.ts';

/** Fields a FieldMDP lock protects: all, the listed ones, or all but the listed ones (ISO 32000-1 Table 256). */
export interface FieldLock {
  readonly action: 'All' | 'Include' | 'Exclude';
  readonly fields: readonly string[];
}

export function isLocked(lock: FieldLock | null, name: string): boolean {
  if (lock === null) {
    return false;
  }
  const listed = lock.fields.includes(name);
  return lock.action === 'All' || (lock.action === 'Include' ? listed : !listed);
}

/**
 * FieldMDP lock of a signature: a FieldMDP /Reference in the signature value (ISO 32000-1
 * Table 253) or the /Lock of the field it signs (Table 232). Either alone locks.
 */
export function fieldLockOf(current: PdfModel, signatureObject: number): FieldLock | null {
  const revision = current.revision;
  const dicts: PdfDict[] = [];
  const refs = revision.get(revision.dict(new PdfRef(signatureObject, 0)), 'Reference');
  if (isArray(refs)) {
    for (const item of refs) {
      const r = revision.dict(item);
      const params = r?.name('TransformMethod') === 'FieldMDP' ? revision.dict(r.get('TransformParams')) : undefined;
      if (params !== undefined) {
        dicts.push(params);
      }
    }
  }
  for (const field of current.fields.values()) {
    const v = field.dict.get('V');
    const lock = v instanceof PdfRef && v.num === signatureObject ? revision.dict(field.dict.get('Lock')) : undefined;
    if (lock !== undefined) {
      dicts.push(lock);
    }
  }
  const dict = dicts[0];
  if (dict === undefined) {
    return null;
  }
  const action = dict.name('Action');
  const list = revision.get(dict, 'Fields');
  const fields = isArray(list) ? list.map((item) => textOf(revision.resolve(item))) : [];
  return { action: action === 'Include' || action === 'Exclude' ? action : 'All', fields };
}
