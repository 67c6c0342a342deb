import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchNetworkReturn } from '../../../main/services/sync/network-return.ts';

describe('the network coming back wakes sync', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls back once per offline → online edge, never while it stays online, and not after stop', () => {
    const states = [true, false, false, true, true, false, true];
    let i = 0;
    const onReturn = vi.fn();
    const stop = watchNetworkReturn(() => states[Math.min(i, states.length - 1)] ?? true, onReturn, { intervalMs: 10 });
    for (i = 1; i < states.length; i += 1) {
      vi.advanceTimersByTime(10);
    }
    expect(onReturn).toHaveBeenCalledTimes(2);
    stop();
    vi.advanceTimersByTime(100);
    expect(onReturn).toHaveBeenCalledTimes(2);
  });
});
