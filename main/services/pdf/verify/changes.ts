import type { ChangedObject } from '../../../../preload/contract/verify.ts';
import { sameValue } from '../read/serialize.ts';
import { textOf } from '../read/text.ts';
import { PdfDict, PdfRef, PdfStream, isArray, type PdfValue } from '../read/values.ts';
import { changedKeys, pageContentObjects, type PdfModel } from './pdf-model.ts';

/** Fields a FieldMDP lock protects: all, the listed ones, or all but the listed ones. */
export interface FieldLock {
  readonly action: 'All' | 'Include' | 'Exclude';
  readonly fields: readonly string[];
}

export interface ChangeRules {
  /** DocMDP P of the signature (null: approval signature, no document-wide restriction). */
  readonly docMdp: number | null;
  readonly lock: FieldLock | null;
}

export interface ChangeReport {
  readonly verdict: 'none' | 'permitted' | 'not-permitted';
  readonly objects: readonly ChangedObject[];
}

const CATALOG_ALLOWED = new Set(['AcroForm', 'Perms', 'DSS', 'Metadata']);
const ACROFORM_ALLOWED = new Set(['Fields', 'DR', 'DA', 'NeedAppearances', 'SigFlags']);
// DA is rewritten by viewers when they regenerate a filled field's appearance.
const FILL_KEYS = new Set(['V', 'AS', 'AP', 'MK', 'DA']);
const SIGN_KEYS = new Set([...FILL_KEYS, 'Lock', 'SV']);

function isLocked(lock: FieldLock | null, name: string): boolean {
  if (lock === null) {
    return false;
  }
  const listed = lock.fields.includes(name);
  return lock.action === 'All' || (lock.action === 'Include' ? listed : !listed);
}

function isSignatureValue(obj: PdfValue): boolean {
  return obj instanceof PdfDict && obj.has('ByteRange');
}

function isStructural(obj: PdfValue): boolean {
  const type = obj instanceof PdfStream ? obj.dict.name('Type') : undefined;
  return type === 'XRef' || type === 'ObjStm';
}

/**
 * Classify every object added or modified between the signed revision and the final file, as
 * ISO 32000 §12.8.2 (DocMDP, FieldMDP) allows: form filling and later signatures are permitted
 * unless P=1, annotations only with P=3 or without DocMDP; page content, pages added or removed,
 * and locked fields changed are never permitted. Only objects whose cross-reference entry changed
 * are compared: an unchanged entry is the same bytes.
 */
