/**
 * Reads a PNG with the app's OCR in a process whose network goes nowhere (started with
 * NODE_USE_ENV_PROXY=1 and a proxy on a dead port): proves the model, the WASM and Tesseract's
 * worker all load from disk. First shows that this process indeed cannot fetch the CDN
 * tesseract.js would use by default.
 *   node tests/support/ocr/offline-read.ts <file.png>
 */
import { readFileSync } from 'node:fs';
import { ocrInWorker } from '../../../main/services/ocr/ocr-in-worker.ts';

const cdn = 'https://cdn.jsdelivr.net/npm/@tesseract.js-data/vie/4.0.0_best_int/vie.traineddata.gz';
let cdnReachable = true;
try {
  await fetch(cdn, { signal: AbortSignal.timeout(10_000) });
} catch {
  cdnReachable = false;
}
const result = await ocrInWorker(new Uint8Array(readFileSync(process.argv[2] ?? '')), { kind: 'png' });
console.log(JSON.stringify({ cdnReachable, text: result.pages.map((p) => p.text).join('\n') }));
