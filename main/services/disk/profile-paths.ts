import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The profile folder holds the database, files, settings and logs of one user.
 * `VANTHU_PROFILE` overrides it (tests, the demo, several profiles side by side).
 */
export function resolveProfileDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const override = env['VANTHU_PROFILE'];
  if (override !== undefined && override !== '') {
    return override;
  }
  if (platform === 'win32') {
    return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'VanThuSo');
  }
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'vanthu');
}

export interface ProfilePaths {
  readonly root: string;
  readonly database: string;
  readonly files: string;
  readonly logs: string;
  readonly cache: string;
}

export function profilePaths(root: string): ProfilePaths {
  return {
    root,
    database: join(root, 'vanthu.sqlite'),
    files: join(root, 'files'),
    logs: join(root, 'logs'),
    cache: join(root, 'cache'),
  };
}
