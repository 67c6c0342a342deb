import { lineItems, isBold, type DraftPage } from './model.ts';
import { fmtSize, hitAt, isUpper, mm, PL1, pt, sizeIn, type RuleHit, type TheThucRule } from './rule.ts';
import type { TextLine } from '../../domain/nd30/text-lines.ts';

export const tenLoai: TheThucRule = {
  id: 'ten-loai',
  source: `${PL1}, Phần II, mục 5`,
  tolerance: 'tên loại in hoa, đứng, đậm, cỡ 13–14; trích yếu đậm, cỡ 13–14; công văn: "V/v" cỡ 12–13 (±0,3)',
  check({ pages, tenLoai: line, loai }) {
    const page = pages[0];
    if (page === undefined) {
      return [];
    }
    if (loai === undefined) {
      return [{ message: 'Không thấy tên loại văn bản (hoặc dòng "V/v" của công văn).', pageIndex: 0 }];
    }
    const hits: RuleHit[] = [];
    if (line === undefined) {
      const vv = page.lines.find((l) => /^V\/v\s/u.test(l.text));
      if (vv !== undefined && !sizeIn(vv, 12, 13)) {
        hits.push(hitAt(page, vv, `Trích yếu công văn cỡ ${fmtSize(vv.size)}, phải cỡ 12–13.`));
      }
      return hits;
    }
    if (!isUpper(line.text)) {
      hits.push(hitAt(page, line, 'Tên loại văn bản phải in hoa.'));
    }
    if (!isBold(line)) {
      hits.push(hitAt(page, line, 'Tên loại văn bản phải in đậm.'));
    }
    if (!sizeIn(line, 13, 14)) {
      hits.push(hitAt(page, line, `Tên loại cỡ ${fmtSize(line.size)}, phải cỡ 13–14.`));
    }
    const trichYeu = page.lines.find((l) => l.y < line.y && line.y - l.y <= 2.2 * line.size);
    if (trichYeu === undefined) {
      hits.push(hitAt(page, line, 'Thiếu trích yếu nội dung dưới tên loại.'));
    } else if (!isBold(trichYeu) || !sizeIn(trichYeu, 13, 14)) {
      hits.push(hitAt(page, trichYeu, 'Trích yếu nội dung phải in đậm, cỡ 13–14.'));
    }
    return hits;
  },
};

/** Times New Roman, or a face with its metrics (Liberation Serif, Tinos) as LibreOffice substitutes it. */
const TIMES = /times|liberationserif|tinos/i;

export const phongChu: TheThucRule = {
  id: 'phong-chu',
  source: `${PL1}, Phần I, mục 4`,
  tolerance: 'Times New Roman (hoặc phông cùng số đo: Liberation Serif, Tinos); tối đa 2 % ký tự phông khác',
  check({ pages }) {
    let total = 0;
    const other = new Map<string, { count: number; page: DraftPage; line: TextLine }>();
    for (const page of pages) {
      for (const line of page.lines) {
        for (const item of lineItems(line)) {
          const n = item.str.replace(/\s+/g, '').length;
          total += n;
          if (n > 0 && !TIMES.test(item.font)) {
            const seen = other.get(item.font);
            other.set(item.font, { count: (seen?.count ?? 0) + n, page: seen?.page ?? page, line: seen?.line ?? line });
          }
        }
      }
    }
    const count = [...other.values()].reduce((s, o) => s + o.count, 0);
    if (total === 0 || count / total <= 0.02) {
      return [];
    }
    const [font, first] = [...other.entries()].sort((a, b) => b[1].count - a[1].count)[0] ?? [];
    if (first === undefined) {
      return [];
    }
    return [
      hitAt(
        first.page,
        first.line,
        `Văn bản dùng phông "${font ?? '?'}" (${Math.round((100 * count) / total)} % ký tự), phải dùng Times New Roman.`,
      ),
    ];
  },
};

/** Body lines: long, not bold, not the header (page 1 below the date line). */
function bodyLines(page: DraftPage): TextLine[] {
  return page.lines.filter((l) => l.text.length >= 40 && !isBold(l));
}

export const coChuNoiDung: TheThucRule = {
  id: 'co-chu-noi-dung',
  source: `${PL1}, Phần II, mục 6`,
  tolerance: 'cỡ chữ phần nội dung 13–14 (±0,3), theo cỡ của đa số dòng',
  check({ pages }) {
    const sizes = new Map<number, number>();
    for (const line of pages.flatMap(bodyLines)) {
      const key = Math.round(line.size * 2) / 2;
      sizes.set(key, (sizes.get(key) ?? 0) + line.text.length);
    }
    const mode = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (mode === undefined || (mode >= 13 - 0.3 && mode <= 14 + 0.3)) {
      return [];
    }
    const page = pages.find((p) => bodyLines(p).length > 0);
    const line = page === undefined ? undefined : bodyLines(page)[0];
    return page === undefined || line === undefined
      ? []
      : [hitAt(page, line, `Phần nội dung cỡ ${fmtSize(mode)}, phải cỡ 13–14.`)];
  },
};

