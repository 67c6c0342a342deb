import { useState } from 'react';
import type { AppError } from '../../../preload/contract/index.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { useErrorCenter } from '../../app/feedback/error-center.tsx';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { SHORTCUTS, useShortcut } from '../../app/frame/shortcuts.ts';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { BatchProgress } from './BatchProgress.tsx';
import { PinDialog } from '../../shared/signing/PinDialog.tsx';
import { closesPinDialog, signDocuments } from '../../shared/signing/sign-batch.ts';
import { SignerPicker } from '../../shared/signing/SignerPicker.tsx';
import type { SignerChoice } from '../../shared/signing/signer-choice.ts';
import { SigningQueue } from './SigningQueue.tsx';
import { TheThucPanel } from '../../shared/the-thuc/TheThucPanel.tsx';
import { useTokens } from '../../shared/signing/use-tokens.ts';

/**
 * Ký duyệt: the queue of drafts submitted for signature, the certificate, ONE PIN for every
 * selected document. Main signs the stored drafts after one token login and reports progress
 * per document; a document it cannot sign gets its reason and the others are signed.
 */
export function SigningScreen() {
  const queue = useLoad<OutgoingDocument[]>('outgoing.list', () => call('outgoing.list', { state: 'trinh-ky' }), []);
  const tokens = useTokens();
  const errors = useErrorCenter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [choice, setChoice] = useState<SignerChoice | null>(null);
  const [pinOpen, setPinOpen] = useState(false);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [finished, setFinished] = useState<{ ok: number; failed: number } | null>(null);
  const [failures, setFailures] = useState<Readonly<Record<string, AppError>>>({});

  const toggle = (id: string): void => {
    const next = new Set(selected);
    if (!next.delete(id)) {
      next.add(id);
    }
    setSelected(next);
  };
  const toggleAll = (): void => {
    const all = queue.data.state === 'ready' ? queue.data.value.map((d) => d.id) : [];
    setSelected(all.every((id) => selected.has(id)) ? new Set() : new Set(all));
  };
  const items = [...selected];
  const canSign = choice !== null && items.length > 0 && batchId === null;

  const sign = async (pin: string): Promise<void> => {
    if (choice === null) {
      return;
    }
    const id = crypto.randomUUID();
    setBatchId(id);
    setFinished(null);
    const outcome = await signDocuments(items, choice, pin, id);
    setBatchId(null);
    if (!outcome.ok) {
      // Wrong PIN, token pulled …: nothing was signed; the dialog stays open, emptied. A refusal a
      // PIN cannot change (role, chain, state) closes it.
      errors.present(outcome.error, () => setPinOpen(true));
      if (closesPinDialog(outcome.error.code)) {
        setPinOpen(false);
      }
      return;
    }
    setPinOpen(false);
    const failed = outcome.value.results.flatMap((r) => (r.ok ? [] : [[r.id, r.error] as const]));
    setFailures(Object.fromEntries(failed));
    setSelected(new Set(failed.map(([id]) => id)));
    setFinished({ ok: outcome.value.total - outcome.value.failed, failed: outcome.value.failed });
    queue.reload();
  };

  useShortcut(SHORTCUTS.sign, () => setPinOpen(true), canSign);
  useShortcut(SHORTCUTS.reload, queue.reload);

  return (
    <section aria-labelledby="signing-title">
      <h1 id="signing-title">{vi.signing.title}</h1>
      {finished === null ? null : (
        <p className="notice notice-ok" role="status" data-testid="signed">
          {finished.failed === 0 ? vi.signing.done(finished.ok) : vi.issuing.partial(finished.ok, finished.failed)}
        </p>
      )}
      {queue.data.state === 'loading' ? <Progress label={vi.app.loading} /> : null}
      {queue.data.state === 'failed' ? <ErrorNotice error={queue.data.error} onRetry={queue.reload} /> : null}
      {queue.data.state === 'missing' ? <ServiceMissing channel={queue.data.channel} /> : null}
      {queue.data.state === 'ready' ? (
        <div>
          <SigningQueue
            documents={queue.data.value}
            selected={selected}
            failures={failures}
            onToggle={toggle}
            onToggleAll={toggleAll}
          />
          {/* While a batch signs, its progress is the screen: the findings' pages would be laid out
              and drawn on the cores the signing needs, and they were read before Ký. */}
          {batchId === null ? <TheThucPanel documents={queue.data.value.filter((d) => selected.has(d.id))} /> : null}
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
          <BatchProgress batchId={batchId} documents={queue.data.value} />
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
