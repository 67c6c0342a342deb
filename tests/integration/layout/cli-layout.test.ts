import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Services } from '../../../main/ipc/services.ts';
import type { CliIo } from '../../../main/cli/commands/command.ts';
import { layoutCommand } from '../../../main/cli/commands/layout.ts';
import { createCommandContext } from '../../../main/cli/run.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { createLayoutService } from '../../../main/services/pdf/layout/layout-service.ts';
import { createSettingsStore } from '../../../main/services/settings/settings-store.ts';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => void stdout.push(t),
    err: (t) => void stderr.push(t),
    readStdin: () => Promise.resolve(''),
    env: {},
  };
}

// The command only reaches for the layout service; the rest of the app is not needed here.
const layout = createLayoutService({ settings: createSettingsStore({ store: {} }), log: silentLogger });
const services = (): Services => ({ layout }) as unknown as Services;
const context = (io: CliIo) => createCommandContext(io, services);
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/pdf/${name}`, import.meta.url));

describe('vanthu layout', () => {
  it('prints each proposed box with its evidence in Vietnamese', async () => {
    const io = capture();
    const code = await layoutCommand.run([fixture('lo-gm-lien-2.pdf')], context(io));
    expect(code).toBe(0);
    const text = io.stdout.join('');
    expect(text).toContain('chức vụ: "GIÁM ĐỐC / SỞ NỘI VỤ"');
    expect(text).toContain('họ tên: "Trương Văn Bình"');
    expect(text.match(/Chữ ký lãnh đạo/g)).toHaveLength(2);
  });

  it('prints JSON with --json and reports a missing file with exit code 3', async () => {
    const io = capture();
    expect(await layoutCommand.run([fixture('lo-qd-kt-1.pdf'), '--json'], context(io))).toBe(0);
    const json = JSON.parse(io.stdout.join('')) as { candidates: { role: string }[] };
    expect(json.candidates.map((c) => c.role)).toContain('organization');
    const missing = capture();
    expect(await layoutCommand.run(['/khong/co/tep.pdf'], context(missing))).toBe(3);
    expect(missing.stderr.join('')).toContain('Không tìm thấy tệp.');
  });
});
