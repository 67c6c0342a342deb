import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { IncomingAddResult, IncomingInput } from '../../preload/contract/incoming.ts';
import type { Services } from '../app/services.ts';
import { attachmentPath } from '../services/store/attachments.ts';

/**
 * Register an incoming document with the PDF the văn thư chose (a handle from files.*). The store
 * names the attachment after the file it reads, so the chosen bytes are copied to a scratch file
 * under the chosen name (a name, never a path: files.* refuses separators); the store then keeps
 * them by hash in its one transaction and the scratch copy goes.
 */
export async function addIncomingWithFile(
  services: Services,
  input: IncomingInput,
  handle: string | undefined,
): Promise<IncomingAddResult> {
  if (handle === undefined) {
    return services.store.call('incoming.add', input, undefined);
  }
  const chosen = services.files.get(handle, 'pdf');
  const dir = join(services.profile.cache, 'den', uuidv7());
  mkdirSync(dir, { recursive: true });
  const path = join(dir, chosen.name);
  try {
    copyFileSync(attachmentPath(services.profile.files, chosen.sha256), path);
    const result = await services.store.call('incoming.add', input, { path });
    services.files.release(handle);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
