import type { IncomingAssignment, IncomingDocument } from '../../../preload/contract/incoming.ts';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { viWorkflow } from '../../i18n/vi-workflow.ts';
import { dateVi } from '../../shared/dates.ts';

/** Who leads, who helps and by when, once the document has been assigned. */
export function AssignmentFacts({ document }: { document: IncomingDocument }) {
  const t = viWorkflow.assign;
  const { data } = useLoad<IncomingAssignment | null>(
    'incoming.assignment',
    () => call('incoming.assignment', { id: document.id }),
    [document.id, document.updatedAt],
  );
  if (data.state !== 'ready' || data.value === null) {
    return null;
  }
  const a = data.value;
  return (
    <section aria-labelledby="assignment-title" data-testid="assignment">
      <h3 id="assignment-title">{t.current}</h3>
      <dl className="facts">
        <dt>{t.chuTriShort}</dt>
        <dd>{a.chuTri}</dd>
        {a.phoiHop.length === 0 ? null : (
          <>
            <dt>{t.phoiHopShort}</dt>
            <dd>{a.phoiHop.join('; ')}</dd>
          </>
        )}
        {a.hanXuLy === null ? null : (
          <>
            <dt>{t.hanShort}</dt>
            <dd>{dateVi(a.hanXuLy)}</dd>
          </>
        )}
      </dl>
      {a.yKien === '' ? null : <p>{a.yKien}</p>}
    </section>
  );
}
