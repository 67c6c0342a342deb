import type { EventBus } from '../events/event-bus.ts';
import type { DocumentMetadataDto, OcrReadResult } from '../../../preload/contract/index.ts';
import type { FileIntake } from '../files/file-intake.ts';
import { readMetadata } from '../metadata/read-metadata.ts';
import { readAttachment } from '../store/attachments.ts';
import type { StoreCall } from '../store/store-client.ts';
import { ocrDraftPage, ocrText } from './ocr-draft.ts';
import { ocrInWorker } from './ocr-in-worker.ts';

export interface OcrService {
  read(handle: string, purpose: 'pdf' | 'anh', runId: string): Promise<OcrReadResult>;
  cancel(runId: string): { cancelled: boolean };
}

/**
 * Reads a chosen scan (issue #21 point 3): OCR in a worker thread with progress events, the
 * text saved beside the stored file (search finds the document by it once registered), the
 * fields read as from a text layer. A field's confidence is scaled by the OCR's own confidence:
 * a faint scan must not fill the form as surely as a born-digital PDF.
 */
export function createOcrService(deps: {
  files: FileIntake;
  filesDir: string;
  store: StoreCall;
  events: EventBus;
}): OcrService {
  const runs = new Map<string, AbortController>();
  return {
    async read(handle, purpose, runId) {
      const held = deps.files.get(handle, purpose);
      const controller = new AbortController();
      runs.get(runId)?.abort();
      runs.set(runId, controller);
      try {
        const outcome = await ocrInWorker(readAttachment(deps.filesDir, held.sha256), {
          kind: purpose === 'pdf' ? 'pdf' : 'png',
          signal: controller.signal,
          onProgress: (done, total) => deps.events.emit('ocr.progress', { runId, done, total }),
        });
        const words = outcome.pages.flatMap((p) => p.words);
        const confidence = words.length === 0 ? 0 : words.reduce((s, w) => s + w.confidence, 0) / words.length;
        const text = ocrText(outcome.pages);
        await deps.store('texts.save', {
          sha256: held.sha256,
          source: 'ocr',
          text,
          pages: outcome.pages.length,
          confidence,
        });
        return {
          metadata: scaled(readMetadata(outcome.pages.map(ocrDraftPage)), confidence / 100),
          pages: outcome.pages.length,
          confidence,
          characters: text.replace(/\s+/g, '').length,
        };
      } finally {
        if (runs.get(runId) === controller) {
          runs.delete(runId);
        }
      }
    },
    cancel(runId) {
      const run = runs.get(runId);
      run?.abort();
      return { cancelled: run !== undefined };
    },
  };
}

function scaled(metadata: DocumentMetadataDto, factor: number): DocumentMetadataDto {
  return Object.fromEntries(
    Object.entries(metadata).map(([name, field]) => [
      name,
      { ...field, confidence: Math.round(field.confidence * factor * 100) / 100 },
    ]),
  ) as DocumentMetadataDto;
}
