import { useEffect, useRef, useState } from 'react';
import { clearDraft, readDraft, writeDraft } from '../drafts.ts';
import { vi } from '../../i18n/vi.ts';
import { Field } from './Field.tsx';

export interface NoteDialogProps {
  readonly title: string;
  readonly label: string;
  readonly hint?: string;
  readonly confirm: string;
  /** The note is required (a return must say why). */
  readonly required: boolean;
  /** Where the typed text is kept if the dialog is closed by mistake. */
  readonly draftKey: string;
  /** Optional date asked together with the note (a proposed deadline). */
  readonly dateLabel?: string;
  /** Text prepared by the app (e.g. the check's reasons for a return) when nothing was typed before. */
  readonly initialNote?: string;
  readonly onConfirm: (note: string, date: string) => void;
  readonly onClose: () => void;
}

interface Draft {
  note: string;
  date: string;
}

/** A modal asking for a reason or an opinion; closing it keeps what was typed for next time. */
export function NoteDialog(props: NoteDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<Draft>(
    () => readDraft<Draft>(props.draftKey) ?? { note: props.initialNote ?? '', date: '' },
  );
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const change = (next: Draft): void => {
    setDraft(next);
    writeDraft(props.draftKey, next);
  };
  const confirm = (): void => {
    if (props.required && draft.note.trim() === '') {
      setError(vi.forms.required);
      return;
    }
    clearDraft(props.draftKey);
    props.onConfirm(draft.note.trim(), draft.date);
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="note-dialog-title" onClose={props.onClose}>
      <form
        method="dialog"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
      >
        <h2 id="note-dialog-title">{props.title}</h2>
        <Field
          label={props.label}
          hint={props.hint}
          rows={4}
          maxLength={2000}
          required={props.required}
          value={draft.note}
          onChange={(note) => change({ ...draft, note })}
          error={error}
          autoFocus
        />
        {props.dateLabel === undefined ? null : (
          <Field
            label={props.dateLabel}
            type="date"
            value={draft.date}
            onChange={(date) => change({ ...draft, date })}
          />
        )}
        <div className="actions">
          <button type="submit">{props.confirm}</button>
          <button type="button" className="secondary" onClick={props.onClose}>
            {vi.common.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
