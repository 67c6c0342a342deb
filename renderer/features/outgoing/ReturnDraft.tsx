import { useState } from 'react';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import type { UserRole } from '../../../preload/contract/workflow.ts';
import { useErrorCenter } from '../../app/feedback/error-center.tsx';
import { NoteDialog } from '../../app/forms/NoteDialog.tsx';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { viWorkflow } from '../../i18n/vi-workflow.ts';
import { mayReturn } from './outgoing-actions.ts';

/** The leader sends a draft under trình ký back with a comment (the workflow table's row); the drafter reads the comments here. */
export function ReturnDraft({
  document,
  role,
  onChanged,
}: {
  document: OutgoingDocument;
  role: UserRole | null;
  onChanged: () => void;
}) {
  const t = viWorkflow.returnDraft;
  const [asking, setAsking] = useState(false);
  const errors = useErrorCenter();
  const { data } = useLoad('outgoing.returns', () => call('outgoing.returns', { id: document.id }), [
    document.id,
    document.updatedAt,
  ]);
  const send = async (comment: string): Promise<void> => {
    setAsking(false);
    const result = await call('outgoing.return', { id: document.id, comment });
    if (result.ok) {
      onChanged();
    } else {
      errors.present(result.error, () => void send(comment));
    }
  };
  const comments = data.state === 'ready' ? data.value : [];
  return (
    <>
      {role !== null && mayReturn(document.state, role) ? (
        <button type="button" className="danger" onClick={() => setAsking(true)}>
          {t.action}
        </button>
      ) : null}
      {comments.length === 0 ? null : (
        <section aria-labelledby="returns-title" data-testid="return-comments">
          <h3 id="returns-title">{t.comments}</h3>
          <ul>
            {comments.map((c) => (
              <li key={c.returnedAt}>{c.comment}</li>
            ))}
          </ul>
        </section>
      )}
      {asking ? (
        <NoteDialog
          title={t.title}
          label={t.comment}
          hint={t.hint}
          confirm={t.confirm}
          required
          draftKey={`outgoing.${document.id}.return`}
          onConfirm={(comment) => void send(comment)}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </>
  );
}
