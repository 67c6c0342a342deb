import { isBold } from './model.ts';
import { fmtSize, hitAt, isItalic, isUpper, PL1, sizeIn, type RuleHit, type TheThucRule } from './rule.ts';

const QUOC_HIEU = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'];
const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

export const quocHieu: TheThucRule = {
  id: 'quoc-hieu',
  source: `${PL1}, Phần II, mục 1.a`,
  tolerance: 'đúng chữ, in hoa, đứng, đậm, cỡ 12–13 (±0,3)',
  check({ pages, quocHieu: line }) {
    const page = pages[0];
    if (page === undefined) {
      return [];
    }
    if (line === undefined) {
      return [{ message: 'Không thấy Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" ở trang đầu.', pageIndex: 0 }];
    }
    const hits: RuleHit[] = [];
    if (!QUOC_HIEU.includes(line.text) || !isUpper(line.text)) {
      hits.push(hitAt(page, line, `Quốc hiệu phải in hoa, đúng chữ: "${line.text}".`));
    }
    if (!isBold(line)) {
      hits.push(hitAt(page, line, 'Quốc hiệu phải in đậm.'));
    }
    if (!sizeIn(line, 12, 13)) {
      hits.push(hitAt(page, line, `Quốc hiệu cỡ ${fmtSize(line.size)}, phải cỡ 12–13.`));
    }
    return hits;
  },
};

export const tieuNgu: TheThucRule = {
  id: 'tieu-ngu',
  source: `${PL1}, Phần II, mục 1.b`,
  tolerance: 'đúng chữ và gạch nối, chữ thường, đứng, đậm, cỡ 13–14 (±0,3)',
  check({ pages, tieuNgu: line }) {
    const page = pages[0];
    if (page === undefined) {
      return [];
    }
    if (line === undefined) {
      return [{ message: `Không thấy Tiêu ngữ "${TIEU_NGU}" dưới Quốc hiệu.`, pageIndex: 0 }];
    }
    const hits: RuleHit[] = [];
    if (line.text !== TIEU_NGU) {
      hits.push(hitAt(page, line, `Tiêu ngữ phải viết "${TIEU_NGU}": đang là "${line.text}".`));
    }
    if (!isBold(line)) {
      hits.push(hitAt(page, line, 'Tiêu ngữ phải in đậm.'));
    }
    if (!sizeIn(line, 13, 14)) {
      hits.push(hitAt(page, line, `Tiêu ngữ cỡ ${fmtSize(line.size)}, phải cỡ 13–14.`));
    }
    return hits;
  },
};

export const tieuNguGach: TheThucRule = {
  id: 'tieu-ngu-gach',
  source: `${PL1}, Phần II, mục 1.b`,
  tolerance: 'đường kẻ ngang nét liền trong 1,6 lần cỡ chữ dưới Tiêu ngữ, dài 70–130 % dòng chữ',
  check({ pages, tieuNgu: line }) {
    const page = pages[0];
    if (page === undefined || line === undefined) {
      return [];
    }
    const width = line.x1 - line.x0;
    const centre = (line.x0 + line.x1) / 2;
    const found = page.rules.some(
      (r) =>
        r.y < line.y &&
        line.y - r.y <= 1.6 * line.size &&
        Math.abs((r.x0 + r.x1) / 2 - centre) <= 0.2 * width &&
        r.x1 - r.x0 >= 0.7 * width &&
        r.x1 - r.x0 <= 1.3 * width,
    );
    return found ? [] : [hitAt(page, line, 'Dưới Tiêu ngữ thiếu đường kẻ ngang dài bằng dòng chữ.')];
  },
};

export const coQuan: TheThucRule = {
  id: 'co-quan',
  source: `${PL1}, Phần II, mục 2`,
  tolerance: 'in hoa, cỡ 12–13 (±0,3); tên cơ quan ban hành đậm, cơ quan chủ quản không bắt buộc đậm',
  check({ pages, quocHieu: qh, so }) {
    const page = pages[0];
    if (page === undefined || qh === undefined || so === undefined) {
      return [];
    }
    // The left header column: above the "Số:" line, left of the Quốc hiệu.
    const lines = page.lines.filter((l) => l.y > so.y + 1 && l.y <= qh.y + 2 && l.x1 <= qh.x0 + 5);
    if (lines.length === 0) {
      return [hitAt(page, qh, 'Không thấy tên cơ quan, tổ chức ban hành ở góc trái phía trên.')];
    }
    const hits: RuleHit[] = [];
    for (const line of lines) {
      if (!isUpper(line.text)) {
        hits.push(hitAt(page, line, `Tên cơ quan phải in hoa: "${line.text}".`));
      }
      if (!sizeIn(line, 12, 13)) {
        hits.push(hitAt(page, line, `Tên cơ quan cỡ ${fmtSize(line.size)}, phải cỡ 12–13.`));
      }
    }
    const last = lines[lines.length - 1];
    if (last !== undefined && !isBold(last)) {
      hits.push(hitAt(page, last, 'Tên cơ quan, tổ chức ban hành văn bản phải in đậm.'));
    }
    return hits;
  },
};

