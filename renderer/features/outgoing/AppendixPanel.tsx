import { useState } from 'react';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { useErrorCenter } from '../../app/feedback/error-center.tsx';
import { Field } from '../../app/forms/Field.tsx';
import { call } from '../../app/ipc/call.ts';
import { viWorkflow } from '../../i18n/vi-workflow.ts';
import { PinDialog } from '../signing/PinDialog.tsx';
import { signedPathOf } from '../signing/sign-batch.ts';
import { SignerPicker } from '../signing/SignerPicker.tsx';
import type { SignerChoice } from '../signing/signer-choice.ts';
import { useTokens } from '../signing/use-tokens.ts';

/**
 * Phụ lục: once the document has its số, ký hiệu, the văn thư signs each appendix file with the
 * organization's certificate; the box (with the document's số, ký hiệu) is placed by the layout
 * module on the appendix's first page [ND30 Phụ lục I, mục II].
 */
export function AppendixPanel({ document }: { document: OutgoingDocument }) {
  const t = viWorkflow.appendix;
  const tokens = useTokens();
  const errors = useErrorCenter();
  const [path, setPath] = useState('');
  const [choice, setChoice] = useState<SignerChoice | null>(null);
  const [pinOpen, setPinOpen] = useState(false);
  const [signed, setSigned] = useState<string[]>([]);
  // Opened on request: the seal panel beside it has its own certificate picker.
  const [open, setOpen] = useState(false);
  if (document.soKyHieu === null) {
    return null;
  }
  const soKyHieu = document.soKyHieu;
  const sign = async (pin: string): Promise<void> => {
    if (choice === null) {
      return;
    }
    const input = path.trim();
    const result = await call('signing.appendix', {
      path: input,
      outPath: signedPathOf(input, 'phu-luc'),
      modulePath: choice.modulePath,
      token: choice.token.serial === '' ? { label: choice.token.label } : { serial: choice.token.serial },
      keyIdHex: choice.certificate.keyIdHex,
      pin,
      soKyHieu,
      placement: 'auto',
    });
    if (result.ok) {
      setPinOpen(false);
      setSigned([...signed, result.value.path]);
      setPath('');
    } else {
      errors.present(result.error);
    }
  };
  return (
    <section aria-labelledby="appendix-title" data-testid="appendix-panel">
      <h3 id="appendix-title">{t.title}</h3>
      {open ? null : (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          {t.open}
        </button>
      )}
      {open ? (
        <>
          <Field label={t.file} hint={t.fileHint(soKyHieu)} value={path} onChange={setPath} />
          <SignerPicker
            tokens={tokens.data}
            role="organization"
            selected={choice}
            onSelect={setChoice}
            onReload={tokens.reload}
          />
          <button type="button" disabled={choice === null || path.trim() === ''} onClick={() => setPinOpen(true)}>
            {t.sign}
          </button>
        </>
      ) : null}
      {signed.length === 0 ? null : (
        <ul data-testid="appendix-signed">
          {signed.map((p) => (
            <li key={p}>{t.signed(p)}</li>
          ))}
        </ul>
      )}
      {pinOpen && choice !== null ? (
        <PinDialog choice={choice} role="organization" count={1} onSubmit={sign} onClose={() => setPinOpen(false)} />
      ) : null}
    </section>
  );
}
