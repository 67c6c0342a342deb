import type { EventName, EventPayload } from '../../../preload/contract/index.ts';

type Listener = (event: EventName, payload: unknown) => void;

/** Fan-out of main→renderer events; each shell subscribes its own transport. */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: Listener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<Listener>();
  return {
    emit(event, payload) {
      for (const listener of listeners) {
        listener(event, payload);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
