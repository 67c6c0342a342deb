import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { callPending } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';

/** SyncScreen: waits for its service; shows what the host answers, never invented data. */
export function SyncScreen() {
  const { data, reload } = useLoad<unknown>('sync.status', () => callPending('sync.status', {}), []);
  return (
    <section aria-labelledby="sync-title">
      <h1 id="sync-title">{vi.nav.sync}</h1>
      {data.state === 'loading' ? <Progress label={vi.app.loading} /> : null}
      {data.state === 'failed' ? <ErrorNotice error={data.error} onRetry={reload} /> : null}
      {data.state === 'missing' ? <ServiceMissing channel={data.channel} /> : null}
    </section>
  );
}