/** The page-number line of a page (a short number at the top), if any. */
export function pageNumberLine(page: DraftPage): TextLine | undefined {
  const top = page.lines[0];
  return top !== undefined && /^\d{1,3}$/.test(top.text) && page.height - top.y <= pt(30) ? top : undefined;
}

interface Margins {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

function marginsOf(page: DraftPage): Margins | undefined {
  const lines = page.lines;
  if (lines.length === 0) {
    return undefined;
  }
  return {
    top: mm(page.height - Math.max(...lines.map((l) => l.y + 0.9 * l.size))),
    bottom: mm(Math.min(...lines.map((l) => l.y - 0.22 * l.size))),
    left: mm(Math.min(...lines.map((l) => l.x0))),
    right: mm(page.width - Math.max(...lines.map((l) => l.x1))),
  };
}

/** Measured from the text, so a little slack for ascenders and justification. */
const SLACK_MM = 1.5;

export const leTrang: TheThucRule = {
  id: 'le-trang',
  source: `${PL1}, Phần I, mục 3`,
  tolerance: 'lề trên 20–25 mm, lề dưới ít nhất 20 mm, lề trái 30–35 mm, lề phải 15–20 mm (±1,5 mm, đo theo chữ)',
  check({ pages }) {
    const hits: RuleHit[] = [];
    const all = pages.map(marginsOf);
    const first = all[0];
    if (first === undefined) {
      return [];
    }
    const outside = (v: number, min: number, max: number) => v < min - SLACK_MM || v > max + SLACK_MM;
    if (outside(first.top, 20, 25)) {
      hits.push({ message: `Lề trên ${first.top.toFixed(0)} mm, phải 20–25 mm.`, pageIndex: 0 });
    }
    const left = Math.min(...all.map((m) => m?.left ?? Infinity));
    if (outside(left, 30, 35)) {
      hits.push({ message: `Lề trái ${left.toFixed(0)} mm, phải 30–35 mm.`, pageIndex: 0 });
    }
    // Justified body lines reach the right margin; the widest line tells it.
    const right = Math.min(...all.map((m) => m?.right ?? Infinity));
    if (outside(right, 15, 20)) {
      hits.push({ message: `Lề phải ${right.toFixed(0)} mm, phải 15–20 mm.`, pageIndex: 0 });
    }
    all.forEach((m, i) => {
      if (m !== undefined && m.bottom < 20 - SLACK_MM) {
        hits.push({
          message: `Lề dưới trang ${i + 1} chỉ ${m.bottom.toFixed(0)} mm, phải ít nhất 20 mm.`,
          pageIndex: i,
        });
      }
    });
    return hits;
  },
};

export const soTrang: TheThucRule = {
  id: 'so-trang',
  source: `${PL1}, Phần I, mục 7`,
  tolerance: 'từ trang 2: số Ả Rập ở lề trên, căn giữa (lệch tối đa 10 mm), cỡ 13–14; trang 1 không đánh số',
  check({ pages }) {
    const hits: RuleHit[] = [];
    const first = pages[0];
    const onFirst = first === undefined ? undefined : pageNumberLine(first);
    if (first !== undefined && onFirst !== undefined && pages.length > 1) {
      hits.push(hitAt(first, onFirst, 'Trang thứ nhất không hiển thị số trang.'));
    }
    // The text area's centre, from every page: a last page may hold only the signer block.
    const body = pages.flatMap((p) => p.lines.filter((l) => l !== pageNumberLine(p)));
    const centre = (Math.min(...body.map((l) => l.x0)) + Math.max(...body.map((l) => l.x1))) / 2;
    for (const page of pages.slice(1)) {
      const line = pageNumberLine(page);
      if (line === undefined) {
        hits.push({ message: `Trang ${page.pageIndex + 1} thiếu số trang ở giữa lề trên.`, pageIndex: page.pageIndex });
        continue;
      }
      if (Math.abs((line.x0 + line.x1) / 2 - centre) > pt(10)) {
        hits.push(hitAt(page, line, `Số trang ${line.text} không căn giữa.`));
      } else if (line.text !== String(page.pageIndex + 1)) {
        hits.push(hitAt(page, line, `Trang ${page.pageIndex + 1} đánh số "${line.text}".`));
      } else if (!sizeIn(line, 13, 14)) {
        hits.push(hitAt(page, line, `Số trang cỡ ${fmtSize(line.size)}, phải cỡ 13–14.`));
      }
    }
    return hits;
  },
};
