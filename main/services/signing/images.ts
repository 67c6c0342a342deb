import { readFile, stat } from 'node:fs/promises';
import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import type { Settings } from '../../../preload/contract/index.ts';
import { POINTS_PER_MM } from '../../domain/nd30/geometry.ts';
import { checkImage, MAX_IMAGE_BYTES, type ImageKind } from '../pdf/stamp/image-check.ts';

export interface SigningImages {
  /** The leader's blue signature, checked and downscaled; absent when none is configured. */
  readonly signaturePng?: Uint8Array;
  /** The organization's red seal at its real size; absent when none is configured. */
  readonly sealPng?: Uint8Array;
  readonly sealDiameterMm: number;
}

/**
 * The images configured in settings, through the ND30 checks (PNG, transparent background)
 * every time: a file replaced on disk since it was chosen must not slip into a signed document.
 */
export async function loadSigningImages(images: Settings['images'], needs: ImageKind | null): Promise<SigningImages> {
  const base = { sealDiameterMm: images.sealDiameterMm };
  if (needs === 'signature' && images.signaturePng !== '') {
    return { ...base, signaturePng: (await load(images.signaturePng, 'signature')).png };
  }
  if (needs === 'seal' && images.sealPng !== '') {
    const printedWidthPt = images.sealDiameterMm * POINTS_PER_MM;
    return { ...base, sealPng: (await load(images.sealPng, 'seal', printedWidthPt)).png };
  }
  return base;
}

async function load(path: string, kind: ImageKind, printedWidthPt?: number): Promise<ReturnType<typeof checkImage>> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (cause) {
    throw new VanthuError('IMAGE_INVALID', errorMessageVi('IMAGE_INVALID', `Không đọc được ảnh ${path}.`), {
      cause,
      details: { path },
    });
  }
  if (size > MAX_IMAGE_BYTES) {
    throw new VanthuError('IMAGE_INVALID', errorMessageVi('IMAGE_INVALID', 'Ảnh quá lớn (trên 10 MB).'), {
      details: { path, size },
    });
  }
  const bytes = new Uint8Array(await readFile(path));
  return checkImage(bytes, kind, printedWidthPt === undefined ? {} : { printedWidthPt });
}
