import type { QueueEntryDto } from '../../../preload/contract/office.ts';
import { viOffice } from '../../i18n/vi-office.ts';
import { dateTimeVi } from '../sync/time.ts';

/** What the server routed to the person, newest first; a row is usable offline once its files are here. */
export function QueueTable({ entries }: { entries: readonly QueueEntryDto[] }) {
  const t = viOffice;
  if (entries.length === 0) {
    return <p role="status">{t.empty}</p>;
  }
  return (
    <table className="table" data-testid="office-queue">
      <thead>
        <tr>
          <th scope="col">{t.columns.title}</th>
          <th scope="col">{t.columns.step}</th>
          <th scope="col">{t.columns.by}</th>
          <th scope="col">{t.columns.at}</th>
          <th scope="col">{t.columns.offline}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.stepId} data-case={entry.caseId}>
            <td>{entry.title}</td>
            <td>{t.steps[entry.stepKind]}</td>
            <td>{entry.byName}</td>
            <td>{dateTimeVi(entry.at)}</td>
            <td>{entry.filesReady ? t.ready : t.fetching}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
