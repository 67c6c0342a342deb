import type { Services } from '../app/services.ts';
import type { HandlerTable } from './dispatch.ts';

type FilesChannels = 'files.choose' | 'files.begin' | 'files.append' | 'files.finish';

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
  };
}
