import type { SyncEngineDeps } from './engine-deps.ts';
import type { ServerLink } from './server-link.ts';
import { downloadFile } from './transfer.ts';

/** The trục's inbox, page by page: each page's files, then its items and cursor. Returns the items pulled. */
export async function pullInbox(
  deps: Pick<SyncEngineDeps, 'api' | 'inbox' | 'onProgress'>,
  link: ServerLink,
): Promise<number> {
  const inbox = deps.inbox;
  if (inbox === undefined) {
    return 0;
  }
  let pulled = 0;
  for (;;) {
    const page = await deps.api.inbox(await inbox.sink.cursor());
    for (const item of page.items) {
      // A 'registered' item may be the first we see of a document (a page lost with a restored backup).
      if (item.kind !== 'recall' && item.document.recalledAt === null) {
        for (const file of item.document.files) {
          await downloadFile(deps.api, file, inbox.files, (sha256, done, total) =>
            deps.onProgress?.({ direction: 'download', sha256, done, total }),
          );
        }
      }
    }
    // Files first, then documents and cursor in one transaction: a crash in between re-pulls the page.
    await inbox.sink.apply(page.items, page.nextCursor);
    pulled += page.items.length;
    link.succeeded();
    if (!page.hasMore || page.items.length === 0) {
      return pulled;
    }
  }
}
