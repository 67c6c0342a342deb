import type { ServerState } from '../state.ts';

/**
 * Long-poll wake-ups: a person's inbox request waits here until a step is routed to them (or its
 * time runs out). In memory, per server: a restart only ends the waits, and clients poll again.
 */
const waiting = new WeakMap<ServerState, Map<string, Set<() => void>>>();

function waitersOf(state: ServerState): Map<string, Set<() => void>> {
  let map = waiting.get(state);
  if (map === undefined) {
    map = new Map();
    waiting.set(state, map);
  }
  return map;
}

/** Resolves when `wake` names the person, after `ms`, or when `signal` aborts (the client left). */
export function waitForPerson(state: ServerState, username: string, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const map = waitersOf(state);
    const set = map.get(username) ?? new Set();
    map.set(username, set);
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      set.delete(done);
      if (set.size === 0) {
        map.delete(username);
      }
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    set.add(done);
  });
}

/** Call after the transaction that routed the step committed, so a woken request sees it. */
export function wakePeople(state: ServerState, usernames: Iterable<string>): void {
  const map = waitersOf(state);
  for (const username of usernames) {
    for (const wake of [...(map.get(username) ?? [])]) {
      wake();
    }
  }
}

/**
 * A trục arrival (a document or a recall) for these organizations: wake their people's held
 * requests, so a workstation that asked to hear of the trục (`trucCursor`) pulls it at once.
 * The others find nothing for them and wait on. Call after the transaction committed.
 */
export function wakeOrganizations(state: ServerState, orgs: Iterable<string>): void {
  const usernames = state.db.prepare('select username from users where ma_dinh_danh = ?').pluck();
  for (const org of new Set(orgs)) {
    wakePeople(state, usernames.all(org) as string[]);
  }
}
