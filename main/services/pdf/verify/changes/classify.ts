import type { ChangedObject } from '../../../../../preload/contract/verify.ts';
import { sameValue } from '../../read/serialize.ts';
import { PdfRef, PdfStream, type PdfValue } from '../../read/values.ts';
import type { PdfModel } from '../pdf-model.ts';
import type { Changed } from './changed.ts';
import { CLAUSE } from './clauses.ts';
import { allow, changedObject, combine, deny } from './decision.ts';
import { judgeUse } from './judge.ts';
import { removedAnnotation } from './rules-annotations.ts';
import { spanOf, type ChangeRules } from './span.ts';
import { usesOf } from './uses.ts';

export interface ChangeReport {
  readonly verdict: 'none' | 'permitted' | 'not-permitted';
  readonly objects: readonly ChangedObject[];
}

function isStructural(obj: PdfValue): boolean {
  const type = obj instanceof PdfStream ? obj.dict.name('Type') : undefined;
  return type === 'XRef' || type === 'ObjStm';
}

/**
 * Judge every object added or modified after a signature by what it is used for in the final
 * revision (ISO 32000-1 §12.8.2: DocMDP Table 254, FieldMDP Tables 255/256; ISO 32000-2
 * §12.8.2.2.1: DSS and document timestamps always). Each changed object is traced to its users
 * (a page's content or inherited resources, an annotation's appearance, a field's value, a
 * signature, the form, the catalog, the DSS), each use is judged by its own rule, and the object
 * is permitted only if every use of it is. Objects whose cross-reference entry did not change are
 * the same bytes and are never read.
 */
export function classifyChanges(signed: PdfModel, current: PdfModel, rules: ChangeRules): ChangeReport {
  const span = spanOf(signed, current, rules);
  const objects: ChangedObject[] = [];
  if (signed.pages.join() !== current.pages.join()) {
    const note = `Số trang hoặc thứ tự trang thay đổi (${signed.pages.length} → ${current.pages.length} trang).`;
    objects.push(changedObject(current.catalog, 'modified', deny('pages', note, CLAUSE.PAGES)));
  }
  const now = current.revision;
  const then = signed.revision;
  let uses: ReturnType<typeof usesOf> | undefined;
  for (const num of now.changedSince(then)) {
    const ref = new PdfRef(num, 0);
    const key = now.keyOf(ref);
    const after = now.lookup(ref);
    const change = then.has(num) ? 'modified' : 'added';
    if (after === undefined) {
      if (now.unreadable.has(num)) {
        // Rewritten after signing into something no reader can parse: nobody can say it is harmless.
        objects.push(
          changedObject(key, change, deny('other', `Đối tượng ${num} bị ghi đè bằng dữ liệu hỏng.`, CLAUSE.UNREADABLE)),
        );
      }
      continue;
    }
    if (isStructural(after)) {
      continue;
    }
    const before = then.lookup(ref);
    if (before !== undefined && sameValue(before, after)) {
      continue;
    }
    uses ??= usesOf(current);
    const c: Changed = { num, key, change: before === undefined ? 'added' : 'modified', before, after };
    const list = uses.get(num) ?? [];
    const decision =
      combine(list.map((use) => judgeUse(span, c, use, list))) ??
      allow(
        'other',
        c.change === 'added' ? 'Đối tượng mới không được dùng ở đâu.' : 'Đối tượng không còn được dùng.',
        CLAUSE.UNUSED,
      );
    objects.push(changedObject(key, c.change, decision));
  }
  for (const key of signed.annotations.keys()) {
    if (!current.annotations.has(key)) {
      objects.push(changedObject(key, 'modified', removedAnnotation(span, key)));
    }
  }
  const verdict = objects.length === 0 ? 'none' : objects.every((o) => o.permitted) ? 'permitted' : 'not-permitted';
  return { verdict, objects };
}
