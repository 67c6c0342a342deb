import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { hrefOf } from '../../app/frame/routes.ts';
import { vi } from '../../i18n/vi.ts';
import { DueBadge } from '../../app/due/DueBadge.tsx';
import { verdictKey } from './arrival-verdict.ts';
import { soKyHieu } from './incoming-filters.ts';
import { dateVi } from '../../shared/dates.ts';

/** The list of incoming documents, one row each, the trích yếu a link to the detail. */
export function IncomingTable({ documents }: { documents: readonly IncomingDocument[] }) {
  const c = vi.incoming.columns;
  if (documents.length === 0) {
    return <p role="status">{vi.incoming.empty}</p>;
  }
  return (
    <table className="table" data-testid="incoming-table">
      <caption className="hint">{vi.incoming.count(documents.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{c.soDen}</th>
          <th scope="col">{c.ngayDen}</th>
          <th scope="col">{c.soKyHieu}</th>
          <th scope="col">{c.coQuanBanHanh}</th>
          <th scope="col">{c.trichYeu}</th>
          <th scope="col">{c.hanXuLy}</th>
          <th scope="col">{c.state}</th>
          <th scope="col">{vi.arrival.column}</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((d) => (
          <tr key={d.id}>
            <td>{d.soDenHienThi}</td>
            <td>{dateVi(d.ngayDen)}</td>
            <td>{soKyHieu(d)}</td>
            <td>{d.coQuanBanHanh}</td>
            <td>
              {d.doKhan > 0 ? <span className="badge badge-urgent">{vi.incoming.doKhan[d.doKhan]}</span> : null}{' '}
              <a href={hrefOf('incoming', d.id)}>{d.trichYeu}</a>
            </td>
            <td>
              {dateVi(d.hanXuLy)} <DueBadge due={d.due} />
            </td>
            <td>{vi.incoming.states[d.state]}</td>
            <td data-testid="incoming-verdict">{vi.arrival.verdict[verdictKey(d)]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
