import { useState } from 'react';
import type { AppError } from '../../../preload/contract/index.ts';
import type { LayoutProposal } from '../../../preload/contract/layout.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { readDraft, writeDraft } from '../../app/drafts.ts';
import { useErrorCenter } from '../../app/feedback/error-center.tsx';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { SHORTCUTS, useShortcut } from '../../app/frame/shortcuts.ts';
import { call, isServiceMissing } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { PinDialog } from './PinDialog.tsx';
import { PlacementPreview, type ScreenPlacement } from './PlacementPreview.tsx';
import { signBatch } from './sign-batch.ts';
import { SignerPicker } from './SignerPicker.tsx';
import type { SignerChoice } from './signer-choice.ts';
import { SigningQueue } from './SigningQueue.tsx';
import { useTokens } from './use-tokens.ts';

const PATHS_DRAFT = 'signing.paths';

/** Ký duyệt: the queue, the preview with the proposed box, the certificate, the PIN, one or many at once. */
export function SigningScreen() {
  const queue = useLoad<OutgoingDocument[]>('outgoing.list', () => call('outgoing.list', { state: 'trinh-ky' }), []);
  const tokens = useTokens();
  const errors = useErrorCenter();
  const [paths, setPaths] = useState<Record<string, string>>(() => readDraft(PATHS_DRAFT) ?? {});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [focused, setFocused] = useState<string | null>(null);
  const [proposal, setProposal] = useState<{ id: string; value: LayoutProposal } | null>(null);
  const [previewError, setPreviewError] = useState<AppError | null>(null);
  const [placements, setPlacements] = useState<Record<string, ScreenPlacement>>({});
  const [choice, setChoice] = useState<SignerChoice | null>(null);
  const [pinOpen, setPinOpen] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [missing, setMissing] = useState(false);
  const [finished, setFinished] = useState<number | null>(null);

  const setPath = (id: string, path: string): void => {
    const next = { ...paths, [id]: path };
    setPaths(next);
    writeDraft(PATHS_DRAFT, next);
  };
  const toggle = (id: string): void => {
    const next = new Set(selected);
    if (!next.delete(id)) {
      next.add(id);
    }
    setSelected(next);
  };
  const preview = async (id: string): Promise<void> => {
    setFocused(id);
    setPreviewError(null);
    const result = await call('layout.propose', { path: (paths[id] ?? '').trim(), render: true, dpi: 72 });
    if (result.ok) {
      setProposal({ id, value: result.value });
    } else {
      setProposal(null);
      setPreviewError(result.error);
    }
  };
  const items = [...selected].filter((id) => (paths[id] ?? '').trim() !== '');
  const canSign = choice !== null && items.length > 0 && progress === null;

  const sign = async (pin: string): Promise<void> => {
    if (choice === null) {
      return;
    }
    setProgress({ done: 0, total: items.length });
    setFinished(null);
    const batch = items.map((id) => {
      const page =
        proposal?.id === id ? proposal.value.pages.find((p) => p.pageIndex === placements[id]?.pageIndex) : undefined;
      return {
        id,
        path: (paths[id] ?? '').trim(),
        placement: placements[id] ?? null,
        view: page?.view ?? null,
        rotation: page?.rotation ?? 0,
      };
    });
    const outcome = await signBatch(batch, choice, 'personal', pin, (done) =>
      setProgress({ done, total: items.length }),
    );
    setProgress(null);
    if (outcome.ok) {
      setPinOpen(false);
      setSelected(new Set());
      setFinished(outcome.signed);
      queue.reload();
    } else if (isServiceMissing(outcome.error)) {
      setPinOpen(false);
      setMissing(true);
    } else {
      // Wrong PIN, token pulled …: the dialog stays open, emptied, with the reason shown globally.
      errors.present(outcome.error);
      if (outcome.signed > 0) {
        setFinished(outcome.signed);
        queue.reload();
      }
    }
  };

  useShortcut(SHORTCUTS.sign, () => setPinOpen(true), canSign);
  useShortcut(SHORTCUTS.reload, queue.reload);

  return (
    <section aria-labelledby="signing-title">
      <h1 id="signing-title">{vi.signing.title}</h1>
      {missing ? <ServiceMissing channel="signing.sign" /> : null}
      {finished === null ? null : (
        <p className="notice notice-ok" role="status" data-testid="signed">
          {vi.signing.done(finished)}
        </p>
      )}
      {queue.data.state === 'loading' ? <Progress label={vi.app.loading} /> : null}
      {queue.data.state === 'failed' ? <ErrorNotice error={queue.data.error} onRetry={queue.reload} /> : null}
      {queue.data.state === 'missing' ? <ServiceMissing channel={queue.data.channel} /> : null}
      {queue.data.state === 'ready' ? (
        <div className="split">
          <div>
            <SigningQueue
              documents={queue.data.value}
              selected={selected}
              focused={focused}
              paths={paths}
              onToggle={toggle}
              onFocus={(id) => void preview(id)}
              onPath={setPath}
            />
            <SignerPicker
              tokens={tokens.data}
              role="personal"
              selected={choice}
              onSelect={setChoice}
              onReload={tokens.reload}
            />
            {tokens.data.state === 'missing' ? <ServiceMissing channel={tokens.data.channel} /> : null}
            <div className="actions">
              <button
                type="button"
                disabled={!canSign}
                onClick={() => setPinOpen(true)}
                aria-keyshortcuts="Control+Enter"
              >
                {vi.signing.signSelected(items.length)}
              </button>
            </div>
            {progress === null ? null : (
              <Progress label={vi.signing.progress} value={progress.done} max={progress.total} />
            )}
          </div>
          <div>
            {previewError === null ? null : <ErrorNotice error={previewError} />}
            {focused !== null && proposal === null && previewError === null ? (
              <Progress label={vi.signing.previewing} />
            ) : null}
            {proposal === null ? null : (
              <PlacementPreview
                proposal={proposal.value}
                role="personal"
                placement={placements[proposal.id] ?? null}
                onMove={(p) => setPlacements({ ...placements, [proposal.id]: p })}
              />
            )}
          </div>
        </div>
      ) : null}
      {pinOpen && choice !== null ? (
        <PinDialog
          choice={choice}
          role="personal"
          count={items.length}
          onSubmit={sign}
          onClose={() => setPinOpen(false)}
        />
      ) : null}
    </section>
  );
}
