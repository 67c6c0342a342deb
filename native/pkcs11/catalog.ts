import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Known PKCS#11 modules of the token vendors Vietnamese CAs ship. Windows drivers install their
 * DLL into System32 (64-bit) or their own folder; vendor attribution comes from field notes and
 * is not confirmed per DLL (see vn-rules §6.3), so each entry says what it is "usually" for.
 */
export interface DriverEntry {
  readonly vendor: string;
  readonly windows: readonly string[];
  readonly linux: readonly string[];
  readonly mac: readonly string[];
}

export const DRIVER_CATALOG: readonly DriverEntry[] = [
  {
    vendor: 'Viettel-CA',
    windows: ['viettel-ca_v6.dll', 'viettel-ca_v5.dll', 'viettel-ca.dll'],
    linux: [],
    mac: [],
  },
  { vendor: 'VNPT-CA', windows: ['vnpt-ca_csp11.dll', 'VNPT-CA_v34.dll'], linux: [], mac: [] },
  { vendor: 'BKAV-CA', windows: ['BkavCA.dll'], linux: [], mac: [] },
  { vendor: 'FPT-CA', windows: ['SignatureP11.dll'], linux: [], mac: [] },
  { vendor: 'NewCA', windows: ['nca_v6.dll'], linux: [], mac: ['/usr/local/lib/nca_v6.dylib'] },
  {
    vendor: 'SafeNet eToken',
    windows: ['eTPKCS11.dll'],
    linux: ['/usr/lib/libeTPkcs11.so', '/usr/lib64/libeTPkcs11.so'],
    mac: ['/usr/local/lib/libeTPkcs11.dylib'],
  },
  {
    vendor: 'Feitian ePass',
    windows: ['eps2003csp11.dll', 'ShuttleCsp11_3003.dll', 'ngp11v211.dll'],
    linux: [],
    mac: [],
  },
  { vendor: 'WatchData', windows: ['wdpkcs.dll'], linux: [], mac: [] },
  {
    vendor: 'OpenSC',
    windows: ['opensc-pkcs11.dll'],
    linux: ['/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so', '/usr/lib/opensc-pkcs11.so', '/usr/lib64/opensc-pkcs11.so'],
    mac: ['/Library/OpenSC/lib/opensc-pkcs11.so'],
  },
  {
    vendor: 'SoftHSM2',
    windows: ['softhsm2-x64.dll'],
    linux: [
      '/usr/lib/softhsm/libsofthsm2.so',
      '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
      '/usr/local/lib/softhsm/libsofthsm2.so',
      '/usr/lib64/pkcs11/libsofthsm2.so',
    ],
    mac: ['/usr/local/lib/softhsm/libsofthsm2.so', '/opt/homebrew/lib/softhsm/libsofthsm2.so'],
  },
];

export interface ModuleCandidate {
  readonly path: string;
  readonly vendor: string;
}

/** Every catalog path for a platform (Windows names resolved in System32), whether present or not. */
export function catalogPaths(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): ModuleCandidate[] {
  const system32 = join(env['SystemRoot'] ?? 'C:\\Windows', 'System32');
  return DRIVER_CATALOG.flatMap((entry) => {
    if (platform === 'win32') {
      return entry.windows.map((dll) => ({ path: join(system32, dll), vendor: entry.vendor }));
    }
    if (platform === 'darwin') {
      return entry.mac.map((path) => ({ path, vendor: entry.vendor }));
    }
    return entry.linux.map((path) => ({ path, vendor: entry.vendor }));
  });
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * User-added paths first (they know their driver), then the catalog entries that exist on disk.
 * Paths that lead to the same file (distribution symlinks) count once, or its tokens would be listed twice.
 */
export function moduleCandidates(
  userPaths: readonly string[],
  exists: (path: string) => boolean = existsSync,
  platform: NodeJS.Platform = process.platform,
  resolve: (path: string) => string = realPath,
): ModuleCandidate[] {
  const seen = new Set<string>();
  const out: ModuleCandidate[] = [];
  for (const candidate of [
    ...userPaths.map((path) => ({ path, vendor: vendorOf(path) ?? 'Người dùng thêm' })),
    ...catalogPaths(platform).filter((c) => exists(c.path)),
  ]) {
    const file = resolve(candidate.path);
    if (!seen.has(file)) {
      seen.add(file);
      out.push(candidate);
    }
  }
  return out;
}

/** The catalog vendor whose module has this file name, if any. */
export function vendorOf(path: string): string | undefined {
  const base = path.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  return DRIVER_CATALOG.find((e) =>
    [...e.windows, ...e.linux, ...e.mac].some((p) => p.split(/[\\/]/).pop()?.toLowerCase() === base),
  )?.vendor;
}
