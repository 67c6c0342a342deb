import type { Services } from '../app/services.ts';
import type { HandlerTable } from './dispatch.ts';
import { requireKnownModule } from './signing.ipc.ts';

type IssuingChannels =
  | 'issuing.createDraft'
  | 'issuing.draftPage'
  | 'issuing.sign'
  | 'issuing.number'
  | 'issuing.seal'
  | 'issuing.publish'
  | 'issuing.files';

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
    'issuing.number': ({ id }) => issuing.number(id),
    'issuing.seal': ({ id, signer, pin }) => {
      requireKnownModule(services, signer.modulePath);
      return issuing.seal({ id, signer, pin });
    },
    'issuing.publish': ({ id }) => issuing.publish(id),
    'issuing.files': ({ id }) => issuing.files(id),
  };
}
