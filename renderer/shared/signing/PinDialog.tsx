import { useEffect, useId, useRef, useState } from 'react';
import type { PreflightResult, SignerRole, TokenSummary } from '../../../preload/contract/tokens.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { dateVi } from '../dates.ts';
import type { SignerChoice } from './signer-choice.ts';

export interface PinDialogProps {
  readonly choice: SignerChoice;
  readonly role: SignerRole;
  readonly count: number;
  /** Receives the PIN for the duration of the signing call only. */
  readonly onSubmit: (pin: string) => Promise<void>;
  readonly onClose: () => void;
}

function triesText(token: TokenSummary): string {
  const f = token.flags;
  if (f.userPinLocked) {
    return vi.signing.pin.locked;
  }
  if (f.userPinFinalTry) {
    return vi.signing.pin.finalTry;
  }
  return f.userPinCountLow ? vi.signing.pin.countLow : vi.signing.pin.noFailures;
}

/**
 * The PIN dialog with the pre-flight facts (which certificate, valid until, tries left). The PIN
 * lives only in the password field: it is read at submit, the field is cleared at once, and the
 * value is handed to the call and dropped; it never enters React state or a draft.
 */
export function PinDialog({ choice, role, count, onSubmit, onClose }: PinDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const pinId = useId();
  const [signing, setSigning] = useState(false);
  const { data: preflight } = useLoad<PreflightResult>(
    'tokens.preflight',
    () =>
      call('tokens.preflight', {
        modulePath: choice.modulePath,
        token: choice.token.serial === '' ? { label: choice.token.label } : { serial: choice.token.serial },
        keyIdHex: choice.certificate.keyIdHex,
        role,
      }),
    [choice, role],
  );
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const ready = preflight.state === 'ready' && preflight.value.ok && !choice.token.flags.userPinLocked;
  const cert = preflight.state === 'ready' ? (preflight.value.certificate ?? choice.certificate) : choice.certificate;

  const submit = async (): Promise<void> => {
    const input = pinRef.current;
    if (input === null || input.value === '') {
      return;
    }
    const pin = input.value;
    input.value = '';
    setSigning(true);
    try {
      await onSubmit(pin);
    } finally {
      setSigning(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="pin-title" onClose={onClose} data-testid="pin-dialog">
      <form
        method="dialog"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="pin-title">{vi.signing.pin.title(count)}</h2>
        <dl className="facts" data-testid="preflight-facts">
          <dt>{vi.signing.pin.certificate}</dt>
          <dd>{cert.commonName}</dd>
          <dt>{vi.signing.pin.issuer}</dt>
          <dd>{cert.issuerCommonName}</dd>
          <dt>{vi.signing.pin.validUntil}</dt>
          <dd>{dateVi(cert.notAfter.slice(0, 10))}</dd>
          <dt>{vi.signing.pin.token}</dt>
          <dd>{`${choice.token.label} (${choice.token.serial})`}</dd>
          <dt>{vi.signing.pin.tries}</dt>
          <dd>{triesText(choice.token)}</dd>
        </dl>
        {preflight.state === 'loading' ? <Progress label={vi.signing.pin.checking} /> : null}
        {preflight.state === 'failed' ? <ErrorNotice error={preflight.error} /> : null}
        {preflight.state === 'ready' ? (
          <ul className="checks">
            {preflight.value.checks.map((c) => (
              <li key={c.name} className={`check-${c.status}`}>
                {c.message}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="field">
          <label htmlFor={pinId}>{vi.signing.pin.label}</label>
          <input
            id={pinId}
            ref={pinRef}
            type="password"
            autoComplete="off"
            inputMode="numeric"
            minLength={choice.token.minPinLen || undefined}
            maxLength={choice.token.maxPinLen || undefined}
            disabled={!ready || signing}
            autoFocus
          />
        </div>
        {signing ? <Progress label={vi.signing.signingNow} /> : null}
        <div className="actions">
          <button type="submit" disabled={!ready || signing}>
            {vi.signing.pin.confirm}
          </button>
          <button type="button" className="secondary" onClick={onClose} disabled={signing}>
            {vi.common.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
