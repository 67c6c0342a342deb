import { failureOf } from './classify.ts';
import type { SyncEngineDeps } from './engine-deps.ts';
import type { ServerLink } from './server-link.ts';

/** The province's directory of organizations, page by page from the stored cursor. */
export async function pullDirectory(deps: Pick<SyncEngineDeps, 'api' | 'directory'>, link: ServerLink): Promise<void> {
  const directory = deps.directory;
  if (directory === undefined) {
    return;
  }
  for (;;) {
    const cursor = await directory.cursor();
    const page = await deps.api.organizations(cursor);
    if (page.items.length === 0) {
      return;
    }
    await directory.apply(page.items, page.nextCursor);
    link.succeeded();
  }
}

/** The years' announced holiday arrangements (API 1.4.0), when the sink wants them. */
export async function pullCalendar(
  deps: Pick<SyncEngineDeps, 'api' | 'calendar' | 'log'>,
  link: ServerLink,
): Promise<void> {
  const calendar = deps.calendar;
  if (calendar === undefined || !calendar.wanted()) {
    return;
  }
  let items: unknown[];
  try {
    items = await deps.api.calendar();
  } catch (error) {
    const failure = failureOf(error);
    if (failure.kind !== 'permanent') {
      throw error;
    }
    // A server before 1.4.0 has no calendar: the law's defaults (and any import) stand.
    deps.log.info('sync.calendar_unavailable', { code: failure.code });
    return;
  }
  await calendar.apply(items);
  link.succeeded();
}
