import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import type { RenumberingNotice } from '../../../preload/contract/sync.ts';
import { vi } from '../../i18n/vi.ts';
import { dateTimeVi } from '../../shared/dates.ts';

/** Numbers as the register prints them: 01…09 with a leading zero [ND30-PL1 I.II.3.c]. */
function so(n: number): string {
  return String(n).padStart(2, '0');
}

function stateLabel(state: string): string {
  return vi.incoming.states[state as IncomingDocument['state']] ?? state;
}

/**
 * Documents whose số đến sync changed because another workstation of the organization had
 * registered them first: what happened, the number that counts, and what became of ours.
 */
export function RenumberedList({ notices }: { notices: readonly RenumberingNotice[] }) {
  const t = vi.sync.renumbered;
  if (notices.length === 0) {
    return <p role="status">{t.none}</p>;
  }
  return (
    <>
      <p>{t.intro}</p>
      <ul data-testid="sync-renumbered">
        {notices.map((n) => (
          <li key={n.seq}>
            <p>{t.notice(n.soKyHieu, n.trichYeu, `${so(n.soDen)}/${n.year}`)}</p>
            <p>{n.soDenCu === null ? t.provisional(`T-${so(n.soDenTamCu ?? 0)}`) : t.unused(so(n.soDenCu))}</p>
            <p>{t.state(stateLabel(n.state), dateTimeVi(n.at))}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
