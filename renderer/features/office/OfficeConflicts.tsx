import type { OfficeConflictDto } from '../../../preload/contract/office.ts';
import { viOffice } from '../../i18n/vi-office.ts';

/** Steps the server refused because the world changed: what happened and what can be done; the work is kept. */
export function OfficeConflicts({ conflicts }: { conflicts: readonly OfficeConflictDto[] }) {
  const t = viOffice.conflicts;
  if (conflicts.length === 0) {
    return <p role="status">{t.none}</p>;
  }
  return (
    <ul data-testid="office-conflicts">
      {conflicts.map((conflict) => (
        <li key={conflict.stepId} className="notice notice-warn">
          <p>
            <strong>{t.whatHappened}</strong> {conflict.whatHappened}
          </p>
          <p>
            <strong>{t.whatCanBeDone}</strong> {conflict.whatCanBeDone}
          </p>
          <p className="hint">{t.kept(conflict.keptFiles.length)}</p>
        </li>
      ))}
    </ul>
  );
}
