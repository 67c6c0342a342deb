import { describe, expect, it } from 'vitest';
import { VanthuError } from '../../../preload/contract/index.ts';
import type { Services } from '../../../main/ipc/services.ts';
import type { CliIo, Command, CommandEntry } from '../../../main/cli/commands/command.ts';
import { runCli } from '../../../main/cli/run.ts';

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
    readStdin: async () => '',
    env: {},
  };
  return io;
}

const noServices = (): Services => {
  throw new Error('not needed');
};

const failingCommand: Command = {
  name: 'fail',
  summary: 'luôn lỗi',
  usage: 'vanthu fail',
  run: async () => {
    throw new VanthuError('PDF_ENCRYPTED', 'Tệp PDF có mật khẩu.');
  },
};
const failing: CommandEntry = { id: 'failingCommand', name: 'fail', load: async () => failingCommand };

describe('vanthu CLI', () => {
  it('prints the version from package.json', async () => {
    const io = capture();
    expect(await runCli(['--version'], io, [], noServices)).toBe(0);
    expect(io.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('refuses an unknown command with exit 64', async () => {
    const io = capture();
    expect(await runCli(['frobnicate'], io, [], noServices)).toBe(64);
    expect(io.stderr).toContain('frobnicate');
  });

  it('loads only the command it runs', async () => {
    const loaded: string[] = [];
    const entry = (name: string): CommandEntry => ({
      id: name,
      name,
      load: async () => {
        loaded.push(name);
        return { name, summary: name, usage: name, run: async () => 0 };
      },
    });
    const io = capture();
    expect(await runCli(['--version'], io, [entry('a'), entry('b')], noServices)).toBe(0);
    expect(loaded).toEqual([]);
    expect(await runCli(['b'], io, [entry('a'), entry('b')], noServices)).toBe(0);
    expect(loaded).toEqual(['b']);
  });

  it('prints expected failures in Vietnamese, and as JSON with --json', async () => {
    const io = capture();
    expect(await runCli(['fail', '--json'], io, [failing], noServices)).toBe(1);
    expect(io.stderr).toContain('PDF_ENCRYPTED');
    expect(JSON.parse(io.stdout)).toEqual({
      ok: false,
      error: { code: 'PDF_ENCRYPTED', message: 'Tệp PDF có mật khẩu.', retryable: false },
    });
  });
});
