import { useEffect } from 'react';
import { vanthu } from '../../bridge/vanthu.ts';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { hrefOf } from '../../app/frame/routes.ts';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { useRole } from '../../shared/use-role.ts';
import { ArrivalCheckFacts } from './ArrivalCheckFacts.tsx';
import { IncomingActions } from './IncomingActions.tsx';
import { IncomingFacts } from './IncomingFacts.tsx';
import { IncomingHintsPanel } from './IncomingHintsPanel.tsx';
import { AssignmentFacts } from './AssignmentFacts.tsx';
import { ReceivedAppendices } from './ReceivedAppendices.tsx';
import { ReplyLink } from './ReplyLink.tsx';
import { StoredDocument } from './StoredDocument.tsx';

/** One incoming document: its registration, its handling trail and the actions its state allows. */
export function IncomingDetail({ id }: { id: string }) {
  const { data, reload } = useLoad<IncomingDocument>('incoming.get', () => call('incoming.get', { id }), [id]);
  // The buttons are the role's rows of the workflow table: the page shows with them, not before.
  const role = useRole();
  // The background check's verdict appears on the open document without the clerk reloading.
  useEffect(
    () =>
      vanthu.on('incoming.checked', (checked) => {
        if (checked.id === id) {
          reload();
        }
      }),
    [id, reload],
  );
  return (
    <>
      <p>
        <a href={hrefOf('incoming')}>{vi.common.back}</a>
      </p>
      {data.state === 'loading' || role === 'loading' ? <Progress label={vi.app.loading} /> : null}
      {data.state === 'failed' ? <ErrorNotice error={data.error} onRetry={reload} /> : null}
      {data.state === 'missing' ? <ServiceMissing channel={data.channel} /> : null}
      {data.state === 'ready' && role !== 'loading' ? (
        <article aria-labelledby="doc-title" data-testid="incoming-detail">
          <h2 id="doc-title">{data.value.trichYeu}</h2>
          <IncomingActions document={data.value} role={role} onChanged={reload} />
          <ArrivalCheckFacts document={data.value} />
          <IncomingFacts document={data.value} />
          <AssignmentFacts document={data.value} />
          {data.value.fileRemoved ? null : <IncomingHintsPanel document={data.value} />}
          <ReplyLink document={data.value} onChanged={reload} />
          {data.value.fileSha256 === null || data.value.fileRemoved ? null : <StoredDocument document={data.value} />}
          {data.value.fileRemoved ? <p>{vi.arrival.recall.removed}</p> : null}
          {data.value.source === 'truc' ? <ReceivedAppendices document={data.value} /> : null}
        </article>
      ) : null}
    </>
  );
}
