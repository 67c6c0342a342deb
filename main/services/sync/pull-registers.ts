import type { ApiClient } from './api-client.ts';
import { failureOf } from './classify.ts';
import type { SyncEngineDeps } from './engine-deps.ts';
import type { ServerLink } from './server-link.ts';

/** The organization's registers from every workstation of it (API 1.4.0), page by page. */
export async function pullRegisters(
  deps: Pick<SyncEngineDeps, 'api' | 'registers' | 'log'>,
  link: ServerLink,
): Promise<void> {
  const registers = deps.registers;
  if (registers === undefined) {
    return;
  }
  for (;;) {
    let page: Awaited<ReturnType<ApiClient['registersFeed']>>;
    try {
      page = await deps.api.registersFeed(await registers.cursor());
    } catch (error) {
      // A server before API 1.4.0 has no feed: the rest of the round (receipts) must still run.
      if (failureOf(error).kind !== 'permanent') {
        throw error;
      }
      deps.log.warn('sync.registers_feed_unavailable', { code: failureOf(error).code });
      return;
    }
    // The entries and the cursor in one transaction: a crash in between re-pulls the page.
    await registers.apply(page.items, page.nextCursor);
    link.succeeded();
    if (!page.hasMore || page.items.length === 0) {
      return;
    }
  }
}
