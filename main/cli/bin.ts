#!/usr/bin/env node
import { text } from 'node:stream/consumers';
import { resolveProfileDir } from '../app/profile.ts';
import type { Services } from '../app/services.ts';
import { commands } from './commands/index.ts';
import { runCli } from './run.ts';

// `vanthu … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(0);
  }
  throw error;
});

/** Compose services (a large import) only for commands, not for --version or --help. */
async function servicesFactory(first: string | undefined): Promise<() => Services> {
  if (first === undefined || first.startsWith('-') || first === 'help') {
    return () => {
      throw new Error('no services for this invocation');
    };
  }
  const { composeServices } = await import('../app/compose.ts');
  return () => composeServices({ profileDir: resolveProfileDir(), shell: 'cli' });
}

const code = await runCli(
  process.argv.slice(2),
  {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    readStdin: () => text(process.stdin),
    env: process.env,
  },
  commands,
  await servicesFactory(process.argv[2]),
);
process.exitCode = code;
