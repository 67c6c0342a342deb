import type { Services } from './services.ts';
import type { HandlerTable } from './dispatch.ts';
import { VanthuError } from '../../preload/contract/errors.ts';
import { errorMessageVi } from '../../preload/contract/error-messages.vi.ts';
import { attachmentPath, readAttachment } from '../services/store/attachments.ts';
import { numberForRegistration } from '../services/sync/online-numbers.ts';
import { addIncomingWithFile, numberForAdmission } from './incoming-file.ts';

type IncomingChannels =
  | 'incoming.add'
  | 'incoming.list'
  | 'incoming.get'
  | 'incoming.linkReply'
  | 'incoming.transition'
  | 'incoming.assign'
  | 'incoming.assignment'
  | 'incoming.attachment'
  | 'incoming.verify'
  | 'incoming.returnReason'
  | 'incoming.removeRecalledFile';

export function incomingHandlers(services: Services): Pick<HandlerTable, IncomingChannels> {
  const { store } = services;
  return {
    // Online, the số đến is the organization's next at this moment (in order of receipt); offline, the block's.
    'incoming.add': async ({ input, file, scanReason }) => {
      const added = await addIncomingWithFile(services, input, file, scanReason, () =>
        numberForRegistration(services.sync.numbers, input.doMat, new Date()),
      );
      // An electronic document entered by hand is checked like one from the Trục.
      services.arrivals.wake();
      return added;
    },
    'incoming.list': (filter) => store.call('incoming.list', filter),
    'incoming.get': ({ id }) => store.call('incoming.get', id),
    'incoming.transition': async ({ id, to, note, acceptReason }) =>
      store.call(
        'incoming.transition',
        id,
        to,
        note,
        acceptReason,
        to === 'da-tiep-nhan' ? await numberForAdmission(services, id, acceptReason) : null,
      ),
    'incoming.returnReason': ({ id }) => store.call('incoming.returnReason', id),
    'incoming.removeRecalledFile': ({ id }) => store.call('incoming.removeRecalledFile', id),
    'incoming.linkReply': ({ id, outgoingId }) => store.call('incoming.linkReply', id, outgoingId),
    'incoming.assign': ({ id, assignment }) => store.call('incoming.assign', id, assignment),
    'incoming.assignment': ({ id }) => store.call('incoming.assignment', id),
    'incoming.attachment': ({ id }) => store.call('incoming.attachment', id),
    'incoming.verify': async ({ id, offline }) => {
      const document = await store.call('incoming.get', id);
      if (document.fileSha256 === null) {
        throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND', '(văn bản giấy chưa có bản quét)'), {
          details: { id },
        });
      }
      const path = attachmentPath(services.profile.files, document.fileSha256);
      const { evidencePath: _evidence, ...report } = await services.verify.verify({
        path,
        bytes: readAttachment(services.profile.files, document.fileSha256),
        trustPaths: [],
        offline,
        fromProof: false,
      });
      await store.call('incoming.setVerification', id, report);
      return report;
    },
  };
}
