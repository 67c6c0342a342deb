/**
 * Calls `onReturn` when the machine goes from offline to online, by asking `isOnline` every
 * `intervalMs` (Electron's `net.isOnline()` has no event in the main process). Sync then stops
 * waiting out its backoff and sends what queued while the network was down. Returns the stop.
 */
export function watchNetworkReturn(
  isOnline: () => boolean,
  onReturn: () => void,
  options: { readonly intervalMs?: number } = {},
): () => void {
  let online = isOnline();
  const timer = setInterval(() => {
    const now = isOnline();
    if (now && !online) {
      onReturn();
    }
    online = now;
  }, options.intervalMs ?? 5_000);
  timer.unref();
  return () => clearInterval(timer);
}
