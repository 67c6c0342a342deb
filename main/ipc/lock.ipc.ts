import type { Services } from './services.ts';
import type { HandlerTable } from './dispatch.ts';

type LockHandlers = Pick<HandlerTable, 'lock.state' | 'lock.unlock' | 'lock.now'>;

export function lockHandlers(services: Services): LockHandlers {
  return {
    'lock.state': () => services.lock.state(),
    'lock.unlock': ({ password }) => services.lock.unlock(password),
    'lock.now': () => services.lock.lockNow(),
  };
}
