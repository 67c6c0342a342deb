import { constants, inflateSync } from 'node:zlib';
import type { Ink, SignatureLookFacts } from '../../domain/nd30/signature-look.ts';
import type { Rect } from '../../domain/nd30/rect.ts';
import type { Revision } from '../pdf/read/pdf-file.ts';
import { PdfDict, PdfName, PdfRef, PdfStream, isArray, type PdfValue } from '../pdf/read/values.ts';
import { loadRevision } from '../pdf/read/pdf-model.ts';

/** A seal or signature image is a few hundred pixels a side; more is sampled, never all read. */
const MAX_SAMPLES = 40_000;
/** An image bigger than this decoded is not a signature image: left unread rather than inflated. */
const MAX_DECODED = 16 * 1024 * 1024;
const MAX_FORM_DEPTH = 4;

interface InkCount {
  red: number;
  blue: number;
  dark: number;
  unreadable: number;
}

function numbers(value: PdfValue | undefined, revision: Revision): number[] | null {
  const resolved = revision.resolve(value);
  if (!isArray(resolved)) {
    return null;
  }
  const out = resolved.map((v) => revision.resolve(v));
  return out.every((v): v is number => typeof v === 'number') ? out : null;
}

function rectOf(revision: Revision, widget: PdfDict): Rect | null {
  const r = numbers(widget.get('Rect'), revision);
  if (r === null || r.length !== 4) {
    return null;
  }
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = r;
  const rect = { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
  return rect.width > 0 && rect.height > 0 ? rect : null;
}

function filterOf(dict: PdfDict): string | null | undefined {
  const filter = dict.get('Filter');
  const only = isArray(filter) ? (filter.length === 1 ? filter[0] : 'many') : filter;
  if (only === undefined || only === null) {
    return null;
  }
  return only instanceof PdfName ? only.name : undefined;
}

/** The samples of an image stream: no filter or FlateDecode, PNG predictors undone; else null. */
function samples(stream: PdfStream, rowBytes: number, rows: number): Uint8Array | null {
  const filter = filterOf(stream.dict);
  let data: Uint8Array;
  if (filter === null) {
    data = stream.data;
  } else if (filter === 'FlateDecode') {
    try {
      data = inflateSync(stream.data, { maxOutputLength: MAX_DECODED, finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      return null;
    }
  } else {
    // DCT, JPX, JBIG2…: no decoder here; the look of such a signature is "không đọc được màu".
    return null;
  }
  const parms = stream.dict.get('DecodeParms');
  const predictor = parms instanceof PdfDict ? parms.get('Predictor') : undefined;
  if (typeof predictor === 'number' && predictor >= 10) {
    const colors = parms instanceof PdfDict ? parms.get('Colors') : undefined;
    return unfilterRows(data, rowBytes, rows, typeof colors === 'number' ? colors : 1);
  }
  return data.length >= rowBytes * rows ? data : null;
}

/** PNG row filters (ISO 32000-2 §7.4.4.4), `bpp` bytes per pixel. */
function unfilterRows(data: Uint8Array, rowBytes: number, rows: number, bpp: number): Uint8Array | null {
  if (data.length < (rowBytes + 1) * rows) {
    return null;
  }
  const out = new Uint8Array(rowBytes * rows);
  for (let r = 0; r < rows; r += 1) {
    const type = data[r * (rowBytes + 1)] ?? 0;
    for (let c = 0; c < rowBytes; c += 1) {
      const raw = data[r * (rowBytes + 1) + 1 + c] ?? 0;
      const left = c >= bpp ? (out[r * rowBytes + c - bpp] ?? 0) : 0;
      const up = r > 0 ? (out[(r - 1) * rowBytes + c] ?? 0) : 0;
      const upLeft = r > 0 && c >= bpp ? (out[(r - 1) * rowBytes + c - bpp] ?? 0) : 0;
      let predicted = 0;
      if (type === 1) {
        predicted = left;
      } else if (type === 2) {
        predicted = up;
      } else if (type === 3) {
        predicted = Math.floor((left + up) / 2);
      } else if (type === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      out[r * rowBytes + c] = (raw + predicted) & 0xff;
    }
  }
  return out;
}

/** Components of an image's colour space: DeviceRGB/Gray, or an ICCBased stream's /N. */
function componentsOf(revision: Revision, space: PdfValue | undefined): number | null {
  const resolved = revision.resolve(space);
  if (resolved instanceof PdfName) {
    return resolved.name === 'DeviceRGB' || resolved.name === 'RGB'
      ? 3
      : resolved.name === 'DeviceGray' || resolved.name === 'G'
        ? 1
        : null;
  }
  if (isArray(resolved) && resolved[0] instanceof PdfName && resolved[0].name === 'ICCBased') {
    const n = revision.dict(resolved[1])?.get('N');
    return n === 1 || n === 3 ? n : null;
  }
  return null;
}

/** Red, blue or other dark ink; null for paper (near white or transparent). */
function inkOf(r: number, g: number, b: number): keyof InkCount | null {
  if (Math.min(r, g, b) > 215) {
    return null;
  }
  if (r >= 110 && r > 1.6 * g && r > 1.6 * b) {
    return 'red';
  }
  if (b >= 90 && b > 1.4 * r && b >= g) {
    return 'blue';
  }
  return 'dark';
}

/** Sampled ink of one image XObject (8 bits per component), its soft mask hiding the background. */
function countImage(revision: Revision, image: PdfStream, count: InkCount): void {
  const width = image.dict.get('Width');
  const height = image.dict.get('Height');
  const components = componentsOf(revision, image.dict.get('ColorSpace'));
  if (
    typeof width !== 'number' ||
    typeof height !== 'number' ||
    width <= 0 ||
    height <= 0 ||
    width * height * 3 > MAX_DECODED ||
    image.dict.get('BitsPerComponent') !== 8 ||
    components === null
  ) {
    count.unreadable += 1;
    return;
  }
  const pixels = samples(image, width * components, height);
  const maskStream = revision.resolve(image.dict.get('SMask'));
  const mask =
    maskStream instanceof PdfStream &&
    maskStream.dict.get('Width') === width &&
    maskStream.dict.get('Height') === height &&
    maskStream.dict.get('BitsPerComponent') === 8
      ? samples(maskStream, width, height)
      : null;
  if (pixels === null || (maskStream instanceof PdfStream && mask === null)) {
    count.unreadable += 1;
    return;
  }
  const total = width * height;
  const step = Math.max(1, Math.floor(total / MAX_SAMPLES));
  for (let i = 0; i < total; i += step) {
    if (mask !== null && (mask[i] ?? 0) < 128) {
      continue;
    }
    const at = i * components;
    const r = pixels[at] ?? 255;
    const ink = components === 3 ? inkOf(r, pixels[at + 1] ?? 255, pixels[at + 2] ?? 255) : inkOf(r, r, r);
    if (ink !== null) {
      count[ink] += 1;
    }
  }
}

/** Every image drawn by an appearance stream, through nested form XObjects. */
function countForm(revision: Revision, form: PdfStream, count: InkCount, depth: number, seen: Set<number>): void {
  const resources = revision.dict(form.dict.get('Resources'));
  const xobjects = revision.dict(resources?.get('XObject'));
  if (xobjects === undefined || depth > MAX_FORM_DEPTH) {
    return;
  }
  for (const value of xobjects.map.values()) {
    if (value instanceof PdfRef) {
      if (seen.has(value.num)) {
        continue;
      }
      seen.add(value.num);
    }
    const stream = revision.resolve(value);
    if (!(stream instanceof PdfStream)) {
      continue;
    }
    const subtype = stream.dict.name('Subtype');
    if (subtype === 'Image') {
      countImage(revision, stream, count);
    } else if (subtype === 'Form') {
      countForm(revision, stream, count, depth + 1, seen);
    }
  }
}

/** Mostly red, mostly blue, other ink, no image at all, or images whose colours cannot be read. */
function inkOfAppearance(revision: Revision, widget: PdfDict): Ink {
  const normal = revision.get(revision.dict(widget.get('AP')), 'N');
  const count: InkCount = { red: 0, blue: 0, dark: 0, unreadable: 0 };
  if (normal instanceof PdfStream) {
    countForm(revision, normal, count, 0, new Set());
  }
  const inked = count.red + count.blue + count.dark;
  if (inked === 0) {
    return count.unreadable > 0 ? 'unreadable' : 'none';
  }
  // "Mostly": a seal carries a little black text or a signature a red flourish; half decides.
  if (count.red / inked > 0.5) {
    return 'red';
  }
  return count.blue / inked > 0.5 ? 'blue' : 'dark';
}

/**
 * The look of every signed signature field in a PDF: its widget's page and rectangle and what
 * colour its appearance's images mostly are. Read with the verifier's own reader; fields are
 * named as the verifier names them (full names), so the two can be joined.
 */
export function readSignatureLooks(bytes: Uint8Array): SignatureLookFacts[] {
  const model = loadRevision(bytes);
  const revision = model.revision;
  const out: SignatureLookFacts[] = [];
  for (const field of model.fields.values()) {
    if (field.type !== 'Sig' || field.dict.get('V') === undefined) {
      continue;
    }
    // A merged field/widget carries /Rect itself; otherwise its first widget kid.
    const kids = revision.get(field.dict, 'Kids');
    const widgetRef = field.dict.has('Rect') ? null : isArray(kids) ? kids[0] : undefined;
    const widget = widgetRef === null ? field.dict : revision.dict(widgetRef);
    if (widget === undefined) {
      out.push({ field: field.name, page: null, rect: null, ink: 'none' });
      continue;
    }
    const key = widgetRef === null ? field.ref : widgetRef instanceof PdfRef ? revision.keyOf(widgetRef) : '';
    const page = model.annotations.get(key)?.page ?? pageOfP(model.pages, revision, widget);
    out.push({ field: field.name, page, rect: rectOf(revision, widget), ink: inkOfAppearance(revision, widget) });
  }
  return out;
}

/** The page a widget names in /P, when no page lists it in /Annots (some writers forget). */
function pageOfP(pages: readonly string[], revision: Revision, widget: PdfDict): number | null {
  const p = widget.get('P');
  if (!(p instanceof PdfRef)) {
    return null;
  }
  const index = pages.indexOf(revision.keyOf(p));
  return index < 0 ? null : index + 1;
}
