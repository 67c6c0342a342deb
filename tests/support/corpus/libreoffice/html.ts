import type { DocumentSpec } from '../spec.ts';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An ND30-looking document as HTML with borderless tables, the way many offices lay out their
 * Word templates (two header columns; nơi nhận beside the signer block). LibreOffice imports it
 * and saves the .docx that is then converted to PDF.
 */
export function specToHtml(spec: DocumentSpec): string {
  const p = (text: string, style = '') => `<p style="margin-top:0;margin-bottom:0;${style}">${esc(text)}</p>`;
  const centre = 'text-align:center;';
  const bold = 'font-weight:bold;';
  const signer = (i: number) => {
    const s = spec.signers[i];
    if (s === undefined) {
      return '';
    }
    return [
      ...s.titleLines.map((l) => p(l, centre + bold + 'font-size:13pt;')),
      ...[1, 2, 3, 4].map(() => p('\u00a0', 'font-size:13pt;')),
      p(s.name, centre + bold + 'font-size:13pt;'),
    ].join('');
  };
  const recipients = [
    p('Nơi nhận:', 'font-style:italic;' + bold + 'font-size:12pt;'),
    p('- Như trên;', 'font-size:11pt;'),
    p('- Lưu: VT, VP.', 'font-size:11pt;'),
  ].join('');
  const signerRow =
    spec.signers.length > 1
      ? `<tr><td width="50%" valign="top">${signer(0)}</td><td width="50%" valign="top">${signer(1)}</td></tr><tr><td>${recipients}</td><td></td></tr>`
      : `<tr><td width="45%" valign="top">${recipients}</td><td width="55%" valign="top">${signer(0)}</td></tr>`;
  const title =
    spec.tenLoai === 'CÔNG VĂN'
      ? ''
      : p(spec.tenLoai, centre + bold + 'font-size:14pt;margin-top:12pt;') +
        p(spec.trichYeu, centre + bold + 'font-size:14pt;margin-bottom:12pt;');
  const vv = spec.tenLoai === 'CÔNG VĂN' ? p(`V/v ${spec.trichYeu}`, centre + 'font-size:12pt;') : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { font-family: 'Times New Roman'; font-size: 13pt; }
@page { size: 21cm 29.7cm; margin: 2cm 2cm 2cm 3cm; }
table { border-collapse: collapse; width: 100%; } td { border: none; padding: 0; }
</style></head><body>
<table width="100%" cellpadding="0" cellspacing="0" border="0"><tr>
<td width="40%" valign="top">${spec.coQuanChuQuan === undefined ? '' : p(spec.coQuanChuQuan, centre + 'font-size:12pt;')}${p(spec.coQuanBanHanh, centre + bold + 'font-size:12pt;')}</td>
<td width="60%" valign="top">${p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', centre + bold + 'font-size:12pt;')}${p('Độc lập - Tự do - Hạnh phúc', centre + bold + 'font-size:13pt;')}</td>
</tr><tr>
<td valign="top">${p('\u00a0')}${p(`Số: ${spec.soKyHieu}`, centre)}${vv}</td>
<td valign="top">${p('\u00a0')}${p(spec.diaDanhNgay, centre + 'font-style:italic;')}</td>
</tr></table>
${title}
${spec.paragraphs.map((t) => p(t, 'text-indent:1cm;text-align:justify;margin-top:6pt;')).join('\n')}
${p('\u00a0')}
<table width="100%" cellpadding="0" cellspacing="0" border="0">${signerRow}</table>
</body></html>`;
}
