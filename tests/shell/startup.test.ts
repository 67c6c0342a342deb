import { afterEach, describe, expect, it } from 'vitest';
import { startShell, type RunningShell } from './harness.ts';

describe('the Electron shell starts (built bundle, Electron double)', () => {
  let shell: RunningShell | undefined;
  afterEach(() => shell?.dispose());

  it('explore', async () => {
    shell = await startShell();
    console.log(shell.electron.timeline.names());
    expect(shell.window.loaded?.status).toBe(200);
  });
});
