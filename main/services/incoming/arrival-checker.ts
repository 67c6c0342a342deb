import { join } from 'node:path';
import { verdictOf, type ArrivalCheck, type ArrivalFinding } from '../../../preload/contract/arrival-check.ts';
import type { VerifyReport } from '../../../preload/contract/verify.ts';
import type { Logger } from '../log/logger.ts';
import type { VerifyService } from '../pdf/verify/verify-service.ts';
import { attachmentPath, copyAttachmentTo, readAttachment, storesSealed } from '../store/attachments.ts';
import { withPrivateScratch } from '../vault/private-scratch.ts';
import type { StoreCall } from '../store/store-client.ts';
import { findActiveContent } from './active-content.ts';
import { malwareFindings } from './malware-findings.ts';
import type { MalwareScanner } from './malware/malware-port.ts';
import { checkedSignatures, signatureFindings } from './signature-findings.ts';

export interface ArrivalCheckerDeps {
  readonly store: StoreCall;
  readonly verify: VerifyService;
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
}

export interface ArrivalChecker {
  /** Something arrived: check what waits, in the background (one run at a time). */
  wake(): void;
  /** Resolves when nothing waits any more (tests, the benchmark, quitting). */
  idle(): Promise<void>;
}

/** Check one stored file: verifier, signature kinds, active content, malware scan. */
export async function checkArrival(
  deps: Pick<ArrivalCheckerDeps, 'verify' | 'scanner' | 'filesDir' | 'scratchDir'>,
  file: { sha256: string; coQuanBanHanh: string },
  now: Date,
): Promise<{ check: ArrivalCheck; report: VerifyReport | null }> {
  const path = attachmentPath(deps.filesDir, file.sha256);
  const findings: ArrivalFinding[] = [];
  let report: VerifyReport | null = null;
  let signatures: ArrivalCheck['signatures'] = [];
  let bytes: Uint8Array | null = null;
  try {
    // Read through the file store: sealed on disk in an encrypted profile.
    bytes = readAttachment(deps.filesDir, file.sha256);
    const { evidencePath: _kept, ...verified } = await deps.verify.verify({
      path,
      bytes,
      trustPaths: [],
      offline: false,
    });
    report = verified;
    signatures = checkedSignatures(verified);
    findings.push(...signatureFindings(verified, signatures, file.coQuanBanHanh));
  } catch (error) {
    findings.push({
      code: 'UNREADABLE',
      severity: 'invalid',
      message: `Không đọc được tệp văn bản (${(error as Error).message}).`,
      where: [],
    });
  }
  try {
    if (bytes !== null) {
      findings.push(...findActiveContent(bytes));
    }
  } catch {
    // An unreadable file is already said above; the scan below still runs on its bytes.
  }
  const malware = await scanStored(deps, file.sha256, path);
  findings.push(...malwareFindings(malware));
  return {
    check: { verdict: verdictOf(findings), checkedAt: now.toISOString(), signatures, findings, malware },
    report,
  };
}

/**
 * The scanner reads a path. A plain profile's stored file is scanned where it is; a sealed one is
 * decrypted into a private 0700 folder for the scan and removed with it.
 */
function scanStored(
  deps: Pick<ArrivalCheckerDeps, 'scanner' | 'filesDir' | 'scratchDir'>,
  sha256: string,
  path: string,
): ReturnType<MalwareScanner['scan']> {
  if (!storesSealed(deps.filesDir)) {
    return deps.scanner.scan(path);
  }
  return withPrivateScratch(deps.scratchDir, async (dir) => {
    const plain = join(dir, `${sha256}.pdf`);
    copyAttachmentTo(deps.filesDir, sha256, plain);
    return deps.scanner.scan(plain);
  });
}

/**
 * The background check of arriving documents [S-TN26 Điều 8 k1b]: it takes from the store what
 * waits (electronic documents in đã đến without a verdict), one at a time, and keeps each
 * verdict. Verification is short (milliseconds per file) and asynchronous between steps, and the
 * store runs in its own thread, so the list stays responsive while a batch is checked.
 */
export function createArrivalChecker(deps: ArrivalCheckerDeps): ArrivalChecker {
  const clock = deps.clock ?? (() => new Date());
  let running: Promise<void> | null = null;
  let again = false;

  async function drain(): Promise<void> {
    for (;;) {
      const batch = await deps.store('incoming.pendingChecks', 10);
      if (batch.length === 0) {
        return;
      }
      for (const item of batch) {
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
          deps.log.warn('incoming.check-failed', { id: item.id, error: (error as Error).message });
          return;
        }
        // Let other work (the list's IPC) in between two files.
        await new Promise((resolve) => setImmediate(resolve));
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
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    wake() {
      again = true;
      void start();
    },
    idle: () => running ?? Promise.resolve(),
  };
}
