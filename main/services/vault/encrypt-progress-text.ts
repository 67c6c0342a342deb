import type { EncryptProgress } from './encrypt-profile.ts';

/** One Vietnamese line per step of the in-place encryption, for the CLI and the browser shell's console. */
export function encryptProgressLine(p: EncryptProgress): string {
  switch (p.phase) {
    case 'key':
      return 'Đang tạo khóa hồ sơ…';
    case 'database':
      return `Đang mã hóa cơ sở dữ liệu (${Math.ceil(p.bytes / 1024)} KB)…`;
    case 'files':
      return `Đang mã hóa tệp đã lưu: ${p.done}/${p.total}`;
    case 'done':
      return `Xong: cơ sở dữ liệu và ${p.files} tệp đã được mã hóa.`;
  }
}
