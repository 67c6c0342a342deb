import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../../main/services/disk/atomic-write.ts';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'vanthu-atomic-'));

describe('the one atomic writer (temp file, fsync, rename)', () => {
  it('replaces a file whole and leaves no temporary file beside it', () => {
    const dir = fresh();
    const target = join(dir, 'a.json');
    writeFileSync(target, 'cũ');
    writeFileAtomicSync(target, '{"mới":true}');
    expect(readFileSync(target, 'utf8')).toBe('{"mới":true}');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('sets the mode outright, whatever the umask', () => {
    const dir = fresh();
    const target = join(dir, 'secret.json');
    writeFileAtomicSync(target, new Uint8Array([1, 2, 3]), { mode: 0o600 });
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('writes parts and lets the caller patch the temporary file before the fsync', async () => {
    const dir = fresh();
    const target = join(dir, 'b.pdf');
    await writeFileAtomic(target, [Buffer.from('AAAA'), Buffer.from('BBBB')], async (handle) => {
      await handle.write(Buffer.from('xy'), 0, 2, 3);
    });
    expect(readFileSync(target, 'utf8')).toBe('AAAxyBBB');
    expect(readdirSync(dir)).toEqual(['b.pdf']);
  });

  it('keeps the old file and removes its temporary file when the write fails', async () => {
    const dir = fresh();
    const target = join(dir, 'c.pdf');
    writeFileSync(target, 'cũ');
    await expect(
      writeFileAtomic(target, [Buffer.from('mới')], async () => {
        throw new Error('hỏng giữa chừng');
      }),
    ).rejects.toThrow('hỏng giữa chừng');
    expect(readFileSync(target, 'utf8')).toBe('cũ');
    expect(readdirSync(dir)).toEqual(['c.pdf']);
  });
});
