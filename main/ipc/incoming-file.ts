import { join } from 'node:path';
import type { IncomingAddResult, IncomingInput } from '../../preload/contract/incoming.ts';
import { needsArrivalCheck } from '../../preload/contract/arrival-check.ts';
import type { Services } from './services.ts';
import type { ServerNumber } from '../domain/numbering.ts';
import { staysOnWorkstation } from '../domain/secrecy.ts';
import { vietnamYear } from '../domain/vietnam-time.ts';
import type { numberForRegistration } from '../services/sync/online-numbers.ts';
import { copyAttachmentTo } from '../services/store/attachments.ts';
import { withPrivateScratch } from '../services/disk/private-scratch.ts';

type RegistrationNumber = Awaited<ReturnType<typeof numberForRegistration>>;

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
  scanReason: string | undefined,
  takeNumber: () => Promise<RegistrationNumber>,
): Promise<IncomingAddResult> {
  if (handle === undefined) {
    return services.store.call('incoming.add', input, undefined, await takeNumber());
  }
  const chosen = services.files.get(handle, 'pdf');
  // The store worker reads the file by path and names it from it: the plaintext (decrypted from
  // the file store) waits in a private folder that goes with the call.
  return withPrivateScratch(join(services.profile.cache, 'den'), async (dir) => {
    const path = join(dir, chosen.name);
    copyAttachmentTo(services.profile.files, chosen.sha256, path);
    // The number is taken last, once the file is in place, so a failed copy wastes no number.
    const result = await services.store.call(
      'incoming.add',
      input,
      { path, ...(scanReason === undefined ? {} : { scanReason }) },
      await takeNumber(),
    );
    services.files.release(handle);
    return result;
  });
}

/**
 * Tiếp nhận of an arrival that has no số đến yet takes the organization's next number from the
 * server when online (in order of receipt across workstations). Asked only when the store's gate
 * will let it through — a number asked for a document then refused would stay unused — and keyed
 * by the document, so asking again (a retry, a second click) gets the same number back.
 */
export async function numberForAdmission(
  services: Services,
  id: string,
  acceptReason: string | undefined,
): Promise<ServerNumber | null> {
  const document = await services.store.call('incoming.get', id);
  if (document.soDen !== null || document.soDenTam !== null || staysOnWorkstation(document.doMat)) {
    return null;
  }
  if (needsArrivalCheck(document)) {
    const verdict = document.arrivalCheck?.verdict;
    const admissible = verdict === 'valid' || (verdict === 'indeterminate' && (acceptReason?.trim() ?? '') !== '');
    if (!admissible) {
      return null;
    }
  }
  const now = new Date();
  return services.sync.numbers.take('den', vietnamYear(now), id, `so-den:${id}`);
}
