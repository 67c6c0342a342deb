import type { SyncConflict } from '../../../preload/contract/sync.ts';
import { vi } from '../../i18n/vi.ts';
import { dateTimeVi } from '../../shared/dates.ts';

/** Changes the server refused or that conflict: what, since when, why, and what to do. */
export function ConflictTable({ conflicts }: { conflicts: readonly SyncConflict[] }) {
  if (conflicts.length === 0) {
    return <p role="status">{vi.sync.noConflicts}</p>;
  }
  const c = vi.sync.columns;
  return (
    <table className="table" data-testid="sync-conflicts">
      <thead>
        <tr>
          <th scope="col">{c.what}</th>
          <th scope="col">{c.at}</th>
          <th scope="col">{c.kind}</th>
          <th scope="col">{c.message}</th>
          <th scope="col">{c.resolution}</th>
        </tr>
      </thead>
      <tbody>
        {conflicts.map((x) => (
          <tr key={x.jobId}>
            <td>
              {x.jobKind} <code>{x.documentKey}</code>
            </td>
            <td>{dateTimeVi(x.at)}</td>
            <td>{vi.sync.kinds[x.kind]}</td>
            <td>{x.message}</td>
            <td>{x.resolution}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
