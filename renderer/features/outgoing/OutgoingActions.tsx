import { useState } from 'react';
import type { AppError, ChannelName } from '../../../preload/contract/index.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { WORKFLOW_ACTIONS, type UserRole } from '../../../preload/contract/workflow.ts';
import { useErrorCenter } from '../../app/feedback/error-center.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { NoteDialog } from '../../app/forms/NoteDialog.tsx';
import { hrefOf } from '../../app/frame/routes.ts';
import { call } from '../../app/ipc/call.ts';
import { vi } from '../../i18n/vi.ts';
import { SendToLeader } from '../../shared/SendToLeader.tsx';
import { nextAction, type NextStep } from './outgoing-actions.ts';
import { SealPanel } from './SealPanel.tsx';

type SimpleChannel = Extract<ChannelName, 'outgoing.submit' | 'issuing.issueNumber' | 'issuing.publish'>;

/** The one next step for the document's stage and the person's role; sealing opens its own panel, recall asks why. */
export function OutgoingActions({
  document,
  role,
  onChanged,
}: {
  document: OutgoingDocument;
  /** The profile's role; null when it could not be read (nothing is offered). */
  role: UserRole | null;
  onChanged: () => void;
}) {
  const [working, setWorking] = useState(false);
  const [recalling, setRecalling] = useState(false);
  const errors = useErrorCenter();
  const action = role === null ? null : nextAction(document.state, role);

  const after = (result: { ok: true } | { ok: false; error: AppError }, retry: () => void): void => {
    setWorking(false);
    if (result.ok) {
      onChanged();
    } else {
      errors.present(result.error, retry);
    }
  };
  const run = async (channel: SimpleChannel): Promise<void> => {
    setWorking(true);
    after(await call(channel, { id: document.id }), () => void run(channel));
  };
  const recall = async (reason: string): Promise<void> => {
    setRecalling(false);
    setWorking(true);
    after(await call('outgoing.recall', { id: document.id, reason }), () => void recall(reason));
  };
  const simple: Partial<Record<NextStep, SimpleChannel>> = {
    'outgoing.submit': 'outgoing.submit',
    'outgoing.issueNumber': 'issuing.issueNumber',
    'outgoing.publish': 'issuing.publish',
  };
  const channel = action === null ? undefined : simple[action];
  return (
    <section aria-labelledby="out-actions-title">
      <h3 id="out-actions-title">{vi.outgoing.nextStep}</h3>
      {action === null ? <p>{vi.incoming.actions.none}</p> : null}
      {channel !== undefined && action !== null && !(action === 'outgoing.submit' && document.fileSha256 !== null) ? (
        <button type="button" disabled={working} onClick={() => void run(channel)}>
          {WORKFLOW_ACTIONS[action].button}
        </button>
      ) : null}
      {action === 'outgoing.submit' && document.fileSha256 !== null ? (
        // A signed-in chuyên viên sends the stored draft to a leader at their own workstation.
        <SendToLeader
          kind="draft"
          documentId={document.id}
          onSent={onChanged}
          fallback={
            <button type="button" disabled={working} onClick={() => void run('outgoing.submit')}>
              {vi.outgoing.actions.submit}
            </button>
          }
        />
      ) : null}
      {action === 'outgoing.sign' ? <a href={hrefOf('signing')}>{vi.outgoing.actions.sign}</a> : null}
      {action === 'outgoing.seal' ? <SealPanel document={document} onSealed={onChanged} /> : null}
      {action === 'outgoing.recall' ? (
        <button type="button" className="danger" disabled={working} onClick={() => setRecalling(true)}>
          {vi.outgoing.actions.recall}
        </button>
      ) : null}
      {working ? <Progress label={vi.incoming.actions.working} /> : null}
      {recalling ? (
        <NoteDialog
          title={vi.outgoing.recallDialog.title}
          label={vi.outgoing.recallDialog.reason}
          confirm={vi.outgoing.recallDialog.confirm}
          required
          draftKey={`outgoing.${document.id}.recall`}
          onConfirm={(reason) => void recall(reason)}
          onClose={() => setRecalling(false)}
        />
      ) : null}
    </section>
  );
}
