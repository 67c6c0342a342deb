import { useEffect, useState } from 'react';
import type { Appendix } from '../../../preload/contract/appendices.ts';
import type { ChosenFile } from '../../../preload/contract/files.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import type { SyncProgress } from '../../../preload/contract/sync.ts';
import { useErrorCenter } from '../../app/feedback/error-center.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { FilePick } from '../../app/files/FilePick.tsx';
import { Field } from '../../app/forms/Field.tsx';
import { call } from '../../app/ipc/call.ts';
import { vanthu } from '../../bridge/vanthu.ts';
import { vi } from '../../i18n/vi.ts';
import { AppendixTable } from '../../shared/appendices/AppendixTable.tsx';
import { AppendixViewer } from '../../shared/appendices/AppendixViewer.tsx';
import { PinDialog } from '../../shared/signing/PinDialog.tsx';
import { SignerPicker } from '../../shared/signing/SignerPicker.tsx';
import type { SignerChoice } from '../../shared/signing/signer-choice.ts';
import { useTokens } from '../../shared/signing/use-tokens.ts';

const APPENDABLE = new Set<OutgoingDocument['state']>(['da-cap-so', 'da-dong-dau']);
const SENT = new Set<OutgoingDocument['state']>(['da-phat-hanh', 'da-thu-hoi']);

/** Uploads of this document's appendices while sync sends them (after phát hành). */
function useUploads(appendices: readonly Appendix[]): Record<string, SyncProgress> {
  const [uploads, setUploads] = useState<Record<string, SyncProgress>>({});
  const hashes = appendices.map((a) => a.sha256).join(',');
  useEffect(() => {
    const ours = new Set(hashes.split(','));
    return vanthu.on('sync.progress', (p) => {
      if (p.direction !== 'upload' || !ours.has(p.sha256)) {
        return;
      }
      setUploads((current) => {
        const { [p.sha256]: _done, ...rest } = current;
        return p.done >= p.total ? rest : { ...rest, [p.sha256]: p };
      });
    });
  }, [hashes]);
  return uploads;
}

/**
 * Phụ lục of an outgoing document [ND30 Phụ lục I, I.III.1]: each PDF is signed with the
 * organization's certificate and the document's số, ký hiệu (top right of its first page) and
 * attached to the record in one step; listed in order, opened from the store, removable until the
 * document is published, then sent with it.
 */
export function AppendixPanel({ document, onChanged }: { document: OutgoingDocument; onChanged: () => void }) {
  const t = vi.appendices;
  const tokens = useTokens();
  const errors = useErrorCenter();
  const uploads = useUploads(document.appendices);
  const [adding, setAdding] = useState(false);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [choice, setChoice] = useState<SignerChoice | null>(null);
  const [pinOpen, setPinOpen] = useState(false);
  const [signing, setSigning] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [viewing, setViewing] = useState<Appendix | null>(null);
  const sent = SENT.has(document.state);
  const appendable = APPENDABLE.has(document.state) && document.soKyHieu !== null;
  const nextTitle = t.defaultTitle(document.appendices.length + 1);

  const startAdding = (): void => {
    setTitle(nextTitle);
    setNotice(null);
    setAdding(true);
  };

  const sign = async (pin: string): Promise<void> => {
    if (choice === null || file === null) {
      return;
    }
    const name = title.trim();
    setSigning(true);
    const result = await call('outgoing.addAppendix', {
      id: document.id,
      title: name,
      file: file.handle,
      modulePath: choice.modulePath,
      token: choice.token.serial === '' ? { label: choice.token.label } : { serial: choice.token.serial },
      keyIdHex: choice.certificate.keyIdHex,
      pin,
      placement: 'auto',
    });
    setSigning(false);
    if (result.ok) {
      setPinOpen(false);
      setAdding(false);
      setFile(null);
      setNotice(t.added(result.value.title));
      onChanged();
    } else {
      // The reason main built, and "Thử lại" (the PIN asked again) where trying again can help.
      errors.present(result.error, () => setPinOpen(true));
    }
  };

  const remove = async (appendix: Appendix): Promise<void> => {
    setRemoving(true);
    const result = await call('outgoing.removeAppendix', { id: document.id, sha256: appendix.sha256 });
    setRemoving(false);
    if (result.ok) {
      if (viewing?.sha256 === appendix.sha256) {
        setViewing(null);
      }
      setNotice(t.removed(appendix.title));
      onChanged();
    } else {
      errors.present(result.error, () => void remove(appendix));
    }
  };

  return (
    <section aria-labelledby="appendix-title" data-testid="appendix-panel">
      <h3 id="appendix-title">{t.title}</h3>
      {document.appendices.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <AppendixTable
          appendices={document.appendices}
          onOpen={setViewing}
          onRemove={sent ? undefined : (appendix) => void remove(appendix)}
          uploads={uploads}
          busy={removing || signing}
        />
      )}
      {notice === null ? null : (
        <p className="notice" role="status" data-testid="appendix-notice">
          {notice}
        </p>
      )}
      {sent ? <p className="hint">{t.locked}</p> : null}
      {!sent && !appendable ? <p className="hint">{t.needsNumber}</p> : null}
      {appendable && !adding ? (
        <button type="button" className="secondary" onClick={startAdding}>
          {t.add}
        </button>
      ) : null}
      {appendable && adding ? (
        <fieldset className="appendix-add" data-testid="appendix-add">
          <legend>{t.addTitle}</legend>
          <Field label={t.titleField} hint={t.titleHint} value={title} onChange={setTitle} />
          <FilePick
            purpose="pdf"
            label={t.file}
            chosen={file}
            onChosen={setFile}
            onError={(error) => errors.present(error)}
            testId="appendix-file"
          />
          <p className="hint">{t.fileHint(document.soKyHieu ?? '')}</p>
          <SignerPicker
            tokens={tokens.data}
            role="organization"
            selected={choice}
            onSelect={setChoice}
            onReload={tokens.reload}
          />
          {signing ? <Progress label={t.signing} /> : null}
          <div className="actions">
            <button
              type="button"
              disabled={choice === null || file === null || title.trim() === '' || signing}
              onClick={() => setPinOpen(true)}
            >
              {t.sign}
            </button>
            <button type="button" className="secondary" disabled={signing} onClick={() => setAdding(false)}>
              {t.cancel}
            </button>
          </div>
        </fieldset>
      ) : null}
      {viewing === null ? null : (
        <AppendixViewer
          key={viewing.sha256}
          title={viewing.title}
          load={() => call('outgoing.appendixFile', { id: document.id, sha256: viewing.sha256 })}
          onClose={() => setViewing(null)}
        />
      )}
      {pinOpen && choice !== null ? (
        <PinDialog choice={choice} role="organization" count={1} onSubmit={sign} onClose={() => setPinOpen(false)} />
      ) : null}
    </section>
  );
}
