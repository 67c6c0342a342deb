import { useState } from 'react';
import type { Appendix } from '../../../preload/contract/appendices.ts';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { AppendixTable } from '../../shared/appendices/AppendixTable.tsx';
import { AppendixViewer } from '../../shared/appendices/AppendixViewer.tsx';

/** The phụ lục that arrived with an incoming document, in the sender's order; each opens with its verdict. */
export function ReceivedAppendices({ document }: { document: IncomingDocument }) {
  const t = vi.appendices;
  const { data, reload } = useLoad<Appendix[]>(
    'incoming.appendices',
    () => call('incoming.appendices', { id: document.id }),
    [document.id],
  );
  const [viewing, setViewing] = useState<Appendix | null>(null);
  return (
    <section aria-labelledby="received-appendices-title" data-testid="received-appendices">
      <h3 id="received-appendices-title">{t.received}</h3>
      {data.state === 'loading' ? <Progress label={t.loadingList} /> : null}
      {data.state === 'failed' ? <ErrorNotice error={data.error} onRetry={reload} /> : null}
      {data.state === 'missing' ? <ServiceMissing channel={data.channel} /> : null}
      {data.state === 'ready' && data.value.length === 0 ? <p>{t.receivedNone}</p> : null}
      {data.state === 'ready' && data.value.length > 0 ? (
        <AppendixTable appendices={data.value} onOpen={setViewing} />
      ) : null}
      {viewing === null ? null : (
        <AppendixViewer
          key={viewing.sha256}
          title={viewing.title}
          load={() => call('incoming.appendixFile', { id: document.id, sha256: viewing.sha256 })}
          onClose={() => setViewing(null)}
        />
      )}
    </section>
  );
}
