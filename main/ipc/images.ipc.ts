import { readFile, stat } from 'node:fs/promises';
import { VanthuError } from '../../preload/contract/errors.ts';
import { errorMessageVi } from '../../preload/contract/error-messages.vi.ts';
import type { Services } from './services.ts';
import { checkImage, MAX_IMAGE_BYTES } from '../services/pdf/stamp/image-check.ts';
import { readAttachment } from '../services/store/attachments.ts';
import type { HandlerTable } from './dispatch.ts';

const POINTS_PER_MM = 72 / 25.4;

function unreadable(path: string, cause?: unknown): VanthuError {
  return new VanthuError('IMAGE_INVALID', errorMessageVi('IMAGE_INVALID', `Không đọc được ảnh ${path}.`), {
    cause,
    details: { path },
  });
}

/** images.preview: the settings screen shows what the signing flow will stamp, checked the same way. */
export function imagesHandlers(services: Services): Pick<HandlerTable, 'images.preview'> {
  return {
    'images.preview': async ({ kind, file: handle }) => {
      const images = services.settings.get().images;
      const bytes =
        handle === undefined
          ? await readSettingImage(kind === 'seal' ? images.sealPng : images.signaturePng, kind)
          : // A chosen image is read through the file store (sealed on disk in an encrypted profile).
            previewBytes(
              readAttachment(services.profile.files, services.files.get(handle, 'anh').sha256),
              '(ảnh đã chọn)',
            );
      const checked = checkImage(
        bytes,
        kind,
        kind === 'seal' ? { printedWidthPt: images.sealDiameterMm * POINTS_PER_MM } : {},
      );
      return {
        dataUrl: `data:image/png;base64,${Buffer.from(checked.png).toString('base64')}`,
        width: checked.width,
        height: checked.height,
        dpi: checked.dpi ?? null,
        downscaled: checked.downscaled,
        warnings: [...checked.warnings],
      };
    },
  };
}

/** Refused before use, as at signing: a huge image is never decoded. */
function previewBytes(bytes: Uint8Array, path: string): Uint8Array {
  if (bytes.byteLength > MAX_IMAGE_BYTES) {
    throw tooLarge(path, bytes.byteLength);
  }
  return bytes;
}

function tooLarge(path: string, size: number): VanthuError {
  return new VanthuError('IMAGE_INVALID', errorMessageVi('IMAGE_INVALID', 'Ảnh quá lớn (trên 10 MB).'), {
    details: { path, size },
  });
}

/** The configured image (a copy settings keep in the profile). */
async function readSettingImage(file: string, kind: 'signature' | 'seal'): Promise<Uint8Array> {
  if (file === '') {
    // details.field names the setting, so the notice links to it in Cài đặt.
    throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', '(chưa chọn ảnh)'), {
      details: { field: kind === 'seal' ? 'images.sealPng' : 'images.signaturePng' },
    });
  }
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (cause) {
    throw unreadable(file, cause);
  }
  // Refused before reading, as at signing: a huge file never reaches memory.
  if (size > MAX_IMAGE_BYTES) {
    throw tooLarge(file, size);
  }
  return new Uint8Array(await readFile(file));
}
