import { join } from 'node:path';

/** Where "Sao lưu ngay" writes: the profile's `sao-luu` folder, one file per moment (UTC, sortable). */
export function defaultBackupPath(profileRoot: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return join(profileRoot, 'sao-luu', `vanthu-${stamp}.sqlite`);
}
