import { eventSchemas, type EventName, type VanthuApi } from '../../preload/contract/index.ts';

type Listener = (payload: unknown) => void;

/**
 * `window.vanthu` for the browser shell: the same API the Electron preload exposes, carried
 * over loopback HTTP to the Node host. The per-launch secret arrives in the URL fragment
 * (never sent to a server by the browser), is kept in sessionStorage and removed from the URL.
 */
export function createBrowserBridge(location: Location, storage: Storage): VanthuApi {
  const fromHash = /(?:^#|&)s=([\w-]+)/.exec(location.hash)?.[1];
  if (fromHash !== undefined) {
    storage.setItem('vanthu.secret', fromHash);
    history.replaceState(null, '', location.pathname);
  }
  const secret = storage.getItem('vanthu.secret') ?? '';
  const listeners = new Map<EventName, Set<Listener>>();
  let streaming = false;

  const startEvents = async (): Promise<void> => {
    streaming = true;
    const response = await fetch('/events', { method: 'POST', headers: { 'x-vanthu-secret': secret } });
    const reader = response.body?.getReader();
    if (reader === undefined) {
      return;
    }
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        streaming = false;
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        cut = buffer.indexOf('\n\n');
        if (frame.startsWith('data: ')) {
          const { event, payload } = JSON.parse(frame.slice(6)) as { event: EventName; payload: unknown };
          const parsed = eventSchemas[event]?.safeParse(payload);
          if (parsed?.success === true) {
            listeners.get(event)?.forEach((listener) => listener(parsed.data));
          }
        }
      }
    }
  };

  return {
    shell: 'browser',
    async invoke(channel, request) {
      const response = await fetch('/rpc', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-vanthu-secret': secret },
        body: JSON.stringify({ channel, request }),
      });
      if (!response.ok) {
        return { ok: false, error: { code: 'IPC_FORBIDDEN', message: `HTTP ${response.status}`, retryable: false } };
      }
      return response.json();
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      if (!streaming) {
        void startEvents();
      }
      return () => set.delete(listener as Listener);
    },
  };
}
