import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../preload/contract/index.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { vanthu } from '../../bridge/vanthu.ts';
import { Progress } from '../../app/feedback/Progress.tsx';
import { vi } from '../../i18n/vi.ts';

type Progressing = EventPayload<'issuing.progress'>;

/**
 * The running batch's progress (done/total, the document being signed). It listens to main's
 * progress events itself, so an event re-renders this bar only: with the whole screen holding the
 * state, each of a hundred events re-rendered the queue and every selected document's thể thức.
 */
export function BatchProgress({
  batchId,
  documents,
}: {
  readonly batchId: string | null;
  readonly documents: readonly OutgoingDocument[];
}) {
  const [progress, setProgress] = useState<Progressing | null>(null);
  useEffect(
    () =>
      vanthu.on('issuing.progress', (p) => {
        if (p.batchId !== null && p.batchId === batchId) {
          setProgress(p.currentId === null ? null : p);
        }
      }),
    [batchId],
  );
  // A finished batch's last event is not shown once the screen has moved on.
  if (progress === null || batchId === null || progress.batchId !== batchId) {
    return null;
  }
  const trichYeu = documents.find((d) => d.id === progress.currentId)?.trichYeu ?? '';
  return (
    <Progress
      label={vi.issuing.current(progress.done, progress.total, trichYeu)}
      value={progress.done}
      max={progress.total}
    />
  );
}
