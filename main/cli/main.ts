import { text } from 'node:stream/consumers';
import { resolveProfileDir } from '../services/disk/profile-paths.ts';
import type { Services } from '../ipc/services.ts';
import type { ServiceLoaders } from './commands/command.ts';
import { commands } from './commands/index.ts';
import { runCli } from './run.ts';

// `vanthu … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(0);
  }
  throw error;
});

const composeOptions = { profileDir: resolveProfileDir(), shell: 'cli' } as const;

/** The whole app, imported only when a command asks for it (not for --version, sign, verify …). */
async function composeApp(): Promise<Services> {
  const { composeServices } = await import('../app/compose.ts');
  return composeServices(composeOptions);
}

/**
 * `vanthu verify` runs once per file in scripts: it builds the verifier alone, not the app, on
 * settings it only reads (without conf, which takes longer to load than the verification).
 */
const loaders: ServiceLoaders = {
  verify: async () => {
    const [{ composeBase }, { composeVerify }, { openReadOnlySettings }] = await Promise.all([
      import('../app/compose-base.ts'),
      import('../app/compose-verify.ts'),
      import('../services/settings/read-only-settings.ts'),
    ]);
    return composeVerify(composeBase({ ...composeOptions, settings: openReadOnlySettings(composeOptions.profileDir) }));
  },
};

const code = await runCli(
  process.argv.slice(2),
  {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    readStdin: () => text(process.stdin),
    env: process.env,
  },
  commands,
  composeApp,
  loaders,
);
process.exitCode = code;
