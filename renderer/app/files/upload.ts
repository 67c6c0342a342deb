import type { ChosenFile, FilePurpose, Result } from '../../../preload/contract/index.ts';
import { call } from '../ipc/call.ts';

/** 768 KiB of bytes per chunk: under the contract's 1 MiB, and a few dozen calls for a large scan. */
const CHUNK = 768 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Stream a file the person chose or dropped to main, chunk by chunk, and get its handle back.
 * Only the bytes and the file's name cross the bridge: a browser never exposes a path, and main
 * never reads one from the renderer.
 */
export async function uploadFile(file: File, purpose: FilePurpose): Promise<Result<ChosenFile>> {
  const begun = await call('files.begin', { purpose, name: file.name, size: file.size });
  if (!begun.ok) {
    return begun;
  }
  const { handle } = begun.value;
  for (let offset = 0; offset < file.size; offset += CHUNK) {
    const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
    const sent = await call('files.append', { handle, offset, base64: toBase64(bytes) });
    if (!sent.ok) {
      return sent;
    }
  }
  return call('files.finish', { handle });
}
