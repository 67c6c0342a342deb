import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Content-addressed storage: a finished file lives at blobs/<sha256>, an upload at uploads/<sha256>.part. */
export function blobPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'blobs', sha256);
}

export function partPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'uploads', `${sha256}.part`);
}

export function ensureBlobDirs(dataDir: string): void {
  mkdirSync(join(dataDir, 'blobs'), { recursive: true });
  mkdirSync(join(dataDir, 'uploads'), { recursive: true });
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
