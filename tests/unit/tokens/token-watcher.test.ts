import { describe, expect, it } from 'vitest';
import { createTokenWatcher, type TokenRef } from '../../../main/services/tokens/token-watcher.ts';

describe('token watcher', () => {
  it('reports only changes after the baseline, and survives a failing snapshot', async () => {
    const a: TokenRef = { modulePath: 'm', label: 'A', serial: '1' };
    const b: TokenRef = { modulePath: 'm', label: 'B', serial: '2' };
    const snapshots: Array<TokenRef[] | Error> = [[a], [a], [a, b], new Error('driver'), [b, a], [b]];
    const changes: TokenRef[][] = [];
    const errors: unknown[] = [];
    const watcher = createTokenWatcher({
      snapshot: async () => {
        const next = snapshots.shift() ?? [];
        if (next instanceof Error) {
          throw next;
        }
        return next;
      },
      onChange: (tokens) => changes.push([...tokens]),
      onError: (e) => errors.push(e),
    });
    for (let i = 0; i < 6; i++) {
      await watcher.poll();
    }
    expect(changes).toEqual([[a, b], [b]]);
    expect(errors).toHaveLength(1);
  });
});
