import type { Settings } from '../../../preload/contract/index.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { ServiceMissing } from '../../app/frame/ServiceMissing.tsx';
import { vi } from '../../i18n/vi.ts';
import { SettingsEditor } from './SettingsEditor.tsx';
import { ServerLogin } from './ServerLogin.tsx';
import { TokenModules } from './TokenModules.tsx';
import { ImagePreviews } from './ImagePreviews.tsx';
import { UserRoleEditor } from './UserRoleEditor.tsx';

/** Cài đặt: load the saved settings, then hand them to the editor. */
export function SettingsScreen() {
  const { data, reload } = useLoad<Settings>('settings.get', () => call('settings.get', {}), []);
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{vi.settings.title}</h1>
      {data.state === 'loading' ? <Progress label={vi.app.loading} /> : null}
      {data.state === 'failed' ? <ErrorNotice error={data.error} onRetry={reload} /> : null}
      {data.state === 'missing' ? <ServiceMissing channel={data.channel} /> : null}
      {data.state === 'ready' ? <SettingsEditor saved={data.value} /> : null}
      {data.state === 'ready' ? <UserRoleEditor /> : null}
      {data.state === 'ready' ? <ImagePreviews /> : null}
      {data.state === 'ready' ? <ServerLogin username={data.value.server.username} /> : null}
      {/* Last: the token scan answers late and its length is unknown. Above the buttons it pushed
          "Lưu" and "Lưu vai trò" down under a pointer about to click them (seen in an e2e trace). */}
      {data.state === 'ready' ? <TokenModules /> : null}
    </section>
  );
}
