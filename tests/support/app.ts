import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { composeServices, type ComposeOptions } from '../../main/app/compose.ts';
import { dispatch, type CallContext } from '../../main/ipc/dispatch.ts';
import { createHandlerTable } from '../../main/ipc/handlers.ts';
import type { Services } from '../../main/ipc/services.ts';
import { silentLogger } from '../../main/services/log/logger.ts';
import type { ChannelName, RequestOf, ResponseOf, Result } from '../../preload/contract/index.ts';

/**
 * The app as the shells run it, minus the shell (issue #18 point 5): services composed by the
 * composition root, the one handler table, every request through `dispatch` (the contract's zod
 * parse, the role checks, errors as Results). `call` is typed from preload/contract: a channel
 * that does not exist or a payload of the wrong shape is a compile error; `raw` sends anything,
 * for the tests of what the contract refuses.
 */
export interface TestApp {
  readonly services: Services;
  /** The folder the profile is in (a fresh tmp folder unless a profileDir was given). */
  readonly dir: string;
  readonly profileDir: string;
  call<C extends ChannelName>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** The call's value; a refusal throws with its code and Vietnamese message. */
  value<C extends ChannelName>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Anything, from any shell: for what the contract or the shell check refuses. */
  raw(channel: string, payload: unknown, caller?: CallContext['shell']): Promise<Result<unknown>>;
  /** The local profile takes a role, as Cài đặt does: main checks the workflow table against it. */
  asRole(role: 'van-thu' | 'lanh-dao' | 'chuyen-vien'): Promise<void>;
  close(): Promise<void>;
}

export interface OpenAppOptions extends Partial<ComposeOptions> {
  /** The tmp folder's prefix, when no profileDir is given. */
  readonly prefix?: string;
  /** The organization set in Cài đặt first; none leaves the profile unconfigured. */
  readonly organization?: { readonly maDinhDanh: string; readonly name: string } | null;
  /** Which shell the calls say they come from (the CLI may use the host-only channels). */
  readonly caller?: CallContext['shell'];
  /** Log into the profile's log file as the app does (for tests that read it); silent otherwise. */
  readonly logToProfile?: boolean;
}

/** The organization most IPC tests work in. */
export const SO_TU_PHAP = { maDinhDanh: '000.00.12.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên' } as const;

export function openApp(options: OpenAppOptions = {}): TestApp {
  const {
    prefix = 'vanthu-app-',
    organization = SO_TU_PHAP,
    caller = 'browser',
    logToProfile = false,
    ...compose
  } = options;
  const profileDir = compose.profileDir ?? join(mkdtempSync(join(tmpdir(), prefix)), 'profile');
  const dir = dirname(profileDir);
  const services = composeServices({
    shell: 'browser',
    ...(logToProfile ? {} : { log: silentLogger }),
    ...compose,
    profileDir,
  });
  if (organization !== null) {
    services.settings.update({ organization: { ...organization } });
  }
  const table = createHandlerTable(services);
  const raw = (channel: string, payload: unknown, shell = caller): Promise<Result<unknown>> =>
    dispatch(table, channel, payload, { shell }, services.log);
  const call = <C extends ChannelName>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>> =>
    // dispatch answers with what the channel's handler returned, which the table types as ResponseOf<C>.
    raw(channel, payload) as Promise<Result<ResponseOf<C>>>;
  const value = async <C extends ChannelName>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = await call(channel, payload);
    if (!result.ok) {
      throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    }
    return result.value;
  };
  return {
    services,
    dir,
    profileDir,
    call,
    value,
    raw,
    asRole: async (role) => {
      await value('profile.update', { role });
    },
    close: () => services.store.close(),
  };
}
