#!/usr/bin/env node
import { text } from 'node:stream/consumers';
import { composeServices } from '../app/compose.ts';
import { resolveProfileDir } from '../app/profile.ts';
import { commands } from './commands/index.ts';
import { runCli } from './run.ts';

// `vanthu … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(0);
  }
  throw error;
});

const code = await runCli(
  process.argv.slice(2),
  {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    readStdin: () => text(process.stdin),
    env: process.env,
  },
  commands,
  () => composeServices({ profileDir: resolveProfileDir(), shell: 'cli' }),
);
process.exitCode = code;
