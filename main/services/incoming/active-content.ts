import type { ArrivalFinding } from '../../../preload/contract/arrival-check.ts';
import { PdfFile, type Revision } from '../pdf/read/pdf-file.ts';
import { dictOf, isArray, PdfDict, PdfRef, PdfStream, type PdfValue } from '../pdf/read/values.ts';

/** One kind of active content or hidden attachment, as the clerk reads it. */
interface Kind {
  readonly label: string;
  /** Links are inert where the app shows a PDF; they are said, not judged. */
  readonly severity: 'indeterminate' | 'info';
}

const ACTIONS: Readonly<Record<string, Kind>> = {
  JavaScript: { label: 'mã JavaScript', severity: 'indeterminate' },
  Launch: { label: 'lệnh chạy chương trình (Launch)', severity: 'indeterminate' },
  SubmitForm: { label: 'lệnh gửi dữ liệu biểu mẫu ra ngoài (SubmitForm)', severity: 'indeterminate' },
  ImportData: { label: 'lệnh nhập dữ liệu (ImportData)', severity: 'indeterminate' },
  RichMediaExecute: { label: 'lệnh chạy nội dung đa phương tiện', severity: 'indeterminate' },
  GoToE: { label: 'liên kết tới tệp đính kèm (GoToE)', severity: 'indeterminate' },
  GoToR: { label: 'liên kết tới tệp khác (GoToR)', severity: 'info' },
  URI: { label: 'liên kết ra ngoài (URI)', severity: 'info' },
};

const OTHER: Readonly<Record<string, Kind>> = {
  OpenAction: { label: 'hành động tự chạy khi mở tệp (OpenAction)', severity: 'indeterminate' },
  // Most office exports open at a page this way: a destination, nothing that runs.
  OpenView: { label: 'trang mở đầu khi mở tệp (OpenAction tới một trang)', severity: 'info' },
  AA: { label: 'hành động tự chạy theo sự kiện (AA)', severity: 'indeterminate' },
  EmbeddedFile: { label: 'tệp đính kèm ẩn', severity: 'indeterminate' },
  XFA: { label: 'biểu mẫu XFA', severity: 'indeterminate' },
  RichMedia: { label: 'nội dung đa phương tiện (RichMedia)', severity: 'indeterminate' },
  JS: { label: 'mã JavaScript', severity: 'indeterminate' },
};

/** Pages by the object numbers of their annotations, so a finding can say "trang 3". */
function annotationPages(revision: Revision, root: PdfDict | undefined): Map<number, number> {
  const pages = new Map<number, number>();
  let page = 0;
  const seen = new Set<number>();
  const walk = (value: PdfValue | undefined, depth: number): void => {
    if (depth > 64 || page > 100_000) {
      return;
    }
    if (value instanceof PdfRef) {
      if (seen.has(value.num)) {
        return;
      }
      seen.add(value.num);
    }
    const node = dictOf(value instanceof PdfRef ? revision.lookup(value) : value);
    if (node === undefined) {
      return;
    }
    const kids = node.get('Kids');
    if (isArray(kids)) {
      for (const kid of kids) {
        walk(kid, depth + 1);
      }
      return;
    }
    page += 1;
    const annots = node.get('Annots');
    const list = annots instanceof PdfRef ? revision.lookup(annots) : annots;
    if (isArray(list)) {
      for (const annot of list) {
        if (annot instanceof PdfRef) {
          pages.set(annot.num, page);
        }
      }
    }
  };
  walk(root?.get('Pages'), 0);
  return pages;
}

function dictOfObject(value: PdfValue | undefined): PdfDict | undefined {
  return value instanceof PdfStream ? value.dict : dictOf(value);
}