/** Tên loại → its abbreviation in the ký hiệu (NĐ 30 Phụ lục III). */
const VIET_TAT: Readonly<Record<string, string>> = {
  'NGHỊ QUYẾT': 'NQ',
  'QUYẾT ĐỊNH': 'QĐ',
  'CHỈ THỊ': 'CT',
  'QUY CHẾ': 'QC',
  'QUY ĐỊNH': 'QyĐ',
  'THÔNG CÁO': 'TC',
  'THÔNG BÁO': 'TB',
  'HƯỚNG DẪN': 'HD',
  'CHƯƠNG TRÌNH': 'CTr',
  'KẾ HOẠCH': 'KH',
  'PHƯƠNG ÁN': 'PA',
  'ĐỀ ÁN': 'ĐA',
  'DỰ ÁN': 'DA',
  'BÁO CÁO': 'BC',
  'BIÊN BẢN': 'BB',
  'TỜ TRÌNH': 'TTr',
  'HỢP ĐỒNG': 'HĐ',
  'CÔNG ĐIỆN': 'CĐ',
  'BẢN GHI NHỚ': 'GNh',
  'BẢN THỎA THUẬN': 'TTh',
  'GIẤY ỦY QUYỀN': 'GUQ',
  'GIẤY MỜI': 'GM',
  'GIẤY GIỚI THIỆU': 'GGT',
  'GIẤY NGHỈ PHÉP': 'GNP',
  'PHIẾU GỬI': 'PG',
  'PHIẾU CHUYỂN': 'PC',
  'PHIẾU BÁO': 'PB',
};
export const TEN_LOAI = Object.keys(VIET_TAT);

export const soKyHieu: TheThucRule = {
  id: 'so-ky-hieu',
  source: `${PL1}, Phần II, mục 3; Phụ lục III`,
  tolerance:
    '"Số:" rồi số (số dưới 10 có số 0 đứng trước), "/", ký hiệu; ký hiệu mở đầu bằng chữ viết tắt tên loại (công văn: không có)',
  check({ pages, so, loai }) {
    const page = pages[0];
    if (page === undefined) {
      return [];
    }
    if (so === undefined) {
      return [{ message: 'Không thấy dòng "Số: …/…" ở trang đầu.', pageIndex: 0 }];
    }
    const m = /^Số\s*:\s*(\d*)\s*(?:\/\s*(\d{4}))?\s*\/\s*(\S+)$/u.exec(so.text);
    if (m === null) {
      return [hitAt(page, so, `Số, ký hiệu không đúng dạng "Số: 15/QĐ-UBND": "${so.text}".`)];
    }
    const hits: RuleHit[] = [];
    const number = m[1] ?? '';
    // A draft leaves the number blank for the văn thư; a printed one below 10 needs its 0.
    if (number.length === 1) {
      hits.push(hitAt(page, so, `Số nhỏ hơn 10 phải viết 0${number}, đang là ${number}.`));
    }
    const first = (m[3] ?? '').split('-')[0] ?? '';
    const abbreviations = Object.values(VIET_TAT);
    if (loai === 'CÔNG VĂN') {
      if (abbreviations.includes(first)) {
        hits.push(hitAt(page, so, `Ký hiệu công văn không có chữ viết tắt tên loại: "${first}".`));
      }
    } else if (loai !== undefined) {
      const own = VIET_TAT[loai];
      if (own !== undefined && !first.startsWith(own) && !(m[3] ?? '').includes(`${own}/`)) {
        hits.push(
          hitAt(page, so, `Ký hiệu của ${loai.toLocaleLowerCase('vi')} phải mở đầu bằng "${own}", đang là "${first}".`),
        );
      }
    }
    return hits;
  },
};

const DATE = /^([^,]+),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/u;

export const ngayThang: TheThucRule = {
  id: 'ngay-thang',
  source: `${PL1}, Phần II, mục 4`,
  tolerance:
    '"Địa danh, ngày 05 tháng 01 năm 2027": ngày 1–9 và tháng 1–2 có số 0 đứng trước; chữ thường, nghiêng, cỡ 13–14 (±0,3)',
  check({ pages, date }) {
    const page = pages[0];
    if (page === undefined) {
      return [];
    }
    if (date === undefined) {
      return [{ message: 'Không thấy dòng địa danh và ngày tháng năm ban hành.', pageIndex: 0 }];
    }
    const m = DATE.exec(date.text);
    if (m === null) {
      return [hitAt(page, date, `Ngày tháng không đúng dạng "Hà Nội, ngày 05 tháng 01 năm 2027": "${date.text}".`)];
    }
    const hits: RuleHit[] = [];
    const [day = '', month = ''] = [m[2], m[3]];
    if (Number(day) < 10 && day.length === 1) {
      hits.push(hitAt(page, date, `Ngày nhỏ hơn 10 phải viết 0${day}.`));
    }
    if (Number(month) < 3 && month.length === 1) {
      hits.push(hitAt(page, date, `Tháng 1 và 2 phải viết 0${month}.`));
    }
    if (Number(month) >= 3 && month.startsWith('0')) {
      hits.push(hitAt(page, date, `Tháng từ 3 trở đi không viết số 0 đứng trước: "${month}".`));
    }
    if (!isItalic(date)) {
      hits.push(hitAt(page, date, 'Địa danh và ngày tháng phải in nghiêng.'));
    }
    if (!sizeIn(date, 13, 14)) {
      hits.push(hitAt(page, date, `Địa danh, ngày tháng cỡ ${fmtSize(date.size)}, phải cỡ 13–14.`));
    }
    return hits;
  },
};
