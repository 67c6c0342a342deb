import { chainBroken } from '../store/issuing.ts';
import { readAttachment, sha256Of } from '../store/attachments.ts';

/**
 * A file of the content store read back (decrypted in an encrypted profile), refused if its
 * bytes no longer hash to its name: a step never works on a file that changed on disk.
 */
export function readStoredFile(filesDir: string, sha256: string, stage: string): Uint8Array {
  const bytes = readAttachment(filesDir, sha256);
  if (sha256Of(bytes) !== sha256) {
    throw chainBroken('STORED_FILE_CHANGED', 'Tệp lưu trên máy đã bị thay đổi.', { stage });
  }
  return bytes;
}
