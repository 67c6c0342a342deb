import { useEffect } from 'react';
import type { EventName } from '../../../preload/contract/index.ts';
import { vanthu } from '../../bridge/vanthu.ts';
import { SYNC_CHANGED_EVENT, SYNC_STATUS_CHANNEL, type SyncStatus } from '../../features/sync/pending-contract.ts';
import { vi } from '../../i18n/vi.ts';
import { callPending } from '../ipc/call.ts';
import { useLoad } from '../ipc/use-load.ts';
import { hrefOf } from './routes.ts';

/** How often the indicator asks again when no event arrives (events are the fast path). */
const POLL_MS = 15_000;

/**
 * Always visible, top right: online, offline with how many changes wait, or "unknown" when the
 * sync service is absent. Offline is a normal state for this app, so it is stated, not alarmed.
 */
export function ConnectionIndicator() {
  const { data, reload } = useLoad<SyncStatus>(SYNC_STATUS_CHANNEL, () => callPending(SYNC_STATUS_CHANNEL, {}), []);
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    const on = vanthu.on as unknown as (event: EventName | string, listener: () => void) => () => void;
    const stop = on(SYNC_CHANGED_EVENT, reload);
    return () => {
      window.clearInterval(timer);
      stop();
    };
  }, [reload]);

  let state: 'online' | 'offline' | 'unknown' = 'unknown';
  let text: string = vi.connection.unknown;
  if (data.state === 'ready') {
    state = data.value.online ? 'online' : 'offline';
    text = data.value.online ? vi.connection.online : vi.connection.offline;
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
