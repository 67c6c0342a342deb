import { PdfDict, type PdfValue } from '../../read/values.ts';
import { changedKeys } from '../../read/pdf-model.ts';
import type { Changed } from './changed.ts';
import { CLAUSE } from './clauses.ts';
import { allow, decide, deny, type Decision } from './decision.ts';
import { isLocked } from './field-lock.ts';
import type { Span } from './span.ts';
import { isDocTimestamp, isFieldKey } from './uses.ts';

/** Field keys filling a field changes (a viewer also rewrites /DA when it regenerates the appearance). */
const FILL_KEYS = new Set(['V', 'DA', 'RV', 'I']);
/** Signing an empty signature field writes its value, and vanthu its /Lock and seed values. */
const SIGN_KEYS = new Set(['V', 'DA', 'Lock', 'SV']);
/** Widget keys that change with the field's value or signature: its appearance and state. */
const LOOK_KEYS = new Set(['AP', 'AS', 'MK']);
const LOCKED_FLAG = 128;

function subset(keys: readonly string[], allowed: ReadonlySet<string>): boolean {
  return keys.every((k) => allowed.has(k));
}

function signingClause(span: Span): string {
  return span.p === null ? CLAUSE.APPROVAL : CLAUSE.SIGN;
}

/** Signing `name` after the signature: a document timestamp always, a signature unless P=1. */
function signingDecision(span: Span, role: string, name: string, what: string): Decision {
  if (span.timestamps.has(name)) {
    return allow(role, `${what} (dấu thời gian tài liệu "${name}").`, CLAUSE.DOC_TIMESTAMP);
  }
  return span.p === 1
    ? deny(role, `${what} (trường "${name}") sau chữ ký chứng thực P=1.`, CLAUSE.P1)
    : allow(role, `${what} (trường "${name}").`, signingClause(span));
}

/** A field that did not exist when the signature was made. */
export function newFieldDecision(span: Span, role: string, name: string, type: string): Decision {
  const sig = type === 'Sig';
  const what = sig ? `Trường chữ ký "${name}" được thêm` : `Trường "${name}" được thêm`;
  if (sig && span.newlySigned.has(name)) {
    return signingDecision(span, role, name, 'Ký vào trường chữ ký mới');
  }
  if (span.p === null) {
    return decide(
      !isLocked(span.lock, name),
      role,
      `${what}.`,
      span.lock === null ? CLAUSE.APPROVAL : CLAUSE.FIELD_MDP,
    );
  }
  return deny(role, `${what}.`, span.p === 1 ? CLAUSE.P1 : CLAUSE.NEW_FIELD);
}

function fieldOf(span: Span, key: string): { name: string; type: string } | undefined {
  const field = span.current.fields.get(key);
  return field === undefined ? undefined : { name: field.name, type: field.type };
}

function keysOf(before: PdfValue | undefined, after: PdfValue): string[] {
  return before instanceof PdfDict && after instanceof PdfDict ? changedKeys(before, after) : ['*'];
}

/** Was this annotation (or field) already there when the signature was made? */
function isNew(span: Span, key: string): boolean {
  return !span.signed.annotations.has(key) && !span.signed.fields.has(key);
}

