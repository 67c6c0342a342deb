import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { AppendixFile } from '../../preload/contract/appendices.ts';
import { errorMessageVi, isVanthuError, VanthuError } from '../../preload/contract/index.ts';
import type { Services } from './services.ts';
import { attachmentPath, readAttachment } from '../services/store/attachments.ts';
import type { StoredAppendixFile } from '../services/store/appendices.ts';
import { withPrivateScratch } from '../services/disk/private-scratch.ts';
import type { HandlerTable } from './dispatch.ts';
import { requireKnownModule } from './signing.ipc.ts';

type AppendixChannels =
  | 'outgoing.addAppendix'
  | 'outgoing.removeAppendix'
  | 'outgoing.appendixFile'
  | 'incoming.appendices'
  | 'incoming.appendixFile';

/** Opening an appendix shows whether its signature holds, as for the document itself. */
async function withVerdict(services: Services, file: StoredAppendixFile): Promise<AppendixFile> {
  try {
    const { evidencePath: _evidence, ...report } = await services.verify.verify({
      path: attachmentPath(services.profile.files, file.sha256),
      bytes: readAttachment(services.profile.files, file.sha256),
      trustPaths: [],
      offline: false,
      fromProof: false,
    });
    return { ...file, verification: report };
  } catch (error) {
    // The file still opens; the screen says it could not be verified.
    if (!isVanthuError(error)) {
      throw error;
    }
    services.log.warn('appendix.verify_failed', { sha256: file.sha256, code: error.code });
    return { ...file, verification: null };
  }
}

/**
 * Phụ lục of a document. Adding one signs the chosen PDF with the organization's certificate and
 * the document's số, ký hiệu (read from the record, never typed) into a scratch file of the
 * profile, then the store keeps it under its hash and lists it on the record in one transaction.
 * A crash before that transaction leaves only a scratch file: the record has no appendix, never
 * half of one; the văn thư signs again.
 */
export function appendicesHandlers(services: Services): Pick<HandlerTable, AppendixChannels> {
  const { store, signing } = services;
  return {
    'outgoing.addAppendix': async ({ id, title, file, ...request }) => {
      requireKnownModule(services, request.modulePath);
      const doc = await store.call('outgoing.get', id);
      const { soKyHieu } = doc;
      if (soKyHieu === null || (doc.state !== 'da-cap-so' && doc.state !== 'da-dong-dau')) {
        // Checked again in the store's transaction; refusing here spares the PIN entry and the signature.
        throw new VanthuError('STATE_TRANSITION_INVALID', errorMessageVi('STATE_TRANSITION_INVALID'), {
          details: { from: doc.state, to: 'phu-luc' },
        });
      }
      // The chosen file is read through the file store; the signer's output waits in a private
      // folder that goes with the call (the store worker reads it by path).
      return withPrivateScratch(join(services.profile.cache, 'phu-luc'), async (dir) => {
        const outPath = join(dir, `${uuidv7()}.pdf`);
        const chosen = services.files.get(file, 'pdf');
        await signing.appendix({
          ...request,
          path: chosen.sha256,
          bytes: readAttachment(services.profile.files, chosen.sha256),
          outPath,
          soKyHieu,
        });
        const added = await store.call('outgoing.attachAppendix', id, { path: outPath, title, signed: true });
        services.files.release(file);
        return added;
      });
    },
    'outgoing.removeAppendix': ({ id, sha256 }) => store.call('outgoing.removeAppendix', id, sha256),
    'outgoing.appendixFile': async ({ id, sha256 }) =>
      withVerdict(services, await store.call('outgoing.appendixFile', id, sha256)),
    'incoming.appendices': ({ id }) => store.call('incoming.appendices', id),
    'incoming.appendixFile': async ({ id, sha256 }) =>
      withVerdict(services, await store.call('incoming.appendixFile', id, sha256)),
  };
}
