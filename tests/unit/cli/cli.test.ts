import { describe, expect, it } from 'vitest';
import { VanthuError } from '../../../preload/contract/index.ts';
import type { Services } from '../../../main/ipc/services.ts';
import type { CliIo, Command, CommandEntry } from '../../../main/cli/commands/command.ts';
import { commands } from '../../../main/cli/commands/index.ts';
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

  it('names the command that writes the number into a file write-number; the old name still runs it, with a notice', async () => {
    const help = capture();
    expect(await runCli(['--help'], help, commands, noServices)).toBe(0);
    expect(help.stdout).toMatch(/^ {2}write-number +Ghi số, ký hiệu và ngày ban hành vào văn bản đã ký/m);
    const usage = capture();
    expect(await runCli(['write-number', '--help'], usage, commands, noServices)).toBe(0);
    expect(usage.stdout).toContain('vanthu write-number --in IN.pdf');
    const old = capture();
    // Without --in the command refuses as write-number does, after the notice.
    expect(await runCli(['number'], old, commands, noServices)).not.toBe(0);
    expect(old.stderr).toContain('"vanthu number" đã đổi tên thành "vanthu write-number"');
    const current = capture();
    expect(await runCli(['write-number'], current, commands, noServices)).not.toBe(0);
    expect(current.stderr).not.toContain('đã đổi tên');
    expect(old.stderr).toContain(current.stderr);
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
