import { join } from 'node:path';
import type { VanthuApi } from '../../preload/contract/api.ts';
import { assertDatabaseNotInUse } from '../../main/services/store/backup.ts';
import { profileKeyOf } from '../support/profile-at-rest.ts';
import { SANDBOX_MODULES, type PageDouble, type Timeline } from '../support/electron-double/index.ts';
import type { RunningShell } from './harness.ts';

/*
 * The smoke suite's verdicts, as lists of problems (empty = fine). The suite asserts they are
 * empty on the shipped bundles, and the fault tests assert each one names the fault a broken
 * build of the shell carries, so a check that could not fail would show there.
 */

/** The steps of a start, in the order they must happen (each after the one before). */
export const STARTUP_ORDER: ReadonlyArray<{ readonly step: string; readonly what: string; readonly detail?: string }> =
  [
    { step: 'privileged app:// scheme registered', what: 'protocol.registerSchemesAsPrivileged' },
    { step: 'Electron ready', what: 'app.ready' },
    { step: 'whenReady resolved', what: 'app.whenReady resolved' },
    // electron-store (settings in the profile) attaches its IPC listener when it opens.
    { step: 'settings opened in the profile', what: 'ipcMain.on', detail: 'electron-store-get-data' },
    { step: 'IPC handler table registered', what: 'ipcMain.handle', detail: 'vanthu:invoke' },
    { step: 'renderer protocol handled', what: 'protocol.handle', detail: 'app' },
    { step: 'web contents hardened on creation', what: 'app.on', detail: 'web-contents-created' },
    { step: 'window created', what: 'BrowserWindow created' },
    { step: 'renderer page loaded', what: 'page loaded' },
    // Sync's wake sources attach as background sync starts: the network watch and resume.
    { step: 'sync started', what: 'powerMonitor.on', detail: 'resume' },
  ];

export function startupProblems(timeline: Timeline): string[] {
  const problems: string[] = [];
  let previous = -1;
  let previousStep = '';
  for (const expected of STARTUP_ORDER) {
    const at = timeline.steps.findIndex(
      (s) => s.what === expected.what && (expected.detail === undefined || s.detail === expected.detail),
    );
    if (at === -1) {
      problems.push(`${expected.step}: never happened`);
      continue;
    }
    if (at < previous) {
      problems.push(`${expected.step} happened before ${previousStep}`);
    }
    previous = at;
    previousStep = expected.step;
  }
  return problems;
}

/** `window.vanthu`'s members, exactly: the type below fails to compile if the contract changes. */
export const CONTRACT_MEMBERS = ['invoke', 'on', 'shell'] as const;
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contractIsExact: Exactly<(typeof CONTRACT_MEMBERS)[number], keyof VanthuApi> = true;

/** What the page can see of the preload: `window.vanthu` with the contract's members, nothing else. */
export function preloadProblems(page: PageDouble): string[] {
  const problems: string[] = [];
  const exposed = Object.keys(page.mainWorld);
  if (exposed.join() !== 'vanthu') {
    problems.push(`the page's window got ${JSON.stringify(exposed)}, not just "vanthu"`);
  }
  const api = page.mainWorld['vanthu'] as Record<string, unknown> | undefined;
  const members = Object.keys(api ?? {}).sort();
  if (contractIsExact && members.join() !== [...CONTRACT_MEMBERS].join()) {
    problems.push(`window.vanthu has ${JSON.stringify(members)}, the contract ${JSON.stringify(CONTRACT_MEMBERS)}`);
  }
  if (typeof api?.['invoke'] !== 'function' || typeof api['on'] !== 'function' || api['shell'] !== 'electron') {
    problems.push('window.vanthu.invoke/on are not functions or shell is not "electron"');
  }
  const foreign = page.required.filter((id) => !(SANDBOX_MODULES as readonly string[]).includes(id));
  if (foreign.length > 0) {
    problems.push(`the preload requires ${JSON.stringify(foreign)}, which a sandboxed preload cannot`);
  }
  return problems;
}

/**
 * Harmless requests, one or more per feature, that every Electron registration must answer
 * through a handler: a missing one comes back INTERNAL (the table has no function for it) or
 * the invoke is refused outright (nothing registered on the channel).
 */
export const PROBES: ReadonlyArray<readonly [string, unknown]> = [
  ['app.getInfo', {}],
  ['settings.get', {}],
  ['files.choose', { purpose: 'pdf' }],
  ['incoming.list', {}],
  ['outgoing.list', {}],
  ['organizations.list', {}],
  ['profile.get', {}],
  ['registers.list', {}],
  ['backup.status', {}],
  ['sync.status', {}],
  ['sync.conflicts', {}],
];

export async function handlerProblems(shell: RunningShell): Promise<string[]> {
  const problems: string[] = [];
  for (const [channel, request] of PROBES) {
    try {
      const result = await shell.vanthu.invoke(channel, request);
      if (!result.ok && ['INTERNAL', 'IPC_UNKNOWN_CHANNEL', 'IPC_FORBIDDEN'].includes(result.error?.code ?? '')) {
        problems.push(`${channel}: ${result.error?.code ?? ''}`);
      }
    } catch (error) {
      problems.push(`${channel}: ${String(error)}`);
    }
  }
  return problems;
}

/** After quit: exited with 0, sync's wake sources detached, the database closed by the store. */
export function quitProblems(shell: RunningShell, exitCode: number): string[] {
  const problems: string[] = [];
  if (exitCode !== 0) {
    problems.push(`exit code ${exitCode}`);
  }
  if (shell.electron.powerMonitor.listenerCount('resume') > 0) {
    problems.push('sync still attached to powerMonitor resume');
  }
  try {
    // Keyed: the profile is encrypted by default (the key wrapped by the double's safeStorage).
    const key = profileKeyOf(shell.profileDir, shell.electron.safeStorage);
    assertDatabaseNotInUse(join(shell.profileDir, 'vanthu.sqlite'), key);
  } catch (error) {
    problems.push(`store left open: ${(error as { code?: string }).code ?? String(error)}`);
  }
  return problems;
}