export function classifyChanges(signed: PdfModel, current: PdfModel, rules: ChangeRules): ChangeReport {
  const p = rules.docMdp;
  const objects: ChangedObject[] = [];
  const add = (ref: string, role: string, change: 'added' | 'modified', permitted: boolean, note: string) =>
    objects.push({ ref: ref.replace(/ R$/, ''), role, change, permitted, note });

  if (signed.pages.join() !== current.pages.join()) {
    add(
      current.catalog,
      'pages',
      'modified',
      false,
      `Số trang hoặc thứ tự trang thay đổi (${signed.pages.length} → ${current.pages.length} trang).`,
    );
  }
  let contentObjects: Set<string> | undefined;
  const pages = new Set(current.pages);
  const now = current.revision;
  const then = signed.revision;
  for (const num of now.changedSince(then)) {
    const ref = new PdfRef(num, 0);
    const key = now.keyOf(ref);
    const obj = now.lookup(ref);
    if (obj === undefined) {
      if (now.unreadable.has(num)) {
        // Rewritten after signing into something no reader can parse: nobody can say it is harmless.
        add(key, 'other', then.has(num) ? 'modified' : 'added', false, `Đối tượng ${num} bị ghi đè bằng dữ liệu hỏng.`);
      }
      continue;
    }
    if (isStructural(obj)) {
      continue;
    }
    const before = then.lookup(ref);
    if (before !== undefined && sameValue(before, obj)) {
      continue;
    }
    const change = before === undefined ? 'added' : 'modified';
    const field = current.fields.get(key);
    const annotation = current.annotations.get(key);
    if (isSignatureValue(obj)) {
      add(key, 'signature', change, p !== 1, 'Chữ ký số được thêm sau.');
    } else if (key === current.catalog) {
      const keys = before instanceof PdfDict && obj instanceof PdfDict ? changedKeys(before, obj) : ['*'];
      const ok = keys.every((k) => CATALOG_ALLOWED.has(k));
      add(
        key,
        'catalog',
        change,
        ok,
        ok ? 'Cập nhật biểu mẫu/chữ ký.' : `Danh mục tài liệu bị thay đổi (${keys.join(', ')}).`,
      );
    } else if (key === current.acroForm) {
      const keys = before instanceof PdfDict && obj instanceof PdfDict ? changedKeys(before, obj) : [];
      add(
        key,
        'form',
        change,
        keys.every((k) => ACROFORM_ALLOWED.has(k)),
        'Danh sách trường biểu mẫu cập nhật.',
      );
    } else if (pages.has(key)) {
      const keys = before instanceof PdfDict && obj instanceof PdfDict ? changedKeys(before, obj) : ['*'];
      const onlyAnnots = change === 'modified' && keys.every((k) => k === 'Annots');
      const page = current.pages.indexOf(key) + 1;
      if (onlyAnnots) {
        add(key, 'page', change, true, `Danh sách chú thích/trường của trang ${page} cập nhật.`);
      } else if (change === 'added') {
        add(key, 'page', change, false, `Trang ${page} được thêm vào.`);
      } else {
        add(key, 'page', change, false, `Trang ${page} bị thay đổi (${keys.join(', ')}).`);
      }
    } else if (field !== undefined) {
      if (change === 'added') {
        const isSig = field.type === 'Sig';
        add(
          key,
          'field',
          change,
          p === null && !isLocked(rules.lock, field.name),
          isSig ? `Trường chữ ký "${field.name}" được thêm.` : `Trường "${field.name}" được thêm.`,
        );
      } else {
        const keys = before instanceof PdfDict ? changedKeys(before, field.dict) : ['*'];
        // Signing an existing signature field also writes its /Lock and seed values (/SV).
        const allowed = field.type === 'Sig' ? SIGN_KEYS : FILL_KEYS;
        const fill = keys.every((k) => allowed.has(k));
        if (fill && isLocked(rules.lock, field.name)) {
          add(key, 'field', change, false, `Trường "${field.name}" đã bị khóa khi ký nhưng bị sửa.`);
        } else if (fill) {
          add(
            key,
            'field',
            change,
            p !== 1,
            field.type === 'Sig' ? `Ký vào trường "${field.name}".` : `Điền trường "${field.name}".`,
          );
        } else {
          add(key, 'field', change, false, `Thuộc tính trường "${field.name}" bị thay đổi (${keys.join(', ')}).`);
        }
      }
    } else if (annotation !== undefined) {
      const isWidget = annotation.subtype === 'Widget';
      add(
        key,
        'annotation',
        change,
        isWidget ? p === null : p === null || p === 3,
        `${change === 'added' ? 'Thêm' : 'Sửa'} chú thích ${annotation.subtype} ở trang ${annotation.page}.`,
      );
    } else if (current.annotsArrays.has(key)) {
      add(key, 'annotation', change, true, 'Danh sách chú thích của trang cập nhật.');
    } else if (current.pageTree.has(key)) {
      const keys = before instanceof PdfDict && obj instanceof PdfDict ? changedKeys(before, obj) : [];
      add(
        key,
        'pages',
        change,
        keys.every((k) => k === 'Kids' || k === 'Count') && signed.pages.join() === current.pages.join(),
        'Cây trang thay đổi.',
      );
    } else if (change === 'modified' && (contentObjects ??= pageContentObjects(current)).has(key)) {
      add(key, 'content', change, false, 'Nội dung hiển thị của trang bị thay đổi.');
    } else if (change === 'modified' && key !== current.info) {
      add(key, 'other', change, true, 'Đối tượng phụ trợ (giao diện, phông chữ) thay đổi.');
    }
  }
  for (const [key, info] of signed.annotations) {
    if (!current.annotations.has(key)) {
      add(key, 'annotation', 'modified', p === null || p === 3, `Xóa chú thích ${info.subtype} ở trang ${info.page}.`);
    }
  }
  const verdict = objects.length === 0 ? 'none' : objects.every((o) => o.permitted) ? 'permitted' : 'not-permitted';
  return { verdict, objects };
}

/** FieldMDP lock of a signature: the field's /Lock or a FieldMDP /Reference in the signature value. */
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
