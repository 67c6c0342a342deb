import type { Changed } from './changed.ts';
import { CLAUSE } from './clauses.ts';
import { allow, decide, deny, type Decision } from './decision.ts';
import { judgeAnnotation, judgeAnnotsList, judgeMarkupAppearance } from './rules-annotations.ts';
import {
  judgeAcroForm,
  judgeCatalog,
  judgeCatalogEntry,
  judgeFieldsList,
  judgeFormResource,
  judgeMetadata,
  judgePage,
  judgePageContent,
  judgePagesNode,
} from './rules-document.ts';
import {
  judgeField,
  judgeFieldPart,
  judgeFieldValue,
  judgeSignatureValue,
  judgeWidgetAppearance,
} from './rules-fields.ts';
import type { Span } from './span.ts';
import type { Use } from './uses.ts';

/** How many annotations draw with this object: more than one means an overwrite shows in all of them. */
function appearanceOwners(uses: readonly Use[]): number {
  return new Set(uses.filter((u) => u.kind === 'appearance').map((u) => u.owner)).size;
}

/** The rule for one use of a changed object (what it is used for decides what may change). */
export function judgeUse(span: Span, c: Changed, use: Use, all: readonly Use[]): Decision {
  const field = span.current.fields.get(use.owner);
  switch (use.kind) {
    case 'catalog':
      return judgeCatalog(span, c);
    case 'catalog-entry':
      return judgeCatalogEntry(span, use.key ?? '?');
    case 'info':
      return allow('info', 'Thông tin mô tả tài liệu (/Info) cập nhật.', CLAUSE.INFO);
    case 'metadata':
      return judgeMetadata();
    case 'dss':
      return allow('dss', 'Kho dữ liệu xác thực (DSS: chứng thư, OCSP, CRL) được thêm/cập nhật.', CLAUSE.DSS);
    case 'perms':
      return decide(span.p === null, 'catalog', 'Quyền của tài liệu (/Perms) bị thay đổi.', CLAUSE.PERMS);
    case 'pages-node':
      return judgePagesNode(span, c);
    case 'page':
      return judgePage(span, c, use.owner);
    case 'annots-array':
      return judgeAnnotsList(span, span.current.pages.indexOf(use.owner) + 1, c.before, c.after);
    case 'page-content':
      return judgePageContent(span, use.owner);
    case 'annotation':
      return judgeAnnotation(span, c);
    case 'appearance':
    case 'annotation-part':
      return field === undefined
        ? judgeMarkupAppearance(span, use.owner)
        : judgeWidgetAppearance(span, use.owner, field.name, field.type, appearanceOwners(all) > 1);
    case 'acroform':
      return judgeAcroForm(span, c.before, c.after);
    case 'fields-array':
      return judgeFieldsList(span, c.before, c.after);
    case 'form-resource':
      return judgeFormResource(span);
    case 'field':
      return judgeField(span, c);
    case 'field-value':
      return judgeFieldValue(span, field?.name ?? '?');
    case 'signature-value':
      return judgeSignatureValue(span, c, field?.name ?? '?');
    case 'field-part':
      return field === undefined
        ? deny('field', 'Trường biểu mẫu bị thay đổi.', CLAUSE.NOT_LISTED)
        : judgeFieldPart(span, use.owner, field.name, field.type);
  }
}
