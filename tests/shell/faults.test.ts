import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handlerProblems, preloadProblems, quitProblems, startupProblems } from './checks.ts';
import { startShell, type RunningShell } from './harness.ts';
import { buildBrokenShell, replaceOnce } from './variants.ts';

/*
 * The smoke suite's checks, run against shells broken on purpose: each must name the fault.
 * Without these, a check that can never fail would pass the shipped bundles just the same.
 */
const WAKE =
  /^ {2}const background = startBackground\(services, \{\n[\s\S]*?^ {2}running = \{ services, background \};\n/m;

const broken = {
  // The Electron registration never happens: every invoke finds no handler.
  noRegistration: () =>
    buildBrokenShell('no-registration', [
      { bundle: 'main', edit: (s) => replaceOnce(s, /^ {2}registerElectronIpc\(.*\);\n/, '') },
    ]),
  // One feature's handlers left out of the table the Electron registration serves.
  noFilesHandlers: () =>
    buildBrokenShell('no-files-handlers', [
      { bundle: 'main', edit: (s) => replaceOnce(s, '    ...filesHandlers(services),\n', '') },
    ]),
  // The preload hands the page a raw IPC sender next to the contract.
  preloadLeaks: () =>
    buildBrokenShell('preload-leaks', [
      {
        bundle: 'preload',
        edit: (s) =>
          replaceOnce(
            s,
            /(\w+)\.contextBridge\.exposeInMainWorld\("vanthu", api\);/,
            '$1.contextBridge.exposeInMainWorld("vanthu", { ...api, send: (c, ...a) => $1.ipcRenderer.send(c, ...a) });',
          ),
      },
    ]),
  // Sync started as soon as services exist: before the IPC, the window and its page.
  syncFirst: () =>
    buildBrokenShell('sync-first', [
      {
        bundle: 'main',
        edit: (s) => {
          const block = WAKE.exec(s)?.[0] ?? '';
          return replaceOnce(replaceOnce(s, WAKE, ''), /^ {2}registerElectronIpc\(/, `${block}  registerElectronIpc(`);
        },
      },
    ]),
  // Quit stops sync but never closes the store.
  storeLeftOpen: () =>
    buildBrokenShell('store-left-open', [
      { bundle: 'main', edit: (s) => replaceOnce(s, '.then(() => services.store.close())', '') },
    ]),
};

describe('the smoke checks catch a shell broken on purpose', () => {
  const bundles: Partial<Record<keyof typeof broken, string>> = {};
  beforeAll(() => {
    for (const [name, buildIt] of Object.entries(broken)) {
      bundles[name as keyof typeof broken] = buildIt();
    }
  });
  let shell: RunningShell | undefined;
  afterEach(() => {
    shell?.dispose();
    shell = undefined;
  });
  const start = async (name: keyof typeof broken): Promise<RunningShell> => {
    shell = await startShell({ bundle: bundles[name] ?? '' });
    return shell;
  };

  it('a missing Electron registration', async () => {
    const running = await start('noRegistration');
    expect(startupProblems(running.electron.timeline)).toEqual(['IPC handler table registered: never happened']);
    const problems = await handlerProblems(running);
    expect(problems[0]).toMatch(/^app\.getInfo: .*No handler registered for 'vanthu:invoke'/);
    await running.quit();
  });

  it('a feature missing from the handler table', async () => {
    const running = await start('noFilesHandlers');
    expect(await handlerProblems(running)).toEqual(['files.choose: INTERNAL']);
    await running.quit();
  });

  it('a preload exposing more than the contract', async () => {
    const running = await start('preloadLeaks');
    const page = running.window.loaded?.page;
    expect(page && preloadProblems(page)).toEqual([
      'window.vanthu has ["invoke","on","send","shell"], the contract ["invoke","on","shell"]',
    ]);
    await running.quit();
  });

  it('sync started before the shell is up', async () => {
    const running = await start('syncFirst');
    expect(startupProblems(running.electron.timeline)).toEqual(['sync started happened before renderer page loaded']);
    await running.quit();
  });

  it('a quit that leaves the store open', async () => {
    const running = await start('storeLeftOpen');
    await running.vanthu.invoke('settings.update', {
      organization: { maDinhDanh: '000.00.12.H55', name: 'Sở Tư pháp' },
    });
    await running.vanthu.invoke('organizations.list', {});
    expect(quitProblems(running, await running.quit())).toEqual(['store left open: DB_BUSY']);
  });
});
