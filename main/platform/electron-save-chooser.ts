import { basename } from 'node:path';
import { dialog } from 'electron';
import { writeFileAtomicSync } from '../services/disk/atomic-write.ts';
import type { SaveChooser } from './save-chooser.ts';

/** Electron's save dialog; the chosen path is written here (temp file, fsync, rename) and never leaves main. */
export function electronSaveChooser(): SaveChooser {
  return {
    native: true,
    async save(suggestedName, bytes) {
      const picked = await dialog.showSaveDialog({
        title: 'Lưu tệp PDF',
        defaultPath: suggestedName,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      const path = picked.filePath;
      if (picked.canceled || path === undefined || path === '') {
        return null;
      }
      writeFileAtomicSync(path, bytes);
      return { name: basename(path) };
    },
  };
}
