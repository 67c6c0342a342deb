import { useState } from 'react';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { useErrorCenter } from '../../app/feedback/error-center.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { NoteDialog } from '../../app/forms/NoteDialog.tsx';
import { call } from '../../app/ipc/call.ts';
import { vi } from '../../i18n/vi.ts';
import type { AssignmentInput } from '../../../preload/contract/incoming.ts';
import { AssignDialog } from './AssignDialog.tsx';
import { actionsFor, type IncomingAction } from './incoming-actions.ts';
import { dateVi } from './incoming-filters.ts';

/** The buttons for the document's state; a return asks for the reason, a submission for an opinion. */
export function IncomingActions({ document, onChanged }: { document: IncomingDocument; onChanged: () => void }) {
  const [asking, setAsking] = useState<IncomingAction | null>(null);
  const [working, setWorking] = useState(false);
  const errors = useErrorCenter();
  const actions = actionsFor(document.state);

  const run = async (action: IncomingAction, note?: string): Promise<void> => {
    setAsking(null);
    setWorking(true);
    const result = await call('incoming.transition', {
      id: document.id,
      to: action.to,
      ...(note === undefined || note === '' ? {} : { note }),
    });
    setWorking(false);
    if (result.ok) {
      onChanged();
    } else {
      errors.present(result.error, () => void run(action, note));
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
      {actions.length === 0 ? <p>{vi.incoming.actions.none}</p> : null}
      <div className="actions">
        {actions.map((a) => (
          <button
            key={a.id}
            type="button"
            className={a.id === 'return' ? 'danger' : undefined}
            disabled={working}
            onClick={() => (a.ask === undefined && a.id !== 'assign' ? void run(a) : setAsking(a))}
          >
            {a.label}
          </button>
        ))}
      </div>
      {working ? <Progress label={vi.incoming.actions.working} /> : null}
      {asking?.id === 'assign' ? (
        <AssignDialog documentId={document.id} onConfirm={(a) => void assign(a)} onClose={() => setAsking(null)} />
      ) : null}
      {asking?.ask === 'reason' ? (
        <NoteDialog
          title={vi.incoming.returnDialog.title}
          label={vi.incoming.returnDialog.reason}
          hint={vi.incoming.returnDialog.reasonHint}
          confirm={vi.incoming.returnDialog.confirm}
          required
          draftKey={`incoming.${document.id}.return`}
          onConfirm={(note) => void run(asking, note)}
          onClose={() => setAsking(null)}
        />
      ) : null}
      {asking?.ask === 'opinion' ? (
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
              asking,
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
