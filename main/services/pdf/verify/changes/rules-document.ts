import { PdfDict, PdfName, PdfRef, isArray, type PdfValue } from '../../read/values.ts';
import { changedKeys } from '../../read/pdf-model.ts';
import type { Changed } from './changed.ts';
import { CLAUSE } from './clauses.ts';
import { allow, decide, deny, merge, type Decision } from './decision.ts';
import { annotsOf, judgeAnnotsList } from './rules-annotations.ts';
import { newFieldDecision } from './rules-fields.ts';
import type { Span } from './span.ts';

function fillClause(span: Span): string {
  return span.p === null ? CLAUSE.APPROVAL : span.p === 1 ? CLAUSE.P1 : CLAUSE.FILL;
}

function versionNumber(value: PdfValue | undefined): number {
  return value instanceof PdfName ? Number(value.name) || 0 : 0;
}

/** The form's /Fields list: fields may be added as the rules for new fields allow, never removed. */
export function judgeFieldsList(span: Span, before: PdfValue | undefined, after: PdfValue | undefined): Decision {
  const list = (rev: Span['signed']['revision'], value: PdfValue | undefined): string[] => {
    const items = rev.resolve(value);
    return isArray(items) ? items.filter((v): v is PdfRef => v instanceof PdfRef).map((r) => rev.keyOf(r)) : [];
  };
  const was = list(span.signed.revision, before);
  const now = list(span.current.revision, after);
  const decisions: Decision[] = [];
  for (const key of now) {
    const field = span.current.fields.get(key);
    if (!was.includes(key) && field !== undefined && !span.signed.fields.has(key)) {
      decisions.push(newFieldDecision(span, 'form', field.name, field.type));
    }
  }
  for (const key of was) {
    if (!now.includes(key) && !span.current.fields.has(key)) {
      decisions.push(
        deny('form', `Trường "${span.signed.fields.get(key)?.name ?? key}" bị xóa khỏi biểu mẫu.`, CLAUSE.NOT_LISTED),
      );
    }
  }
  const refused = decisions.find((d) => !d.permitted);
  return refused ?? allow('form', 'Danh sách trường biểu mẫu cập nhật.', decisions[0]?.clause ?? fillClause(span));
}

/** The interactive form dictionary (ISO 32000-1 Table 218), whether its own object or inline in the catalog. */
export function judgeAcroForm(span: Span, before: PdfValue | undefined, after: PdfValue | undefined): Decision {
  const b = span.signed.revision.dict(before);
  const a = span.current.revision.dict(after);
  const keys = changedKeys(b ?? new PdfDict(new Map()), a ?? new PdfDict(new Map()));
  const decisions = keys.map((key): Decision => {
    if (key === 'Fields') {
      return judgeFieldsList(span, b?.get('Fields'), a?.get('Fields'));
    }
    if (key === 'SigFlags') {
      return allow('form', 'Cờ chữ ký của biểu mẫu (/SigFlags) cập nhật.', CLAUSE.SIG_FLAGS);
    }
    if (key === 'DR' || key === 'DA' || key === 'NeedAppearances') {
      return decide(span.p !== 1, 'form', `Tài nguyên biểu mẫu (${key}) cập nhật.`, fillClause(span));
    }
    return deny('form', `Biểu mẫu bị thay đổi (${key}).`, CLAUSE.NOT_LISTED);
  });
  return merge(decisions) ?? allow('form', 'Biểu mẫu không đổi.', fillClause(span));
}