/** Every dictionary of one object, nested ones included (an action inside an annotation's /A). */
function* dictionaries(value: PdfValue | undefined, depth = 0): Generator<PdfDict> {
  if (depth > 32 || value === undefined || value === null) {
    return;
  }
  const dict = dictOfObject(value);
  if (dict !== undefined) {
    yield dict;
    for (const inner of dict.map.values()) {
      if (!(inner instanceof PdfRef)) {
        yield* dictionaries(inner, depth + 1);
      }
    }
  } else if (isArray(value)) {
    for (const inner of value) {
      if (!(inner instanceof PdfRef)) {
        yield* dictionaries(inner, depth + 1);
      }
    }
  }
}

/**
 * Active content and hidden attachments in a PDF [S-TN26 Điều 18 k2a]: JavaScript, Launch, URI,
 * SubmitForm and other actions, OpenAction and additional actions, embedded files, XFA forms,
 * RichMedia. Read with the verifier's own lazy reader over every object of the newest revision
 * (object streams included), never executed. One finding per kind, with where it was found.
 */
export function findActiveContent(bytes: Uint8Array): ArrivalFinding[] {
  const revision = new PdfFile(bytes).revision();
  const rootValue = revision.trailer.get('Root');
  const root = dictOf(rootValue instanceof PdfRef ? revision.lookup(rootValue) : rootValue);
  const pages = annotationPages(revision, root);
  const found = new Map<string, { kind: Kind; where: Set<string> }>();
  const note = (key: string, kind: Kind, where: string): void => {
    const entry = found.get(key) ?? { kind, where: new Set<string>() };
    entry.where.add(where);
    found.set(key, entry);
  };
  const place = (num: number): string => {
    const page = pages.get(num);
    return page === undefined ? `đối tượng ${num}` : `trang ${page}, chú thích (đối tượng ${num})`;
  };
  const open = root?.get('OpenAction');
  if (open !== undefined && open !== null) {
    const action = dictOf(open instanceof PdfRef ? revision.lookup(open) : open);
    const goTo = action === undefined || action.name('S') === 'GoTo';
    note(goTo ? 'OpenView' : 'OpenAction', OTHER[goTo ? 'OpenView' : 'OpenAction'] as Kind, 'danh mục tài liệu');
  }
  for (const ref of revision.refs()) {
    const value = revision.lookup(ref);
    for (const dict of dictionaries(value)) {
      const action = dict.name('S');
      if (action !== undefined && ACTIONS[action] !== undefined) {
        note(action, ACTIONS[action], place(ref.num));
      }
      for (const key of ['JS', 'AA', 'XFA', 'RichMedia', 'EmbeddedFile'] as const) {
        if (dict.has(key) && !(key === 'AA' && dict === root)) {
          note(key === 'JS' ? 'JavaScript' : key, OTHER[key] as Kind, place(ref.num));
        }
      }
      if (dict.name('Type') === 'EmbeddedFile' || dict.name('Subtype') === 'RichMedia') {
        const key = dict.name('Subtype') === 'RichMedia' ? 'RichMedia' : 'EmbeddedFile';
        note(key, OTHER[key] as Kind, place(ref.num));
      }
      if (
        dict.has('EmbeddedFiles') ||
        dict.get('JavaScript') instanceof PdfRef ||
        dict.get('JavaScript') instanceof PdfDict
      ) {
        const key = dict.has('EmbeddedFiles') ? 'EmbeddedFile' : 'JavaScript';
        note(
          key,
          key === 'EmbeddedFile' ? (OTHER['EmbeddedFile'] as Kind) : (ACTIONS['JavaScript'] as Kind),
          'danh mục tên (Names)',
        );
      }
    }
  }
  return [...found.values()].map(({ kind, where }) => ({
    code: 'ACTIVE_CONTENT' as const,
    severity: kind.severity,
    message:
      kind.severity === 'info'
        ? `Văn bản có ${kind.label}; không mở hay chạy tự động.`
        : `Văn bản có mã thực thi/tệp đính kèm ẩn: ${kind.label}.`,
    where: [...where].slice(0, 5),
  }));
}
