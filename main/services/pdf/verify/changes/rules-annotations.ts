import { PdfDict, PdfRef, isArray, type PdfValue } from '../../read/values.ts';
import type { Changed } from './changed.ts';
import { CLAUSE } from './clauses.ts';
import { allow, combine, decide, deny, type Decision } from './decision.ts';
import { judgeWidget, newFieldDecision } from './rules-fields.ts';
import type { Span } from './span.ts';

function annotationClause(span: Span): string {
  return span.p === null ? CLAUSE.APPROVAL : span.p === 1 ? CLAUSE.P1 : CLAUSE.ANNOT;
}

/** Markup annotations: P=3 or an approval signature only (ISO 32000-1 Table 254). */
function markup(span: Span, role: string, note: string): Decision {
  return decide(span.p === null || span.p === 3, role, note, annotationClause(span));
}

/** An annotation dictionary: a field's widget, or any other annotation. */
export function judgeAnnotation(span: Span, c: Changed): Decision {
  const info = span.current.annotations.get(c.key);
  const field = span.current.fields.get(c.key);
  if (info?.subtype === 'Widget' && field !== undefined) {
    return judgeWidget(span, c, field.name, field.type);
  }
  const verb = c.change === 'added' ? 'Thêm' : 'Sửa';
  return markup(span, 'annotation', `${verb} chú thích ${info?.subtype ?? ''} ở trang ${info?.page ?? '?'}.`);
}

/** The appearance of a non-widget annotation. */
export function judgeMarkupAppearance(span: Span, owner: string): Decision {
  const info = span.current.annotations.get(owner);
  return markup(
    span,
    'appearance',
    `Giao diện chú thích ${info?.subtype ?? ''} ở trang ${info?.page ?? '?'} thay đổi.`,
  );
}

/** An annotation that was on a page when the signature was made and is gone now. */
export function removedAnnotation(span: Span, key: string): Decision {
  const info = span.signed.annotations.get(key);
  const field = span.signed.fields.get(key);
  if (field !== undefined) {
    return deny('annotation', `Widget của trường "${field.name}" bị xóa.`, CLAUSE.NOT_LISTED);
  }
  return markup(span, 'annotation', `Xóa chú thích ${info?.subtype ?? ''} ở trang ${info?.page ?? '?'}.`);
}

function keysOfList(rev: Span['current']['revision'], list: PdfValue | undefined): string[] {
  const items = rev.resolve(list);
  return isArray(items) ? items.filter((v): v is PdfRef => v instanceof PdfRef).map((r) => rev.keyOf(r)) : [];
}

/**
 * A page's /Annots list: permitted when every annotation added to it and removed from it is.
 * `before`/`after` are the list values (inline arrays or references) in each revision.
 */
export function judgeAnnotsList(
  span: Span,
  page: number,
  before: PdfValue | undefined,
  after: PdfValue | undefined,
): Decision {
  const was = new Set(keysOfList(span.signed.revision, before));
  const now = keysOfList(span.current.revision, after);
  const decisions: Decision[] = [];
  for (const key of now) {
    if (was.has(key)) {
      continue;
    }
    const field = span.current.fields.get(key);
    const info = span.current.annotations.get(key);
    if (span.signed.annotations.has(key)) {
      continue; // moved from another page's list: the page lists themselves are judged
    }
    decisions.push(
      info?.subtype === 'Widget' && field !== undefined
        ? newFieldDecision(span, 'page', field.name, field.type)
        : markup(span, 'page', `Thêm chú thích ${info?.subtype ?? ''} ở trang ${page}.`),
    );
  }
  const nowSet = new Set(now);
  for (const key of was) {
    if (!nowSet.has(key) && !span.current.annotations.has(key)) {
      decisions.push(removedAnnotation(span, key));
    }
  }
  const refused = combine(decisions.filter((d) => !d.permitted));
  if (refused !== undefined) {
    return { ...refused, role: 'page' };
  }
  const clause = decisions[0]?.clause ?? (span.p === null ? CLAUSE.APPROVAL : CLAUSE.SIGN);
  return allow('page', `Danh sách chú thích/trường của trang ${page} cập nhật.`, clause);
}

/** The /Annots value of a page dictionary in either revision. */
export function annotsOf(value: PdfValue | undefined): PdfValue | undefined {
  return value instanceof PdfDict ? value.get('Annots') : undefined;
}
