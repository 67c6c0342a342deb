import { useState } from 'react';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { useErrorCenter } from '../../app/feedback/error-center.tsx';
import { Field } from '../../app/forms/Field.tsx';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { call, isServiceMissing } from '../../app/ipc/call.ts';
import { signedPathOf } from '../signing/sign-batch.ts';
import { vi } from '../../i18n/vi.ts';
import { PinDialog } from '../signing/PinDialog.tsx';
import { signBatch } from '../signing/sign-batch.ts';
import { SignerPicker } from '../signing/SignerPicker.tsx';
import type { SignerChoice } from '../signing/signer-choice.ts';
import { useTokens } from '../signing/use-tokens.ts';

/** Đóng dấu: the văn thư applies the organization signature (red seal) to the numbered file. */
export function SealPanel({ document, onSealed }: { document: OutgoingDocument; onSealed: () => void }) {
  const tokens = useTokens();
  const [path, setPath] = useState('');
  const [choice, setChoice] = useState<SignerChoice | null>(null);
  const [pinOpen, setPinOpen] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const [numbered, setNumbered] = useState(false);
  const errors = useErrorCenter();
  // Cấp số writes the number and date at their places in the signed file (a new revision) before the seal.
  const writeNumber = async (): Promise<void> => {
    if (document.soKyHieu === null || document.ngayBanHanh === null) {
      return;
    }
    const result = await call('signing.number', {
      path: path.trim(),
      outPath: signedPathOf(path.trim(), 'cap-so'),
      soKyHieu: document.soKyHieu,
      ngayBanHanh: document.ngayBanHanh,
    });
    if (result.ok) {
      setPath(result.value.path);
      setNumbered(true);
    } else if (isServiceMissing(result.error)) {
      setMissing('signing.number');
    } else {
      errors.present(result.error, () => void writeNumber());
    }
  };
  const seal = async (pin: string): Promise<void> => {
    if (choice === null) {
      return;
    }
    const item = { id: document.id, path: path.trim(), placement: null, view: null, rotation: 0 as const };
    const outcome = await signBatch([item], choice, 'organization', pin, () => undefined, 'outgoing.markSealed');
    if (outcome.ok) {
      setPinOpen(false);
      onSealed();
    } else if (isServiceMissing(outcome.error)) {
      setPinOpen(false);
      setMissing('signing.seal');
    } else {
      errors.present(outcome.error);
    }
  };
  return (
    <div className="seal-panel">
      {missing === null ? null : <ServiceMissing channel={missing} />}
      <Field label={vi.outgoing.sealFile} hint={vi.outgoing.sealFileHint} value={path} onChange={setPath} />
      <button
        type="button"
        className="secondary"
        disabled={path.trim() === '' || numbered}
        onClick={() => void writeNumber()}
      >
        {numbered ? vi.outgoing.numberWritten : vi.outgoing.writeNumber}
      </button>
      <SignerPicker
        tokens={tokens.data}
        role="organization"
        selected={choice}
        onSelect={setChoice}
        onReload={tokens.reload}
      />
      <button type="button" disabled={choice === null || path.trim() === ''} onClick={() => setPinOpen(true)}>
        {vi.outgoing.actions.seal}
      </button>
      {pinOpen && choice !== null ? (
        <PinDialog choice={choice} role="organization" count={1} onSubmit={seal} onClose={() => setPinOpen(false)} />
      ) : null}
    </div>
  );
}
