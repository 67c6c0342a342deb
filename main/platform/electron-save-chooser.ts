import { renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { dialog } from 'electron';
import type { SaveChooser } from './save-chooser.ts';

/** Electron's save dialog; the chosen path is written here (temp file, rename) and never leaves main. */
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
      writeFileSync(`${path}.tmp`, bytes);
      renameSync(`${path}.tmp`, path);
      return { name: basename(path) };
    },
  };
}
