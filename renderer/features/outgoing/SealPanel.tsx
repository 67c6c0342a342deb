import { useState } from 'react';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { useErrorCenter } from '../../app/feedback/error-center.tsx';
import { Field } from '../../app/forms/Field.tsx';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { isServiceMissing } from '../../app/ipc/call.ts';
import { vi } from '../../i18n/vi.ts';
import { SIGN_CHANNEL } from '../signing/pending-contract.ts';
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
  const [missing, setMissing] = useState(false);
  const errors = useErrorCenter();
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
      setMissing(true);
    } else {
      errors.present(outcome.error);
    }
  };
  return (
    <div className="seal-panel">
      {missing ? <ServiceMissing channel={SIGN_CHANNEL} /> : null}
      <Field label={vi.outgoing.sealFile} hint={vi.outgoing.sealFileHint} value={path} onChange={setPath} />
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
