/**
 * One PKCS#11 operation at a time per module, keyed by module path. C_SignAsync runs on a libuv
 * worker thread while discovery runs on the main thread, and many vendor DLLs are not
 * thread-safe whatever CKF_OS_LOCKING_OK promises; a token is a single device anyway.
 * Calls with the same key run in order; other modules are not held up.
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
