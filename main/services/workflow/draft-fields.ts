import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import type { DraftPage, PlacedField, PlacedFields } from '../../../preload/contract/issuing.ts';
import { visualPageSize, type PageFrame } from '../../domain/nd30/geometry.ts';
import { screenToUser } from '../../domain/nd30/screen.ts';
import type { PageRenderer } from '../pdf/layout/page-renderer.ts';
import { openPdf, readPageFrame } from '../pdf/layout/page-text.ts';
import type { FieldBoxSchema } from '../../../preload/contract/signing.ts';
import type { z } from 'zod';

type FieldBox = z.output<typeof FieldBoxSchema>;

/** The number and date boxes in the form prepare's request takes them. */
export interface PlacedFieldBoxes {
  readonly soKyHieu?: FieldBox;
  readonly ngayBanHanh?: FieldBox;
}

/** Smallest field box a person may draw: a date line at 13 pt needs about this much. */
const MIN_FIELD = { width: 20, height: 8 } as const;
/** Enough to read a page's lines and find where the date goes, small enough to send quickly. */
const PREVIEW_DPI = 72;

/**
 * One page of a draft, rendered for the person who places a field the text did not reveal
 * (prepare's PDF_FIELD_PLACEMENT_NOT_FOUND). The image is null where no renderer is installed;
 * the screen then draws the page's outline at its real proportions, still placeable.
 */
export async function draftPage(bytes: Uint8Array, pageIndex: number, renderer?: PageRenderer): Promise<DraftPage> {
  const pdf = await openPdf(bytes);
  let frame: PageFrame;
  const pageCount = pdf.numPages;
  try {
    if (pageIndex >= pageCount) {
      throw pageOutOfRange(pageIndex, pageCount);
    }
    frame = await readPageFrame(pdf, pageIndex);
  } finally {
    await pdf.loadingTask.destroy();
  }
  const png = renderer === undefined ? null : await renderer.render(bytes, pageIndex, PREVIEW_DPI);
  return {
    pageCount,
    page: {
      pageIndex,
      ...visualPageSize(frame),
      rotation: frame.rotation,
      view: [...frame.view] as [number, number, number, number],
      image: png === null ? null : `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
    },
  };
}

/**
 * The boxes a person drew, in the user space of their pages. The crop box and rotation come from
 * the file itself, so a renderer cannot make a field land somewhere other than where it was drawn.
 */
export async function placedBoxes(bytes: Uint8Array, placed: PlacedFields | undefined): Promise<PlacedFieldBoxes> {
  if (placed === undefined || (placed.so === undefined && placed.ngay === undefined)) {
    return {};
  }
  const pdf = await openPdf(bytes);
  try {
    const box = async (field: PlacedField): Promise<FieldBox> => {
      if (field.pageIndex >= pdf.numPages) {
        throw pageOutOfRange(field.pageIndex, pdf.numPages);
      }
      if (field.screenRect.width < MIN_FIELD.width || field.screenRect.height < MIN_FIELD.height) {
        throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', 'Khung đặt ô quá nhỏ.'), {
          details: { screenRect: field.screenRect },
        });
      }
      const frame = await readPageFrame(pdf, field.pageIndex);
      // Text on a turned page reads upright on screen, so the field's text turns with the page.
      return { pageIndex: field.pageIndex, rect: screenToUser(frame, field.screenRect), pageRotation: frame.rotation };
    };
    return {
      ...(placed.so === undefined ? {} : { soKyHieu: await box(placed.so) }),
      ...(placed.ngay === undefined ? {} : { ngayBanHanh: await box(placed.ngay) }),
    };
  } finally {
    await pdf.loadingTask.destroy();
  }
}

function pageOutOfRange(pageIndex: number, pageCount: number): VanthuError {
  return new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', `Văn bản chỉ có ${pageCount} trang.`), {
    details: { pageIndex, pageCount },
  });
}
