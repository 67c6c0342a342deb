import { useEffect } from 'react';
import type { EventName } from '../../../preload/contract/index.ts';
import type { SyncStatus } from '../../../preload/contract/sync.ts';
import { vanthu } from '../../bridge/vanthu.ts';
import { vi } from '../../i18n/vi.ts';
import { callPending } from '../ipc/call.ts';
import { useLoad } from '../ipc/use-load.ts';
import { hrefOf } from './routes.ts';

/** How often the indicator asks again when no event arrives (the `sync.status` event is the fast path). */
const POLL_MS = 15_000;

/**
 * Always visible, top right: online, offline with how many changes wait, or "unknown" when the
 * sync service is absent or has not tried yet. Offline is a normal state here: stated, not alarmed.
 */
export function ConnectionIndicator() {
  // sync.status is defined in preload/contract/sync.ts but not merged into channels.ts yet.
  const { data, reload } = useLoad<SyncStatus>('sync.status', () => callPending('sync.status', {}), []);
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    const on = vanthu.on as unknown as (event: EventName | string, listener: () => void) => () => void;
    const stop = on('sync.status', reload);
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
