import type { QueueEntryDto } from '../../../preload/contract/office.ts';
import type { PersonRole, StepKind } from '../../../preload/contract/office-roles.ts';
import { hrefOf } from '../../app/frame/routes.ts';
import { viOffice } from '../../i18n/vi-office.ts';
import { dateTimeVi } from '../../shared/dates.ts';
import { queueActions } from './queue-actions.ts';
import { isFormStep } from './step-draft.ts';

export interface QueueTableProps {
  readonly entries: readonly QueueEntryDto[];
  readonly roles: readonly PersonRole[];
  readonly onAct: (entry: QueueEntryDto, step: StepKind) => void;
}

/** What the server routed to the person, newest first; a row is usable offline once its files are here. */
export function QueueTable({ entries, roles, onAct }: QueueTableProps) {
  const t = viOffice;
  if (entries.length === 0) {
    return <p role="status">{t.empty}</p>;
  }
  const seen = new Set<string>();
  return (
    <table className="table" data-testid="office-queue">
      <thead>
        <tr>
          <th scope="col">{t.columns.title}</th>
          <th scope="col">{t.columns.step}</th>
          <th scope="col">{t.columns.by}</th>
          <th scope="col">{t.columns.at}</th>
          <th scope="col">{t.columns.offline}</th>
          <th scope="col">{t.actions.column}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          // Entries come newest first: the first row of a case is where its next step is taken.
          const newest = !seen.has(entry.caseId);
          seen.add(entry.caseId);
          const actions = queueActions(entry.caseState, roles, newest);
          return (
            <tr key={entry.stepId} data-case={entry.caseId}>
              <td>{entry.title}</td>
              <td>{t.steps[entry.stepKind]}</td>
              <td>{entry.byName}</td>
              <td>{dateTimeVi(entry.at)}</td>
              <td>{entry.filesReady ? t.ready : t.fetching}</td>
              <td>
                {actions.filter(isFormStep).map((step) => (
                  <button key={step} type="button" className="secondary" onClick={() => onAct(entry, step)}>
                    {t.steps[step]}
                  </button>
                ))}
                {actions.includes('sign') ? <a href={hrefOf('signing')}>{t.actions.signAt}</a> : null}
                {actions.some((step) => step === 'issue-number' || step === 'seal' || step === 'publish') ? (
                  <a href={hrefOf('outgoing')}>{t.actions.issueAt}</a>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
