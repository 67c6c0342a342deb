import type { DocumentMetadataDto } from '../../../preload/contract/metadata.ts';
import type { FileIntake } from '../files/file-intake.ts';
import { readAttachment } from '../store/attachments.ts';
import { readDraft } from '../the-thuc/read-draft.ts';
import { readMetadata } from './read-metadata.ts';

export interface MetadataService {
  /** The fields a chosen PDF prints about itself; nothing found is an empty object, not an error. */
  read(handle: string): Promise<DocumentMetadataDto>;
}

export function createMetadataService(deps: { files: FileIntake; filesDir: string }): MetadataService {
  return {
    async read(handle) {
      const held = deps.files.get(handle, 'pdf');
      return readMetadata(await readDraft(readAttachment(deps.filesDir, held.sha256)));
    },
  };
}
