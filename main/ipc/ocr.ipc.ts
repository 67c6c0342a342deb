import type { Services } from './services.ts';
import type { HandlerTable } from './dispatch.ts';

export function ocrHandlers(services: Services): Pick<HandlerTable, 'ocr.read' | 'ocr.cancel'> {
  return {
    'ocr.read': ({ handle, purpose, runId }) => services.ocr.read(handle, purpose, runId),
    'ocr.cancel': ({ runId }) => Promise.resolve(services.ocr.cancel(runId)),
  };
}
