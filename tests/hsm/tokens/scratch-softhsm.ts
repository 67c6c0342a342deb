import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private SoftHSM2 store for tests that change token state (wrong PINs, tokens without a user
 * PIN), so the run's shared tokens stay untouched. The library is copied to a new path so the
 * dynamic loader gives this store its own SoftHSM instance, initialised with this store's config.
 */
export interface ScratchSofthsm {
  readonly dir: string;
  readonly conf: string;
  /** A copy of libsofthsm2.so bound to this store once loaded through `withConf`. */
  readonly module: string;
  env(): NodeJS.ProcessEnv;
  /** Run `task` with SOFTHSM2_CONF pointing at this store (for the first C_Initialize of `module`). */
  withConf<T>(task: () => Promise<T>): Promise<T>;
}

export function createScratchSofthsm(sourceModule: string): ScratchSofthsm {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-scratch-hsm-'));
  mkdirSync(join(dir, 'tokens'));
  const conf = join(dir, 'softhsm2.conf');
  execFileSync('sh', [
    '-c',
    `printf 'directories.tokendir = %s\\nobjectstore.backend = file\\nlog.level = ERROR\\n' "$1" > "$2"`,
    'sh',
    join(dir, 'tokens'),
    conf,
  ]);
  const module = join(dir, 'libsofthsm2-scratch.so');
  copyFileSync(sourceModule, module);
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, SOFTHSM2_CONF: conf });
  return {
    dir,
    conf,
    module,
    env,
    async withConf(task) {
      const saved = process.env['SOFTHSM2_CONF'];
      process.env['SOFTHSM2_CONF'] = conf;
      try {
        return await task();
      } finally {
        process.env['SOFTHSM2_CONF'] = saved;
      }
    },
  };
}

export function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): void {
  execFileSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A token with a user PIN, one key and its certificate (CKA_ID `keyIdHex`). */
export function addTokenWithKey(
  hsm: ScratchSofthsm,
  token: { label: string; pin: string; soPin: string },
  key: { keyPem: string; certDer: string; keyIdHex: string },
): void {
  const env = hsm.env();
  run(
    'softhsm2-util',
    ['--init-token', '--free', '--label', token.label, '--so-pin', token.soPin, '--pin', token.pin],
    env,
  );
  run(
    'softhsm2-util',
    ['--import', key.keyPem, '--token', token.label, '--id', key.keyIdHex, '--label', 'k', '--pin', token.pin],
    env,
  );
  run(
    'pkcs11-tool',
    [
      '--module',
      hsm.module,
      '--token-label',
      token.label,
      '--login',
      '--pin',
      token.pin,
      '--write-object',
      key.certDer,
      '--type',
      'cert',
      '--id',
      key.keyIdHex,
    ],
    env,
  );
}

/** A token initialised by the security officer whose user PIN was never set. */
export function addTokenWithoutUserPin(hsm: ScratchSofthsm, label: string, soPin: string): void {
  // The free slot is always the last one SoftHSM lists.
  const out = execFileSync('pkcs11-tool', ['--module', hsm.module, '-L'], { env: hsm.env(), encoding: 'utf8' });
  const slots = out.split('\n').filter((l) => /^Slot \d+/.test(l)).length;
  run(
    'pkcs11-tool',
    ['--module', hsm.module, '--slot-index', String(slots - 1), '--init-token', '--label', label, '--so-pin', soPin],
    hsm.env(),
  );
}
