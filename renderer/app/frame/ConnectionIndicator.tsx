import { useEffect } from 'react';
import type { SyncStatus } from '../../../preload/contract/sync.ts';
import { vanthu } from '../../bridge/vanthu.ts';
import { vi } from '../../i18n/vi.ts';
import { call } from '../ipc/call.ts';
import { useLoad } from '../ipc/use-load.ts';
import { hrefOf } from './routes.ts';

/** How often the indicator asks again when no event arrives (the `sync.changed` event is the fast path). */
const POLL_MS = 15_000;

/**
 * Always visible, top right: online, offline with how many changes wait, or "unknown" when the
 * sync service is absent or has not tried yet. Offline is a normal state here: stated, not alarmed.
 */
export function ConnectionIndicator() {
  const { data, reload } = useLoad<SyncStatus>('sync.status', () => call('sync.status', {}), []);
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    const stop = vanthu.on('sync.changed', reload);
    return () => {
      window.clearInterval(timer);
      stop();
    };
  }, [reload]);

  let state: SyncStatus['connection'] = 'unknown';
  let text: string = vi.connection.unknown;
  if (data.state === 'ready') {
    state = data.value.connection;
    text = vi.connection[state];
    if (data.value.authRequired) {
      text = `${text} · ${vi.connection.authRequired}`;
    }
    if (data.value.pending > 0) {
      text = `${text} · ${vi.connection.pending(data.value.pending)}`;
    }
  } else if (data.state === 'missing') {
    text = vi.connection.noService;
  } else if (data.state === 'failed' && data.error.code === 'SYNC_OFFLINE') {
    // The sync service answers SYNC_OFFLINE when it cannot reach (or has no) server: that is offline.
    state = 'offline';
    text = vi.connection.offline;
  } else if (data.state === 'failed' && data.error.code === 'SYNC_AUTH') {
    state = 'offline';
    text = `${vi.connection.offline} · ${vi.connection.authRequired}`;
  }
  return (
    <div className="connection-area" role="status" aria-live="polite">
      <a className={`connection connection-${state}`} href={hrefOf('sync')} data-testid="connection" data-state={state}>
        <span className="dot" aria-hidden="true" />
        {text}
      </a>
    </div>
  );
}
