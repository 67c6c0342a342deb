import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { filesKeyFor } from './files-key.ts';
import { isSealed, unsealFile } from './sealed-file.ts';

/**
 * A file's plaintext by its path, whether it lies in an encrypted profile's content store
 * (`<files>/<xx>/<sha256>`, sealed under the key registered for that folder) or anywhere else.
 * For readers that are handed a path, as the verifier is: in an encrypted profile the bytes on
 * disk are ciphertext, and verifying them would report every stored document as unreadable.
 */
export async function readStoredOrPlain(path: string): Promise<Uint8Array> {
  const bytes = await readFile(path);
  if (!isSealed(bytes)) {
    return bytes;
  }
  const key = filesKeyFor(dirname(dirname(path)));
  // Sealed but no key registered here: returned as it is, and reported unreadable as a PDF.
  return key === undefined ? bytes : unsealFile(key, path);
}
