import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearPrivateScratch, withPrivateScratch } from '../../../main/services/disk/private-scratch.ts';

/** The pid of a process that has exited: a process killed mid-operation, as start-up finds it. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  expect(child.pid).toBeGreaterThan(0);
  return child.pid;
}

describe('private scratch folders', () => {
  it('at start, removes what a killed process left, keeps a running operation and everything else', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'vanthu-scratch-'));
    const killed = join(cache, 'quet', `tam-${deadPid()}-abc123`);
    const unnamed = join(cache, 'den', 'tam-Xy12Zq');
    mkdirSync(killed, { recursive: true });
    writeFileSync(join(killed, 'van-ban.pdf'), 'plaintext of a document');
    mkdirSync(unnamed, { recursive: true });
    const thumbnails = join(cache, 'anh-xem-truoc', 'trang-1.png');
    mkdirSync(join(cache, 'anh-xem-truoc'), { recursive: true });
    writeFileSync(thumbnails, 'png');

    await withPrivateScratch(join(cache, 'ban-hanh'), async (running) => {
      // Another process sharing the profile starts meanwhile and clears what is left over.
      clearPrivateScratch(cache);
      expect(existsSync(running)).toBe(true);
      expect(running).toContain(`tam-${process.pid}-`);
    });

    expect(existsSync(killed)).toBe(false);
    expect(existsSync(unnamed)).toBe(false);
    expect(existsSync(thumbnails)).toBe(true);
  });

  it('a profile with no cache yet is nothing to clear', () => {
    expect(() => clearPrivateScratch(join(tmpdir(), 'vanthu-no-such-profile', 'cache'))).not.toThrow();
  });
});
