import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { callPending } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';

/** OutgoingScreen: waits for its service; shows what the host answers, never invented data. */
export function OutgoingScreen() {
  const { data, reload } = useLoad<unknown>('outgoing.list', () => callPending('outgoing.list', {}), []);
  return (
    <section aria-labelledby="outgoing-title">
      <h1 id="outgoing-title">{vi.nav.outgoing}</h1>
      {data.state === 'loading' ? <Progress label={vi.app.loading} /> : null}
      {data.state === 'failed' ? <ErrorNotice error={data.error} onRetry={reload} /> : null}
      {data.state === 'missing' ? <ServiceMissing channel={data.channel} /> : null}
    </section>
  );
}
