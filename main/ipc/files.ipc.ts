import type { Services } from './services.ts';
import { attachmentPath, readAttachment } from '../services/store/attachments.ts';
import type { HandlerTable } from './dispatch.ts';

type FilesChannels = 'files.choose' | 'files.begin' | 'files.append' | 'files.finish' | 'files.verify';

/** Files enter by chooser or upload and leave as handles; no handler here takes a path. */
export function filesHandlers(services: Services): Pick<HandlerTable, FilesChannels> {
  const { files, chooser } = services;
  return {
    'files.choose': async ({ purpose }) => {
      const picked = await chooser.choose(purpose);
      return picked === null ? null : files.accept(purpose, picked.name, picked.bytes);
    },
    'files.begin': ({ purpose, name, size }) => files.begin(purpose, name, size),
    'files.append': ({ handle, offset, base64 }) => files.append(handle, offset, Buffer.from(base64, 'base64')),
    'files.finish': ({ handle }) => files.finish(handle),
    'files.verify': async ({ handle, offline }) => {
      const file = files.get(handle, 'pdf');
      const { evidencePath: _evidence, ...report } = await services.verify.verify({
        path: attachmentPath(services.profile.files, file.sha256),
        // Read through the file store: sealed on disk in an encrypted profile.
        bytes: readAttachment(services.profile.files, file.sha256),
        trustPaths: [],
        offline,
        fromProof: false,
      });
      return report;
    },
  };
}
