import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog } from 'electron';
import { errorMessageVi, VanthuError, type FilePurpose } from '../../preload/contract/index.ts';
import { PURPOSE_EXTENSIONS } from '../services/files/file-kinds.ts';
import { MAX_ATTACHMENT_BYTES } from '../services/store/attachments.ts';
import type { FileChooser } from './file-chooser.ts';

const TITLES: Readonly<Record<FilePurpose, string>> = {
  pdf: 'Chọn tệp PDF',
  nguon: 'Chọn tệp Word/LibreOffice của dự thảo',
  anh: 'Chọn ảnh PNG',
  'chung-thu': 'Chọn chứng thư gốc tin cậy',
  'lich-nghi': 'Chọn tệp thông báo lịch nghỉ (JSON)',
};

/** Electron's open dialog; the chosen path is read here and never leaves main. */
export function electronFileChooser(): FileChooser {
  return {
    async choose(purpose) {
      const picked = await dialog.showOpenDialog({
        title: TITLES[purpose],
        properties: ['openFile'],
        filters: [{ name: TITLES[purpose], extensions: [...PURPOSE_EXTENSIONS[purpose]] }],
      });
      const path = picked.filePaths[0];
      if (picked.canceled || path === undefined) {
        return null;
      }
      if ((await stat(path)).size > MAX_ATTACHMENT_BYTES) {
        throw new VanthuError('FILE_TOO_LARGE', errorMessageVi('FILE_TOO_LARGE'));
      }
      return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
    },
  };
}
