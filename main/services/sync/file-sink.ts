import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { attachmentPath, storeAttachmentFromFile } from '../store/attachments.ts';
import { filesKeyFor } from '../cipher/files-key.ts';
import type { FileSink } from './ports.ts';

function fsyncDir(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Downloads land in the store's content-addressed files folder. Partial files wait in
 * `partial/` between attempts (a reset resumes with a Range request); a verified file is
 * fsynced and renamed under its hash before the transaction that refers to it.
 */
export function createAttachmentFileSink(filesDir: string): FileSink {
  return {
    has: (sha256) => existsSync(attachmentPath(filesDir, sha256)),
    partialPath: (sha256) => {
      mkdirSync(join(filesDir, 'partial'), { recursive: true });
      return join(filesDir, 'partial', sha256);
    },
    commit: (sha256, partial) => {
      const target = attachmentPath(filesDir, sha256);
      mkdirSync(dirname(target), { recursive: true });
      const fd = openSync(partial, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      if (filesKeyFor(filesDir) !== undefined) {
        // An encrypted profile: the verified download is sealed into the store, the plain partial goes.
        storeAttachmentFromFile(filesDir, partial);
        rmSync(partial, { force: true });
        return;
      }
      renameSync(partial, target);
      // The rename must reach the disk before a document row points at the file.
      fsyncDir(dirname(target));
    },
  };
}
