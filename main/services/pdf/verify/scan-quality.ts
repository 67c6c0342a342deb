import type { ArrivalFinding } from '../../../../preload/contract/arrival-check.ts';
import { PdfFile, type Revision } from '../read/pdf-file.ts';
import { isArray, type PdfDict, PdfStream, type PdfValue } from '../read/values.ts';

/** NĐ 30/2020 Phụ lục I (số hóa văn bản giấy): PDF 1.4 or later, colour, at least 200 dpi at 100 %. */
export const SCAN_MIN_DPI = 200;
const MIN_VERSION = 1.4;
const MAX_PAGES = 2000;

interface PageScan {
  readonly page: number;
  /** The page's largest image: its resolution at the page's size, and whether it has colour. */
  readonly dpi: number | null;
  readonly colour: boolean | null;
}

function headerVersion(bytes: Uint8Array): number | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const match = /%PDF-(\d+\.\d+)/u.exec(head);
  return match === null ? null : Number(match[1]);
}

/** Whether a colour space carries colour: Gray, CalGray, a one-component ICC profile, masks and 1-bit do not. */
function isColour(revision: Revision, image: PdfDict): boolean {
  if (image.get('ImageMask') === true || image.get('BitsPerComponent') === 1) {
    return false;
  }
  const space = revision.resolvePlain(image.get('ColorSpace') ?? null);
  const name = (value: PdfValue | undefined): string =>
    value !== null && typeof value === 'object' && 'name' in value ? String(value.name) : '';
  if (isArray(space)) {
    const family = name(space[0]);
    if (family === 'ICCBased') {
      const profile = revision.resolvePlain(space[1] ?? null);
      return !(profile instanceof PdfStream && profile.dict.get('N') === 1);
    }
    if (family === 'Indexed') {
      const base = revision.resolvePlain(space[1] ?? null);
      return !['DeviceGray', 'CalGray', 'G'].includes(name(base === undefined ? null : base));
    }
    return family !== 'CalGray' && family !== 'Separation';
  }
  // JPEG 2000 may carry its colour space inside the stream; count it as colour rather than guess.
  return !['DeviceGray', 'CalGray', 'G'].includes(name(space));
}

function mediaWidthHeight(box: PdfValue | undefined): [number, number] | null {
  if (!isArray(box) || box.length !== 4 || !box.every((n) => typeof n === 'number')) {
    return null;
  }
  const [x0, y0, x1, y1] = box as number[];
  return [Math.abs((x1 ?? 0) - (x0 ?? 0)), Math.abs((y1 ?? 0) - (y0 ?? 0))];
}

function scanPages(revision: Revision): PageScan[] {
  const out: PageScan[] = [];
  const rootValue = revision.trailer.get('Root');
  const root = revision.dict(rootValue ?? null);
  const stack: { node: PdfValue; resources: PdfValue | undefined; box: PdfValue | undefined; depth: number }[] = [
    { node: root?.get('Pages') ?? null, resources: undefined, box: undefined, depth: 0 },
  ];
  while (stack.length > 0 && out.length < MAX_PAGES) {
    const { node, resources, box, depth } = stack.pop()!;
    const dict = revision.dict(node);
    if (dict === undefined || depth > 64) {
      continue;
    }
    const ownResources = dict.get('Resources') ?? resources;
    const ownBox = revision.resolvePlain(dict.get('MediaBox') ?? null) ?? box;
    const kids = revision.get(dict, 'Kids');
    if (isArray(kids)) {
      for (let i = kids.length - 1; i >= 0; i--) {
        stack.push({ node: kids[i] ?? null, resources: ownResources, box: ownBox, depth: depth + 1 });
      }
      continue;
    }
    const size = mediaWidthHeight(ownBox === null ? undefined : ownBox);
    const xobjects = revision.dict(revision.dict(ownResources ?? null)?.get('XObject') ?? null);
    let best: { area: number; dpi: number | null; colour: boolean } | null = null;
    for (const value of xobjects?.map.values() ?? []) {
      const image = revision.resolvePlain(value);
      if (!(image instanceof PdfStream) || image.dict.name('Subtype') !== 'Image') {
        continue;
      }
      const width = image.dict.get('Width');
      const height = image.dict.get('Height');
      if (typeof width !== 'number' || typeof height !== 'number') {
        continue;
      }
      // A scan fills its page: pixels over the page's size in inches is its resolution at 100 %.
      const dpi = size === null ? null : Math.min(width / (size[0] / 72), height / (size[1] / 72));
      if (best === null || width * height > best.area) {
        best = { area: width * height, dpi, colour: isColour(revision, image.dict) };
      }
    }
    out.push({ page: out.length + 1, dpi: best?.dpi ?? null, colour: best?.colour ?? null });
  }
  return out;
}

function pagesText(pages: readonly number[]): string {
  const shown = pages.slice(0, 10).join(', ');
  return pages.length > 10 ? `trang ${shown}, …` : `trang ${shown}`;
}

/**
 * The digitisation standard for a paper document's scan [NĐ 30 Phụ lục I; S-TN26 Điều 8 k1c]:
 * what is wrong, in Vietnamese, with the pages concerned. Empty when the scan meets it.
 */
export function scanFindings(bytes: Uint8Array): ArrivalFinding[] {
  const findings: ArrivalFinding[] = [];
  const revision = new PdfFile(bytes).revision();
  const catalogVersion = revision.dict(revision.trailer.get('Root') ?? null)?.name('Version');
  const version = Math.max(headerVersion(bytes) ?? 0, catalogVersion === undefined ? 0 : Number(catalogVersion) || 0);
  if (version < MIN_VERSION) {
    findings.push({
      code: 'SCAN_PDF_VERSION',
      severity: 'indeterminate',
      message: `Bản quét là PDF phiên bản ${version === 0 ? 'không rõ' : version.toFixed(1)}, thấp hơn 1.4 theo quy định số hóa.`,
      where: [],
    });
  }
  const pages = scanPages(revision);
  const noImage = pages.filter((p) => p.dpi === null && p.colour === null).map((p) => p.page);
  const grey = pages.filter((p) => p.colour === false).map((p) => p.page);
  const low = pages.filter((p) => p.dpi !== null && p.dpi < SCAN_MIN_DPI - 0.5);
  if (noImage.length > 0) {
    findings.push({
      code: 'SCAN_NO_IMAGE',
      severity: 'indeterminate',
      message: 'Không thấy ảnh quét trên trang; tệp có thể không phải bản quét của văn bản giấy.',
      where: [pagesText(noImage)],
    });
  }
  if (grey.length > 0) {
    findings.push({
      code: 'SCAN_NOT_COLOUR',
      severity: 'indeterminate',
      message: 'Bản quét đen trắng hoặc thang xám; quy định số hóa yêu cầu quét màu.',
      where: [pagesText(grey)],
    });
  }
  if (low.length > 0) {
    const lowest = Math.floor(Math.min(...low.map((p) => p.dpi ?? 0)));
    findings.push({
      code: 'SCAN_RESOLUTION',
      severity: 'indeterminate',
      message: `Độ phân giải bản quét ${lowest} dpi, thấp hơn ${SCAN_MIN_DPI} dpi theo quy định số hóa (tỷ lệ 100%).`,
      where: [pagesText(low.map((p) => p.page))],
    });
  }
  return findings;
}
