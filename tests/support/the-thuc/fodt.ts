import type { DocumentSpec } from '../corpus/spec.ts';

/**
 * One seeded thể thức defect per copy: each names the rule that must report it. A copy without
 * a defect is a well-formed ND30 document (Phụ lục I), the way an office's .odt template lays it out.
 */
export const DEFECTS = {
  'quoc-hieu-thuong': 'quoc-hieu',
  'quoc-hieu-khong-dam': 'quoc-hieu',
  'tieu-ngu-co-12': 'tieu-ngu',
  'tieu-ngu-khong-gach': 'tieu-ngu-gach',
  'co-quan-khong-dam': 'co-quan',
  'so-khong-so-0': 'so-ky-hieu',
  'ky-hieu-sai-loai': 'so-ky-hieu',
  'ngay-khong-so-0': 'ngay-thang',
  'ngay-dung': 'ngay-thang',
  'ten-loai-khong-dam': 'ten-loai',
  'phong-arial': 'phong-chu',
  'than-co-12': 'co-chu-noi-dung',
  'le-trai-20': 'le-trang',
  'le-tren-35': 'le-trang',
  'le-phai-30': 'le-trang',
  'khong-so-trang': 'so-trang',
  'so-trang-dau': 'so-trang',
  'khong-noi-nhan': 'noi-nhan',
  'quyen-han-sai': 'nguoi-ky',
  'ho-ten-khong-dam': 'nguoi-ky',
  'cho-ky-hep': 'cho-ky',
} as const;
export type Defect = keyof typeof DEFECTS;

/** A công văn has no tên loại line to get wrong. */
export function applies(defect: Defect, spec: DocumentSpec): boolean {
  return !(defect === 'ten-loai-khong-dam' && spec.tenLoai === 'CÔNG VĂN');
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly align?: 'center' | 'justify' | 'start';
  readonly indent?: boolean;
  readonly before?: number;
  readonly border?: { readonly side: number };
}