/** The field dictionary itself (ISO 32000-1 §12.7.3): only its value may change, by filling or signing. */
export function judgeField(span: Span, c: Changed): Decision {
  const field = fieldOf(span, c.key);
  if (field === undefined) {
    return deny('field', 'Trường biểu mẫu bị thay đổi.', CLAUSE.NOT_LISTED);
  }
  const { name, type } = field;
  if (c.change === 'added' || span.newFields.has(name)) {
    return newFieldDecision(span, 'field', name, type);
  }
  const merged = span.current.annotations.has(c.key);
  // A merged widget's annotation keys are judged by the widget rule.
  const keys = keysOf(c.before, c.after).filter((k) => !merged || isFieldKey(k));
  if (keys.length === 0) {
    return allow(
      'field',
      `Trường "${name}": chỉ phần hiển thị thay đổi.`,
      span.p === null ? CLAUSE.APPROVAL : CLAUSE.FILL,
    );
  }
  if (isLocked(span.lock, name)) {
    return deny('field', `Trường "${name}" đã bị khóa khi ký nhưng bị sửa.`, CLAUSE.FIELD_MDP);
  }
  if (type === 'Sig') {
    if (span.newlySigned.has(name) && subset(keys, SIGN_KEYS)) {
      return signingDecision(span, 'field', name, 'Ký vào trường');
    }
    if (span.signedBefore.has(name)) {
      return deny('field', `Trường chữ ký "${name}" đã ký bị sửa (${keys.join(', ')}).`, CLAUSE.SIGNED_FIELD);
    }
    return deny('field', `Thuộc tính trường "${name}" bị thay đổi (${keys.join(', ')}).`, CLAUSE.FIELD_PROPS);
  }
  if (subset(keys, FILL_KEYS)) {
    return span.p === 1
      ? deny('field', `Điền trường "${name}" sau chữ ký chứng thực P=1.`, CLAUSE.P1)
      : allow('field', `Điền trường "${name}".`, span.p === null ? CLAUSE.APPROVAL : CLAUSE.FILL);
  }
  return deny('field', `Thuộc tính trường "${name}" bị thay đổi (${keys.join(', ')}).`, CLAUSE.FIELD_PROPS);
}

/** Only the Locked bit (ISO 32000-1 Table 165, bit 8) was set; nothing else in /F changed. */
function onlyLockedGained(before: PdfValue | undefined, after: PdfValue): boolean {
  const f0 = before instanceof PdfDict ? before.get('F') : undefined;
  const f1 = after instanceof PdfDict ? after.get('F') : undefined;
  const a = typeof f0 === 'number' ? f0 : 0;
  const b = typeof f1 === 'number' ? f1 : 0;
  return (a | LOCKED_FLAG) === b && (a & LOCKED_FLAG) === 0;
}

/** A widget annotation of field `name`: its look may change with its field's value or signature. */
export function judgeWidget(span: Span, c: Changed, name: string, type: string): Decision {
  if (c.change === 'added' || isNew(span, c.key)) {
    return newFieldDecision(span, 'annotation', name, type);
  }
  const merged = span.current.fields.has(c.key);
  const all = keysOf(c.before, c.after).filter((k) => !merged || !isFieldKey(k));
  const flagOnly = all.includes('F') && onlyLockedGained(c.before, c.after);
  const keys = flagOnly ? all.filter((k) => k !== 'F') : all;
  if (all.length === 0) {
    return allow(
      'annotation',
      `Widget của trường "${name}" cập nhật.`,
      span.p === null ? CLAUSE.APPROVAL : CLAUSE.FILL,
    );
  }
  if (isLocked(span.lock, name)) {
    return deny('annotation', `Trường "${name}" đã bị khóa khi ký nhưng bị sửa.`, CLAUSE.FIELD_MDP);
  }
  if (type === 'Sig') {
    if (span.newlySigned.has(name) && subset(keys, LOOK_KEYS)) {
      return signingDecision(
        span,
        'annotation',
        name,
        flagOnly ? 'Ký vào trường và khóa widget (cờ Locked)' : 'Ký vào trường',
      );
    }
    if (span.signedBefore.has(name) && keys.length === 0) {
      return allow('annotation', `Widget chữ ký "${name}" được khóa (cờ Locked).`, CLAUSE.LOCKED_FLAG);
    }
    if (span.signedBefore.has(name)) {
      return deny(
        'annotation',
        `Widget chữ ký đã ký của trường "${name}" bị sửa (${keys.join(', ')}).`,
        CLAUSE.SIGNED_FIELD,
      );
    }
    return deny('annotation', `Widget trường chữ ký "${name}" bị sửa (${all.join(', ')}).`, CLAUSE.FIELD_PROPS);
  }
  if (!flagOnly && subset(keys, LOOK_KEYS) && span.filled.has(name)) {
    return span.p === 1
      ? deny('annotation', `Điền trường "${name}" sau chữ ký chứng thực P=1.`, CLAUSE.P1)
      : allow(
          'annotation',
          `Giao diện trường "${name}" cập nhật khi điền.`,
          span.p === null ? CLAUSE.APPROVAL : CLAUSE.FILL,
        );
  }
  if (subset(all, LOOK_KEYS)) {
    return deny('annotation', `Giao diện trường "${name}" bị thay đổi mà giá trị không đổi.`, CLAUSE.NOT_LISTED);
  }
  return deny(
    'annotation',
    `Thuộc tính widget của trường "${name}" bị thay đổi (${all.join(', ')}).`,
    CLAUSE.FIELD_PROPS,
  );
}

