import { join } from 'node:path';
import { verdictOf, type ArrivalCheck, type MalwareScan } from '../../../preload/contract/arrival-check.ts';
import type { VerifyReport } from '../../../preload/contract/verify.ts';
import type { Logger } from '../log/logger.ts';
import { attachmentPath, copyAttachmentTo, storesSealed } from '../store/attachments.ts';
import { withPrivateScratch } from '../disk/private-scratch.ts';
import type { StoreCall } from '../store/store-client.ts';
import type { Inspector } from './inspect-file.ts';
import { malwareFindings } from './malware-findings.ts';
import type { MalwareScanner } from './malware/malware-port.ts';

export interface ArrivalCheckerDeps {
  readonly store: StoreCall;
  /** Reads the file: in a worker thread in the app (`inspect-worker-client.ts`), in process in tests. */
  readonly inspect: Inspector;
  readonly scanner: MalwareScanner;
  readonly filesDir: string;
  /**
   * Where the malware scanner (an external program that reads a path) gets a sealed file's
   * plaintext: a private folder per check, removed after it. Unused for a plain profile.
   */
  readonly scratchDir: string;
  readonly log: Logger;
  readonly clock?: () => Date;
  /** After each document is checked (the renderer refreshes its list). */
  readonly onChecked?: (id: string, verdict: ArrivalCheck['verdict']) => void;
  /** Called by stop(): cancels the inspection under way (the worker is ended). */
  readonly cancel?: () => Promise<void>;
}

export interface ArrivalChecker {
  /** Something arrived: check what waits, in the background (one run at a time). */
  wake(): void;
  /** Resolves when nothing waits any more (tests, the benchmark). */
  idle(): Promise<void>;
  /** Quit: no further document is started, the one under way is cancelled and stays pending. */
  stop(): Promise<void>;
}

/**
 * The scanner reads a path (Defender's MpCmdRun takes nothing else). A plain profile's stored
 * file is scanned where it is; a sealed one is decrypted into a private 0700 folder for the scan
 * and removed with it — never the ciphertext, whose scan would find nothing and look like a pass.
 */
function scanStored(
  deps: Pick<ArrivalCheckerDeps, 'scanner' | 'filesDir' | 'scratchDir'>,
  sha256: string,
  path: string,
): Promise<MalwareScan> {
  if (!storesSealed(deps.filesDir)) {
    return deps.scanner.scan(path);
  }
  return withPrivateScratch(deps.scratchDir, async (dir) => {
    const plain = join(dir, `${sha256}.pdf`);
    copyAttachmentTo(deps.filesDir, sha256, plain);
    return deps.scanner.scan(plain);
  });
}

/** Check one stored file: the inspection (verifier, signature kinds, active content), then the malware scan. */
export async function checkArrival(
  deps: Pick<ArrivalCheckerDeps, 'inspect' | 'scanner' | 'filesDir' | 'scratchDir'>,
  file: { sha256: string; coQuanBanHanh: string },
  now: Date,
): Promise<{ check: ArrivalCheck; report: VerifyReport | null }> {
  const path = attachmentPath(deps.filesDir, file.sha256);
  // The scan is a child process: it runs while the worker reads the file.
  const [inspection, malware] = await Promise.all([
    deps.inspect({ path, coQuanBanHanh: file.coQuanBanHanh }),
    scanStored(deps, file.sha256, path),
  ]);
  const findings = [...inspection.findings, ...malwareFindings(malware)];
  return {
    check: {
      verdict: verdictOf(findings),
      checkedAt: now.toISOString(),
      signatures: inspection.signatures,
      findings,
      malware,
    },
    report: inspection.report,
  };
}

/**
 * The background check of arriving documents [S-TN26 Điều 8 k1b]: it takes from the store what
 * waits (electronic documents in đã đến without a verdict), one at a time, and keeps each
 * verdict. The file is read by the inspector (in the app a worker thread of its own) and the store
 * answers from its own thread, so the list stays responsive while a batch is checked.
 */
export function createArrivalChecker(deps: ArrivalCheckerDeps): ArrivalChecker {
  const clock = deps.clock ?? (() => new Date());
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function drain(): Promise<void> {
    while (!stopped) {
      const batch = await deps.store('incoming.pendingChecks', 10);
      if (batch.length === 0) {
        return;
      }
      for (const item of batch) {
        if (stopped) {
          return;
        }
        try {
          const { check, report } = await checkArrival(
            deps,
            { sha256: item.fileSha256, coQuanBanHanh: item.coQuanBanHanh },
            clock(),
          );
          await deps.store('incoming.setArrivalCheck', item.id, check, report);
          deps.log.info('incoming.checked', { id: item.id, verdict: check.verdict });
          deps.onChecked?.(item.id, check.verdict);
        } catch (error) {
          // Left pending: the next wake tries again; a broken file must not stop the others.
          if (!stopped) {
            deps.log.warn('incoming.check-failed', { id: item.id, error: (error as Error).message });
          }
          return;
        }
      }
    }
  }

  function start(): Promise<void> {
    running ??= (async () => {
      do {
        again = false;
        try {
          await drain();
        } catch (error) {
          // The store may not be open yet (no organization configured): the next arrival wakes it again.
          deps.log.warn('incoming.check-waiting', { error: (error as Error).message });
          return;
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    wake() {
      if (stopped) {
        return;
      }
      again = true;
      void start();
    },
    idle: () => running ?? Promise.resolve(),
    async stop() {
      stopped = true;
      await deps.cancel?.();
      await (running ?? Promise.resolve());
    },
  };
}
