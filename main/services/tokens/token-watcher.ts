/** A token as the watcher compares them: present on a module, known by label and serial. */
export interface TokenRef {
  readonly modulePath: string;
  readonly label: string;
  readonly serial: string;
}

export interface TokenWatcher {
  /** Begin polling (idempotent). The timer is unref'd so it never keeps a CLI process alive. */
  start(): void;
  stop(): void;
  /** Poll once now; resolves after any change has been reported. */
  poll(): Promise<void>;
}

export interface TokenWatcherOptions {
  /** Current tokens; where they come from (in-process slots, a probe child) is the caller's choice. */
  readonly snapshot: () => Promise<readonly TokenRef[]>;
  readonly onChange: (tokens: readonly TokenRef[]) => void;
  readonly intervalMs?: number;
  readonly onError?: (error: unknown) => void;
}

function key(tokens: readonly TokenRef[]): string {
  return tokens
    .map((t) => `${t.modulePath}\u0000${t.serial}\u0000${t.label}`)
    .sort()
    .join('\n');
}

/**
 * Insert/remove detection by polling. C_WaitForSlotEvent would block a thread (pkcs11js has no
 * async form) and many drivers, SoftHSM2 included, do not support it, so we compare snapshots.
 * The first poll sets the baseline without reporting.
 */
export function createTokenWatcher(options: TokenWatcherOptions): TokenWatcher {
  const intervalMs = options.intervalMs ?? 2000;
  let last: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const poll = (): Promise<void> => {
    running ??= (async () => {
      try {
        const tokens = await options.snapshot();
        const current = key(tokens);
        if (last !== undefined && current !== last) {
          options.onChange(tokens);
        }
        last = current;
      } catch (error) {
        options.onError?.(error);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  return {
    start() {
      if (timer !== undefined) {
        return;
      }
      void poll();
      timer = setInterval(() => void poll(), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer !== undefined) {
        clearInterval(timer);
      }
      timer = undefined;
    },
    poll,
  };
}
