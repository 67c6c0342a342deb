/**
 * One operation at a time per token: PKCS#11 modules are often not thread-safe and a token
 * is a single device. Calls for the same key run in order; other tokens are not held up.
 */
const tails = new Map<string, Promise<unknown>>();

export function runExclusive<T>(tokenKey: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(tokenKey) ?? Promise.resolve();
  const result = previous.then(task, task);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  tails.set(tokenKey, tail);
  void tail.then(() => {
    if (tails.get(tokenKey) === tail) {
      tails.delete(tokenKey);
    }
  });
  return result;
}
