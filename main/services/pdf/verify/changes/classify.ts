import type { ChangedObject } from '../../../../../preload/contract/verify.ts';
import { sameValue } from '../../read/serialize.ts';
import { PdfRef, PdfStream, type PdfValue } from '../../read/values.ts';
import type { PdfModel } from '../../read/pdf-model.ts';
import type { Changed } from './changed.ts';
import { CLAUSE } from './clauses.ts';
import { allow, changedObject, combine, deny } from './decision.ts';
import { judgeUse } from './judge.ts';
import { removedAnnotation } from './rules-annotations.ts';
import { spanOf, type ChangeRules } from './span.ts';
import { isSignatureValue, structuralNums, usesOf, type Use } from './uses.ts';

export interface ChangeReport {
  readonly verdict: 'none' | 'permitted' | 'not-permitted';
  readonly objects: readonly ChangedObject[];
}

/** Two texts as one, each once. */
function joined(a: string | undefined, b: string | undefined, separator: string): string {
  return [...new Set([a, b].filter((t): t is string => t !== undefined && t !== ''))].join(separator);
}

function isStructural(obj: PdfValue): boolean {
  const type = obj instanceof PdfStream ? obj.dict.name('Type') : undefined;
  return type === 'XRef' || type === 'ObjStm';
}

/**
 * Judge every object added or modified by one incremental update (`prev` → `next`) by what it
 * is used for in `next` (ISO 32000-1 §12.8.2: DocMDP Table 254, FieldMDP Tables 255/256;
 * ISO 32000-2 §12.8.2.2.1: DSS and document timestamps always). Each changed object is traced to
 * its users (a page's content or inherited resources, an annotation's appearance, a field's
 * value, a signature, the form, the catalog, the DSS), each use is judged by its own rule, and
 * the object is permitted only if every use of it is. Objects whose cross-reference entry did not
 * change are the same bytes and are never read.
 */
function classifyUpdate(prev: PdfModel, next: PdfModel, rules: ChangeRules): ChangedObject[] {
  const span = spanOf(prev, next, rules);
  const objects: ChangedObject[] = [];
  if (prev.pages.join() !== next.pages.join()) {
    const note = `Số trang hoặc thứ tự trang thay đổi (${prev.pages.length} → ${next.pages.length} trang).`;
    objects.push(changedObject(next.catalog, 'modified', deny('pages', note, CLAUSE.PAGES)));
  }
  const now = next.revision;
  const then = prev.revision;
  const changed: Changed[] = [];
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
    changed.push({ num, key, change: before === undefined ? 'added' : 'modified', before, after });
  }
  // Page content is walked only if the update modified a non-structural object. Otherwise
  // nothing it added can be drawn by a page: that would take a modified page, page-tree node
  // (an object structural in both revisions)
  // (their own rules refuse a changed /Contents or /Resources) or resource object (which asks
  // for the walk).
  const stops = structuralNums(next);
  const stopsBefore = structuralNums(prev);
  const pageContent = changed.some(
    (c) => c.change === 'modified' && !(stops.has(c.num) && stopsBefore.has(c.num)) && !isSignatureValue(c.after),
  );
  const uses: ReadonlyMap<number, readonly Use[]> = changed.length === 0 ? new Map() : usesOf(next, pageContent);
  for (const c of changed) {
    const list = uses.get(c.num) ?? [];
    const decision =
      combine(list.map((use) => judgeUse(span, c, use, list))) ??
      allow(
        'other',
        c.change === 'added' ? 'Đối tượng mới không được dùng ở đâu.' : 'Đối tượng không còn được dùng.',
        CLAUSE.UNUSED,
      );
    objects.push(changedObject(c.key, c.change, decision));
  }
  for (const key of prev.annotations.keys()) {
    if (!next.annotations.has(key)) {
      objects.push(changedObject(key, 'modified', removedAnnotation(span, key)));
    }
  }
  return objects;
}

/**
 * What changed after a signature, update by update (`between`: the revisions after the signed
 * one and before the final one, in order), so each update is judged on its own: a field's
 * appearance redrawn later, without a new value, is not "form filling" just because the field
 * was filled in an earlier update. One entry per object; a refusal outweighs a permission.
 */
export function classifyChanges(
  signed: PdfModel,
  current: PdfModel,
  rules: ChangeRules,
  between: readonly PdfModel[] = [],
): ChangeReport {
  const chain = [signed, ...between, current];
  const byRef = new Map<string, ChangedObject>();
  for (let i = 0; i + 1 < chain.length; i++) {
    for (const o of classifyUpdate(chain[i] as PdfModel, chain[i + 1] as PdfModel, rules)) {
      const known = byRef.get(o.ref);
      if (known === undefined || (known.permitted && !o.permitted)) {
        byRef.set(o.ref, o);
      } else if (known.permitted && o.permitted) {
        byRef.set(o.ref, {
          ...known,
          note: joined(known.note, o.note, ' '),
          clause: joined(known.clause, o.clause, '; '),
        });
      }
    }
  }
  const objects = [...byRef.values()];
  const verdict = objects.length === 0 ? 'none' : objects.every((o) => o.permitted) ? 'permitted' : 'not-permitted';
  return { verdict, objects };
}
