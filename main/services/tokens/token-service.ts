import { isVanthuError } from '../../../preload/contract/index.ts';
import type { ModuleReport, PreflightRequest, PreflightResult, TokenList } from '../../../preload/contract/tokens.ts';
import { moduleCandidates, vendorOf } from '../../../native/pkcs11/catalog.ts';
import { loadModule } from '../../../native/pkcs11/module.ts';
import { probeModule } from '../../../native/pkcs11/probe.ts';
import type { Logger } from '../log/logger.ts';
import { listModuleTokens } from './discovery.ts';
import { runPreflight } from './preflight.ts';

export interface TokenServiceOptions {
  readonly log: Logger;
  /** User-added module paths (settings.tokens.modulePaths), read on every call. */
  readonly userModulePaths: () => readonly string[];
  readonly probeTimeoutMs?: number;
}

export interface TokenService {
  /** Tokens on the given modules, or on the user's and the catalog's modules when none are given. */
  list(modulePaths?: readonly string[]): Promise<TokenList>;
  /** Pre-flight checks, no PIN; the module is probed in a child process first. */
  preflight(request: PreflightRequest): Promise<PreflightResult>;
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

  return {
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
          const module = loadModule(path);
          tokens.push(...listModuleTokens(module));
          modules.push({ ...base, ok: true, libraryDescription: module.libraryDescription });
        } catch (error) {
          if (!isVanthuError(error)) throw error;
          options.log.warn('tokens.module_failed', { modulePath: path, code: error.code, details: error.details });
          modules.push({ ...base, ok: false, error: error.toAppError() });
        }
      }
      return { modules, tokens };
    },
    async preflight(request) {
      try {
        await ensureProbed(request.modulePath);
      } catch (error) {
        if (!isVanthuError(error)) throw error;
        return { ok: false, checks: [{ name: 'token', status: 'fail', code: error.code, message: error.message }] };
      }
      return runPreflight(request);
    },
  };
}
