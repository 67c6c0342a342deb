import { useEffect, useRef, useState } from 'react';
import type { AssignmentInput } from '../../../preload/contract/incoming.ts';
import { clearDraft, readDraft, writeDraft } from '../../app/drafts.ts';
import { assignDraftKey, EMPTY_ASSIGN_DRAFT, type AssignDraft } from './assign-draft.ts';
import { Field } from '../../app/forms/Field.tsx';
import { viWorkflow } from '../../i18n/vi-workflow.ts';

type Draft = AssignDraft;
const EMPTY = EMPTY_ASSIGN_DRAFT;

/** Phân công: chủ trì (required), phối hợp one per line, hạn and ý kiến; kept if closed by mistake. */
export function AssignDialog(props: {
  readonly documentId: string;
  readonly onConfirm: (assignment: AssignmentInput) => void;
  readonly onClose: () => void;
}) {
  const t = viWorkflow.assign;
  const draftKey = assignDraftKey(props.documentId);
  const ref = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<Draft>(() => readDraft<Draft>(draftKey) ?? EMPTY);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const change = (next: Draft): void => {
    setDraft(next);
    writeDraft(draftKey, next);
  };
  const confirm = (): void => {
    if (draft.chuTri.trim() === '') {
      setError(t.required);
      return;
    }
    clearDraft(draftKey);
    props.onConfirm({
      chuTri: draft.chuTri.trim(),
      phoiHop: draft.phoiHop
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      hanXuLy: draft.hanXuLy === '' ? null : draft.hanXuLy,
      yKien: draft.yKien.trim(),
    });
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="assign-title"
      onClose={props.onClose}
      data-testid="assign-dialog"
    >
      <form
        method="dialog"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
      >
        <h2 id="assign-title">{t.title}</h2>
        <Field
          label={t.chuTri}
          required
          autoFocus
          maxLength={100}
          value={draft.chuTri}
          error={error}
          onChange={(chuTri) => change({ ...draft, chuTri })}
        />
        <Field label={t.phoiHop} rows={3} value={draft.phoiHop} onChange={(phoiHop) => change({ ...draft, phoiHop })} />
        <Field
          label={t.hanXuLy}
          type="date"
          value={draft.hanXuLy}
          onChange={(hanXuLy) => change({ ...draft, hanXuLy })}
        />
        <Field
          label={t.yKien}
          rows={3}
          maxLength={2000}
          value={draft.yKien}
          onChange={(yKien) => change({ ...draft, yKien })}
        />
        <div className="actions">
          <button type="submit">{t.confirm}</button>
          <button type="button" className="secondary" onClick={props.onClose}>
            {t.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
