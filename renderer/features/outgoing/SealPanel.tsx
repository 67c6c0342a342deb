import { useState } from 'react';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { useErrorCenter } from '../../app/feedback/error-center.tsx';
import { call } from '../../app/ipc/call.ts';
import { vi } from '../../i18n/vi.ts';
import { PinDialog } from '../../shared/signing/PinDialog.tsx';
import { closesPinDialog, signerOf } from '../../shared/signing/sign-batch.ts';
import { SignerPicker } from '../../shared/signing/SignerPicker.tsx';
import type { SignerChoice } from '../../shared/signing/signer-choice.ts';
import { useTokens } from '../../shared/signing/use-tokens.ts';

/**
 * Đóng dấu: the văn thư applies the organization signature to the document's numbered file, as
 * kept in the store; main checks the leader's signature and the số/date first and locks both.
 */
export function SealPanel({ document, onSealed }: { document: OutgoingDocument; onSealed: () => void }) {
  const tokens = useTokens();
  const [choice, setChoice] = useState<SignerChoice | null>(null);
  const [pinOpen, setPinOpen] = useState(false);
  const errors = useErrorCenter();
  const seal = async (pin: string): Promise<void> => {
    if (choice === null) {
      return;
    }
    const result = await call('issuing.seal', { id: document.id, signer: signerOf(choice), pin });
    if (result.ok) {
      setPinOpen(false);
      onSealed();
    } else {
      errors.present(result.error, () => setPinOpen(true));
      if (closesPinDialog(result.error.code)) {
        setPinOpen(false);
      }
    }
  };
  return (
    <div className="seal-panel">
      <p className="hint">{vi.issuing.chainNote}</p>
      <SignerPicker
        tokens={tokens.data}
        role="organization"
        selected={choice}
        onSelect={setChoice}
        onReload={tokens.reload}
      />
      <button type="button" disabled={choice === null} onClick={() => setPinOpen(true)}>
        {vi.outgoing.actions.seal}
      </button>
      {pinOpen && choice !== null ? (
        <PinDialog choice={choice} role="organization" count={1} onSubmit={seal} onClose={() => setPinOpen(false)} />
      ) : null}
    </div>
  );
}
