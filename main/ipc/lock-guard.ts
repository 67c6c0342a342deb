import { errorMessageVi, LOCK_CHANNELS, VanthuError, type ChannelName } from '../../preload/contract/index.ts';
import type { Services } from './services.ts';
import type { Handler, HandlerTable } from './dispatch.ts';

/**
 * While the window is locked (issue #19) main answers only the lock's own channels: the renderer
 * hides its content, but a page that kept calling would otherwise still read and act. Every
 * other call counts as the person's activity for shells without a system idle time.
 */
export function guardLock(services: Pick<Services, 'lock'>, table: HandlerTable): HandlerTable {
  const guarded: Record<string, Handler<ChannelName>> = {};
  for (const [name, handler] of Object.entries(table) as [ChannelName, Handler<ChannelName>][]) {
    guarded[name] = LOCK_CHANNELS.has(name)
      ? handler
      : (request, context) => {
          if (services.lock.isLocked()) {
            throw new VanthuError('APP_LOCKED', errorMessageVi('APP_LOCKED'), { retryable: true });
          }
          services.lock.touch();
          return handler(request, context);
        };
  }
  return guarded as unknown as HandlerTable;
}
