import { useEffect } from 'react';
import type { AppInfo } from '../../../preload/contract/index.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { BackupReminder } from './BackupReminder.tsx';
import { WorkQueues } from './WorkQueues.tsx';
import { WorkstationState } from './WorkstationState.tsx';

const shellLabel = { electron: vi.home.shellElectron, browser: vi.home.shellBrowser, cli: vi.home.shellCli } as const;

/** First screen: the person's queues, sync and backup, what is running and where the data lives. */
export function HomeScreen() {
  const { data: info, reload } = useLoad<AppInfo>('app.getInfo', () => call('app.getInfo', {}), []);
  const ready = info.state === 'ready';
  useEffect(() => {
    // Read by tests/bench/ui.ts: the first screen shows real data from the host.
    if (ready && performance.getEntriesByName('vanthu:first-screen').length === 0) {
      performance.mark('vanthu:first-screen');
    }
  }, [ready]);
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{vi.home.title}</h1>
      <BackupReminder />
      <WorkQueues />
      <WorkstationState />
      {info.state === 'loading' ? <Progress label={vi.app.loading} /> : null}
      {info.state === 'failed' ? <ErrorNotice error={info.error} onRetry={reload} /> : null}
      {info.state === 'ready' ? (
        <dl className="facts" data-testid="app-info">
          <dt>{vi.home.version}</dt>
          <dd>{info.value.version}</dd>
          <dt>{vi.home.shell}</dt>
          <dd>{shellLabel[info.value.shell]}</dd>
          <dt>{vi.home.profile}</dt>
          <dd>{info.value.profileDir}</dd>
          <dt>{vi.home.database}</dt>
          <dd>{vi.home.databaseState[info.value.database.state]}</dd>
        </dl>
      ) : null}
    </section>
  );
}
