import { describe, expect, it } from 'vitest';
import { createLoadSlots } from '../../renderer/app/ipc/load-slots.ts';

/** A load the test finishes by hand. */
function pending(): { promise: Promise<string>; finish(value: string): void } {
  let finish: (value: string) => void = () => undefined;
  const promise = new Promise<string>((resolve) => {
    finish = resolve;
  });
  return { promise, finish };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('screen loads share a few slots (renderer/app/ipc/load-slots.ts)', () => {
  it('runs at most the limit at once and starts the next as one ends', async () => {
    const slots = createLoadSlots(2);
    const loads = [pending(), pending(), pending(), pending()];
    const started: number[] = [];
    const results = loads.map((load, i) =>
      slots.run(
        () => {
          started.push(i);
          return load.promise;
        },
        () => true,
      ),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(slots.running()).toBe(2);
    loads[1]?.finish('b');
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const load of loads) {
      load.finish('x');
    }
    expect(await Promise.all(results)).toEqual(['x', 'b', 'x', 'x']);
    expect(slots.running()).toBe(0);
  });

  it('never runs a waiting load whose screen has gone, and gives its turn to the next', async () => {
    const slots = createLoadSlots(1);
    const first = pending();
    let screenOpen = true;
    let ranGone = false;
    const running = slots.run(
      () => first.promise,
      () => true,
    );
    const gone = slots.run(
      () => {
        ranGone = true;
        return Promise.resolve('gone');
      },
      () => screenOpen,
    );
    const after = slots.run(
      () => Promise.resolve('after'),
      () => true,
    );
    screenOpen = false;
    first.finish('first');
    expect(await running).toBe('first');
    expect(await gone).toBeUndefined();
    expect(ranGone).toBe(false);
    expect(await after).toBe('after');
  });

  it('frees the slot of a load that fails', async () => {
    const slots = createLoadSlots(1);
    await expect(
      slots.run(
        () => Promise.reject(new Error('mất kết nối')),
        () => true,
      ),
    ).rejects.toThrow('mất kết nối');
    expect(
      await slots.run(
        () => Promise.resolve('sau'),
        () => true,
      ),
    ).toBe('sau');
  });
});
