import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encryptsByDefault } from '../../../main/services/vault/profile-start.ts';
import { withPrivateScratch } from '../../../main/services/disk/private-scratch.ts';

describe('encryption at rest by default', () => {
  it('is on unless VANTHU_ENCRYPT_PROFILE=0 turns it off', () => {
    expect(encryptsByDefault({})).toBe(true);
    expect(encryptsByDefault({ VANTHU_ENCRYPT_PROFILE: '1' })).toBe(true);
    expect(encryptsByDefault({ VANTHU_ENCRYPT_PROFILE: '0' })).toBe(false);
  });
});

describe('the private scratch folder', () => {
  it('is readable by the user only and gone after the call, also when the call fails', async () => {
    const parent = join(mkdtempSync(join(tmpdir(), 'vanthu-scratch-')), 'tam');
    let seen = '';
    await withPrivateScratch(parent, async (dir) => {
      seen = dir;
      writeFileSync(join(dir, 'x.pdf'), '%PDF-1.7');
      if (process.platform !== 'win32') {
        expect(statSync(dir).mode & 0o777).toBe(0o700);
      }
      return Promise.resolve();
    });
    expect(seen).not.toBe('');
    expect(existsSync(seen)).toBe(false);

    await expect(
      withPrivateScratch(parent, (dir) => {
        seen = dir;
        writeFileSync(join(dir, 'x.pdf'), '%PDF-1.7');
        return Promise.reject(new Error('hỏng'));
      }),
    ).rejects.toThrow('hỏng');
    expect(existsSync(seen)).toBe(false);
  });
});
