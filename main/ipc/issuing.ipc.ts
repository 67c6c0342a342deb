import { errorMessageVi, VanthuError } from '../../preload/contract/index.ts';
import type { Services } from './services.ts';
import { readAttachment } from '../services/store/attachments.ts';
import type { HandlerTable } from './dispatch.ts';
import { requireKnownModule } from './signing.ipc.ts';

type IssuingChannels =
  | 'issuing.createDraft'
  | 'issuing.draftPage'
  | 'issuing.sign'
  | 'issuing.issueNumber'
  | 'issuing.seal'
  | 'issuing.publish'
  | 'issuing.files'
  | 'issuing.placement';

/**
 * The issuing journey: one call per user action, naming the document (and a file handle where a
 * file is added). The PIN in `sign`/`seal` goes to the one token login of the call and is dropped
 * with the request when the call returns.
 */
export function issuingHandlers(services: Services): Pick<HandlerTable, IssuingChannels> {
  const { issuing } = services;
  return {
    'issuing.createDraft': ({ input, pdf, source, placed }) => issuing.createDraft(input, pdf, source, placed),
    'issuing.draftPage': ({ pdf, pageIndex }) => issuing.draftPage(pdf, pageIndex),
    'issuing.sign': ({ ids, signer, pin, batchId }) => {
      requireKnownModule(services, signer.modulePath);
      return issuing.sign({ ids, signer, pin, ...(batchId === undefined ? {} : { batchId }) });
    },
    'issuing.issueNumber': ({ id }) => issuing.issueNumber(id),
    'issuing.seal': ({ id, signer, pin }) => {
      requireKnownModule(services, signer.modulePath);
      return issuing.seal({ id, signer, pin });
    },
    'issuing.publish': ({ id }) => issuing.publish(id),
    'issuing.files': ({ id }) => issuing.files(id),
    'issuing.placement': async ({ id }) => {
      const doc = await services.store.call('outgoing.get', id);
      if (doc.fileSha256 === null) {
        throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND', '(dự thảo chưa có tệp PDF)'), {
          details: { id },
        });
      }
      // The same layout that placed the draft's fields (prepareFields, placement auto), on the stored file.
      return services.layout.propose({
        path: doc.fileSha256,
        bytes: readAttachment(services.profile.files, doc.fileSha256),
        render: true,
        dpi: 72,
      });
    },
  };
}
