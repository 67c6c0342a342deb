import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the OCR engine finds its files, never on the network (S-TN26 Điều 11 k3): the
 * Vietnamese model comes from the @tesseract.js-data/vie package (tessdata_best, integer
 * LSTM, Apache-2.0), and Tesseract's own worker script and WASM come from tesseract.js.
 *
 * Run from the sources (tests, CLI) both resolve in node_modules. In the Electron build the
 * model is an extraResource (resources/ocr/vie.traineddata.gz, outside the asar archive) and
 * the worker script is bundled beside the OCR worker (scripts/bundles.ts).
 */
export interface OcrAssets {
  /** Folder holding vie.traineddata.gz. */
  readonly langPath: string;
  /** Tesseract's worker script, or undefined for tesseract.js's own default (from node_modules). */
  readonly workerPath: string | undefined;
}

/** The model's folder inside @tesseract.js-data/vie: the LSTM-only integer model. */
const MODEL_DIR = '4.0.0_best_int';

/**
 * `self` is the running module's file: the TypeScript source, or in the Electron build
 * dist/electron/ocr-worker.cjs, beside which the build puts Tesseract's worker script
 * (tesseract-worker.cjs) and core (tesseract-core-*.wasm).
 */
export function ocrAssets(self: string): OcrAssets {
  const besideSelf = join(dirname(self), 'tesseract-worker.cjs');
  const workerPath = self.endsWith('.cjs') && existsSync(besideSelf) ? besideSelf : undefined;
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources !== undefined && existsSync(join(resources, 'ocr', 'vie.traineddata.gz'))) {
    return { langPath: join(resources, 'ocr'), workerPath };
  }
  const require = createRequire(self);
  return { langPath: join(dirname(require.resolve('@tesseract.js-data/vie/package.json')), MODEL_DIR), workerPath };
}
