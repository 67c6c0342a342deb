import type { RecipientStatus } from './api-client.ts';
import { failureOf } from './classify.ts';
import type { SyncEngineDeps } from './engine-deps.ts';
import type { ServerLink } from './server-link.ts';

/** The recipients' receipts of the documents we sent that still await some. */
export async function pullReceipts(
  deps: Pick<SyncEngineDeps, 'api' | 'receipts' | 'log'>,
  link: ServerLink,
): Promise<void> {
  const receipts = deps.receipts;
  if (receipts === undefined) {
    return;
  }
  const updates: { documentId: string; recipients: RecipientStatus[] }[] = [];
  for (const documentId of await receipts.awaiting()) {
    try {
      updates.push({ documentId, recipients: await deps.api.recipients(documentId) });
      link.succeeded();
    } catch (error) {
      const failure = failureOf(error);
      if (failure.kind !== 'permanent') {
        throw error;
      }
      // One document the server does not know (yet) must not hide the others' receipts.
      deps.log.warn('sync.receipts_failed', { documentId, code: failure.code });
    }
  }
  if (updates.length > 0) {
    await receipts.apply(updates);
  }
}
