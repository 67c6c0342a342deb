import { describe, expect, it } from 'vitest';
import { encryptProgressLine } from '../../../main/services/vault/encrypt-progress-text.ts';

describe('the progress lines of the in-place encryption', () => {
  it('says each step in Vietnamese, files counted', () => {
    expect(encryptProgressLine({ phase: 'key' })).toBe('Đang tạo khóa hồ sơ…');
    expect(encryptProgressLine({ phase: 'database', bytes: 1536 })).toBe('Đang mã hóa cơ sở dữ liệu (2 KB)…');
    expect(encryptProgressLine({ phase: 'files', done: 3, total: 12 })).toBe('Đang mã hóa tệp đã lưu: 3/12');
    expect(encryptProgressLine({ phase: 'done', files: 12 })).toBe('Xong: cơ sở dữ liệu và 12 tệp đã được mã hóa.');
  });
});