/** The document catalog (ISO 32000-1 Table 28), key by key. */
export function judgeCatalog(span: Span, c: Changed): Decision {
  const before = span.signed.revision.catalog() ?? new PdfDict(new Map());
  const after = c.after instanceof PdfDict ? c.after : new PdfDict(new Map());
  const decisions = changedKeys(before, after).map((key): Decision => {
    switch (key) {
      case 'DSS':
        return allow('catalog', 'Kho dữ liệu xác thực (DSS) được thêm/cập nhật.', CLAUSE.DSS);
      case 'Extensions':
        return allow('catalog', 'Khai báo phần mở rộng (/Extensions) được thêm.', CLAUSE.VERSION);
      case 'Version': {
        const raised = versionNumber(after.get('Version')) >= versionNumber(before.get('Version'));
        return decide(
          raised,
          'catalog',
          raised ? 'Phiên bản PDF (/Version) được nâng.' : 'Phiên bản PDF (/Version) bị hạ.',
          CLAUSE.VERSION,
        );
      }
      case 'AcroForm':
        return judgeAcroForm(span, before.get('AcroForm'), after.get('AcroForm'));
      case 'Perms':
        return decide(span.p === null, 'catalog', 'Quyền của tài liệu (/Perms) bị thay đổi.', CLAUSE.PERMS);
      case 'Metadata':
        // As pyHanko's default policy does: XMP is rewritten by the same tools that add a DSS.
        return allow('catalog', 'Siêu dữ liệu (/Metadata) cập nhật.', CLAUSE.METADATA);
      default:
        return deny('catalog', `Danh mục tài liệu bị thay đổi (${key}).`, span.p === 1 ? CLAUSE.P1 : CLAUSE.NOT_LISTED);
    }
  });
  return merge(decisions) ?? allow('catalog', 'Danh mục tài liệu được ghi lại, không đổi nội dung.', CLAUSE.UNUSED);
}

/** A page dictionary: only its /Annots list may change (as the annotation rules allow). */
export function judgePage(span: Span, c: Changed, page: string): Decision {
  const n = span.current.pages.indexOf(page) + 1;
  if (c.change === 'added' || !span.signed.pages.includes(page)) {
    return deny('page', `Trang ${n} được thêm vào.`, CLAUSE.PAGES);
  }
  const keys = c.before instanceof PdfDict && c.after instanceof PdfDict ? changedKeys(c.before, c.after) : ['*'];
  const other = keys.filter((k) => k !== 'Annots');
  if (other.length > 0) {
    return deny('page', `Trang ${n} bị thay đổi (${other.join(', ')}).`, CLAUSE.CONTENT);
  }
  return judgeAnnotsList(span, n, annotsOf(c.before), annotsOf(c.after));
}

/** A page-tree node: re-balancing /Kids and /Count is harmless as long as the pages stay the same. */
export function judgePagesNode(span: Span, c: Changed): Decision {
  const keys = c.before instanceof PdfDict && c.after instanceof PdfDict ? changedKeys(c.before, c.after) : ['*'];
  const ok = keys.every((k) => k === 'Kids' || k === 'Count') && span.signed.pages.join() === span.current.pages.join();
  return decide(
    ok,
    'pages',
    ok ? 'Cây trang được sắp lại, các trang không đổi.' : `Cây trang thay đổi (${keys.join(', ')}).`,
    CLAUSE.PAGES,
  );
}

export function judgePageContent(span: Span, page: string): Decision {
  const n = span.current.pages.indexOf(page) + 1;
  return deny(
    'content',
    `Nội dung hiển thị của trang ${n} bị thay đổi (nội dung, phông chữ, hình ảnh hoặc tài nguyên).`,
    CLAUSE.CONTENT,
  );
}

export function judgeCatalogEntry(span: Span, key: string): Decision {
  return decide(
    span.p === null,
    'catalog',
    `Mục /${key} của danh mục tài liệu bị thay đổi.`,
    span.p === null ? CLAUSE.APPROVAL : span.p === 1 ? CLAUSE.P1 : CLAUSE.NOT_LISTED,
  );
}

export function judgeFormResource(span: Span): Decision {
  return decide(span.p !== 1, 'form', 'Tài nguyên biểu mẫu (phông chữ của trường) cập nhật.', fillClause(span));
}

export function judgeMetadata(): Decision {
  return allow('metadata', 'Siêu dữ liệu (XMP) cập nhật.', CLAUSE.METADATA);
}