/** A flat ODT (.fodt) of `spec` with `defect` seeded; LibreOffice converts it to PDF. */
export function specToFodt(spec: DocumentSpec, defect?: Defect): string {
  const styles = new Map<string, TextStyle>();
  const face = defect === 'phong-arial' ? 'Liberation Sans' : 'Times New Roman';
  const p = (text: string, style: TextStyle, masterFirst = false): string => {
    const key = JSON.stringify(style) + (masterFirst ? 'M' : '');
    let name = [...styles.keys()].find((k) => k === key);
    if (name === undefined) {
      styles.set(key, style);
      name = key;
    }
    const index = [...styles.keys()].indexOf(name);
    return `<text:p text:style-name="P${index}">${esc(text)}</text:p>`;
  };
  const body = defect === 'than-co-12' ? 12 : 14;
  const quocHieu =
    defect === 'quoc-hieu-thuong' ? 'Cộng hòa xã hội chủ nghĩa Việt Nam' : 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  const left = [
    spec.coQuanChuQuan === undefined ? '' : p(spec.coQuanChuQuan, { size: 12, align: 'center' }),
    p(spec.coQuanBanHanh, { size: 12, bold: defect !== 'co-quan-khong-dam', align: 'center' }),
    p('\u00a0', { size: 12 }),
    p(`Số: ${soOf(spec, defect)}`, { size: 13, align: 'center' }),
    spec.tenLoai === 'CÔNG VĂN' ? p(`V/v ${spec.trichYeu}`, { size: 12, align: 'center' }) : '',
  ].join('');
  const right = [
    p(quocHieu, { size: 12, bold: defect !== 'quoc-hieu-khong-dam', align: 'center' }),
    p('Độc lập - Tự do - Hạnh phúc', { size: defect === 'tieu-ngu-co-12' ? 12 : 13, bold: true, align: 'center' }),
    defect === 'tieu-ngu-khong-gach' ? p('\u00a0', { size: 4 }) : p('\u00a0', { size: 4, border: { side: 1.75 } }),
    p(dateOf(spec, defect), { size: 14, italic: defect !== 'ngay-dung', align: 'center' }),
  ].join('');
  const title =
    spec.tenLoai === 'CÔNG VĂN'
      ? ''
      : p(spec.tenLoai, { size: 14, bold: defect !== 'ten-loai-khong-dam', align: 'center', before: 12 }) +
        p(spec.trichYeu, { size: 14, bold: true, align: 'center' });
  const kinhGui =
    spec.tenLoai === 'CÔNG VĂN'
      ? p('Kính gửi: Các cơ quan, đơn vị trực thuộc.', { size: 14, align: 'center', before: 12 })
      : '';
  // Enough body to run onto page 2, where the page number shows.
  const paragraphs = Array.from({ length: spec.paragraphs.length < 4 ? 6 : 4 }, () => spec.paragraphs).flat();
  const gapLines = defect === 'cho-ky-hep' ? 0 : 4;
  const signer = (i: number): string => {
    const s = spec.signers[i];
    if (s === undefined) {
      return '';
    }
    const titles = s.titleLines.map((l, k) =>
      p(defect === 'quyen-han-sai' && k === 0 ? l.replace(/^(TM|KT|TL|TUQ|Q)\./, 'K/T') : l, {
        size: 14,
        bold: true,
        align: 'center',
      }),
    );
    const gap = Array.from({ length: gapLines }, () => p('\u00a0', { size: 14 }));
    return [...titles, ...gap, p(s.name, { size: 14, bold: defect !== 'ho-ten-khong-dam', align: 'center' })].join('');
  };
  const recipients =
    defect === 'khong-noi-nhan'
      ? ''
      : [
          p('Nơi nhận:', { size: 12, bold: true, italic: true }),
          p('- Như trên;', { size: 11 }),
          p('- Lưu: VT, VP.', { size: 11 }),
        ].join('');
  const cell = (content: string) =>
    `<table:table-cell office:value-type="string">${content === '' ? '<text:p/>' : content}</table:table-cell>`;
  const table = (name: string, widths: readonly number[], rows: readonly (readonly string[])[]) =>
    `<table:table table:name="${name}" table:style-name="${name}">${widths
      .map((_, i) => `<table:table-column table:style-name="${name}.${i}"/>`)
      .join(
        '',
      )}${rows.map((r) => `<table:table-row table:style-name="Row">${r.map(cell).join('')}</table:table-row>`).join('')}</table:table>`;
  const signerRows =
    spec.signers.length > 1
      ? [
          [signer(0), signer(1)],
          [recipients, ''],
        ]
      : [[recipients, signer(0)]];
  const text = [
    table('Header', [6.4, 9.6], [[left, right]]),
    title,
    kinhGui,
    ...paragraphs.map((t) => p(t, { size: body, align: 'justify', indent: true, before: 6 })),
    p('\u00a0', { size: body }),
    table('Signers', [7.2, 8.8], signerRows),
  ].join('\n');
  // The header table carries the first-page master (no page number on page 1, ND30 Phụ lục I I.7).
  const firstMaster = defect === 'so-trang-dau' ? 'Standard' : 'First';
  const margins = {
    top: defect === 'le-tren-35' ? 3.5 : 2,
    bottom: 2,
    left: defect === 'le-trai-20' ? 2 : 3,
    right: defect === 'le-phai-30' ? 3 : 1.5,
  };
  const header =
    defect === 'khong-so-trang'
      ? ''
      : `<style:header><text:p text:style-name="Hdr"><text:page-number text:select-page="current">2</text:page-number></text:p></style:header>`;
  const paraStyles = [...styles.values()]
    .map((s, i) => {
      const border =
        s.border === undefined
          ? ''
          : ` fo:border-bottom="0.5pt solid #000000" fo:margin-left="${s.border.side}cm" fo:margin-right="${s.border.side}cm" fo:padding="0cm"`;
      return `<style:style style:name="P${i}" style:family="paragraph"><style:paragraph-properties fo:text-align="${s.align ?? 'start'}" fo:margin-top="${s.before ?? 0}pt" fo:margin-bottom="0pt" fo:text-indent="${s.indent === true ? '1cm' : '0cm'}"${border}/><style:text-properties style:font-name="${face}" fo:font-size="${s.size}pt" fo:font-weight="${s.bold === true ? 'bold' : 'normal'}" fo:font-style="${s.italic === true ? 'italic' : 'normal'}"/></style:style>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
<style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman"/>
<style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="${face}" fo:font-size="14pt" fo:language="vi" fo:country="VN"/></style:default-style>
<style:style style:name="Hdr" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="${face}" fo:font-size="13pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="Header" style:family="table" style:master-page-name="${firstMaster}"><style:table-properties style:width="16cm" table:align="left"/></style:style>
<style:style style:name="Header.0" style:family="table-column"><style:table-column-properties style:column-width="6.4cm"/></style:style>
<style:style style:name="Header.1" style:family="table-column"><style:table-column-properties style:column-width="9.6cm"/></style:style>
<style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
<style:style style:name="Signers" style:family="table"><style:table-properties style:width="16cm" table:align="left" fo:margin-top="0cm"/></style:style>
<style:style style:name="Signers.0" style:family="table-column"><style:table-column-properties style:column-width="7.2cm"/></style:style>
<style:style style:name="Signers.1" style:family="table-column"><style:table-column-properties style:column-width="8.8cm"/></style:style>
${paraStyles}
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="${margins.top}cm" fo:margin-bottom="${margins.bottom}cm" fo:margin-left="${margins.left}cm" fo:margin-right="${margins.right}cm"/><style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.3cm"/></style:header-style></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1">${header}</style:master-page>
<style:master-page style:name="First" style:page-layout-name="pm1" style:next-style-name="Standard"/>
</office:master-styles>
<office:body><office:text>
${text}
</office:text></office:body></office:document>
`;
}

function soOf(spec: DocumentSpec, defect: Defect | undefined): string {
  if (defect === 'so-khong-so-0') {
    return spec.soKyHieu.replace(/^\d+/, '5');
  }
  if (defect === 'ky-hieu-sai-loai') {
    // A Quyết định numbered as a Thông báo; a công văn given a tên loại abbreviation.
    if (spec.tenLoai === 'CÔNG VĂN') {
      return spec.soKyHieu.replace('/', '/TB-');
    }
    return spec.soKyHieu.replace(/\/[^-/]+-/, spec.tenLoai === 'THÔNG BÁO' ? '/QĐ-' : '/TB-');
  }
  return spec.soKyHieu;
}

function dateOf(spec: DocumentSpec, defect: Defect | undefined): string {
  return defect === 'ngay-khong-so-0'
    ? spec.diaDanhNgay.replace(/ngày \d+ tháng \d+/, 'ngày 5 tháng 1')
    : spec.diaDanhNgay;
}
