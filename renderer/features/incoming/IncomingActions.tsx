import { useState } from 'react';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import type { UserRole } from '../../../preload/contract/workflow.ts';
import { useErrorCenter } from '../../app/feedback/error-center.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { NoteDialog } from '../../app/forms/NoteDialog.tsx';
import { call } from '../../app/ipc/call.ts';
import { vi } from '../../i18n/vi.ts';
import type { SignedInPersonDto } from '../../../preload/contract/office.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { SendToLeader } from '../../shared/SendToLeader.tsx';
import type { AssignmentInput } from '../../../preload/contract/incoming.ts';
import { AssignDialog } from './AssignDialog.tsx';
import { actionsFor, receiveGate, type IncomingAction } from './incoming-actions.ts';
import { dateVi } from '../../shared/dates.ts';

/** The confirmation asked before a recalled document's file is deleted (QĐ 28 Điều 9 k2): no move, so not in the table. */
const REMOVE_FILE = 'removeFile';

/** The buttons for the document's state and the person's role; a return asks for the reason, a submission for an opinion. */
export function IncomingActions({
  document,
  role,
  onChanged,
}: {
  document: IncomingDocument;
  /** The profile's role; null when it could not be read (nothing is offered). */
  role: UserRole | null;
  onChanged: () => void;
}) {
  const [asking, setAsking] = useState<IncomingAction | typeof REMOVE_FILE | null>(null);
  const [prepared, setPrepared] = useState<string | undefined>(undefined);
  const [working, setWorking] = useState(false);
  const errors = useErrorCenter();
  const person = useLoad<SignedInPersonDto | null>('people.current', () => call('people.current', {}), []);
  // A signed-in văn thư presents through the server to a named leader; the local-only trình is for a lone workstation.
  const officeOn = person.data.state === 'ready' && person.data.value !== null;
  const actions = (role === null ? [] : actionsFor(document.state, role)).filter(
    (a) => !(officeOn && a.action === 'incoming.submit'),
  );
  const gate = receiveGate(document);
  const dialog = asking === REMOVE_FILE ? null : asking;

  const run = async (action: IncomingAction, note?: string, acceptReason?: string): Promise<void> => {
    setAsking(null);
    setWorking(true);
    const result = await call('incoming.transition', {
      id: document.id,
      to: action.to,
      ...(note === undefined || note === '' ? {} : { note }),
      ...(acceptReason === undefined ? {} : { acceptReason }),
    });
    setWorking(false);
    if (result.ok) {
      onChanged();
    } else {
      errors.present(result.error, () => void run(action, note, acceptReason));
    }
  };

  // Trả lại opens with the check's reasons already written, for the văn thư to edit.
  const askReturn = async (action: IncomingAction): Promise<void> => {
    const reason = await call('incoming.returnReason', { id: document.id });
    setPrepared(reason.ok && reason.value !== null ? reason.value : undefined);
    setAsking(action);
  };

  const removeFile = async (): Promise<void> => {
    setAsking(null);
    setWorking(true);
    const result = await call('incoming.removeRecalledFile', { id: document.id });
    setWorking(false);
    if (result.ok) {
      onChanged();
    } else {
      errors.present(result.error, () => void removeFile());
    }
  };

  const click = (a: IncomingAction): void => {
    if (a.action === 'incoming.receive' && gate === 'anyway') {
      setAsking({ ...a, ask: 'reason' });
    } else if (a.action === 'incoming.return') {
      void askReturn(a);
    } else if (a.ask === undefined && a.action !== 'incoming.assign') {
      void run(a);
    } else {
      setAsking(a);
    }
  };

  // Phân công keeps chủ trì, phối hợp and hạn in the store, not only the state.
  const assign = async (assignment: AssignmentInput): Promise<void> => {
    setAsking(null);
    setWorking(true);
    const result = await call('incoming.assign', { id: document.id, assignment });
    setWorking(false);
    if (result.ok) {
      onChanged();
    } else {
      errors.present(result.error, () => void assign(assignment));
    }
  };

  return (
    <section aria-labelledby="actions-title">
      <h3 id="actions-title">{vi.incoming.detail.actions}</h3>
      {actions.length === 0 && !(officeOn && document.state === 'da-tiep-nhan') ? (
        <p>{vi.incoming.actions.none}</p>
      ) : null}
      <div className="actions">
        {actions.map((a) => (
          <button
            key={a.action}
            type="button"
            className={a.action === 'incoming.return' ? 'danger' : undefined}
            disabled={working || (a.action === 'incoming.receive' && (gate === 'pending' || gate === 'refused'))}
            onClick={() => click(a)}
          >
            {a.action === 'incoming.receive' && gate === 'anyway' ? vi.arrival.receive.anyway : a.label}
          </button>
        ))}
        {document.state === 'thu-hoi' && document.fileSha256 !== null && !document.fileRemoved ? (
          <button type="button" className="danger" disabled={working} onClick={() => setAsking(REMOVE_FILE)}>
            {vi.arrival.recall.removeFile}
          </button>
        ) : null}
      </div>
      {officeOn && document.state === 'da-tiep-nhan' ? (
        <SendToLeader kind="incoming" documentId={document.id} onSent={onChanged} fallback={null} />
      ) : null}
      {gate === 'pending' && document.state === 'da-den' ? <p role="status">{vi.arrival.receive.pending}</p> : null}
      {gate === 'refused' && document.state === 'da-den' ? <p role="alert">{vi.arrival.receive.invalid}</p> : null}
      {working ? <Progress label={vi.incoming.actions.working} /> : null}
      {dialog?.action === 'incoming.assign' ? (
        <AssignDialog documentId={document.id} onConfirm={(a) => void assign(a)} onClose={() => setAsking(null)} />
      ) : null}
      {dialog?.ask === 'reason' && dialog.action === 'incoming.return' ? (
        <NoteDialog
          title={vi.incoming.returnDialog.title}
          label={vi.incoming.returnDialog.reason}
          hint={vi.incoming.returnDialog.reasonHint}
          confirm={vi.incoming.returnDialog.confirm}
          required
          draftKey={`incoming.${document.id}.return`}
          {...(prepared === undefined ? {} : { initialNote: prepared })}
          onConfirm={(note) => void run(dialog, note)}
          onClose={() => setAsking(null)}
        />
      ) : null}
      {dialog?.ask === 'reason' && dialog.action === 'incoming.receive' ? (
        <NoteDialog
          title={vi.arrival.receive.anywayTitle}
          label={vi.arrival.receive.anywayReason}
          hint={vi.arrival.receive.anywayHint}
          confirm={vi.arrival.receive.anywayConfirm}
          required
          draftKey={`incoming.${document.id}.accept`}
          onConfirm={(reason) => void run(dialog, undefined, reason)}
          onClose={() => setAsking(null)}
        />
      ) : null}
      {asking === REMOVE_FILE ? (
        <NoteDialog
          title={vi.arrival.recall.removeTitle}
          label={vi.arrival.recall.removeNote}
          hint={vi.arrival.recall.removeHint}
          confirm={vi.arrival.recall.removeConfirm}
          required={false}
          draftKey={`incoming.${document.id}.remove`}
          onConfirm={() => void removeFile()}
          onClose={() => setAsking(null)}
        />
      ) : null}
      {dialog?.ask === 'opinion' ? (
        <NoteDialog
          title={vi.incoming.submitDialog.title}
          label={vi.incoming.submitDialog.note}
          dateLabel={vi.incoming.submitDialog.deadline}
          confirm={vi.incoming.submitDialog.confirm}
          required={false}
          draftKey={`incoming.${document.id}.submit`}
          onConfirm={(note, date) =>
            // The transition carries only a note: the proposed deadline travels inside it.
            void run(
              dialog,
              [note, date === '' ? '' : `${vi.incoming.submitDialog.deadline}: ${dateVi(date)}`]
                .filter(Boolean)
                .join('\n'),
            )
          }
          onClose={() => setAsking(null)}
        />
      ) : null}
    </section>
  );
}