/**
 * An appearance stream (or what it draws with) of the widget `owner`. It may change only as
 * part of filling or signing that very field: an appearance that several annotations share
 * changes all of them, and a signed field's appearance is part of its signature.
 */
export function judgeWidgetAppearance(
  span: Span,
  owner: string,
  name: string,
  type: string,
  shared: boolean,
): Decision {
  if (isLocked(span.lock, name)) {
    return deny('appearance', `Giao diện trường "${name}" đã bị khóa khi ký nhưng bị sửa.`, CLAUSE.FIELD_MDP);
  }
  if (isNew(span, owner)) {
    return newFieldDecision(span, 'appearance', name, type);
  }
  if (type === 'Sig') {
    if (span.newlySigned.has(name)) {
      return signingDecision(span, 'appearance', name, 'Giao diện chữ ký mới');
    }
    if (span.signedBefore.has(name)) {
      return deny('appearance', `Giao diện chữ ký đã ký của trường "${name}" bị thay đổi.`, CLAUSE.SIGNED_FIELD);
    }
    return deny('appearance', `Giao diện trường chữ ký "${name}" bị thay đổi mà không ký.`, CLAUSE.NOT_LISTED);
  }
  if (span.filled.has(name)) {
    return span.p === 1
      ? deny('appearance', `Giao diện trường "${name}" đổi sau chữ ký chứng thực P=1.`, CLAUSE.P1)
      : allow(
          'appearance',
          `Giao diện trường "${name}" cập nhật khi điền.`,
          span.p === null ? CLAUSE.APPROVAL : CLAUSE.FILL,
        );
  }
  return shared
    ? deny(
        'appearance',
        `Giao diện dùng chung bị ghi đè, làm đổi cả trường "${name}" không được điền.`,
        CLAUSE.SHARED_APPEARANCE,
      )
    : deny('appearance', `Giao diện trường "${name}" bị thay đổi mà giá trị không đổi.`, CLAUSE.NOT_LISTED);
}

/** An indirect value of a non-signature field (a rich-text stream, an array of choices). */
export function judgeFieldValue(span: Span, name: string): Decision {
  if (isLocked(span.lock, name)) {
    return deny('field', `Trường "${name}" đã bị khóa khi ký nhưng bị sửa.`, CLAUSE.FIELD_MDP);
  }
  return span.p === 1
    ? deny('field', `Điền trường "${name}" sau chữ ký chứng thực P=1.`, CLAUSE.P1)
    : allow('field', `Điền trường "${name}".`, span.p === null ? CLAUSE.APPROVAL : CLAUSE.FILL);
}

/** A signature dictionary (or a part of it) of field `name`. */
export function judgeSignatureValue(span: Span, c: Changed, name: string): Decision {
  if (c.change === 'modified' && !span.newlySigned.has(name)) {
    return deny('signature', `Chữ ký của trường "${name}" bị ghi đè.`, CLAUSE.SIGNED_FIELD);
  }
  if (isDocTimestamp(c.after) || span.timestamps.has(name)) {
    return allow('timestamp', `Dấu thời gian tài liệu được thêm (trường "${name}").`, CLAUSE.DOC_TIMESTAMP);
  }
  return span.p === 1
    ? deny('signature', 'Chữ ký số được thêm sau chữ ký chứng thực P=1.', CLAUSE.P1)
    : allow('signature', 'Chữ ký số được thêm sau.', signingClause(span));
}

/** /Lock, /SV or an indirect /Kids array of field `name`. */
export function judgeFieldPart(span: Span, owner: string, name: string, type: string): Decision {
  if (isNew(span, owner)) {
    return newFieldDecision(span, 'field', name, type);
  }
  if (type === 'Sig' && span.newlySigned.has(name)) {
    return signingDecision(span, 'field', name, 'Ký vào trường');
  }
  return deny('field', `Thuộc tính trường "${name}" bị thay đổi.`, CLAUSE.FIELD_PROPS);
}
