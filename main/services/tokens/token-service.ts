import { isVanthuError } from '../../../preload/contract/vanthu-error.ts';
import type { ModuleReport, PreflightRequest, PreflightResult, TokenList } from '../../../preload/contract/tokens.ts';
import { moduleCandidates, vendorOf } from '../../../native/pkcs11/catalog.ts';
import { CK } from '../../../native/pkcs11/constants.ts';
import { probeModule } from '../../../native/pkcs11/probe.ts';
import { moduleWorker } from './module-worker.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { Logger } from '../log/logger.ts';
import { applyRoleOverrides, type RoleOverrides } from './role-override.ts';
import { createTokenWatcher, type TokenRef, type TokenWatcher } from './token-watcher.ts';

export interface TokenServiceOptions {
  readonly log: Logger;
  /** User-added module paths (settings.tokens.modulePaths), read on every call. */
  readonly userModulePaths: () => readonly string[];
  readonly probeTimeoutMs?: number;
  /** The user's role overrides (settings.tokens.roleOverrides), read on every call. */
  readonly roleOverrides?: () => RoleOverrides;
  /** Where `tokens.changed` goes; without it nothing is watched. */
  readonly events?: EventBus;
  readonly watchIntervalMs?: number;
  /**
   * How the watcher sees tokens: 'in-process' asks the loaded modules (cheap; vendor drivers see
   * hot-plug), 'probe' asks a fresh child process each time (sees changes a module only notices
   * at C_Initialize, as SoftHSM2 does).
   */
  readonly watchBy?: 'in-process' | 'probe';
}

export interface TokenService {
  /** Tokens on the given modules, or on the user's and the catalog's modules when none are given. */
  list(modulePaths?: readonly string[]): Promise<TokenList>;
  /** Pre-flight checks, no PIN; the module is probed in a child process first. */
  preflight(request: PreflightRequest): Promise<PreflightResult>;
  /** A module the user added in settings, or a catalog module present on this machine. */
  isKnownModule(path: string): boolean;
  /** Look for plugged or pulled tokens now (a "refresh" button); emits `tokens.changed` on a change. */
  refresh(): Promise<void>;
  /** Stop watching for plugged and pulled tokens (started by the first `list`). */
  stop(): void;
}

async function probeSnapshot(paths: ReadonlySet<string>, timeoutMs: number): Promise<TokenRef[]> {
  const refs: TokenRef[] = [];
  for (const path of paths) {
    const result = await probeModule(path, { timeoutMs });
    for (const t of result.tokens) {
      if ((t.flags & CK.CKF_TOKEN_INITIALIZED) !== 0) {
        refs.push({ modulePath: path, label: t.label, serial: t.serial });
      }
    }
  }
  return refs;
}

/** Tokens present right now, asked of each module's worker thread (the module stays loaded there). */
async function inProcessSnapshot(paths: ReadonlySet<string>): Promise<TokenRef[]> {
  const refs: TokenRef[] = [];
  for (const path of paths) {
    refs.push(...(await moduleWorker(path).call('snapshot', {})));
  }
  return refs;
}

export function createTokenService(options: TokenServiceOptions): TokenService {
  // A module that passed the probe once is safe to load in this process from then on.
  const probed = new Set<string>();
  const timeoutMs = options.probeTimeoutMs ?? 5000;
  const ensureProbed = async (path: string): Promise<void> => {
    if (!probed.has(path)) {
      await probeModule(path, { timeoutMs });
      probed.add(path);
    }
  };

  // Modules that listed fine are watched; the UI hears about plugged and pulled tokens.
  const watched = new Set<string>();
  let watcher: TokenWatcher | undefined;
  const watch = (paths: readonly string[]): void => {
    const events = options.events;
    if (events === undefined) {
      return;
    }
    for (const path of paths) {
      watched.add(path);
    }
    watcher ??= createTokenWatcher({
      snapshot: async () =>
        options.watchBy === 'probe' ? probeSnapshot(watched, timeoutMs) : inProcessSnapshot(watched),
      onChange: (tokens) => events.emit('tokens.changed', { tokens: [...tokens] }),
      onError: (error) => options.log.warn('tokens.watch_failed', { error }),
      ...(options.watchIntervalMs === undefined ? {} : { intervalMs: options.watchIntervalMs }),
    });
    watcher.start();
  };

  return {
    stop: () => watcher?.stop(),
    isKnownModule: (path) => moduleCandidates(options.userModulePaths()).some((c) => c.path === path),
    refresh: async () => watcher?.poll(),
    async list(modulePaths) {
      const candidates =
        modulePaths !== undefined && modulePaths.length > 0
          ? modulePaths.map((path) => ({ path, vendor: vendorOf(path) }))
          : moduleCandidates(options.userModulePaths());
      const modules: ModuleReport[] = [];
      const tokens: TokenList['tokens'] = [];
      for (const { path, vendor } of candidates) {
        const base = vendor === undefined ? { path } : { path, vendor };
        try {
          await ensureProbed(path);
          // PKCS#11 calls run in the module's worker thread, queued behind any signature in flight.
          const found = await moduleWorker(path).call('list', {});
          const overrides = options.roleOverrides?.() ?? {};
          tokens.push(...found.tokens.map((token) => applyRoleOverrides(token, overrides)));
          const { libraryDescription } = found;
          modules.push({ ...base, ok: true, libraryDescription });
        } catch (error) {
          if (!isVanthuError(error)) {
            throw error;
          }
          options.log.warn('tokens.module_failed', { modulePath: path, code: error.code, details: error.details });
          modules.push({ ...base, ok: false, error: error.toAppError() });
        }
      }
      watch(modules.filter((m) => m.ok).map((m) => m.path));
      return { modules, tokens };
    },
    async preflight(request) {
      try {
        await ensureProbed(request.modulePath);
        const roleOverrides = options.roleOverrides?.() ?? {};
        return await moduleWorker(request.modulePath).call('preflight', { request, roleOverrides });
      } catch (error) {
        if (!isVanthuError(error)) {
          throw error;
        }
        return { ok: false, checks: [{ name: 'token', status: 'fail', code: error.code, message: error.message }] };
      }
    },
  };
}
