import { useCallback, useEffect, useState } from 'react';
import type { LockState } from '../../../preload/contract/index.ts';
import { vanthu } from '../../bridge/vanthu.ts';
import { call } from '../ipc/call.ts';

/** Whether main says the window is locked: asked once, then followed through `lock.changed`. */
export function useLockState(): { locked: boolean; lockNow: () => void; changed: (state: LockState) => void } {
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    let live = true;
    const stop = vanthu.on('lock.changed', (state) => setLocked(state.locked));
    void call('lock.state', {}).then((result) => {
      if (live && result.ok) {
        setLocked(result.value.locked);
      }
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  const changed = useCallback((state: LockState) => setLocked(state.locked), []);
  const lockNow = useCallback(() => {
    void call('lock.now', {}).then((result) => {
      if (result.ok) {
        setLocked(result.value.locked);
      }
    });
  }, []);
  return { locked, lockNow, changed };
}
