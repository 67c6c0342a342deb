import { ErrorNotice } from '../../app/ErrorNotice.tsx';
import { useResult } from '../../app/use-result.ts';
import { vanthu } from '../../bridge/vanthu.ts';
import { vi } from '../../i18n/vi.ts';

const shellLabel = { electron: vi.home.shellElectron, browser: vi.home.shellBrowser, cli: vi.home.shellCli } as const;

/** First screen: what is running, where the data lives and whether the database is ready. */
export function HomeScreen() {
  const info = useResult(() => vanthu.invoke('app.getInfo', {}));
  if (info.state === 'loading') {
    return <p aria-busy="true">{vi.app.loading}</p>;
  }
  if (info.state === 'failed') {
    return <ErrorNotice error={info.error} />;
  }
  const { value } = info;
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{vi.home.title}</h1>
      <dl className="facts" data-testid="app-info">
        <dt>{vi.home.version}</dt>
        <dd>{value.version}</dd>
        <dt>{vi.home.shell}</dt>
        <dd>{shellLabel[value.shell]}</dd>
        <dt>{vi.home.profile}</dt>
        <dd>{value.profileDir}</dd>
        <dt>{vi.home.database}</dt>
        <dd>{vi.home.databaseState[value.database.state]}</dd>
      </dl>
    </section>
  );
}
